// Workspace benchmark: 500 plans indexed for parent coverage, as the server does when a folder
// opens (parsePlan + parentKeyOf per file). Time per document and in total, and the memory the
// index holds — keys only (what an index needs) against whole parsed documents (what a naive
// cache would keep). `node out/bench/workspace.js` runs it alone.

import { performance } from 'perf_hooks';
import { parsePlan } from '../server/src/core/parse';
import { parentKeyOf } from '../server/src/core/parent/extract';
import type { PlanDocument } from '../server/src/core/model';
import { generatePlan as defaultGenerate, corpusSentences } from './generate';

export interface WorkspaceTools {
  generatePlan?: (bytes: number, sentences?: string[]) => string;
}

export interface WorkspaceBenchResult {
  documents: number;
  totalBytes: number;
  indexMs: number;
  perDocumentMedianMs: number;
  perDocumentP95Ms: number;
  keysFound: number;
  heapKeysOnlyMB: number;
  heapWholeDocumentsMB: number;
  markdown: string;
}

function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / (1 << 20);
}

/** 500 distinct plans of 5–60 KB: rotated corpus prose, each with its own number and date. */
export function workspaceTexts(count = 500, generate = defaultGenerate): string[] {
  const sentences = corpusSentences();
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = (i * 37) % Math.max(1, sentences.length);
    const rotated = sentences.slice(k).concat(sentences.slice(0, k));
    const bytes = 5_000 + ((i * 7919) % 56) * 1_000;
    texts.push(
      generate(bytes, rotated)
        .replace('Số: 147/KH-UBND', `Số: ${i + 1}/KH-UBND`)
        .replace('ngày 15 tháng 01 năm 2026', `ngày ${(i % 28) + 1} tháng ${(i % 12) + 1} năm 2026`),
    );
  }
  return texts;
}

export async function benchWorkspace(tools: WorkspaceTools = {}): Promise<WorkspaceBenchResult> {
  const generate = tools.generatePlan ?? defaultGenerate;
  const texts = workspaceTexts(500, generate);
  const totalBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

  // Warm up the parser on a few documents so the first ones do not pay for JIT compilation.
  for (let i = 0; i < 5; i++) parentKeyOf(parsePlan(texts[i]));

  // 1. Keys only: parse, take the key, drop the document.
  const before = heapMB();
  const keys: unknown[] = [];
  const per: number[] = [];
  const t0 = performance.now();
  for (const text of texts) {
    const s = performance.now();
    keys.push(parentKeyOf(parsePlan(text)));
    per.push(performance.now() - s);
  }
  const indexMs = performance.now() - t0;
  const heapKeysOnlyMB = heapMB() - before;

  // 2. Whole documents kept (the cost of caching every parsed plan).
  const docs: PlanDocument[] = [];
  for (const text of texts) docs.push(parsePlan(text));
  const heapWholeDocumentsMB = heapMB() - before;

  per.sort((a, b) => a - b);
  const q = (p: number) => per[Math.min(per.length - 1, Math.floor(p * (per.length - 1) + 0.5))];
  const keysFound = keys.filter((k) => k !== undefined).length;
  const gcNote = (globalThis as { gc?: () => void }).gc ? '' : ' (run node with --expose-gc for exact heap figures)';
  const f = (x: number, d = 1) => x.toFixed(d);
  const markdown = [
    `Workspace of ${texts.length} generated plans (${f(totalBytes / (1 << 20))} MB, 5–60 KB each), indexed for parents: parsePlan + parentKeyOf.`,
    '',
    '| measure | value |',
    '|---|---|',
    `| index all ${texts.length} | ${f(indexMs, 0)} ms |`,
    `| per document, median / p95 | ${f(q(0.5), 2)} / ${f(q(0.95), 2)} ms |`,
    `| keys found | ${keysFound} / ${texts.length} |`,
    `| heap held, keys only | ${f(Math.max(0, heapKeysOnlyMB))} MB${gcNote} |`,
    `| heap held, all parsed documents | ${f(heapWholeDocumentsMB)} MB |`,
  ].join('\n');
  // keep `docs` alive until the reading above
  if (docs.length !== texts.length) throw new Error('unreachable');
  return {
    documents: texts.length,
    totalBytes,
    indexMs,
    perDocumentMedianMs: q(0.5),
    perDocumentP95Ms: q(0.95),
    keysFound,
    heapKeysOnlyMB,
    heapWholeDocumentsMB,
    markdown,
  };
}

if (require.main === module) {
  benchWorkspace().then((r) => process.stdout.write(r.markdown + '\n'));
}
