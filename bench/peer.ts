// The peer in the same run: markdownlint (the engine of markdownlint-cli2), the general linter a
// user might reach for instead, over the same generated plans treated as Markdown; and both CLIs
// as whole processes in the cold section (bench/cold.ts). Reported as ratios (kehoach / peer).

import { checkPlan, defaultConfig, loadRegistry } from '../server/src/core';
import type { Stats } from './run';

interface Tools {
  generatePlan(bytes: number): string;
  measure(fn: () => unknown, minRuns?: number, minMs?: number, maxRuns?: number): Stats;
  stats(samples: number[]): Stats;
}

export async function benchPeer(tools: Tools): Promise<Record<string, unknown>> {
  // markdownlint is ESM-only; load it through a dynamic import that TypeScript leaves alone.
  const importEsm = new Function('m', 'return import(m)') as (m: string) => Promise<{ lint: (o: unknown) => unknown }>;
  const { lint } = await importEsm('markdownlint/sync');
  const config = defaultConfig();
  const registry = loadRegistry(config);
  const rows: Record<string, unknown>[] = [];
  const md = ['| input | kehoach check median ms | markdownlint median ms | ratio kehoach/markdownlint |', '|---|---|---|---|'];
  for (const [label, bytes] of [['10 KB', 10e3], ['100 KB', 100e3], ['1 MB', 1e6]] as const) {
    const text = tools.generatePlan(bytes);
    const ours = tools.measure(() => checkPlan(text, config, { registry }), 5, 300, 100);
    const theirs = tools.measure(() => lint({ strings: { plan: text } }), 5, 300, 100);
    rows.push({ label, kehoach: ours, markdownlint: theirs, ratio: ours.median / theirs.median });
    md.push(`| generated ${label} | ${ours.median.toFixed(2)} | ${theirs.median.toFixed(2)} | ${(ours.median / theirs.median).toFixed(2)} |`);
  }
  md.push('', 'Whole CLI processes (start-up included): the cold section.');
  return { rows, markdown: md.join('\n') };
}
