// `kehoach` command line: check plans (text/JSON/SARIF), report coverage of parents, list who
// carries what. Exit codes: 0 clean (or only warnings), 1 errors found, 2 bad usage or unreadable input.

import * as fs from 'fs';
import * as path from 'path';
import { checkParsed, fixAll, type CheckOptions } from '../core/check';
import { parsePlan } from '../core/parse';
import { parentRules, PARENT_RULE_META, type ParentDoc } from '../core/parent';
import { ParentFinder } from './parents';
import { defaultConfig, mergeConfig, type LintConfig } from '../core/config';
import { readPlanFile } from './input';
import { formatJson, formatSarif, formatText, type FileResult } from './format';
import { loadProjectConfig, readProjectFile } from '../projectConfig';
import { RULES } from '../core/rules';
import { localeFrom } from '../core/i18n';
import type { PlanDocument } from '../core/model';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const USAGE = `Cách dùng / usage:
  kehoach check [--format text|json|sarif] [--date YYYY-MM-DD] [--config FILE] [--locale vi|en] [--fix]
                [--parent FILE]... [--no-parents] FILE...
  kehoach coverage PLAN [--parent FILE]... [--format text|markdown|csv|json]
  kehoach agencies PLAN [--format text|markdown|csv|json] [--date YYYY-MM-DD]
  kehoach rules [--format text|json]

  check      kiểm tra kế hoạch (check plans); mã thoát 1 khi có lỗi, 2 khi sai cú pháp lệnh hoặc không đọc được tệp.
             Văn bản cấp trên (parents): --parent, "parents" trong .kehoach.json, hoặc tệp cùng thư mục có số
             ký hiệu mà kế hoạch trích dẫn; khi tìm thấy, chạy thêm các quy tắc KH9xx (bao quát, thời hạn).
  coverage   đối chiếu kế hoạch với văn bản cấp trên (coverage of the parent directives)
  agencies   bảng phân công: cơ quan → nhiệm vụ chủ trì, phối hợp, thời hạn (who carries what)
  rules      danh sách quy tắc (list the rules)
`;

/** Files above this size are not checked (a clear message instead): protects CI and editors. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

interface CheckArgs {
  format: 'text' | 'json' | 'sarif';
  date?: string;
  config?: string;
  locale?: string;
  fix: boolean;
  files: string[];
  /** Parents given on the command line (replace the search); `noParents` turns the KH9xx rules off. */
  parents: string[];
  noParents: boolean;
}

