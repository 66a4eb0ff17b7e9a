// Reading a plan file the way a drafter saved it: UTF-8 (with or without BOM), UTF-16 with a
// BOM, or a Word document. Anything else (binary, legacy 8-bit encodings) gets a clear message,
// never a crash. Shared by the CLI and the language server (parents read from disk).

import { readFileLimitedSync } from './fileRead';
import type { DocxDocument } from './core/docx';
import type { DocxLayout } from './core/docx/format';
import { isDocxPath, MAX_DOCX_BYTES } from './core/docx/fileNames';

/** Files above this size are not read (a clear message instead): protects CI and editors. */
export const MAX_PLAN_BYTES = 20 * 1024 * 1024;

export interface PlanInput {
  text?: string;
  /** Why the file cannot be checked, in plain words. */
  error?: string;
  /** Something the user should know (e.g. the file was UTF-16). */
  note?: string;
  /** The legacy encoding the bytes look like, when they are not UTF-8. */
  encoding?: LegacyEncoding;
  /** How the text was stored, so `--fix` writes it back the same way (BOM included). */
  stored?: StoredForm;
  /** Set when the file is a Word document: `text` is the text derived from it. */
  docx?: DocxDocument;
  /** Its formatting, for the layout rules (KH10xx). */
  layout?: DocxLayout;
}

/** The byte form of a text file: its encoding and whether it starts with a byte-order mark. */
export interface StoredForm {
  encoding: 'utf8' | 'utf16le' | 'utf16be';
  bom: boolean;
}

/** The bytes of a text in the form it was read in: `--fix` changes only the edited characters. */
export function encodePlanText(text: string, form: StoredForm = { encoding: 'utf8', bom: false }): Buffer {
  if (form.encoding === 'utf8') return Buffer.from((form.bom ? '\uFEFF' : '') + text, 'utf8');
  const le = Buffer.from('\uFEFF' + text, 'utf16le');
  if (form.encoding === 'utf16be') le.swap16();
  return le;
}

export function decodePlanBytes(bytes: Buffer): PlanInput {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: bytes.subarray(2, bytes.length - (bytes.length % 2)).toString('utf16le'), note: 'UTF-16 LE', stored: { encoding: 'utf16le', bom: true } };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    swapped.swap16();
    return { text: swapped.toString('utf16le'), note: 'UTF-16 BE', stored: { encoding: 'utf16be', bom: true } };
  }
  const sample = bytes.subarray(0, 65536);
  // Control bytes other than tab/newline/CR are rare in text: a file full of them is binary.
  let control = 0;
  // An indexed loop: a Buffer's iterator is slow in the cold code every CLI run starts with.
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  const binary = (share: number) => sample.length > 0 && control / sample.length > share;
  if (binary(0.1)) return { error: 'tệp nhị phân, không phải văn bản (binary file, not text)' };
  let text: string;
  try {
    // The decoder drops a leading BOM; `stored` remembers it for writing back.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (binary(0.02)) return { error: 'tệp nhị phân, không phải văn bản (binary file, not text)' };
    const legacy = guessLegacyEncoding(sample);
    const name = legacy ? LEGACY_NAMES[legacy] : 'Windows-1258, TCVN3 (ABC) hoặc VNI';
    return {
      error:
        `tệp không phải Unicode UTF-8 — có vẻ là bảng mã ${name}; hãy chuyển mã sang Unicode (ví dụ bằng Unikey: ` +
        `Công cụ chuyển mã) rồi lưu dạng UTF-8 (not valid UTF-8 — looks like ${legacy ? LEGACY_NAMES[legacy] : 'a legacy Vietnamese encoding'}; convert it to Unicode and save as UTF-8)`,
      encoding: legacy,
    };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text, stored: { encoding: 'utf8', bom } };
}

export type LegacyEncoding = 'tcvn3' | 'vni' | 'windows-1258';
const LEGACY_NAMES: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI', 'windows-1258': 'Windows-1258' };

