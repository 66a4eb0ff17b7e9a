// `npm run bench`: medians and ratios against a baseline measured in the same run, written to
// bench/results/. Timings are wall-clock (performance.now) on this machine; compare ratios.

import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { checkPlan, defaultConfig, loadRegistry } from '../server/src/core';
import { generatePlan } from './generate';
import { CORPUS, corpusFiles } from '../test/helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS = path.join(ROOT, 'bench', 'results');

export interface Stats {
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return { median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1], runs: s.length };
}

/**
 * Time `fn` repeatedly: warm-up calls first (at least 3, and for at least `warmMs`: V8 needs some
 * tens of calls before the check runs at the speed a long-lived server sees), then until
 * `minRuns` and `minMs` are both reached.
 */
export function measure(fn: () => unknown, minRuns = 15, minMs = 300, maxRuns = 500, warmMs = 1000): Stats {
  const warmStart = performance.now();
  for (let i = 0; i < maxRuns && (i < 3 || performance.now() - warmStart < warmMs); i++) fn();
  const samples: number[] = [];
  const begin = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - begin < minMs)) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

/** The baseline: what any checker must do at least — split the text into lines and run one regex pass. */
export function baseline(text: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  let n = 0;
  const re = /^\s*(?:[IVX]+\.|\d+\.|[a-zđ]\))/;
  for (const l of lines) if (re.test(l)) n++;
  return n;
}

const f = (x: number, d = 2) => x.toFixed(d);

/** The goals of issue 13 against this run's figures. */
function doneWhen(report: Record<string, unknown>, core: Record<string, unknown>[]): string[] {
  type Ratio = { wall: number; cpu?: number };
  const cold = report.cold as { ratios?: { vsReadScan: Ratio; vsMarkdownlint?: Ratio; smallVsNodeE0: Ratio } } | undefined;
  const server = report.server as import('./server').ServerBenchResult | undefined;
  const r = cold?.ratios;
  const ratio = (x?: Ratio) => (x ? `${f(x.wall)} (CPU ${x.cpu === undefined ? '–' : f(x.cpu)})` : 'not measured');
  const ms = (x?: number) => (x === undefined || !Number.isFinite(x) ? 'not measured' : `${f(x, 1)} ms`);
  const mb = (kb?: number) => (kb === undefined || !Number.isFinite(kb) ? 'not measured' : `${f(kb / 1024, 1)} MB`);
  const warm100 = core.find((c) => c.label === '100 KB') as { check: Stats } | undefined;
  return [
    '## Done when (issue 13)', '',
    '| figure | this run | goal |', '|---|---|---|',
    `| CLI, 1.5 MB of real plans / bare Node read + regex pass (wall) | ${ratio(r?.vsReadScan)} | ≤ 4 |`,
    `| CLI, 2 KB plan / \`node -e 0\` (wall) | ${ratio(r?.smallVsNodeE0)} | ≤ 2 |`,
    `| CLI, 1.5 MB / markdownlint-cli2 (wall) | ${ratio(r?.vsMarkdownlint)} | ≤ 0.1 |`,
    `| server keystroke → diagnostics p95, 100 KB plan with its parent open | ${ms(server?.changeToDiagnosticsP95Ms)} (median ${ms(server?.changeToDiagnosticsMedianMs)}) | ≤ 30 ms |`,
    `| server RSS, 1 / 20 / 100 plans open | ${[1, 20, 100].map((n) => mb(server?.rssByPlansKB?.[n])).join(' / ')} | 20 plans ≤ 80 MB |`,
    `| 5 MB paste: delay of a request on another document | ${ms(server?.paste?.delayMs)} | ≤ 100 ms |`,
    `| core, 100 KB warm check median | ${ms(warm100?.check.median)} | ≤ 5 ms |`,
  ];
}

