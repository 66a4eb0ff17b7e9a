// The main thread's side of the analysis worker (analysisWorker.ts): started when the first large
// document needs a check, ended when none is left (an idle worker would cost its own heap).
// The worker script sits beside this module: out/server/src/ for the compiled modules, dist/ for
// the bundle (scripts/bundle.js builds dist/analysisWorker.js).

import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Diagnostic } from 'vscode-languageserver';
import type { CheckInput, ParentFiles } from './buildAnalysis';
import type { Footprint } from './analysisCache';
import type { AnswerOf, ModelRequest, ParamsOf } from './modelRequests';

/** A check done in the worker: what the main thread keeps of it. */
export interface WorkerCheck {
  version: number;
  diagnostics: Diagnostic[];
  footprint: Footprint;
  /** The check's time in the worker, in ms. */
  checkMs: number;
}

export type ToWorker =
  /** `input.text` is empty when the text came before in `text` parts of the same id. */
  | { kind: 'check'; id: number; input: CheckInput; inParts?: boolean }
  | { kind: 'text'; id: number; part: string }
  | { kind: 'ask'; id: number; uri: string; version: number; name: string; params: unknown }
  | { kind: 'parents'; id: number; files: ParentFiles | undefined; open: { path: string; version: number; text: string }[] }
  | { kind: 'forget'; uri: string };

export type FromWorker =
  /** `result` is absent when the version went stale before its check started (or the check failed). */
  | { kind: 'checked'; id: number; result?: WorkerCheck }
  | { kind: 'answer'; id: number; value?: unknown }
  | { kind: 'parents'; id: number; uri: string; keys: string[] }
  | { kind: 'log'; text: string };

export interface AnalysisWorkerOptions {
  extensionRoot: string;
  /** The parent files of a document by the keys it cites, with the texts of those open in the editor. */
  parentFiles(uri: string, keys: string[]): Promise<{ files: ParentFiles | undefined; open: { path: string; version: number; text: string }[] }>;
  log(text: string): void;
}

export const WORKER_SCRIPT = path.join(__dirname, 'analysisWorker.js');

/**
 * A large text goes to the worker in parts of this many characters, one per event-loop turn:
 * copying 5 MB in one message held the main thread ~30–60 ms, in parts a request waits ~2 ms.
 */
const TEXT_PART_CHARS = 256 * 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class AnalysisWorker {
  private worker?: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, (value: unknown) => void>();
  /** Documents the worker holds. */
  private readonly docs = new Set<string>();

  /** The worker script is there (a copy of the server without it checks everything on its main thread). */
  available = true;

  constructor(private readonly options: AnalysisWorkerOptions) {
    // Looked up once, asynchronously (no sync file access in the server); known long before a large plan arrives.
    fs.promises.access(WORKER_SCRIPT).catch(() => (this.available = false));
  }

  /** Check one version; undefined when it went stale first, failed, or the worker ended. */
  async check(input: CheckInput): Promise<WorkerCheck | undefined> {
    this.docs.add(input.uri);
    const id = this.nextId++;
    const worker = this.started();
    const { text } = input;
    if (text.length <= TEXT_PART_CHARS) return this.send(id, { kind: 'check', id, input }) as Promise<WorkerCheck | undefined>;
    for (let at = 0; at < text.length; at += TEXT_PART_CHARS) {
      worker.postMessage({ kind: 'text', id, part: text.slice(at, at + TEXT_PART_CHARS) } satisfies ToWorker);
      await nextTurn();
      if (this.worker !== worker) return undefined; // ended meanwhile
    }
    return this.send(id, { kind: 'check', id, input: { ...input, text: '' }, inParts: true }) as Promise<WorkerCheck | undefined>;
  }

  /** A request answered from the model of `version` (which must have been sent to `check`). */
  ask<K extends ModelRequest>(name: K, uri: string, version: number, params: ParamsOf<K>): Promise<AnswerOf<K> | undefined> {
    if (!this.docs.has(uri)) return Promise.resolve(undefined);
    const id = this.nextId++;
    return this.send(id, { kind: 'ask', id, uri, version, name, params }) as Promise<AnswerOf<K> | undefined>;
  }

  holds(uri: string): boolean {
    return this.docs.has(uri);
  }

  /** The document closed or became small enough for the main thread; the worker ends with its last document. */
  forget(uri: string): void {
    if (!this.docs.delete(uri)) return;
    if (this.docs.size === 0) this.dispose();
    else this.worker?.postMessage({ kind: 'forget', uri } satisfies ToWorker);
  }

  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    this.docs.clear();
    this.settle();
    if (w) void w.terminate();
  }

  private send(id: number, message: ToWorker): Promise<unknown> {
    const worker = this.started();
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      worker.postMessage(message);
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(WORKER_SCRIPT, { workerData: { extensionRoot: this.options.extensionRoot } });
    w.on('message', (m: FromWorker) => this.received(w, m));
    const ended = (why: string) => {
      if (this.worker !== w) return;
      this.options.log(`ended (${why}); it starts again on the next check`);
      this.worker = undefined;
      this.settle();
    };
    w.on('error', (err) => ended(err.stack ?? err.message));
    w.on('exit', (code) => ended(`exit code ${code}`));
    // The server may exit while the worker is idle.
    w.unref();
    this.worker = w;
    return w;
  }

  private received(w: Worker, m: FromWorker): void {
    switch (m.kind) {
      case 'checked':
      case 'answer': {
        const resolve = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        resolve?.(m.kind === 'checked' ? m.result : m.value);
        return;
      }
      case 'parents':
        this.options.parentFiles(m.uri, m.keys).then(
          (r) => w.postMessage({ kind: 'parents', id: m.id, ...r } satisfies ToWorker),
          (err) => {
            this.options.log(`parent directives: ${(err as Error).message}`);
            w.postMessage({ kind: 'parents', id: m.id, files: undefined, open: [] } satisfies ToWorker);
          },
        );
        return;
      case 'log':
        this.options.log(m.text);
        return;
    }
  }

  /** Answer everything still waiting with "nothing" (the worker ended). */
  private settle(): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const resolve of waiting) resolve(undefined);
  }
}
