// Server benchmark: the language server as an editor runs it (the shipped bundle dist/server.js, a
// child process over stdio, with the Node flags the client gives it), in a workspace folder holding a plan and the parent it cites.
// - keystroke → diagnostics: one character typed at a time into a ~100 KB plan (03/NQ-CP) whose
//   parent (57-NQ/TW) is open in the editor too, so every check runs the coverage rules;
// - RSS (VmRSS from /proc/<pid>/status) idle and with 1, 20 and 100 plans open;
// - a 5 MB paste into one document: how late requests on another document are answered while the
//   server takes it in (hover and documentSymbol sent every 20 ms), against the same requests
//   before the paste.

import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CORPUS } from '../test/helpers';
import { SERVER_NODE_FLAGS } from '../server/src/nodeFlags';
import { performance } from 'perf_hooks';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type DocumentLink,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

const ROOT = path.resolve(__dirname, '..', '..');
/** The bundle the extension ships; the compiled modules when it was not built. */
const SERVER_MAIN = [path.join(ROOT, 'dist', 'server.js'), path.join(ROOT, 'out', 'server', 'src', 'main.js')].find((f) => fs.existsSync(f))!;
const PLAN = 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt';
/** The typing plan and the parent it cites ("Thực hiện Nghị quyết số 57-NQ/TW"). */
const TYPED_PLAN = 'chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt';
const TYPED_PARENT = 'bochinhtri_57-nq-tw_2024.txt';

export interface ServerBenchOptions {
  /** Edits to time (default 100). */
  edits?: number;
  /** Size of each plan opened for the RSS readings, in KB (default 100). */
  planKB?: number;
  /** How many plans are open for the RSS readings (default [1, 20, 100]). */
  openPlans?: number[];
  /** The server's debounce during the run; 0 measures the check itself (default 0). */
  debounceMs?: number;
  /** Size of the paste in MB (default 5; 0 skips it). */
  pasteMB?: number;
  corpusDir?: string;
  /** Stop timing edits after this long (default 60 s), so a slow check cannot stall `npm run bench`. */
  budgetMs?: number;
}

export interface ServerBenchResult {
  server: string;
  initializeMs: number;
  planBytes: number;
  parentBytes: number;
  parentLinked: boolean;
  edits: number;
  editsSkipped: number;
  debounceMs: number;
  firstDiagnosticsMs: number;
  changeToDiagnosticsMedianMs: number;
  changeToDiagnosticsP95Ms: number;
  changeToDiagnosticsMaxMs: number;
  rssIdleKB: number;
  /** Plans open → RSS in KB once all were checked. */
  rssByPlansKB: Record<number, number>;
  plansChecked: Record<number, number>;
  rssPlanBytes: number;
  paste?: PasteResult;
  markdown?: string;
}

export interface PasteResult {
  bytes: number;
  /** Requests on the other document before the paste: median latency. */
  quietMedianMs: number;
  /** The same requests while the server takes the paste in: median, max, and max minus the quiet median. */
  duringMedianMs: number;
  duringMaxMs: number;
  delayMs: number;
  requests: number;
  /** From the paste to its diagnostics. */
  pasteToDiagnosticsMs: number;
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

/** Latency of one request: a hover or the outline of `uri`, alternately. */
async function timedRequest(conn: ProtocolConnection, uri: string, i: number): Promise<number> {
  const t = performance.now();
  if (i % 2) await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3 + (i % 20), character: 2 } });
  else await conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  return performance.now() - t;
}

