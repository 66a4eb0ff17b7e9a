// Word documents on the command line: `kehoach check X.docx` reads the plan Word shows (labels
// materialised), `kehoach import X.docx [-o OUT]` writes that text. Findings keep positions in the
// derived text and also name the .docx paragraph they fall in.

import * as fs from 'fs';
import * as path from 'path';
import { docxSizeProblem, type PlanInput } from '../planFile';
import { docxInput } from '../docxInput';
import type { Io } from './io';
import { readArgs } from './args';

const IMPORT_USAGE = `Cách dùng / usage: kehoach import FILE.docx [-o FILE.kehoach.txt]
  Văn bản kế hoạch như Word hiển thị (số thứ tự tự động thành chữ); không có -o thì in ra màn hình.
  (The plan text as Word shows it, automatic numbering as text; without -o, to stdout.)
`;

export async function runImport(args: string[], io: Io): Promise<number> {
  const parsed = readArgs(args, { output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } });
  if (typeof parsed === 'string') return usage(io, parsed);
  if (parsed.values.help) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  const output = parsed.values.output;
  const [input, extra] = parsed.positionals;
  if (extra !== undefined) return usage(io, 'chỉ nhận một tệp (one FILE only)');
  if (input === undefined) return usage(io, 'thiếu tệp .docx (no FILE given)');
  const read = readWordFile(input);
  if (read.error !== undefined || read.text === undefined) {
    io.err(`kehoach: ${input}: ${read.error}\n`);
    return 2; // nothing written: the output is opened only once the document has been read
  }
  if (output === undefined) {
    io.out(read.text);
    return 0;
  }
  if (path.resolve(output) === path.resolve(input)) return usage(io, 'tệp ra trùng tệp vào (output would overwrite the input)');
  try {
    fs.writeFileSync(output, read.text, 'utf8');
  } catch (err) {
    io.err(`kehoach: ${output}: không ghi được (cannot write: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message})\n`);
    return 2;
  }
  io.err(`kehoach: ${input} → ${output} (${read.docx?.body.paragraphs.length ?? 0} đoạn / paragraphs)\n`);
  return 0;
}

function usage(io: Io, problem: string): number {
  io.err(`kehoach: ${problem}\n\n${IMPORT_USAGE}`);
  return 2;
}

/** Read a file that must be a Word document (import): stat first, so a huge file is never read. */
function readWordFile(file: string): PlanInput {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return { error: 'là một thư mục, không phải tệp (is a directory)' };
    const tooLarge = docxSizeProblem(stat.size);
    if (tooLarge) return { error: tooLarge };
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'không tìm thấy tệp (no such file)' : `không đọc được tệp (cannot read: ${code ?? (err as Error).message})` };
  }
  return docxInput(bytes);
}