// Bytes that stand for common precomposed lower-case letters in TCVN3 (á à ả ã ạ đ ư ơ â ê ô ă …).
const TCVN3_BYTES = new Set([0xb8, 0xb5, 0xb6, 0xb7, 0xb9, 0xae, 0xad, 0xac, 0xa9, 0xaa, 0xab, 0xa8, 0xd0, 0xd1, 0xd3, 0xd4, 0xd5, 0xd6, 0xcb, 0xca, 0xc7, 0xc8, 0xc9, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8]);
// VNI writes a letter then one byte per mark: "Vieät" = e + 0xE4 + t.
const VNI_MARKS = new Set([0xf9, 0xf8, 0xfb, 0xf5, 0xef, 0xe2, 0xe1, 0xe0, 0xe5, 0xe3, 0xe4, 0xea, 0xe9, 0xe8, 0xfa, 0xfc, 0xeb, 0xf6, 0xd9, 0xd8, 0xdb, 0xd5, 0xcf, 0xc2, 0xc1, 0xc0, 0xc5, 0xc3, 0xc4]);
// Windows-1258 writes tone marks as separate bytes after the letter.
const CP1258_TONES = new Set([0xcc, 0xec, 0xd2, 0xde, 0xf2]);

/** Guess which legacy Vietnamese encoding 8-bit text is in, by counting telltale byte patterns. */
export function guessLegacyEncoding(bytes: Uint8Array): LegacyEncoding | undefined {
  let tcvn3 = 0, vni = 0, cp1258 = 0;
  const isVowel = (b: number) => 'aeiouyAEIOUY'.includes(String.fromCharCode(b));
  for (let i = 1; i < bytes.length; i++) {
    const b = bytes[i], prev = bytes[i - 1];
    if (b < 0x80) continue;
    if (TCVN3_BYTES.has(b)) tcvn3++;
    if (isVowel(prev) && VNI_MARKS.has(b)) vni += 2;
    if (CP1258_TONES.has(b) && prev >= 0x41) cp1258 += 2;
    if (b === 0xf0 || b === 0xd0 || b === 0xfd || b === 0xf5 || b === 0xe2 || b === 0xea || b === 0xf4) cp1258++;
  }
  const best = Math.max(tcvn3, vni, cp1258);
  if (best < 3) return undefined;
  return best === vni ? 'vni' : best === cp1258 ? 'windows-1258' : 'tcvn3';
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** Whether bytes are a Word container (zip or OLE compound file), whatever the file is called. */
export function looksLikeWordFile(bytes: Uint8Array): boolean {
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
  return zip || (bytes.length >= 4 && OLE.every((b, i) => bytes[i] === b));
}

/** Why a Word file of this size is not read, or undefined when it may be. */
export function docxSizeProblem(size: number): string | undefined {
  if (size <= MAX_DOCX_BYTES) return undefined;
  return `tệp Word quá lớn (${(size / 1048576).toFixed(1)} MB > ${MAX_DOCX_BYTES / 1048576} MB): không đọc (Word file too large, not read)`;
}

/** Read a plan (or a parent) through the bounded reader: regular files only, never a hang.
 *  A Word file (zip or legacy OLE) is read as Word whatever it is called, and a file called
 *  .docx is read as Word whatever it holds (a text file renamed .docx gets a clear message). */
export function readPlanFile(file: string, maxBytes = MAX_PLAN_BYTES): PlanInput {
  const read = readFileLimitedSync(file, { maxBytes: readLimitFor(file, maxBytes) });
  if (!read.ok) return { error: read.reason };
  return planInputOf(file, read.bytes);
}

/** The byte limit for reading a file as a plan: a Word file's own limit caps the caller's. */
export function readLimitFor(file: string, maxBytes: number): number {
  return isDocxPath(file) ? Math.min(maxBytes, MAX_DOCX_BYTES) : maxBytes;
}

/** A file's bytes as a plan: a Word file (by its bytes or by its name) through the Word reader, else decoded text. */
export function planInputOf(file: string, bytes: Buffer): PlanInput {
  if (!looksLikeWordFile(bytes) && !isDocxPath(file)) return decodePlanBytes(bytes);
  // The Word reader is loaded on the first Word file only (a literal require: the bundle keeps it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./docxInput') as typeof import('./docxInput')).docxInput(bytes);
}