export async function benchServer(opts: ServerBenchOptions = {}): Promise<ServerBenchResult> {
  const edits = opts.edits ?? 100;
  const planKB = opts.planKB ?? 100;
  const openCounts = opts.openPlans ?? [1, 20, 100];
  const debounceMs = opts.debounceMs ?? 0;
  const pasteMB = opts.pasteMB ?? 5;
  const budgetMs = opts.budgetMs ?? 60_000;
  const corpusDir = opts.corpusDir ?? CORPUS;
  const rssPlan = buildLargePlan(corpusDir, planKB);

  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-bench-ws-'));
  const planText = fs.readFileSync(path.join(corpusDir, TYPED_PLAN), 'utf8');
  const parentText = fs.readFileSync(path.join(corpusDir, TYPED_PARENT), 'utf8');
  fs.writeFileSync(path.join(ws, TYPED_PLAN), planText);
  fs.writeFileSync(path.join(ws, TYPED_PARENT), parentText);
  const planUri = pathToFileURL(path.join(ws, TYPED_PLAN)).toString();
  const parentUri = pathToFileURL(path.join(ws, TYPED_PARENT)).toString();

  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_MAIN, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn: ProtocolConnection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters = new Waiters();
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => waiters.notify(p));
  // The paste is larger than the default size limit (2 MB): raised so the 5 MB text is checked.
  conn.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({ debounceMs, maxFileSizeKB: 8192, timeBudgetMs: 60000 })));
  conn.onRequest(RegistrationRequest.type, () => undefined);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  const open = async (uri: string, text: string, version = 1) => {
    const done = waiters.wait((p) => p.uri === uri && p.version === version, budgetMs);
    const sent = performance.now();
    await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'kehoach', version, text } });
    return (await done) - sent;
  };
  try {
    await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(ws).toString(),
      workspaceFolders: [{ uri: pathToFileURL(ws).toString(), name: 'bench' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
      locale: 'vi',
    });
    const initializeMs = performance.now() - t0;
    await conn.sendNotification(InitializedNotification.type, {});
    await sleep(300);
    const rssIdleKB = rssKB(child.pid);

    // The parent open in the editor, then the plan; wait until the plan links to its parent (the
    // workspace index has found it), so each timed check runs the coverage rules.
    await open(parentUri, parentText);
    const firstDiagnosticsMs = await open(planUri, planText);
    let parentLinked = false;
    for (let i = 0; i < 100 && !parentLinked; i++) {
      const links = (await conn.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: planUri } })) as DocumentLink[] | null;
      parentLinked = !!links?.some((l) => l.target?.startsWith(parentUri));
      if (!parentLinked) await sleep(100);
    }

    // Edits as a typist makes them: one character inserted somewhere in the task text each time.
    const lines = planText.split('\n').length;
    const samples: number[] = [];
    const loopStart = performance.now();
    for (let v = 2; v < edits + 2 && performance.now() - loopStart < budgetMs; v++) {
      const line = 40 + ((v * 7919) % (lines - 40));
      const done = waiters.wait((p) => p.uri === planUri && p.version === v, budgetMs);
      const sent = performance.now();
      await conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: planUri, version: v },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: v % 2 ? ' ' : 'a' }],
      });
      try {
        samples.push((await done) - sent);
      } catch {
        break; // over budget: report what was measured
      }
    }

    // RSS with 1, 20, 100 plans of planKB open (the typed plan and its parent stay open too).
    const rssByPlansKB: Record<number, number> = {};
    const plansChecked: Record<number, number> = {};
    let opened = 0;
    for (const n of openCounts) {
      const all: Promise<number>[] = [];
      for (; opened < n; opened++) all.push(open(`untitled:bench-${opened}.kehoach.txt`, rssPlan));
      const settled = await Promise.allSettled(all);
      plansChecked[n] = (plansChecked[openCounts[openCounts.indexOf(n) - 1]] ?? 0) + settled.filter((x) => x.status === 'fulfilled').length;
      await sleep(500);
      rssByPlansKB[n] = rssKB(child.pid);
    }

    // Last (its model would weigh on the RSS readings): a 5 MB paste into a scratch plan while
    // requests go to the typed plan.
    let paste: PasteResult | undefined;
    if (pasteMB > 0) {
      const scratch = 'untitled:bench-paste.kehoach.txt';
      await open(scratch, 'KẾ HOẠCH\n');
      const quiet: number[] = [];
      for (let i = 0; i < 20; i++) quiet.push(await timedRequest(conn, planUri, i));
      const big = buildLargePlan(corpusDir, pasteMB * 1024);
      const checked = waiters.wait((p) => p.uri === scratch && p.version === 2, budgetMs);
      const sent = performance.now();
      await conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: scratch, version: 2 },
        contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: big }],
      });
      // Requests every 20 ms (as a moving cursor sends them) until the paste is checked.
      let pasteDone = false;
      let pasteToDiagnosticsMs = NaN;
      const finished = checked.then((t) => { pasteDone = true; pasteToDiagnosticsMs = t - sent; }, () => { pasteDone = true; });
      const during: Promise<number>[] = [];
      for (let i = 0; !pasteDone && performance.now() - sent < budgetMs; i++) {
        during.push(timedRequest(conn, planUri, i));
        await sleep(20);
      }
      await finished;
      const d = await Promise.all(during);
      const quietMedianMs = percentile(quiet, 0.5);
      const duringMaxMs = d.length ? Math.max(...d) : NaN;
      paste = { bytes: Buffer.byteLength(big), quietMedianMs, duringMedianMs: percentile(d, 0.5), duringMaxMs, delayMs: duringMaxMs - quietMedianMs, requests: d.length, pasteToDiagnosticsMs };
    }

    const result: ServerBenchResult = {
      server: path.relative(ROOT, SERVER_MAIN),
      initializeMs,
      planBytes: Buffer.byteLength(planText),
      parentBytes: Buffer.byteLength(parentText),
      parentLinked,
      edits: samples.length,
      editsSkipped: edits - samples.length,
      debounceMs,
      firstDiagnosticsMs,
      changeToDiagnosticsMedianMs: percentile(samples, 0.5),
      changeToDiagnosticsP95Ms: percentile(samples, 0.95),
      changeToDiagnosticsMaxMs: Math.max(...samples),
      rssIdleKB,
      rssByPlansKB,
      plansChecked,
      rssPlanBytes: Buffer.byteLength(rssPlan),
      ...(paste ? { paste } : {}),
    };
    const f = (x: number) => x.toFixed(1);
    result.markdown = [
      `Language server ${result.server} over stdio (child process). Typed plan: 03/NQ-CP, ${f(result.planBytes / 1024)} KB, with its parent 57-NQ/TW (${f(result.parentBytes / 1024)} KB) open${parentLinked ? '' : ' (NOT linked: the coverage rules did not run)'}; debounce ${debounceMs} ms.`,
      '',
      '| measure | value |',
      '|---|---|',
      `| initialize (spawn → result) | ${f(initializeMs)} ms |`,
      `| open → first diagnostics | ${f(firstDiagnosticsMs)} ms |`,
      `| keystroke → diagnostics, median of ${samples.length} edits${samples.length < edits ? ` (budget reached: ${edits - samples.length} not timed)` : ''} | ${f(result.changeToDiagnosticsMedianMs)} ms |`,
      `| keystroke → diagnostics, p95 | ${f(result.changeToDiagnosticsP95Ms)} ms |`,
      `| RSS idle | ${f(rssIdleKB / 1024)} MB |`,
      ...openCounts.map((n) => `| RSS, ${n} plan${n > 1 ? 's' : ''} of ${f(result.rssPlanBytes / 1024)} KB open (+ the typed plan and its parent)${plansChecked[n] < n ? ` (${plansChecked[n]} checked)` : ''} | ${f(rssByPlansKB[n] / 1024)} MB |`),
      ...(paste
        ? [
            `| ${f(paste.bytes / 1048576)} MB paste: requests on another document, median before | ${f(paste.quietMedianMs)} ms |`,
            `| … during the paste: median / max of ${paste.requests} | ${f(paste.duringMedianMs)} / ${f(paste.duringMaxMs)} ms |`,
            `| … delay (max during − median before) | ${f(paste.delayMs)} ms |`,
            `| … paste → its diagnostics | ${f(paste.pasteToDiagnosticsMs)} ms |`,
          ]
        : []),
    ].join('\n');
    return result;
  } finally {
    conn.dispose();
    child.kill();
    fs.rmSync(ws, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchServer({ edits: Number(process.env.EDITS) || 100 }).then(
    (r) => process.stdout.write(String(r.markdown) + '\n'),
    (err) => {
      process.stderr.write(`server bench failed: ${(err as Error).stack}\n`);
      process.exitCode = 1;
    },
  );
}
