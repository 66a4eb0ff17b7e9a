// Reading a plan file the way a drafter saved it: UTF-8 (with or without BOM), or UTF-16 with
// a BOM. Anything else (binary, legacy 8-bit encodings) gets a clear message, never a crash.

import * as fs from 'fs';

export interface PlanInput {
  text?: string;
  /** Why the file cannot be checked, in plain words. */
  error?: string;
  /** Something the user should know (e.g. the file was UTF-16). */
  note?: string;
}

export function decodePlanBytes(bytes: Buffer): PlanInput {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: bytes.subarray(2).toString('utf16le'), note: 'UTF-16 LE' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return { text: swapped.toString('utf16le'), note: 'UTF-16 BE' };
  }
  const sample = bytes.subarray(0, 65536);
  let nul = 0;
  for (const b of sample) if (b === 0) nul++;
  if (nul > 0 && nul > sample.length / 100) {
    return { error: 'tệp nhị phân, không phải văn bản (binary file, not text)' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      error:
        'tệp không phải UTF-8 — có thể là Windows-1258, TCVN3 hoặc VNI; hãy lưu lại dưới dạng Unicode UTF-8 ' +
        '(not valid UTF-8 — perhaps Windows-1258, TCVN3 or VNI; save it as Unicode UTF-8)',
    };
  }
  return { text };
}

export function readPlanFile(file: string): PlanInput {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return { error: 'là một thư mục, không phải tệp (is a directory)' };
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'không tìm thấy tệp (no such file)' : `không đọc được tệp (cannot read: ${code ?? (err as Error).message})` };
  }
  return decodePlanBytes(bytes);
}
