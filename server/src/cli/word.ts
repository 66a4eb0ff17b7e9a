// Word out: `kehoach export PLAN [-o PLAN.docx]` (the plan as an ND30 page) and
// `kehoach review X.docx [-o X.reviewed.docx]` (the reviewer's copy: one Word comment per finding).
// Exit codes: 0 written, 2 bad usage or unreadable input. Nothing is written when anything fails:
// the output goes to a temporary file beside the target, renamed into place at the end.

import * as fs from 'fs';
import * as path from 'path';
import type { Finding } from '../core/check';
import { exportPlanDocx } from '../core/docx/export';
import { reviewPlanDocx } from '../core/docx/review';
import { isDocxPath } from '../core/docx';
import { exportFileName, reviewFileName } from '../core/docx/fileNames';
import { MAX_PLAN_BYTES, readPlanFile } from '../planFile';
import { MAX_DOCX_BYTES } from '../core/docx';
import { configForFile } from './config';
import type { Io } from './io';
import { readArgs } from './args';
import { isIsoDate } from '../core/isoDate';

const EXPORT_USAGE = 'Cách dùng / usage: kehoach export PLAN [-o PLAN.docx]\n';
const REVIEW_USAGE = 'Cách dùng / usage: kehoach review X.docx [-o X.reviewed.docx] [--date YYYY-MM-DD] [--config FILE] [--locale vi|en]\n';

interface Args {
  file?: string;
  out?: string;
  date?: string;
  config?: string;
  locale?: string;
}

function parseArgs(args: string[], allowCheckFlags: boolean): Args | string {
  const output = { type: 'string', short: 'o' } as const;
  const parsed = allowCheckFlags
    ? readArgs(args, { output, date: { type: 'string' }, config: { type: 'string' }, locale: { type: 'string' } })
    : readArgs(args, { output });
  if (typeof parsed === 'string') return parsed;
  const v: { output?: string; date?: string; config?: string; locale?: string } = parsed.values;
  const a: Args = { out: v.output, config: v.config, locale: v.locale };
  if (v.date !== undefined) {
    if (!isIsoDate(v.date)) return `ngày không hợp lệ: ${v.date} (--date takes YYYY-MM-DD)`;
    a.date = v.date;
  }
  if (parsed.positionals.length > 1) return `chỉ nhận một tệp (one file only): ${parsed.positionals[1]}`;
  a.file = parsed.positionals[0];
  if (!a.file) return 'thiếu tệp (no FILE given)';
  return a;
}

/** PLAN.kehoach.txt → PLAN.docx; X.docx → X.reviewed.docx. */
export function defaultOutput(file: string, kind: 'export' | 'review'): string {
  return kind === 'review' ? reviewFileName(file) : exportFileName(file);
}

/** Write through a temporary file renamed into place: a failure leaves no partial file behind. */
function writeAtomically(target: string, data: Uint8Array): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function sameFile(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

export async function runExport(args: string[], io: Io): Promise<number> {
  const a = parseArgs(args, false);
  if (typeof a === 'string') {
    io.err(`kehoach: ${a}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  const file = a.file!;
  if (isDocxPath(file)) {
    io.err(`kehoach: ${file}: đã là tài liệu Word; "export" nhận tệp văn bản kế hoạch (already a Word document; export takes a plan text file)\n`);
    return 2;
  }
  const input = readPlanFile(file);
  if (input.text === undefined) {
    io.err(`kehoach: ${file}: ${input.error}\n`);
    return 2;
  }
  if (Buffer.byteLength(input.text) > MAX_PLAN_BYTES) {
    io.err(`kehoach: ${file}: tệp quá lớn (> 20 MB): không xuất (file too large, not exported)\n`);
    return 2;
  }
  const out = a.out ?? defaultOutput(file, 'export');
  if (sameFile(out, file)) {
    io.err(`kehoach: tệp ra trùng tệp vào (output would overwrite the input): ${out}\n`);
    return 2;
  }
  try {
    writeAtomically(out, exportPlanDocx(input.text));
  } catch (e) {
    io.err(`kehoach: ${out}: không ghi được (cannot write): ${(e as Error).message}\n`);
    return 2;
  }
  io.out(`${out}\n`);
  return 0;
}

export async function runReview(args: string[], io: Io): Promise<number> {
  const a = parseArgs(args, true);
  if (typeof a === 'string') {
    io.err(`kehoach: ${a}\n\n${REVIEW_USAGE}`);
    return 2;
  }
  const file = a.file!;
  const out = a.out ?? defaultOutput(file, 'review');
  if (sameFile(out, file)) {
    io.err(`kehoach: tệp ra trùng tệp vào (output would overwrite the input): ${out}\n`);
    return 2;
  }
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new Error('là thư mục (is a directory)');
    if (stat.size > MAX_DOCX_BYTES) throw new Error(`tệp quá lớn (${(stat.size / 1048576).toFixed(1)} MB > 50 MB) (file too large)`);
    bytes = fs.readFileSync(file);
  } catch (e) {
    io.err(`kehoach: ${file}: không đọc được (cannot read): ${(e as Error).message}\n`);
    return 2;
  }
  const config = configForFile(file, a, io);
  if (!config) return 2;
  let reviewed: { bytes: Uint8Array; findings: Finding[] };
  try {
    reviewed = reviewPlanDocx(bytes, config, { date: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
  } catch (e) {
    // DocxReadError says why in both languages; anything else is reported the same way
    io.err(`kehoach: ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const { findings } = reviewed;
  try {
    writeAtomically(out, reviewed.bytes);
  } catch (e) {
    io.err(`kehoach: ${out}: không ghi được (cannot write): ${(e as Error).message}\n`);
    return 2;
  }
  io.out(`${out}: ${findings.length} góp ý (${findings.length} comments)\n`);
  return 0;
}
