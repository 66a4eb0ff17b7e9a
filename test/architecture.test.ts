// Who may import what (docs/ARCHITECTURE.md, "Layers"). Reads every import of server/src and
// client/src — type-only imports included, since they fix the layering as much as values do —
// and fails on any import circle and on any import that runs up or sideways between layers.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ROOT } from './helpers';

/** Module path relative to the repository, with '/' separators, e.g. "server/src/core/check.ts". */
type Module = string;

function sourceFiles(dir: string): Module[] {
  const out: Module[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(path.relative(ROOT, p).split(path.sep).join('/'));
    }
  };
  walk(path.join(ROOT, dir));
  return out;
}

/** The modules of the project one module imports (static, `require` and `import()`; packages left out). */
function importsOf(mod: Module): Module[] {
  const text = fs.readFileSync(path.join(ROOT, mod), 'utf8');
  const out: Module[] = [];
  for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
    if (!ref.fileName.startsWith('.')) continue;
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(mod), ref.fileName));
    const hit = [`${base}.ts`, `${base}/index.ts`].find((c) => fs.existsSync(path.join(ROOT, c)));
    if (hit) out.push(hit);
  }
  return out;
}

/**
 * The layer a module belongs to. A layer may import its own modules and the layers listed in
 * MAY_IMPORT; nothing else. core is pure (text in, model and findings out); the CLI and the
 * language server are two front ends over it that share a few node-side modules ("node").
 */
type Layer = 'core' | 'node' | 'cli' | 'workspace' | 'features' | 'server' | 'tools' | 'client';

function layerOf(mod: Module): Layer {
  if (mod.startsWith('client/src/')) return 'client';
  const rel = mod.replace(/^server\/src\//, '');
  if (rel.startsWith('core/')) return 'core';
  if (rel.startsWith('cli/')) return 'cli';
  if (rel.startsWith('workspace/')) return 'workspace';
  if (rel.startsWith('features/')) return 'features';
  if (rel.startsWith('tools/')) return 'tools';
  // The language server's own modules: the wiring, its entry point, its state.
  if (['server.ts', 'main.ts', 'analysisCache.ts', 'scheduler.ts', 'dependents.ts', 'sharedAnalyses.ts', 'buildAnalysis.ts', 'modelRequests.ts', 'analysisWorker.ts', 'analysisWorkerClient.ts', 'planDocuments.ts', 'idleGc.ts'].includes(rel)) return 'server';
  // Everything else at the top of server/src is node-side and shared by the CLI and the server
  // (the bounded reader, plan files' bytes, the project file, the parent resolver).
  return 'node';
}

const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  core: [],
  node: ['core'],
  cli: ['core', 'node'],
  workspace: ['core', 'node'],
  features: ['core', 'node'],
  server: ['core', 'node', 'workspace', 'features'],
  tools: ['core', 'node'],
  // The extension runs in VS Code's process: it imports what it must run there itself (the Word
  // reader and writers for its commands, and the settings → config assembly they share with the server).
  client: [],
};

/** The server-side modules the client may import (see MAY_IMPORT.client). */
const CLIENT_MAY_IMPORT = (mod: Module) =>
  mod.startsWith('server/src/core/') || mod === 'server/src/workspace/settings.ts' || mod === 'server/src/projectConfig.ts' || mod === 'server/src/nodeFlags.ts';

/**
 * Inside core, the pipeline's front end reads text and builds the model only: text/ and parse/
 * (and the model, messages and the ISO date they use) never see rules, checking or parents.
 */
const CORE_FRONT = /^server\/src\/core\/(text|parse)\//;
const CORE_FRONT_MAY_IMPORT = /^server\/src\/core\/(text\/|parse\/|model\.ts|i18n\.ts|isoDate\.ts)/;

describe('architecture: imports', () => {
  const modules = [...sourceFiles('server/src'), ...sourceFiles('client/src')];
  const graph = new Map(modules.map((m) => [m, importsOf(m)]));

  it('reads the imports (the graph is not empty, and a known edge is found)', () => {
    assert.ok(modules.length > 100, `${modules.length} modules`);
    assert.ok(graph.get('server/src/core/check.ts')!.includes('server/src/core/rules/index.ts'));
    assert.ok(graph.get('server/src/cli/main.ts')!.includes('server/src/core/check.ts'));
  });

  it('has no import circle', () => {
    const cycles = findCycles(graph);
    assert.deepStrictEqual(cycles.map((c) => c.join(' → ')), []);
  });

  it('imports only downwards: core imports no front end, the CLI and the server no each other', () => {
    const bad: string[] = [];
    for (const [from, deps] of graph) {
      const a = layerOf(from);
      for (const to of deps) {
        const b = layerOf(to);
        if (a === b) continue;
        if (a === 'client' ? CLIENT_MAY_IMPORT(to) : MAY_IMPORT[a].includes(b)) continue;
        bad.push(`${from} (${a}) → ${to} (${b})`);
      }
    }
    assert.deepStrictEqual(bad, []);
  });

  it('the parser (text/, parse/) does not import rules, checking or parents', () => {
    const bad: string[] = [];
    for (const [from, deps] of graph) {
      if (!CORE_FRONT.test(from)) continue;
      for (const to of deps) if (!CORE_FRONT_MAY_IMPORT.test(to)) bad.push(`${from} → ${to}`);
    }
    assert.deepStrictEqual(bad, []);
  });

  it('core imports neither vscode nor the language server protocol', () => {
    const bad = modules
      .filter((m) => layerOf(m) === 'core')
      .filter((m) => /from\s+['"]vscode(-languageserver[^'"]*)?['"]/.test(fs.readFileSync(path.join(ROOT, m), 'utf8')));
    assert.deepStrictEqual(bad, []);
  });

  it('the checker itself would catch a circle and an upward import', () => {
    const g = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    assert.deepStrictEqual(findCycles(g), [['a', 'b', 'c', 'a']]);
    assert.strictEqual(layerOf('server/src/core/check.ts'), 'core');
    assert.ok(!MAY_IMPORT.core.includes(layerOf('server/src/cli/input.ts')));
    assert.ok(!MAY_IMPORT.workspace.includes(layerOf('server/src/cli/input.ts')));
    assert.ok(!MAY_IMPORT.cli.includes(layerOf('server/src/workspace/parents.ts')));
  });
});

/** Each strongly connected set of modules, as one circle through it (Tarjan's algorithm). */
function findCycles(graph: Map<string, readonly string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(circleIn(new Set(scc), v, graph));
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

/** One concrete circle inside a strongly connected set, from `start` back to it (breadth-first). */
function circleIn(scc: Set<string>, start: string, graph: Map<string, readonly string[]>): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of [...(graph.get(v) ?? [])].sort()) {
      if (!scc.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = prev.get(u)!) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}
