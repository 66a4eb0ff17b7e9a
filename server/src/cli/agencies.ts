// `kehoach agencies PLAN [--format text|markdown|csv|json] [--date YYYY-MM-DD] [--config FILE]`:
// the assignment matrix — each agency, the tasks it leads and supports, their deadlines.
// Exit codes: 0 printed, 2 bad usage or unreadable file.

import { parsePlan } from '../core/parse';
import { resolvePlanDate } from '../core/planDate';
import { loadAgencyRegistry } from '../core/registry/agencies';
import { buildAssignmentMatrix, formatMatrixCsv, formatMatrixJson, formatMatrixMarkdown, formatMatrixText } from '../core/assignmentMatrix';
import { MAX_PLAN_BYTES, readPlanFile } from '../planFile';
import { configForFile } from './config';
import { readArgs } from './args';
import type { Io } from './io';
import { isIsoDate } from '../core/isoDate';

const FORMATS = ['text', 'markdown', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Cách dùng / usage: kehoach agencies PLAN [--format text|markdown|csv|json] [--date YYYY-MM-DD] [--config FILE]\n`;

interface Args {
  format: Format;
  date?: string;
  config?: string;
  file?: string;
}

function parseArgs(args: string[]): Args | string {
  const parsed = readArgs(args, { format: { type: 'string', short: 'f' }, date: { type: 'string' }, config: { type: 'string' } });
  if (typeof parsed === 'string') return parsed;
  const { values: v, positionals } = parsed;
  const a: Args = { format: 'text', config: v.config };
  if (v.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(v.format)) return `định dạng không hợp lệ: ${v.format} (format must be text, markdown, csv or json)`;
    a.format = v.format as Format;
  }
  if (v.date !== undefined) {
    if (!isIsoDate(v.date)) return `ngày không hợp lệ: ${v.date} (--date takes YYYY-MM-DD)`;
    a.date = v.date;
  }
  if (positionals.length > 1) return `chỉ nhận một tệp kế hoạch (one PLAN only): ${positionals[1]}`;
  a.file = positionals[0];
  if (!a.file) return 'thiếu tệp kế hoạch (no PLAN given)';
  return a;
}

export async function runAgencies(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.err(`kehoach agencies: ${parsed}\n${USAGE}`);
    return 2;
  }
  const file = parsed.file!;
  const config = configForFile(file, parsed, io);
  if (!config) return 2;

  const input = readPlanFile(file);
  if (input.text === undefined) {
    io.err(`kehoach agencies: không đọc được ${file}: ${input.error ?? 'lỗi không rõ'} (cannot read the file)\n`);
    return 2;
  }
  if (Buffer.byteLength(input.text) > MAX_PLAN_BYTES) {
    io.err(`kehoach agencies: ${file}: tệp quá lớn (> 20 MB), không xử lý (file too large)\n`);
    return 2;
  }
  const doc = parsePlan(input.text);
  const { date } = resolvePlanDate(doc, config);
  const matrix = buildAssignmentMatrix(doc, loadAgencyRegistry(config), date);
  const format = { text: formatMatrixText, markdown: formatMatrixMarkdown, csv: formatMatrixCsv, json: formatMatrixJson }[parsed.format];
  io.out(format(matrix));
  return 0;
}
