// `kehoach coverage PLAN [--parent FILE]... [--format text|markdown|csv|json] [--locale vi|en]`:
// the table parent task → plan items → lead agency → deadline → status. Without --parent, the
// parents are the files in the plan's folder whose header carries a number the plan cites, and
// those listed in `.kehoach.json` ("parents", or "directives" with a path).

import * as path from 'path';
import { parsePlan } from '../core/parse';
import type { PlanDocument } from '../core/model';
import { localeFrom, localize, type Locale } from '../core/i18n';
import { citedParents } from '../core/parent/extract';
import { ParentContext, type ParentDoc } from '../core/parent/context';
import { formatReport, type ReportFormat } from '../core/parent/coverageTable';
import { readPlanFile } from '../planFile';
import { cliParentResolver } from './parents';
import { capParents } from '../parentResolver';
import { readArgs } from './args';
import { projectConfigForCli } from '../projectConfig';

export interface CoverageIo {
  out(s: string): void;
  err(s: string): void;
}

const USAGE = 'kehoach coverage PLAN [--parent FILE]... [--format text|markdown|csv|json] [--locale vi|en]';
const FORMATS: ReportFormat[] = ['text', 'markdown', 'csv', 'json'];
interface Args {
  plan?: string;
  parents: string[];
  format: ReportFormat;
  locale: Locale;
}

function parseArgs(args: string[]): Args | string {
  const parsed = readArgs(args, { parent: { type: 'string', short: 'p', multiple: true }, format: { type: 'string', short: 'f' }, locale: { type: 'string' } });
  if (typeof parsed === 'string') return parsed;
  const { values: v, positionals } = parsed;
  const a: Args = { parents: v.parent ?? [], format: 'text', locale: localeFrom(v.locale) };
  if (v.format !== undefined) {
    if (!FORMATS.includes(v.format as ReportFormat)) return `định dạng không hợp lệ: ${v.format} (format must be text, markdown, csv or json)`;
    a.format = v.format as ReportFormat;
  }
  if (positionals.length > 1) return `chỉ một kế hoạch mỗi lần (one PLAN at a time): ${positionals[1]}`;
  a.plan = positionals[0];
  if (!a.plan) return 'thiếu tệp kế hoạch (no PLAN given)';
  return a;
}

function readDoc(file: string, io: CoverageIo): PlanDocument | undefined {
  const input = readPlanFile(file);
  if (input.error || input.text === undefined) {
    io.err(`${file}: ${input.error ?? 'không đọc được (unreadable)'}\n`);
    return undefined;
  }
  return parsePlan(input.text);
}

export async function runCoverage(args: string[], io: CoverageIo): Promise<number> {
  const a = parseArgs(args);
  if (typeof a === 'string') {
    io.err(`${a}\n${USAGE}\n`);
    return 2;
  }
  const plan = readDoc(a.plan!, io);
  if (!plan) return 2;
  const resolver = cliParentResolver();
  const { files: parentFiles, note } = capParents(a.parents.length > 0 ? a.parents : await resolver.filesFor(a.plan!, plan, projectConfigForCli(a.plan!).config));
  if (note) io.err(`${localize(note, a.locale)}\n`);
  const notFound = () => {
    const cited = citedParents(plan).map((c) => c.symbol).join(', ');
    io.err(
      a.locale === 'en'
        ? `no parent directive found${cited ? ` (the plan cites ${cited})` : ''}: give one with --parent FILE or list it in .kehoach.json "parents"\n`
        : `không tìm thấy văn bản cấp trên${cited ? ` (kế hoạch trích dẫn ${cited})` : ''}: chỉ ra bằng --parent TỆP hoặc khai báo "parents" trong .kehoach.json\n`,
    );
    return 2;
  };
  if (parentFiles.length === 0) return notFound();
  const parents: ParentDoc[] = [];
  for (const file of parentFiles) {
    const parent = await resolver.load(path.resolve(file));
    if (typeof parent === 'string') {
      io.err(`${file}: ${parent}\n`);
      return 2;
    }
    parents.push(parent);
  }
  // Through the context the KH9xx rules read: the same parents, the same filters (a plan is not its own parent).
  const results = new ParentContext(parents).links(plan).map((l) => l.coverage);
  // Every file found was the plan itself or another body's document under the same number.
  if (results.length === 0) return notFound();
  io.out(formatReport(results, a.format, a.locale));
  return 0;
}
