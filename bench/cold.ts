// Whole processes, start-up included, as a user or CI runs the CLI: the ratios of issue 13.
// - 1.5 MB of real plans (the corpus copied four times): `kehoach check --format json` against a
//   bare Node process that reads the same files and makes one regex pass, and against
//   markdownlint-cli2 on the same files;
// - a 2 KB plan against `node -e 0` (the floor of any Node CLI).
// Runs are interleaved (A B C, A B C, …) so a busy machine slows all alike; medians of wall time
// and of CPU time (user + system, from /usr/bin/time when present: steadier on a shared machine).

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { CORPUS, corpusFiles } from '../test/helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const TIME = '/usr/bin/time';

interface Sample {
  wallMs: number;
  cpuMs?: number;
}

function run(cmd: string, args: string[]): Sample {
  const timed = fs.existsSync(TIME);
  const t = performance.now();
  const r = timed
    ? spawnSync(TIME, ['-f', 'KEHOACH_TIME %U %S', cmd, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 })
    : spawnSync(cmd, args, { cwd: ROOT, stdio: 'ignore' });
  const wallMs = performance.now() - t;
  const m = timed ? /KEHOACH_TIME ([\d.]+) ([\d.]+)/.exec(String(r.stderr)) : null;
  return m ? { wallMs, cpuMs: (parseFloat(m[1]) + parseFloat(m[2])) * 1000 } : { wallMs };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

function interleaved(cmds: Record<string, [string, string[]]>, runs: number): Record<string, { wallMs: number; cpuMs?: number }> {
  const samples: Record<string, Sample[]> = {};
  for (const k of Object.keys(cmds)) samples[k] = [];
  for (let i = 0; i < runs; i++) for (const [k, [cmd, args]] of Object.entries(cmds)) samples[k].push(run(cmd, args));
  const out: Record<string, { wallMs: number; cpuMs?: number }> = {};
  for (const [k, s] of Object.entries(samples)) {
    const cpu = s.map((x) => x.cpuMs).filter((x): x is number => x !== undefined);
    out[k] = { wallMs: median(s.map((x) => x.wallMs)), ...(cpu.length ? { cpuMs: median(cpu) } : {}) };
  }
  return out;
}

/** The bare floor: read every file, split lines, one regex pass. */
const READ_SCAN = `let n=0;for(const f of process.argv.slice(1)){for(const l of require('fs').readFileSync(f,'utf8').split(/\\r\\n|\\r|\\n/))if(/^\\s*(?:[IVX]+\\.|\\d+\\.|[a-zđ]\\))/.test(l))n++}`;

export async function benchCold(opts: { runs?: number } = {}): Promise<Record<string, unknown>> {
  const runs = opts.runs ?? 7;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-cold-'));
  try {
    // 1.5 MB of real plans: the corpus four times over, as .md so markdownlint-cli2 reads them too.
    const files: string[] = [];
    for (let copy = 1; copy <= 4; copy++) {
      for (const f of corpusFiles()) {
        const to = path.join(tmp, `${copy}-${f.replace(/\.txt$/, '.md')}`);
        fs.copyFileSync(path.join(CORPUS, f), to);
        files.push(to);
      }
    }
    const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
    // A 2 KB plan: the sample plan's first lines.
    const sample = fs.readFileSync(path.join(ROOT, 'examples', 'ke-hoach-mau.kehoach.txt'), 'utf8');
    let small = '';
    for (const line of sample.split('\n')) {
      if (Buffer.byteLength(small + line + '\n') > 2048) break;
      small += line + '\n';
    }
    const smallFile = path.join(tmp, 'plan-2k.kehoach.txt');
    fs.writeFileSync(smallFile, small);

    const kehoach = path.join(ROOT, 'bin', 'kehoach.js');
    const peerBin = path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    const node = process.execPath;
    const big: Record<string, [string, string[]]> = {
      kehoach: [node, [kehoach, 'check', '--format', 'json', ...files]],
      readScan: [node, ['-e', READ_SCAN, ...files]],
    };
    if (fs.existsSync(peerBin)) big.markdownlint = [node, [peerBin, ...files]];
    const b = interleaved(big, runs);
    const s = interleaved({ kehoach: [node, [kehoach, 'check', smallFile]], nodeE0: [node, ['-e', '0']] }, runs * 2);

    const ratio = (x: { wallMs: number; cpuMs?: number }, y: { wallMs: number; cpuMs?: number }) => ({
      wall: x.wallMs / y.wallMs,
      ...(x.cpuMs !== undefined && y.cpuMs ? { cpu: x.cpuMs / y.cpuMs } : {}),
    });
    const ratios = {
      vsReadScan: ratio(b.kehoach, b.readScan),
      ...(b.markdownlint ? { vsMarkdownlint: ratio(b.kehoach, b.markdownlint) } : {}),
      smallVsNodeE0: ratio(s.kehoach, s.nodeE0),
    };
    const ms = (x?: number) => (x === undefined ? '–' : x.toFixed(0));
    const r2 = (x?: number) => (x === undefined ? '–' : x.toFixed(2));
    const md = [
      `Whole processes (start-up included), medians of ${runs} interleaved runs (${runs * 2} for the 2 KB plan); CPU = user + system.`,
      '',
      '| run | wall ms | CPU ms |',
      '|---|---|---|',
      `| kehoach check --format json, ${(bytes / 1048576).toFixed(2)} MB of real plans (${files.length} files) | ${ms(b.kehoach.wallMs)} | ${ms(b.kehoach.cpuMs)} |`,
      `| bare Node: read the same files + one regex pass | ${ms(b.readScan.wallMs)} | ${ms(b.readScan.cpuMs)} |`,
      ...(b.markdownlint ? [`| markdownlint-cli2, the same files | ${ms(b.markdownlint.wallMs)} | ${ms(b.markdownlint.cpuMs)} |`] : []),
      `| kehoach check, a 2 KB plan | ${ms(s.kehoach.wallMs)} | ${ms(s.kehoach.cpuMs)} |`,
      `| node -e 0 | ${ms(s.nodeE0.wallMs)} | ${ms(s.nodeE0.cpuMs)} |`,
      '',
      '| ratio | wall | CPU | goal |',
      '|---|---|---|---|',
      `| 1.5 MB: kehoach / read+scan | ${r2(ratios.vsReadScan.wall)} | ${r2(ratios.vsReadScan.cpu)} | ≤ 4 |`,
      ...(ratios.vsMarkdownlint ? [`| 1.5 MB: kehoach / markdownlint-cli2 | ${r2(ratios.vsMarkdownlint.wall)} | ${r2(ratios.vsMarkdownlint.cpu)} | ≤ 0.1 |`] : []),
      `| 2 KB: kehoach / node -e 0 | ${r2(ratios.smallVsNodeE0.wall)} | ${r2(ratios.smallVsNodeE0.cpu)} | ≤ 2 |`,
    ];
    return { bytes, files: files.length, big: b, small: s, ratios, markdown: md.join('\n') };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchCold({ runs: Number(process.env.RUNS) || 7 }).then(
    (r) => process.stdout.write(String(r.markdown) + '\n'),
    (err) => {
      process.stderr.write(`cold bench failed: ${(err as Error).stack}\n`);
      process.exitCode = 1;
    },
  );
}
