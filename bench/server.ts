// Server benchmark: the language server as an editor runs it (a child process over stdio).
// Measures time to initialize, didChange → publishDiagnostics on a 100 KB plan, and RSS with
// 1 and 20 plans open (VmRSS from /proc/<pid>/status).

import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CORPUS } from '../test/helpers';
import { performance } from 'perf_hooks';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER_MAIN = path.join(ROOT, 'out', 'server', 'src', 'main.js');
const PLAN = 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt';

export interface ServerBenchOptions {
  /** Edits to time (default 100). */
  edits?: number;
  /** Size of the plan in KB (default 100). */
  planKB?: number;
  /** Plans open for the second RSS reading (default 20). */
  openPlans?: number;
  /** The server's debounce during the run; 0 measures the check itself (default 0). */
  debounceMs?: number;
  corpusDir?: string;
  /** Stop timing edits after this long (default 120 s), so a slow check cannot stall `npm run bench`. */
  budgetMs?: number;
}

export interface ServerBenchResult {
  initializeMs: number;
  planBytes: number;
  edits: number;
  /** Edits not timed because the budget ran out. */
  editsSkipped: number;
  debounceMs: number;
  firstDiagnosticsMs: number;
  changeToDiagnosticsMedianMs: number;
  changeToDiagnosticsP95Ms: number;
  changeToDiagnosticsMaxMs: number;
  rssIdleKB: number;
  rssOnePlanKB: number;
  rssManyPlansKB: number;
  openPlans: number;
  /** How many of the open plans had their diagnostics when RSS was read. */
  manyPlansChecked: number;
  markdown?: string;
}

/** A plan of about `kb` KB built from real text: the 147/KH-UBND plan with its task section repeated. */
export function buildLargePlan(corpusDir: string, kb: number): string {
  const src = fs.readFileSync(path.join(corpusDir, PLAN), 'utf8');
  const tasksStart = src.indexOf('\n1. Nâng cao nhận thức');
  const tasksEnd = src.indexOf('\n(Có phụ lục');
  if (tasksStart < 0 || tasksEnd < tasksStart) {
    let s = src;
    while (Buffer.byteLength(s) < kb * 1024) s += '\n' + src;
    return s;
  }
  const head = src.slice(0, tasksStart);
  const body = src.slice(tasksStart, tasksEnd);
  const tail = src.slice(tasksEnd);
  let middle = body;
  while (Buffer.byteLength(head + middle + tail) < kb * 1024) middle += body;
  return head + middle + tail;
}

function rssKB(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const m = /VmRSS:\s+(\d+)\s*kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? +m[1] : NaN;
  } catch {
    return NaN;
  }
}

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))] : NaN;
}

class Waiters {
  private list: { pred: (p: PublishDiagnosticsParams) => boolean; resolve: (t: number) => void }[] = [];
  notify(p: PublishDiagnosticsParams): void {
    const now = performance.now();
    this.list = this.list.filter((w) => {
      if (!w.pred(p)) return true;
      w.resolve(now);
      return false;
    });
  }
  wait(pred: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 30000): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for diagnostics')), timeoutMs);
      this.list.push({ pred, resolve: (t) => { clearTimeout(timer); resolve(t); } });
    });
  }
}

