// The one way the tool reads a file it did not write: plans, parents, `.kehoach.json`, later .docx.
// A workspace may hold anything (a FIFO named like a plan, a link to /dev/zero, a 2 GB sparse
// file), so a read must never hang, never grow without bound and, in the server, never block the
// event loop. Node-only; the pure core never reads files.
//
//  - regular files only: stat first, then open with O_NONBLOCK (a FIFO with no writer opens at once
//    instead of waiting) and fstat the open descriptor, so a file swapped for a FIFO or a device
//    between the two is still refused;
//  - the size limit is checked before any byte is read (and again while reading: a file may grow);
//  - a time budget: past it the read stops with a reason (a stuck network drive costs seconds, not
//    the editor).

import * as fs from 'fs';

export interface ReadLimits {
  /** Larger files are refused before reading. */
  maxBytes: number;
  /** The read gives up after this long. */
  timeoutMs?: number;
  /**
   * Read only the first `headBytes` (an index looks for the header); a larger file is then not
   * refused, it is cut.
   */
  headBytes?: number;
}

export type ReadFailure = 'missing' | 'not-a-file' | 'too-large' | 'timeout' | 'unreadable';

export type ReadResult =
  | { ok: true; bytes: Buffer; /** The file's size on disk (more than bytes.length when a head was read). */ size: number }
  | { ok: false; failure: ReadFailure; /** Plain words, Vietnamese then English. */ reason: string };

export const DEFAULT_TIMEOUT_MS = 5000;
const CHUNK = 1 << 20;

// O_NONBLOCK is absent on Windows, where opening a pipe by path does not wait anyway.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

function mb(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

function fail(failure: ReadFailure, detail?: string | number): ReadResult {
  switch (failure) {
    case 'missing':
      return { ok: false, failure, reason: 'không tìm thấy tệp (no such file)' };
    case 'not-a-file':
      return { ok: false, failure, reason: `không phải tệp thông thường${detail ? ` (${detail})` : ''}: không đọc (not a regular file${detail ? `: ${detail}` : ''}; not read)` };
    case 'too-large':
      return { ok: false, failure, reason: `tệp quá lớn (${detail}): không đọc (file too large, not read)` };
    case 'timeout':
      return { ok: false, failure, reason: `đọc tệp quá ${detail} ms: bỏ qua (reading took longer than ${detail} ms; skipped)` };
    default:
      return { ok: false, failure, reason: `không đọc được tệp (cannot read: ${detail ?? 'unknown error'})` };
  }
}

/** What kind of thing a non-regular path is, for the message. */
function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'thư mục / directory';
  if (st.isFIFO()) return 'FIFO';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'thiết bị / device';
  if (st.isSocket()) return 'socket';
  return 'đặc biệt / special';
}

function fromError(err: unknown): ReadResult {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return fail('missing');
  if (code === 'ELOOP') return fail('not-a-file', 'vòng liên kết / symlink loop');
  return fail('unreadable', code ?? (err as Error).message);
}

function sizeCheck(st: fs.Stats, limits: ReadLimits): ReadResult | undefined {
  if (!st.isFile()) return fail('not-a-file', kindOf(st));
  if (limits.headBytes === undefined && st.size > limits.maxBytes) return fail('too-large', `${mb(st.size)} > ${mb(limits.maxBytes)}`);
  return undefined;
}

/**
 * The bookkeeping of one read, shared by the async and the sync reader: the next buffer to fill
 * (none when done), the bytes so far, and the result (too large, timed out, or the bytes).
 */
class Collector {
  private readonly chunks: Buffer[] = [];
  total = 0;
  private readonly want: number;
  private stop?: ReadResult;
  private ended = false;

  constructor(private readonly st: fs.Stats, private readonly limits: ReadLimits, private readonly deadline: number) {
    this.want = limits.headBytes !== undefined ? Math.min(limits.headBytes, limits.maxBytes) : limits.maxBytes;
  }

  next(): Buffer | undefined {
    if (this.stop || this.ended) return undefined;
    if (Date.now() > this.deadline) {
      this.stop = fail('timeout', this.limits.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      return undefined;
    }
    // One byte past the limit tells a file that grew since fstat from one that fits exactly.
    const room = this.want - this.total + (this.limits.headBytes === undefined ? 1 : 0);
    return room > 0 ? Buffer.allocUnsafe(Math.min(CHUNK, room)) : undefined;
  }

  add(buf: Buffer, bytesRead: number): void {
    if (bytesRead === 0) {
      this.ended = true;
      return;
    }
    this.chunks.push(buf.subarray(0, bytesRead));
    this.total += bytesRead;
    if (this.limits.headBytes === undefined && this.total > this.limits.maxBytes) this.stop = fail('too-large', `> ${mb(this.limits.maxBytes)}`);
  }

  result(): ReadResult {
    return this.stop ?? { ok: true, bytes: Buffer.concat(this.chunks, this.total), size: this.st.size };
  }
}

/** Read a file within limits without blocking the event loop (the server's reader). */
export async function readFileLimited(file: string, limits: ReadLimits): Promise<ReadResult> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReadResult>((resolve) => {
    timer = setTimeout(() => resolve(fail('timeout', timeoutMs)), timeoutMs);
  });
  // The read itself cannot be cancelled; on timeout its descriptor is closed when it settles.
  const reading = readAsync(file, limits, Date.now() + timeoutMs);
  try {
    return await Promise.race([reading, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function readAsync(file: string, limits: ReadLimits, deadline: number): Promise<ReadResult> {
  try {
    const refused = sizeCheck(await fs.promises.stat(file), limits);
    if (refused) return refused;
  } catch (err) {
    return fromError(err);
  }
  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(file, OPEN_FLAGS);
  } catch (err) {
    return fromError(err);
  }
  try {
    const st = await fh.stat();
    const refused = sizeCheck(st, limits);
    if (refused) return refused;
    const c = new Collector(st, limits, deadline);
    for (let buf = c.next(); buf; buf = c.next()) c.add(buf, (await fh.read(buf, 0, buf.length, c.total)).bytesRead);
    return c.result();
  } catch (err) {
    return fromError(err);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/**
 * The same checks, synchronously, for the command line (a one-shot process: blocking is fine, a
 * hang or an unbounded read is not). The time budget is checked between chunks.
 */
export function readFileLimitedSync(file: string, limits: ReadLimits): ReadResult {
  const deadline = Date.now() + (limits.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const refused = sizeCheck(fs.statSync(file), limits);
    if (refused) return refused;
  } catch (err) {
    return fromError(err);
  }
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (err) {
    return fromError(err);
  }
  try {
    const st = fs.fstatSync(fd);
    const refused = sizeCheck(st, limits);
    if (refused) return refused;
    const c = new Collector(st, limits, deadline);
    for (let buf = c.next(); buf; buf = c.next()) c.add(buf, fs.readSync(fd, buf, 0, buf.length, c.total));
    return c.result();
  } catch (err) {
    return fromError(err);
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
  }
}

/** Whether a path names a regular file (no read; follows links; false for anything odd). */
export async function isRegularFile(file: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(file)).isFile();
  } catch {
    return false;
  }
}
