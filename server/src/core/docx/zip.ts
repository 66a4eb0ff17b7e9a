// Reading the few parts of a .docx we need, with limits, so a hostile or broken file costs bounded
// time and memory. A .docx is a zip; Word writes it with a central directory and deflate.
//
// Why not fflate's unzipSync: it inflates each entry into a buffer of the *declared* size, which
// bounds memory, but when the declared size lies it keeps decoding the whole stream (a 1032:1
// deflate bomb of 200 MB takes ~2.3 s per entry, and the ratio times the compressed size is
// unbounded in practice). Here the central directory is read first (entry count, declared sizes,
// compressed sizes checked before anything is inflated), then each wanted entry is inflated with its
// actual output bounded by its declared size (see inflateBounded).

import { Inflate, inflateSync } from 'fflate';
import { DocxReadError } from './errors';

export interface ZipLimits {
  /** Entries in the central directory (a .docx has tens; a bomb may have millions). */
  maxEntries: number;
  /** Declared and actual uncompressed size of one wanted entry. */
  maxEntryBytes: number;
  /** Declared and actual uncompressed size of all wanted entries together. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
};

interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;

/** Whether the bytes start like a zip (local header, or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (u32(bytes, 0) === LOCAL || u32(bytes, 0) === EOCD);
}

function truncated(): DocxReadError {
  return new DocxReadError(
    'truncated',
    'tệp .docx bị hỏng hoặc bị cắt cụt (không đọc được mục lục của tệp nén); hãy mở bằng Word và lưu lại',
    'the .docx is damaged or truncated (its zip directory cannot be read); open it in Word and save it again',
  );
}

function bomb(what: string): DocxReadError {
  return new DocxReadError(
    'too-large',
    `tệp .docx vượt giới hạn an toàn (${what}): không đọc — có thể là "bom nén" hoặc tệp quá lớn`,
    `the .docx exceeds a safety limit (${what}): not read — possibly a zip bomb or a file far too large`,
  );
}

/** The central directory: every entry's name, method and sizes, checked against the limits. */
function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits): CentralEntry[] {
  // The end record sits in the last 22 + 65535 bytes (a trailing comment may follow it).
  let e = bytes.length - 22;
  const stop = Math.max(0, bytes.length - 22 - 65535);
  while (e >= stop && u32(bytes, e) !== EOCD) e--;
  if (e < stop) throw truncated();
  const count = u16(bytes, e + 10);
  const cdOffset = u32(bytes, e + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw new DocxReadError('unsupported', 'tệp .docx dùng định dạng nén ZIP64, chưa hỗ trợ', 'the .docx uses ZIP64, which is not supported');
  }
  if (count > limits.maxEntries) throw bomb(`${count} mục > ${limits.maxEntries} / ${count} entries > ${limits.maxEntries}`);
  const entries: CentralEntry[] = [];
  let o = cdOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== CENTRAL) throw truncated();
    const nameLen = u16(bytes, o + 28);
    const extraLen = u16(bytes, o + 30);
    const commentLen = u16(bytes, o + 32);
    if (o + 46 + nameLen > bytes.length) throw truncated();
    entries.push({
      name: decoder.decode(bytes.subarray(o + 46, o + 46 + nameLen)),
      flags: u16(bytes, o + 8),
      method: u16(bytes, o + 10),
      compressedSize: u32(bytes, o + 20),
      size: u32(bytes, o + 24),
      localOffset: u32(bytes, o + 42),
    });
    o += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Below this compressed size, one-shot inflate into a buffer one byte larger than the limit: the
 * output cannot grow past it, and the work is at most 1032 × 64 KB (deflate's largest ratio), so a
 * lie costs a fraction of a second. Larger entries are inflated in slices and stopped early.
 */
const ONE_SHOT_MAX = 64 * 1024;

/** Inflate raw deflate data; more than `limit` bytes of output is a bomb. */
function inflateBounded(data: Uint8Array, limit: number, name: string): Uint8Array {
  if (data.length <= ONE_SHOT_MAX) {
    let out: Uint8Array;
    try {
      out = inflateSync(data, { out: new Uint8Array(limit + 1) });
    } catch {
      throw truncated();
    }
    if (out.length > limit) throw bomb(`${name} giải nén ra hơn ${limit} byte / ${name} inflates to more than ${limit} bytes`);
    return out;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) over = true;
    else chunks.push(chunk);
  });
  const SLICE = 1024; // at most ~1 MB of output per slice (deflate's ratio is at most 1032:1)
  try {
    for (let i = 0; i < data.length && !over; i += SLICE) inflate.push(data.subarray(i, Math.min(data.length, i + SLICE)), i + SLICE >= data.length);
  } catch {
    throw truncated();
  }
  if (over) throw bomb(`${name} giải nén ra hơn ${limit} byte / ${name} inflates to more than ${limit} bytes`);
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) out.set(c, p), (p += c.length);
  return out;
}

/**
 * The wanted entries of a zip, by exact name (missing ones are absent from the map). Throws a
 * DocxReadError for a damaged zip, an encrypted entry or one over the limits.
 */
export function readZipEntries(bytes: Uint8Array, wanted: readonly string[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Uint8Array> {
  const entries = readCentralDirectory(bytes, limits);
  const want = new Set(wanted);
  const picked = entries.filter((en) => want.has(en.name));
  // Every size is checked before any byte is inflated.
  let declared = 0;
  for (const en of picked) {
    if (en.size > limits.maxEntryBytes) throw bomb(`${en.name}: ${en.size} byte > ${limits.maxEntryBytes}`);
    declared += en.size;
    if (declared > limits.maxTotalBytes) throw bomb(`${declared} byte > ${limits.maxTotalBytes}`);
    if (en.flags & 1) {
      throw new DocxReadError('encrypted', 'tệp .docx được mã hóa (có mật khẩu): hãy gỡ mật khẩu trong Word rồi kiểm tra lại', 'the .docx is encrypted (password-protected): remove the password in Word and check it again');
    }
    if (en.method !== 0 && en.method !== 8) {
      throw new DocxReadError('unsupported', `phương thức nén ${en.method} chưa hỗ trợ (${en.name})`, `compression method ${en.method} is not supported (${en.name})`);
    }
  }
  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const en of picked) {
    const o = en.localOffset;
    if (o + 30 > bytes.length || u32(bytes, o) !== LOCAL) throw truncated();
    const start = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
    const end = start + en.compressedSize;
    if (end > bytes.length) throw truncated();
    const raw = bytes.subarray(start, end);
    // The declared size bounds the output: a stream that inflates to more is lying (or a bomb).
    const limit = Math.min(en.size, limits.maxEntryBytes, limits.maxTotalBytes - total);
    if (en.method === 0 && raw.length > limit) throw bomb(en.name);
    const data = en.method === 0 ? raw : inflateBounded(raw, limit, en.name);
    total += data.length;
    out.set(en.name, data);
  }
  return out;
}
