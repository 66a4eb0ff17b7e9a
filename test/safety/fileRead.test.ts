// The bounded reader every read goes through: regular files only, size checked before reading,
// a time budget, and never a hang on a FIFO or a device.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readFileLimited, readFileLimitedSync, type ReadLimits, type ReadResult } from '../../server/src/fileRead';
import { DEV_ZERO, linkTo, makeFifo, sparse, symlinkLoop, unreadable } from './hostile-fs';

describe('safety: the bounded file reader', function () {
  this.timeout(20000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-read-'));
  const limits: ReadLimits = { maxBytes: 1024 * 1024, timeoutMs: 2000 };
  const both = async (file: string, l: ReadLimits = limits): Promise<ReadResult[]> => [await readFileLimited(file, l), readFileLimitedSync(file, l)];
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a regular file whole, and only its head when asked', async () => {
    const file = path.join(dir, 'plan.txt');
    fs.writeFileSync(file, 'KẾ HOẠCH\nI. MỤC ĐÍCH\n');
    for (const r of await both(file)) {
      assert.ok(r.ok);
      assert.strictEqual(r.bytes.toString('utf8'), 'KẾ HOẠCH\nI. MỤC ĐÍCH\n');
    }
    for (const r of await both(file, { ...limits, headBytes: 5 })) {
      assert.ok(r.ok);
      assert.strictEqual(r.bytes.length, 5);
      assert.strictEqual(r.size, fs.statSync(file).size);
    }
  });

  it('refuses a FIFO at once (no writer: a plain read would wait forever)', async function () {
    const fifo = makeFifo(path.join(dir, 'fifo.txt'));
    if (!fifo) this.skip();
    const started = Date.now();
    for (const r of await both(fifo!)) {
      assert.ok(!r.ok && r.failure === 'not-a-file', JSON.stringify(r));
      assert.match(r.reason, /FIFO/);
    }
    assert.ok(Date.now() - started < 1000, 'answered without waiting');
  });

  it('refuses /dev/zero, directly and through a link named like a plan', async function () {
    if (!DEV_ZERO) this.skip();
    const link = linkTo(path.join(dir, 'zero.kehoach.txt'), DEV_ZERO!);
    for (const file of [DEV_ZERO!, link!]) {
      for (const r of await both(file)) assert.ok(!r.ok && r.failure === 'not-a-file', `${file}: ${JSON.stringify(r)}`);
    }
  });

  it('refuses a 2 GB sparse file before reading a byte, and reads its head when asked', async () => {
    const big = sparse(path.join(dir, 'big.txt'), 2 * 1024 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    for (const r of await both(big)) {
      assert.ok(!r.ok && r.failure === 'too-large', JSON.stringify(r));
      assert.match(r.reason, /quá lớn.*too large/);
    }
    for (const r of await both(big, { ...limits, headBytes: 4096 })) assert.ok(r.ok && r.bytes.length === 4096);
    assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'no large buffer allocated');
  });

  it('says "missing", "directory", "symlink loop" and "unreadable" in plain words', async () => {
    for (const r of await both(path.join(dir, 'nope.txt'))) assert.ok(!r.ok && r.failure === 'missing');
    for (const r of await both(dir)) assert.ok(!r.ok && r.failure === 'not-a-file' && /thư mục/.test(r.reason));
    const loop = symlinkLoop(dir, 'loop.txt');
    if (loop) for (const r of await both(loop)) assert.ok(!r.ok && r.failure === 'not-a-file', JSON.stringify(r));
    const locked = unreadable(path.join(dir, 'locked.txt'));
    if (locked) for (const r of await both(locked)) assert.ok(!r.ok && r.failure === 'unreadable', JSON.stringify(r));
  });

  it('a file at the limit is read; one byte more is refused', async () => {
    const file = path.join(dir, 'edge.txt');
    fs.writeFileSync(file, Buffer.alloc(1000, 0x61));
    for (const r of await both(file, { maxBytes: 1000 })) assert.ok(r.ok && r.bytes.length === 1000);
    for (const r of await both(file, { maxBytes: 999 })) assert.ok(!r.ok && r.failure === 'too-large');
  });
});
