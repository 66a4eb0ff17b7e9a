// `kehoach` command line: check plans (text/JSON/SARIF), report coverage of parents, list who
// carries what. Exit codes: 0 clean (or only warnings), 1 errors found, 2 bad usage or unreadable input.

import * as fs from 'fs';
import * as path from 'path';
import { checkParsed, fixAll, type CheckOptions } from '../core/check';
import { parsePlan } from '../core/parse';
import { ParentContext, type ParentDoc } from '../core/parent';
import { cliParentResolver } from './parents';
import { capParents, type ParentResolver } from '../parentResolver';
import type { LintConfig } from '../core/config';
import { encodePlanText, MAX_PLAN_BYTES, readPlanFile } from '../planFile';
import type { Io } from './io';
import { projectAndConfigFor } from './config';
import { formatJson, formatSarif, formatText, type FileResult } from './format';
import type { ProjectConfig } from '../projectConfig';
import { RULES } from '../core/rules';
import { fixKindOf } from '../core/fixes';
import { localeFrom } from '../core/i18n';
import { packageRoot } from '../packageRoot';
import type { PlanDocument } from '../core/model';
import { isIsoDate } from '../core/isoDate';
import { readArgs } from './args';

export type { Io } from './io';

const USAGE = `Cách dùng / usage:
  kehoach check [--format text|json|sarif] [--date YYYY-MM-DD] [--config FILE] [--locale vi|en]
                [--fix [--fix-type fix|suggestion]] [--parent FILE]... [--no-parents] [--no-ignore] FILE...
  kehoach coverage PLAN [--parent FILE]... [--format text|markdown|csv|json]
  kehoach agencies PLAN [--format text|markdown|csv|json] [--date YYYY-MM-DD]
  kehoach rules [--format text|json]
  kehoach import FILE.docx [-o FILE.kehoach.txt]
  kehoach export PLAN [-o PLAN.docx]
  kehoach review X.docx [-o X.reviewed.docx] [--date YYYY-MM-DD] [--config FILE] [--locale vi|en]

  check      kiểm tra kế hoạch (check plans); mã thoát 1 khi có lỗi, 2 khi sai cú pháp lệnh hoặc không đọc được tệp.
             Văn bản cấp trên (parents): --parent, "parents" trong .kehoach.json, hoặc tệp cùng thư mục có số
             ký hiệu mà kế hoạch trích dẫn; khi tìm thấy, chạy thêm các quy tắc KH9xx (bao quát, thời hạn).
             Các cảnh báo đã bỏ qua ("ignore" trong .kehoach.json) không hiện; --no-ignore hiện tất cả
             (--no-ignore shows the findings the project file silences).
  coverage   đối chiếu kế hoạch với văn bản cấp trên (coverage of the parent directives)
  agencies   bảng phân công: cơ quan → nhiệm vụ chủ trì, phối hợp, thời hạn (who carries what)
  rules      danh sách quy tắc (list the rules)
  import     văn bản kế hoạch từ tệp Word, số thứ tự tự động thành chữ (the plan text of a Word file)
  export     xuất kế hoạch ra tệp Word trình bày theo Nghị định 30/2020/NĐ-CP (the plan as a Word document, ND30 layout)
  review     bản góp ý: tệp Word gốc kèm một ghi chú (comment) cho mỗi lỗi tìm thấy (the reviewer's copy)

  Tệp .docx được đọc như Word hiển thị; vị trí lỗi tính theo văn bản đó, JSON/SARIF ghi thêm số đoạn
  (a .docx is read as Word shows it; positions are in that text, JSON/SARIF add the paragraph number).

  --fix      chỉ áp dụng các sửa máy móc (số thứ tự, khoảng trắng, bảng mã, dạng ký hiệu); các gợi ý làm đổi nội dung
             (con số, ngày, tên cơ quan, chính tả đoán) cần người soạn xác nhận: thêm --fix-type suggestion để áp dụng cả chúng.
             (--fix applies mechanical fixes only; add --fix-type suggestion to also apply content-changing suggestions.)
`;

/** Files above this size are not checked (a clear message instead): protects CI and editors. */
export const MAX_FILE_BYTES = MAX_PLAN_BYTES;

interface CheckArgs {
  format: 'text' | 'json' | 'sarif';
  date?: string;
  config?: string;
  locale?: string;
  fix: boolean;
  /** Also apply suggestions (fixes that change what the plan says) with --fix. */
  fixSuggestions: boolean;
  files: string[];
  /** Parents given on the command line (replace the search); `noParents` turns the KH9xx rules off. */
  parents: string[];
  noParents: boolean;
  /** Show the findings `.kehoach.json` "ignore" silences. */
  noIgnore: boolean;
}

