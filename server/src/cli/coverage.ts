// `kehoach coverage PLAN [--parent FILE]... [--format text|markdown|csv|json] [--locale vi|en]`:
// the table parent task → plan items → lead agency → deadline → status. Without --parent, the
// parents are the files in the plan's folder whose header carries a number the plan cites, and
// those listed in `.kehoach.json` ("parents", or "directives" with a path).

import * as path from 'path';
import { parsePlan } from '../core/parse';
import type { PlanDocument } from '../core/model';
import { localeFrom, type Locale } from '../core/i18n';
import { citedParents } from '../core/parent/extract';
import { ParentContext, type ParentDoc } from '../core/parent/context';
import { formatReport, type ReportFormat } from '../core/parent/report';
import { readPlanFile } from '../planFile';
import { cliParentResolver } from './parents';
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
  const a: Args = { parents: [], format: 'text', locale: 'vi' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf('=');
    const [name, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (name === '--parent' || name === '-p') {
      const v = value();
      if (!v) return `${name} cần một tệp (needs a FILE)`;
      a.parents.push(v);
    } else if (name === '--format' || name === '-f') {
      const v = value();
      if (!v || !FORMATS.includes(v as ReportFormat)) return `định dạng không hợp lệ: ${v ?? ''} (format must be text, markdown, csv or json)`;
      a.format = v as ReportFormat;
    } else if (name === '--locale') {
      a.locale = localeFrom(value());
    } else if (name.startsWith('-') && name !== '-') {
      return `tùy chọn không rõ: ${arg} (unknown option)`;
    } else if (a.plan === undefined) a.plan = arg;
    else return `chỉ một kế hoạch mỗi lần (one PLAN at a time): ${arg}`;
  }
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
  const parentFiles = a.parents.length > 0 ? a.parents : await resolver.filesFor(a.plan!, plan, projectConfigForCli(a.plan!).config);
  if (parentFiles.length === 0) {
    const cited = citedParents(plan).map((c) => c.symbol).join(', ');
    io.err(
      a.locale === 'en'
        ? `no parent directive found${cited ? ` (the plan cites ${cited})` : ''}: give one with --parent FILE or list it in .kehoach.json "parents"\n`
        : `không tìm thấy văn bản cấp trên${cited ? ` (kế hoạch trích dẫn ${cited})` : ''}: chỉ ra bằng --parent TỆP hoặc khai báo "parents" trong .kehoach.json\n`,
    );
    return 2;
  }
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
  io.out(formatReport(results, a.format, a.locale));
  return 0;
}
