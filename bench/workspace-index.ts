// The language server's workspace index (which file carries which directive number): time to scan
// a folder of 500 generated plans (8 KB each, distinct "Số: N/KH-UBND" headers), reading only each
// file's head as the server does, against reading whole files; and what the index keeps in memory.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { WorkspaceIndex } from '../server/src/workspace/index';
import { generatePlan } from './generate';

export interface IndexBench {
  files: number;
  bytes: number;
  indexed: number;
  /** Median wall ms of a scan reading the first 4 KB of each file. */
  headMs: number;
  /** CPU ms of that scan (median). */
  headCpuMs: number;
  /** Median wall ms of a scan reading whole files (parentKeyOf on the full text). */
  fullMs: number;
  /** Heap kept by one index of the folder (bytes, after GC when --expose-gc). */
  heapBytes: number;
  /** Median µs to resolve a plan's cited keys to parent files. */
  resolveUs: number;
  markdown: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

async function timeScan(dir: string, headBytes: number): Promise<{ ms: number; cpuMs: number; index: WorkspaceIndex }> {
  const index = new WorkspaceIndex({ headBytes });
  const cpu = process.cpuUsage();
  const t = performance.now();
  await index.scan([dir]);
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, index };
}

export async function benchWorkspaceIndex(tools?: { generatePlan?: (bytes: number) => string }, count = 500, runs = 3): Promise<IndexBench> {
  const gen = tools?.generatePlan ?? generatePlan;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-index-bench-'));
  try {
    const template = gen(8e3);
    if (!template.includes('Số: 147/KH-UBND')) throw new Error('generated plan has no "Số: 147/KH-UBND" header');
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      // Folders of 50, as a department's archive would be.
      const sub = path.join(dir, `thu-muc-${Math.floor(i / 50)}`);
      if (i % 50 === 0) fs.mkdirSync(sub, { recursive: true });
      const text = template.replace('Số: 147/KH-UBND', `Số: ${1000 + i}/KH-UBND`);
      bytes += Buffer.byteLength(text);
      fs.writeFileSync(path.join(sub, `ke-hoach-${1000 + i}.kehoach.txt`), text);
    }
    // Warm the parser and the file cache once: the numbers are for a server that is running.
    await timeScan(dir, 4096);

    const head: { ms: number; cpuMs: number }[] = [];
    const full: number[] = [];
    let last: WorkspaceIndex | undefined;
    for (let r = 0; r < runs; r++) {
      const h = await timeScan(dir, 4096);
      head.push(h);
      last = h.index;
      full.push((await timeScan(dir, 16 * 1024 * 1024)).ms);
    }
    const index = last!;
    const indexed = new Set<string>();
    for (let i = 0; i < count; i++) if (index.filesFor(`${1000 + i}||KH|UBND`).length === 1) indexed.add(String(i));

    // Memory: a few more indexes kept alive at once, so what one keeps stands out of the GC noise.
    last = undefined;
    gc();
    const before = process.memoryUsage().heapUsed;
    const keptAll: WorkspaceIndex[] = [];
    for (let i = 0; i < 5; i++) keptAll.push((await timeScan(dir, 4096)).index);
    gc();
    const heapBytes = Math.max(0, (process.memoryUsage().heapUsed - before) / keptAll.length);
    const kept = keptAll[0];

    const keys = ['1042||KH|UBND', '1499||KH|UBND', '94||NQ|CP'];
    const plan = path.join(dir, 'thu-muc-0', 'ke-hoach-1000.kehoach.txt');
    const rs: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t = performance.now();
      kept.parentsFor(keys, plan);
      rs.push((performance.now() - t) * 1000);
    }

    const headMs = median(head.map((h) => h.ms));
    const headCpuMs = median(head.map((h) => h.cpuMs));
    const fullMs = median(full);
    const resolveUs = median(rs);
    const f = (x: number, d = 1) => x.toFixed(d);
    const markdown = [
      `| files | total KB | indexed | scan (first 4 KB) median ms | CPU ms | per file µs | scan (whole files) median ms | index heap KB | resolve µs |`,
      `|---|---|---|---|---|---|---|---|---|`,
      `| ${count} | ${f(bytes / 1024, 0)} | ${indexed.size} | ${f(headMs)} | ${f(headCpuMs)} | ${f((headMs * 1000) / count, 0)} | ${f(fullMs)} | ${f(heapBytes / 1024, 0)}${(globalThis as { gc?: unknown }).gc ? '' : ' (no --expose-gc: rough)'} | ${f(resolveUs, 2)} |`,
    ].join('\n');
    return { files: count, bytes, indexed: indexed.size, headMs, headCpuMs, fullMs, heapBytes, resolveUs, markdown };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchWorkspaceIndex().then(
    (r) => process.stdout.write(r.markdown + '\n'),
    (err) => {
      process.stderr.write(`${(err as Error).stack}\n`);
      process.exitCode = 1;
    },
  );
}
