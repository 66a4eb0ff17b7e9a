// The peer in the same run: markdownlint (the engine of markdownlint-cli2), the general linter a
// user might reach for instead, over the same generated plans treated as Markdown; and both CLIs
// as whole processes over the corpus. Reported as ratios (kehoach / peer).

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CORPUS } from '../test/helpers';
import { spawnSync } from 'child_process';
import { performance } from 'perf_hooks';
import { checkPlan, defaultConfig, loadRegistry } from '../server/src/core';
import type { Stats } from './run';

interface Tools {
  generatePlan(bytes: number): string;
  measure(fn: () => unknown, minRuns?: number, minMs?: number, maxRuns?: number): Stats;
  stats(samples: number[]): Stats;
}

const ROOT = path.resolve(__dirname, '..', '..');

function wallTime(cmd: string, args: string[], runs: number, stats: Tools['stats']): Stats {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(cmd, args, { cwd: ROOT, stdio: 'ignore' });
    samples.push(performance.now() - t);
  }
  return stats(samples);
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
  // Whole processes over the corpus copied as .md (start-up included), 5 runs each.
  const corpus = CORPUS;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-peer-'));
  const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt'));
  for (const f of files) fs.copyFileSync(path.join(corpus, f), path.join(tmp, f.replace(/\.txt$/, '.md')));
  const mdFiles = files.map((f) => path.join(tmp, f.replace(/\.txt$/, '.md')));
  const ourCli = wallTime(process.execPath, [path.join(ROOT, 'bin', 'kehoach.js'), 'check', '--format', 'json', ...mdFiles], 5, tools.stats);
  const peerBin = path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const peerCli = fs.existsSync(peerBin) ? wallTime(process.execPath, [peerBin, ...mdFiles], 5, tools.stats) : undefined;
  fs.rmSync(tmp, { recursive: true, force: true });
  md.push('', `Whole CLI processes over the ${files.length} corpus files: kehoach ${ourCli.median.toFixed(0)} ms` + (peerCli ? `, markdownlint-cli2 ${peerCli.median.toFixed(0)} ms (ratio ${(ourCli.median / peerCli.median).toFixed(2)})` : ' (markdownlint-cli2 not installed)') + ' — medians of 5, start-up included.');
  return { rows, cli: { kehoach: ourCli, markdownlintCli2: peerCli }, markdown: md.join('\n') };
}