const CHECK_OPTIONS = {
  format: { type: 'string', short: 'f' },
  date: { type: 'string' },
  config: { type: 'string' },
  locale: { type: 'string' },
  fix: { type: 'boolean' },
  'fix-type': { type: 'string' },
  parent: { type: 'string', short: 'p', multiple: true },
  'no-parents': { type: 'boolean' },
  'no-ignore': { type: 'boolean' },
} as const;

function parseCheckArgs(args: string[]): CheckArgs | string {
  const parsed = readArgs(args, CHECK_OPTIONS);
  if (typeof parsed === 'string') return parsed;
  const v = parsed.values;
  const a: CheckArgs = { format: 'text', fix: !!v.fix, fixSuggestions: false, files: parsed.positionals, parents: v.parent ?? [], noParents: !!v['no-parents'], noIgnore: !!v['no-ignore'], config: v.config, locale: v.locale };
  if (v.format !== undefined) {
    if (v.format !== 'text' && v.format !== 'json' && v.format !== 'sarif') return `định dạng không hợp lệ: ${v.format} (format must be text, json or sarif)`;
    a.format = v.format;
  }
  if (v.date !== undefined) {
    if (!isIsoDate(v.date)) return `ngày không hợp lệ: ${v.date} (--date takes YYYY-MM-DD)`;
    a.date = v.date;
  }
  if (v['fix-type'] !== undefined) {
    const kinds = v['fix-type'].split(',').map((k) => k.trim());
    const bad = kinds.find((k) => k !== 'fix' && k !== 'suggestion');
    if (bad !== undefined) return `--fix-type không hợp lệ: ${bad} (--fix-type takes fix, suggestion or fix,suggestion)`;
    a.fixSuggestions = kinds.includes('suggestion');
  }
  if (a.files.length === 0) return 'thiếu tệp cần kiểm tra (no FILE given)';
  if (a.fixSuggestions && !a.fix) return '--fix-type cần --fix (--fix-type needs --fix)';
  if (a.noParents && a.parents.length > 0) return '--parent và --no-parents không dùng cùng nhau (--parent and --no-parents exclude each other)';
  return a;
}