function parseCheckArgs(args: string[]): CheckArgs | string {
  const a: CheckArgs = { format: 'text', fix: false, files: [], parents: [], noParents: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${arg} cần một giá trị (needs a value)`);
      return v;
    };
    try {
      if (arg === '--format' || arg === '-f') {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') return `định dạng không hợp lệ: ${v} (format must be text, json or sarif)`;
        a.format = v;
      } else if (arg.startsWith('--format=')) {
        const v = arg.slice(9);
        if (v !== 'text' && v !== 'json' && v !== 'sarif') return `định dạng không hợp lệ: ${v} (format must be text, json or sarif)`;
        a.format = v;
      } else if (arg === '--date') {
        const v = value();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || isNaN(Date.parse(v))) return `ngày không hợp lệ: ${v} (--date takes YYYY-MM-DD)`;
        a.date = v;
      } else if (arg === '--config') a.config = value();
      else if (arg === '--locale') a.locale = value();
      else if (arg === '--fix') a.fix = true;
      else if (arg === '--parent' || arg === '-p') a.parents.push(value());
      else if (arg === '--no-parents') a.noParents = true;
      else if (arg === '--') a.files.push(...args.slice(i + 1)), (i = args.length);
      else if (arg.startsWith('-') && arg !== '-') return `tùy chọn không rõ: ${arg} (unknown option)`;
      else a.files.push(arg);
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (a.files.length === 0) return 'thiếu tệp cần kiểm tra (no FILE given)';
  if (a.noParents && a.parents.length > 0) return '--parent và --no-parents không dùng cùng nhau (--parent and --no-parents exclude each other)';
  return a;
}

/** Config for one file: defaults ← project file (walked up, or --config) ← flags. */
export function configForFile(file: string, flags: { config?: string; date?: string; locale?: string }, io: Io): LintConfig | undefined {
  const project = flags.config ? readProjectFile(path.resolve(flags.config)) : loadProjectConfig(file);
  if (project.problems.length) {
    for (const p of project.problems) io.err(`kehoach: ${p}\n`);
    if (flags.config) return undefined;
  }
  let config = mergeConfig(defaultConfig(), project.config);
  if (flags.date) config = { ...config, planDate: flags.date };
  if (flags.locale) config = { ...config, locale: localeFrom(flags.locale) };
  return config;
}

export async function runCheck(args: string[], io: Io, options: CheckOptions = {}): Promise<number> {
  const parsed = parseCheckArgs(args);
  if (typeof parsed === 'string') {
    io.err(`kehoach: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  const results: FileResult[] = [];
  const finder = new ParentFinder();
  let unreadable = false;
  let locale: LintConfig['locale'] = localeFrom(parsed.locale);
  for (const file of parsed.files) {
    const config = configForFile(file, parsed, io);
    if (!config) return 2;
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
    const parents = parsed.noParents ? [] : parentsOf(file, doc, parsed.parents, finder, io);
    if (parents === undefined) return 2;
    const fileOptions: CheckOptions = parents.length ? { ...options, extraRules: [...(options.extraRules ?? []), ...parentRules(parents)] } : options;
    if (parsed.fix) {
      const fixed = fixAll(text, config, fileOptions);
      if (fixed.text !== text) {
        fs.writeFileSync(file, fixed.text, 'utf8');
        io.err(`kehoach: ${file}: đã sửa ${fixed.applied} chỗ (applied ${fixed.applied} fixes)\n`);
        text = fixed.text;
        doc = parsePlan(text);
      }
    }
    const { findings } = checkParsed(doc, config, fileOptions);
    results.push({ path: file, text, findings, kind: doc.kind?.kind });
  }
  if (parsed.format === 'json') io.out(formatJson(results));
  else if (parsed.format === 'sarif') io.out(formatSarif(results, locale, PARENT_RULE_META));
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
function parentsOf(file: string, doc: PlanDocument, given: string[], finder: ParentFinder, io: Io): ParentDoc[] | undefined {
  const files = given.length ? given : finder.filesFor(file, doc);
  const parents: ParentDoc[] = [];
  for (const f of files) {
    const parent = finder.load(f);
    if (typeof parent === 'string') {
      io.err(`kehoach: ${f}: ${parent}${given.length ? '' : ' (bỏ qua văn bản cấp trên này / parent skipped)'}\n`);
      if (given.length) return undefined;
    } else parents.push(parent);
  }
  return parents;
}

/** Every rule `check` can report: the built-in ones and the parent rules (KH9xx). */
const CATALOGUE = [...RULES, ...PARENT_RULE_META];

function runRules(args: string[], io: Io): number {
  if (args.includes('--format') && args[args.indexOf('--format') + 1] === 'json') {
    io.out(JSON.stringify(CATALOGUE.map(({ id, alias, category, defaultSeverity, fixable, description }) => ({ id, alias, category, defaultSeverity, fixable, description })), null, 2) + '\n');
    return 0;
  }
  for (const r of CATALOGUE) io.out(`${r.id}  ${r.alias.padEnd(32)} ${r.category.padEnd(12)} ${r.defaultSeverity.padEnd(11)} ${r.fixable ? 'fix' : '   '}  ${r.description.vi}\n`);
  return 0;
}

type SubcommandModule = Record<string, (args: string[], io: Io) => Promise<number>>;

/** Subcommands that live in their own modules are loaded on demand (keeps `check` start-up small). */
function loadSubcommand(file: string, fn: string): ((args: string[], io: Io) => Promise<number>) | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as SubcommandModule;
    return mod[fn];
  } catch {
    return undefined;
  }
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await runCheck(rest, io);
      case 'coverage':
      case 'agencies': {
        const run = command === 'coverage' ? loadSubcommand('./coverage', 'runCoverage') : loadSubcommand('./agencies', 'runAgencies');
        if (!run) {
          io.err(`kehoach: lệnh ${command} chưa có trong bản này (not available in this build)\n`);
          return 2;
        }
        return await run(rest, io);
      }
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
    return (JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
