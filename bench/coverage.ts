// Coverage benchmark: a ~100 KB plan against a ~100 KB parent, built by repeating corpus text.
// `npm run bench` calls benchCoverage(); `node out/bench/coverage.js` runs it alone.

import * as fs from 'fs';
import * as path from 'path';
import { CORPUS } from '../test/helpers';
import { performance } from 'perf_hooks';
import { checkPlan, defaultConfig, loadRegistry } from '../server/src/core';
import { parsePlan } from '../server/src/core/parse';
import { ParentContext } from '../server/src/core/parent';
import { matchCoverage } from '../server/src/core/parent/match';


/** Repeat a document's body (from its first section) until the text reaches `bytes` UTF-8 bytes. */
function grow(text: string, bytes: number): string {
  // The 57-NQ/TW reprint has other articles after the resolution's last line; keep the resolution.
  const last = text.indexOf('Nghị quyết này phổ biến');
  if (last > 0) text = text.slice(0, last);
  const first = text.search(/^\s*(?:[IVX]+|[A-Z])\s?[.\-]\s/m);
  const body = first > 0 ? text.slice(first) : text;
  let out = text;
  while (Buffer.byteLength(out, 'utf8') < bytes) out += '\n' + body;
  // Cut at the last line break before the size (a plan ends on a whole line).
  while (Buffer.byteLength(out, 'utf8') > bytes) out = out.slice(0, out.lastIndexOf('\n', out.length - 2) + 1);
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Wall and CPU milliseconds of `fn`, each the median over `runs` (after one warm-up). */
function timed(runs: number, fn: () => unknown): { wall: number; cpu: number } {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

export interface CoverageBench {
  planBytes: number;
  parentBytes: number;
  parentTasks: number;
  /** matchCoverage alone, both documents parsed beforehand. */
  match: { wall: number; cpu: number };
  /** The editor's case: the plan parsed and checked with the parent rules, the parent parsed once before. */
  checkWithParent: { wall: number; cpu: number };
  /** Cold: both texts parsed, then the plan checked with the parent rules. */
  cold: { wall: number; cpu: number };
  markdown: string;
}

/**
 * A ~100 KB plan (the 03/NQ-CP programme, repeated) against a ~100 KB parent (57-NQ/TW, repeated).
 * Reports wall and CPU medians: the bench machine may be shared, and CPU time is what this
 * process spent whatever the others do.
 */
export async function benchCoverage(options?: unknown): Promise<CoverageBench> {
  // The bench runner passes its helpers object; a number is a run count.
  const runs = typeof options === 'number' && options > 0 ? options : 15;
  const parentText = grow(fs.readFileSync(path.join(CORPUS, 'bochinhtri_57-nq-tw_2024.txt'), 'utf8'), 100_000);
  const planText = grow(fs.readFileSync(path.join(CORPUS, 'chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt'), 'utf8'), 100_000);
  const config = defaultConfig();
  const registry = loadRegistry(config);
  // Fresh documents each run for the match: units are cached per document.
  const pairs = Array.from({ length: runs + 1 }, () => [parsePlan(planText), parsePlan(parentText)] as const);
  let k = 0;
  const match = timed(runs, () => {
    const [plan, parent] = pairs[k++];
    return matchCoverage(plan, parent);
  });
  const parentTasks = matchCoverage(parsePlan(planText), parsePlan(parentText)).tasks.length;
  const parsedParent = parsePlan(parentText);
  const checkWithParent = timed(runs, () => {
    // The parent rules cache their work per parent document: build them afresh, as an edit to the plan does.
    const parents = new ParentContext([{ doc: parsedParent, path: 'parent.txt' }]);
    return checkPlan(planText, config, { registry, parents });
  });
  const cold = timed(runs, () => {
    const parents = new ParentContext([{ doc: parsePlan(parentText), path: 'parent.txt' }]);
    return checkPlan(planText, config, { registry, parents });
  });
  const kb = (n: number) => (n / 1024).toFixed(1);
  const f = (x: { wall: number; cpu: number }) => `${x.wall.toFixed(1)} | ${x.cpu.toFixed(1)}`;
  const markdown = [
    `Plan ${kb(Buffer.byteLength(planText))} KB (03/NQ-CP repeated) against parent ${kb(Buffer.byteLength(parentText))} KB (57-NQ/TW repeated), ${parentTasks} parent tasks; medians of ${runs} runs.`,
    '',
    '| measure | wall median ms | CPU median ms |',
    '|---|---|---|',
    `| matching alone (both parsed before) | ${f(match)} |`,
    `| plan checked with the parent rules, parent parsed once (the editor's case) | ${f(checkWithParent)} |`,
    `| cold: parse both, check with the parent rules | ${f(cold)} |`,
  ].join('\n');
  return { planBytes: Buffer.byteLength(planText), parentBytes: Buffer.byteLength(parentText), parentTasks, match, checkWithParent, cold, markdown };
}

if (require.main === module) {
  benchCoverage().then((r) => process.stdout.write(r.markdown + '\n'));
}