export async function runCheck(args: string[], io: Io, options: CheckOptions = {}): Promise<number> {
  const parsed = parseCheckArgs(args);
  if (typeof parsed === 'string') {
    io.err(`kehoach: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  const results: FileResult[] = [];
  const resolver = cliParentResolver();
  let unreadable = false;
  let locale: LintConfig['locale'] = localeFrom(parsed.locale);
  const seenProjects = new Set<string>();
  for (const file of parsed.files) {
    const found = projectAndConfigFor(file, parsed, io, seenProjects);
    if (!found) return 2;
    const { project } = found;
    const config = parsed.noIgnore ? { ...found.config, ignore: undefined } : found.config;
    locale = config.locale;
    const input = readPlanFile(file);
    if (input.text === undefined) {
      results.push({ path: file, text: '', findings: [], error: input.error });
      unreadable = true;
      continue;
    }
    if (Buffer.byteLength(input.text) > MAX_FILE_BYTES) {
      results.push({ path: file, text: '', findings: [], error: `tệp quá lớn (${(Buffer.byteLength(input.text) / 1048576).toFixed(1)} MB > 20 MB): không kiểm tra (file too large, not checked)` });
      unreadable = true;
      continue;
    }
    for (const note of inputNotes(input.text, input.note)) io.err(`kehoach: ${file}: ${note}\n`);
    let text = input.text;
    let doc = parsePlan(text);
    if (parsed.fix && input.docx) io.err(`kehoach: ${file}: --fix không sửa tệp Word (--fix does not edit Word files)\n`);
    const parents = parsed.noParents ? [] : await parentsOf(file, doc, project, parsed.parents, resolver, io);
    if (parents === undefined) return 2;
    const fileOptions: CheckOptions = {
      ...options,
      file: path.resolve(file),
      ...(parents.length ? { parents: new ParentContext(parents) } : {}),
      ...(input.layout ? { layout: input.layout } : {}), // the Word file's formatting, for KH10xx
    };
    if (parsed.fix && !input.docx) {
      const fixed = fixAll(text, config, { ...fileOptions, includeSuggestions: parsed.fixSuggestions });
      if (fixed.text !== text) {
        // The same encoding and BOM as read: only the edited characters change on disk.
        fs.writeFileSync(file, encodePlanText(fixed.text, input.stored));
        io.err(`kehoach: ${file}: đã sửa ${fixed.applied} chỗ (applied ${fixed.applied} fixes)\n`);
        text = fixed.text;
        doc = parsePlan(text);
      }
    }
    const { findings } = checkParsed(doc, config, fileOptions);
    results.push({ path: file, text, findings, kind: doc.kind?.kind, ...(input.docx ? { docx: input.docx } : {}) });
  }
  if (parsed.format === 'json') io.out(formatJson(results));
  else if (parsed.format === 'sarif') io.out(formatSarif(results, locale));
  else {
    const text = formatText(results);
    if (results.some((r) => r.error)) {
      // errors about unreadable files go to stderr too, so a pipeline sees them
      for (const r of results) if (r.error) io.err(`kehoach: ${r.path}: ${r.error}\n`);
    }
    io.out(text);
  }
  if (unreadable) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/** What the user should know about a file that is checked anyway: empty, NUL bytes, UTF-16. */
function inputNotes(text: string, encodingNote: string | undefined): string[] {
  const notes: string[] = [];
  if (text.trim() === '') notes.push('tệp rỗng, không có gì để kiểm tra (empty file: nothing to check)');
  const nuls = text.split('\u0000').length - 1;
  if (nuls > 0) notes.push(`có ${nuls} ký tự NUL (thường do dán từ tệp nhị phân); đã kiểm tra phần chữ còn lại (${nuls} NUL characters; the rest was checked)`);
  if (encodingNote) notes.push(`đọc theo bảng mã ${encodingNote} (read as ${encodingNote})`);
  return notes;
}

/**
 * The parents of one plan: those given with --parent, else the ones found beside it or in its
 * project file. A parent given by name must be readable (exit 2 otherwise); one found by the
 * search that cannot be read is skipped with a note.
 */
async function parentsOf(file: string, doc: PlanDocument, project: ProjectConfig, given: string[], resolver: ParentResolver, io: Io): Promise<ParentDoc[] | undefined> {
  const { files, note } = capParents(given.length ? given : await resolver.filesFor(file, doc, project.config, (n) => io.err(`kehoach: ${n}\n`)));
  if (note) io.err(`kehoach: ${note.vi} (${note.en})\n`);
  const parents: ParentDoc[] = [];
  for (const f of files) {
    const parent = await resolver.load(path.resolve(f));
    if (typeof parent === 'string') {
      io.err(`kehoach: ${f}: ${parent}${given.length ? '' : ' (bỏ qua văn bản cấp trên này / parent skipped)'}\n`);
      if (given.length) return undefined;
    } else parents.push(parent);
  }
  return parents;
}

/** Every rule `check` can report (the parent rules KH9xx among them). */
const CATALOGUE = RULES;

function runRules(args: string[], io: Io): number {
  const parsed = readArgs(args, { format: { type: 'string', short: 'f' } });
  if (typeof parsed === 'string') {
    io.err(`kehoach: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.format === 'json') {
    io.out(JSON.stringify(CATALOGUE.map(({ id, alias, category, defaultSeverity, fixable, description }) => ({ id, alias, category, defaultSeverity, fixable, ...(fixable ? { fixKind: fixKindOf(id) } : {}), description })), null, 2) + '\n');
    return 0;
  }
  // "fix": applied by --fix; "sugg": a suggestion, applied only with --fix-type suggestion.
  for (const r of CATALOGUE) io.out(`${r.id}  ${r.alias.padEnd(32)} ${r.category.padEnd(12)} ${r.defaultSeverity.padEnd(11)} ${!r.fixable ? '    ' : fixKindOf(r.id) === 'fix' ? 'fix ' : 'sugg'}  ${r.description.vi}\n`);
  return 0;
}

/**
 * Subcommands that live in their own modules are loaded on demand (keeps `check` start-up small).
 * Literal requires, so the bundler includes them (and runs them only when called).
 */
type Subcommand = (args: string[], io: Io) => Promise<number>;
function loadSubcommand(command: 'coverage' | 'agencies' | 'import' | 'export' | 'review'): Subcommand {
  /* eslint-disable @typescript-eslint/no-require-imports */
  switch (command) {
    case 'coverage': return (require('./coverage') as typeof import('./coverage')).runCoverage;
    case 'agencies': return (require('./agencies') as typeof import('./agencies')).runAgencies;
    case 'import': return (require('./docx') as typeof import('./docx')).runImport;
    case 'export': return (require('./word') as typeof import('./word')).runExport;
    case 'review': return (require('./word') as typeof import('./word')).runReview;
  }
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await runCheck(rest, io);
      case 'coverage':
      case 'agencies':
      case 'import':
      case 'export':
      case 'review':
        return await loadSubcommand(command)(rest, io);
      case 'rules':
        return runRules(rest, io);
      case '--version':
      case '-v':
        io.out(`${readVersion()}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.err(`kehoach: lệnh không rõ: ${command} (unknown command)\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    // Never a stack trace for the user: say what failed.
    io.err(`kehoach: lỗi nội bộ (internal error): ${(err as Error).message}\n`);
    return 2;
  }
}

function readVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
