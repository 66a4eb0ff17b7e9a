// The analysis worker (a worker_threads thread): checks the large documents the main thread hands
// it and answers the requests about them from their models, so the main thread stays free to
// answer requests on other documents while a large plan is parsed. Models stay here: a 5 MB
// plan's model takes ~300 ms to deserialize, longer than the wait it would save; what crosses
// back is plain LSP data (diagnostics, symbols, hovers …) and the document's footprint.
// The workspace index lives on the main thread, so parent files are asked of it by their keys.
// Protocol: analysisWorkerClient.ts.

import { parentPort, workerData } from 'worker_threads';
import { buildAnalysis, registryCache, type CheckDeps, type CheckInput, type ParentFiles } from './buildAnalysis';
import { footprintOf } from './analysisCache';
import type { Analysis } from './features/analysis';
import { diagnosticsFor } from './features/diagnostics';
import { answer, type ModelRequest } from './modelRequests';
import { ParentRules } from './workspace/parents';
import type { FromWorker, ToWorker } from './analysisWorkerClient';
import { IdleCollector } from './idleGc';

const port = parentPort!;
const { extensionRoot } = workerData as { extensionRoot: string };

/** Texts of parent files open in the editor, as the main thread sent them with the parent files. */
const openParents = new Map<string, { version: number; text: string }>();
const parentRules = new ParentRules((file) => openParents.get(file), { parentsFor: () => [] });
/** The newest version received per document: an older check not yet started is dropped. */
const newest = new Map<string, number>();
/** Per document: the check of the newest version (running or finished). */
const checks = new Map<string, { version: number; analysis: Promise<Analysis | undefined> }>();
const asked = new Map<number, (files: ParentFiles | undefined) => void>();
/** A large text arrives in parts before its check (by the check's id). */
const parts = new Map<number, string[]>();
let nextAsk = 1;

const post = (m: FromWorker) => port.postMessage(m);
/** The worker's own heap, collected when its checks pause (a 5 MB check leaves hundreds of MB of garbage). */
const idleGc = new IdleCollector();

const deps: CheckDeps = {
  registryFor: registryCache(),
  parentRules,
  parentFiles: (keys, input) =>
    new Promise((resolve) => {
      const id = nextAsk++;
      asked.set(id, resolve);
      post({ kind: 'parents', id, uri: input.uri, keys });
    }),
  log: (what, err) => post({ kind: 'log', text: `${what}: ${err instanceof Error ? err.stack ?? err.message : String(err)}` }),
};

async function check(input: CheckInput): Promise<Analysis | undefined> {
  // Messages already queued are read first: a newer version makes this one stale before it starts.
  await new Promise<void>((resolve) => setImmediate(resolve));
  if ((newest.get(input.uri) ?? -1) > input.version) return undefined;
  return buildAnalysis(input, deps);
}

/**
 * The analysis a request about `version` is answered from: that version's, or, when its check was
 * dropped as stale, the newer one's that superseded it (as the main thread answers from the
 * current version).
 */
async function analysisFor(uri: string, version: number): Promise<Analysis | undefined> {
  for (;;) {
    const entry = checks.get(uri);
    if (!entry || entry.version < version) return undefined;
    const a = await entry.analysis;
    if (a || checks.get(uri) === entry) return a;
  }
}

port.on('message', (m: ToWorker) => {
  switch (m.kind) {
    case 'text': {
      const got = parts.get(m.id);
      if (got) got.push(m.part);
      else parts.set(m.id, [m.part]);
      return;
    }
    case 'check': {
      if (m.inParts) {
        m.input.text = (parts.get(m.id) ?? []).join('');
        parts.delete(m.id);
      }
      const started = performance.now();
      idleGc.busy();
      newest.set(m.input.uri, Math.max(m.input.version, newest.get(m.input.uri) ?? -1));
      const analysis = check(m.input);
      checks.set(m.input.uri, { version: m.input.version, analysis });
      void analysis.finally(() => idleGc.checked());
      analysis.then(
        (a) => {
          if (!a) return post({ kind: 'checked', id: m.id });
          const checkMs = performance.now() - started;
          post({ kind: 'checked', id: m.id, result: { version: a.version, diagnostics: diagnosticsFor(a, extensionRoot), footprint: footprintOf(a), checkMs } });
        },
        (err) => {
          deps.log(`checking ${m.input.uri}`, err);
          post({ kind: 'checked', id: m.id });
        },
      );
      return;
    }
    case 'ask': {
      analysisFor(m.uri, m.version)
        .then((a) => (a ? answer(m.name as ModelRequest, a, m.params as never) : undefined))
        .then(
          (value) => post({ kind: 'answer', id: m.id, value }),
          (err) => {
            deps.log(m.name, err);
            post({ kind: 'answer', id: m.id });
          },
        );
      return;
    }
    case 'parents': {
      for (const o of m.open) openParents.set(o.path, { version: o.version, text: o.text });
      asked.get(m.id)?.(m.files);
      asked.delete(m.id);
      return;
    }
    case 'forget': {
      checks.delete(m.uri);
      newest.delete(m.uri);
      return;
    }
  }
});
