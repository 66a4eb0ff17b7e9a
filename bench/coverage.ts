// Coverage benchmark: a ~100 KB plan against a ~100 KB parent, built by repeating corpus text.
// The lead's bench runner calls benchCoverage(); `node out/bench/coverage.js` runs it alone.

import * as fs from 'fs';
import * as path from 'path';
import { parsePlan } from '../server/src/core/parse';
import { matchCoverage } from '../server/src/core/parent/match';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

/** Repeat a document's body (from its first section) until the text reaches `size` characters. */
function grow(text: string, size: number): string {
  // The 57-NQ/TW reprint has other articles after the resolution's last line; keep the resolution.
  const last = text.indexOf('Nghị quyết này phổ biến');
  if (last > 0) text = text.slice(0, last);
  const first = text.search(/^\s*(?:[IVX]+|[A-Z])\s?[.\-]\s/m);
  const body = first > 0 ? text.slice(first) : text;
  let out = text;
  while (out.length < size) out += '\n' + body;
  return out;
}

/**
 * Median milliseconds of matchCoverage (parsing excluded) over a few runs. CPU time of this
 * process, not wall time: the bench machine is shared and wall time mostly measures the others.
 */
export async function benchCoverage(options?: unknown): Promise<number> {
  // The bench runner passes its helpers object; a number is a run count.
  const runs = typeof options === 'number' && options > 0 ? options : 7;
  const parentText = grow(fs.readFileSync(path.join(CORPUS, 'bochinhtri_57-nq-tw_2024.txt'), 'utf8'), 100_000);
  const planText = grow(fs.readFileSync(path.join(CORPUS, 'chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt'), 'utf8'), 100_000);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Fresh documents each run: units are cached per document.
    const parent = parsePlan(parentText);
    const plan = parsePlan(planText);
    const t0 = process.cpuUsage();
    matchCoverage(plan, parent);
    const used = process.cpuUsage(t0);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

if (require.main === module) {
  benchCoverage().then((ms) => console.log(`coverage 100 KB × 100 KB: median ${ms.toFixed(1)} ms`));
}