export async function benchServer(opts: ServerBenchOptions = {}): Promise<ServerBenchResult> {
  const edits = opts.edits ?? 100;
  const planKB = opts.planKB ?? 100;
  const openPlans = opts.openPlans ?? 20;
  const debounceMs = opts.debounceMs ?? 0;
  const budgetMs = opts.budgetMs ?? 120_000;
  const corpusDir = opts.corpusDir ?? CORPUS;
  const plan = buildLargePlan(corpusDir, planKB);

  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, [SERVER_MAIN, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn: ProtocolConnection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters = new Waiters();
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => waiters.notify(p));
  conn.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({ debounceMs })));
  conn.onRequest(RegistrationRequest.type, () => undefined);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  try {
    await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { workspace: { configuration: true } },
      locale: 'vi',
    });
    const initializeMs = performance.now() - t0;
    await conn.sendNotification(InitializedNotification.type, {});
    const rssIdleKB = rssKB(child.pid);

    const uri = 'untitled:bench-0.kehoach.txt';
    let sent = performance.now();
    const first = waiters.wait((p) => p.uri === uri && p.version === 1);
    await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'kehoach', version: 1, text: plan } });
    const firstDiagnosticsMs = (await first) - sent;
    const rssOnePlanKB = rssKB(child.pid);

    // Edits as a typist makes them: one character inserted somewhere in the plan each time.
    const lines = plan.split('\n').length;
    const samples: number[] = [];
    const loopStart = performance.now();
    for (let v = 2; v < edits + 2 && performance.now() - loopStart < budgetMs; v++) {
      const line = (v * 7919) % lines;
      const done = waiters.wait((p) => p.uri === uri && p.version === v, budgetMs);
      sent = performance.now();
      await conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: v % 2 ? ' ' : 'a' }],
      });
      try {
        samples.push((await done) - sent);
      } catch {
        break; // over budget: report what was measured
      }
    }

    const all: Promise<number>[] = [];
    for (let i = 1; i < openPlans; i++) {
      const u = `untitled:bench-${i}.kehoach.txt`;
      all.push(waiters.wait((p) => p.uri === u && p.version === 1, budgetMs));
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: u, languageId: 'kehoach', version: 1, text: plan } });
    }
    const settled = await Promise.allSettled(all);
    const manyPlansChecked = 1 + settled.filter((x) => x.status === 'fulfilled').length;
    const rssManyPlansKB = rssKB(child.pid);

    const result: ServerBenchResult = {
      initializeMs,
      planBytes: Buffer.byteLength(plan),
      edits: samples.length,
      editsSkipped: edits - samples.length,
      debounceMs,
      firstDiagnosticsMs,
      changeToDiagnosticsMedianMs: percentile(samples, 0.5),
      changeToDiagnosticsP95Ms: percentile(samples, 0.95),
      changeToDiagnosticsMaxMs: Math.max(...samples),
      rssIdleKB,
      rssOnePlanKB,
      rssManyPlansKB,
      openPlans,
      manyPlansChecked,
    };
    const f = (x: number) => x.toFixed(1);
    result.markdown = [
      `Language server over stdio (child process), plan of ${f(result.planBytes / 1024)} KB built from the 147/KH-UBND plan, debounce ${debounceMs} ms.`,
      '',
      '| measure | value |',
      '|---|---|',
      `| initialize (spawn → result) | ${f(initializeMs)} ms |`,
      `| open → first diagnostics | ${f(firstDiagnosticsMs)} ms |`,
      `| didChange → publishDiagnostics, median of ${samples.length} edits${samples.length < edits ? ` (budget reached: ${edits - samples.length} not timed)` : ''} | ${f(result.changeToDiagnosticsMedianMs)} ms |`,
      `| didChange → publishDiagnostics, p95 | ${f(result.changeToDiagnosticsP95Ms)} ms |`,
      `| RSS idle | ${f(rssIdleKB / 1024)} MB |`,
      `| RSS, 1 plan open | ${f(rssOnePlanKB / 1024)} MB |`,
      `| RSS, ${openPlans} plans open${manyPlansChecked < openPlans ? ` (${manyPlansChecked} checked within the budget)` : ''} | ${f(rssManyPlansKB / 1024)} MB |`,
    ].join('\n');
    return result;
  } finally {
    conn.dispose();
    child.kill();
  }
}

if (require.main === module) {
  benchServer().then(
    (r) => process.stdout.write(JSON.stringify(r, null, 2) + '\n'),
    (err) => {
      process.stderr.write(`server bench failed: ${(err as Error).stack}\n`);
      process.exitCode = 1;
    },
  );
}