async function main(): Promise<void> {
  fs.mkdirSync(RESULTS, { recursive: true });
  const config = defaultConfig();
  const registry = loadRegistry(config);
  const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
  const md: string[] = ['# Benchmark results', '', `Node ${process.version}, ${new Date().toISOString()}. Medians over repeated runs after warm-up (the steady state of a long-lived language server; a CLI process's start-up is in the peer section); ratio = check / baseline (split lines + one regex pass) in the same run.`, ''];

  // 1. Core: full check per size.
  const sizes: [string, number][] = [['10 KB', 10e3], ['100 KB', 100e3], ['1 MB', 1e6], ['5 MB', 5e6]];
  const core: Record<string, unknown>[] = [];
  md.push('## Core check by size', '', '| input | bytes | baseline median ms | check median ms | check p95 ms | ratio | µs per KB |', '|---|---|---|---|---|---|---|');
  for (const [label, bytes] of sizes) {
    const text = generatePlan(bytes);
    const big = bytes >= 1e6;
    const base = measure(() => baseline(text), big ? 5 : 15, big ? 200 : 300);
    const check = measure(() => checkPlan(text, config, { registry }), big ? 5 : 15, big ? 1000 : 500, big ? 20 : 500);
    const kb = Buffer.byteLength(text) / 1024;
    core.push({ label, bytes: Buffer.byteLength(text), baseline: base, check, ratio: check.median / base.median, usPerKB: (check.median * 1000) / kb });
    md.push(`| generated ${label} | ${Buffer.byteLength(text)} | ${f(base.median, 3)} | ${f(check.median)} | ${f(check.p95)} | ${f(check.median / base.median, 1)} | ${f((check.median * 1000) / kb, 1)} |`);
  }
  report.core = core;

  // 2. The corpus, file by file, and CLI-style throughput (read + decode + check), single process.
  md.push('', '## Corpus', '', '| file | KB | check median ms | findings |', '|---|---|---|---|');
  let totalBytes = 0;
  const files = corpusFiles();
  const corpus: Record<string, unknown>[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
    totalBytes += Buffer.byteLength(text);
    const st = measure(() => checkPlan(text, config, { registry }), 10, 200);
    const n = checkPlan(text, config, { registry }).findings.length;
    corpus.push({ file, bytes: Buffer.byteLength(text), check: st, findings: n });
    md.push(`| ${file} | ${f(Buffer.byteLength(text) / 1024, 1)} | ${f(st.median)} | ${n} |`);
  }
  const throughput = measure(() => {
    for (const file of files) checkPlan(fs.readFileSync(path.join(CORPUS, file), 'utf8'), config, { registry });
  }, 5, 500);
  const mbps = totalBytes / 1e6 / (throughput.median / 1000);
  report.corpus = corpus;
  report.cliThroughputMBps = mbps;
  md.push('', `Corpus throughput (read + check, all ${files.length} files, one process): **${f(mbps, 1)} MB/s** (median ${f(throughput.median)} ms for ${f(totalBytes / 1024, 0)} KB).`);

  // 3. Optional sections contributed by other modules (server, parent coverage, peer).
  for (const [name, mod, fn] of [
    ['cold', './cold', 'benchCold'],
    ['server', './server', 'benchServer'],
    ['coverage', './coverage', 'benchCoverage'],
    ['peer', './peer', 'benchPeer'],
    ['workspace index', './workspace-index', 'benchWorkspaceIndex'],
    ['workspace', './workspace', 'benchWorkspace'],
  ] as const) {
    let run: ((o?: unknown) => Promise<{ markdown?: string } & Record<string, unknown>>) | undefined;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      run = (require(mod) as Record<string, typeof run>)[fn];
    } catch {
      run = undefined;
    }
    if (!run) continue;
    try {
      const r = await run({ generatePlan, measure, stats, baseline });
      report[name] = r;
      md.push('', `## ${name}`, '', r.markdown ?? '```json\n' + JSON.stringify(r, null, 2) + '\n```');
    } catch (err) {
      md.push('', `## ${name}`, '', `failed: ${(err as Error).message}`);
    }
  }

  // 4. Issue 13's "Done when" figures, gathered at the top.
  md.splice(4, 0, ...doneWhen(report, core), '');

  fs.writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), md.join('\n') + '\n');
  process.stdout.write(md.join('\n') + '\n');
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`bench failed: ${(err as Error).stack}\n`);
    process.exitCode = 1;
  });
}
