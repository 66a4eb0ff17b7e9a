// The outline (document symbols) and folding ranges, both read from the parsed outline.

import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import { t, type OutlineItem, type PlanDocument, type Span, type Task } from '../core';
import { modelRange, msg, type Analysis } from './analysis';

/** Where each item's subtree ends, computed bottom-up in one pass (items are in document order). */
function subtreeEnds(doc: PlanDocument): number[] {
  const ends = doc.items.map((i) => i.end);
  for (let i = doc.items.length - 1; i >= 0; i--) {
    const p = doc.items[i].parent;
    if (p >= 0 && p < ends.length && p !== i) ends[p] = Math.max(ends[p], ends[i]);
  }
  // The last section must not swallow the Nơi nhận block, the signature or the appendix.
  const stops = [doc.recipients?.start, doc.signature?.start, doc.appendix?.start].filter((x): x is number => x !== undefined);
  for (let i = 0; i < ends.length; i++) {
    for (const s of stops) if (doc.items[i].start < s && ends[i] > s) ends[i] = s;
  }
  return ends;
}

/** End of a span with its trailing blank lines and spaces dropped. */
function trimEnd(doc: PlanDocument, start: number, end: number): number {
  let e = Math.min(end, doc.text.length);
  while (e > start && /\s/.test(doc.text[e - 1])) e--;
  return e;
}

function itemName(item: OutlineItem): string {
  const label = item.label?.raw ?? '';
  const title = item.title.value.trim();
  const name = `${label} ${title}`.trim();
  return name.length > 120 ? name.slice(0, 117) + '…' : name || '…';
}

function leadDetail(a: Analysis, task: Task | undefined): string | undefined {
  if (!task) return undefined;
  if (task.lead) {
    const extra = task.extraLeads.length ? ` (+${task.extraLeads.length})` : '';
    return msg(a, t(`Chủ trì: ${task.lead.name}${extra}`, `Lead: ${task.lead.name}${extra}`));
  }
  return msg(a, t('chưa có cơ quan chủ trì', 'no lead agency'));
}

export function documentSymbols(a: Analysis): DocumentSymbol[] {
  const doc = a.result?.doc;
  if (!doc) return [];
  const ends = subtreeEnds(doc);
  const taskOfItem = new Map<number, Task>();
  for (const task of doc.tasks) if (task.source === 'outline' && task.item !== undefined && !taskOfItem.has(task.item)) taskOfItem.set(task.item, task);

  const symbols: DocumentSymbol[] = doc.items.map((item) => {
    const task = taskOfItem.get(item.index);
    const end = Math.max(trimEnd(doc, item.start, ends[item.index]), item.start);
    const range = modelRange(a, doc, { start: item.start, end });
    const selEnd = Math.min(Math.max(item.title.end, item.label?.end ?? item.start), end);
    const sym: DocumentSymbol = {
      name: itemName(item),
      kind: item.depth === 0 ? SymbolKind.Namespace : task ? SymbolKind.Event : SymbolKind.Object,
      range,
      selectionRange: modelRange(a, doc, { start: item.start, end: Math.max(selEnd, item.start) }),
      children: [],
    };
    const detail = task ? leadDetail(a, task) : undefined;
    if (detail) sym.detail = detail;
    return sym;
  });
  const roots: DocumentSymbol[] = [];
  for (const item of doc.items) {
    const parent = item.parent >= 0 && item.parent !== item.index ? symbols[item.parent] : undefined;
    (parent ? parent.children! : roots).push(symbols[item.index]);
  }

  const block = (name: string, kind: SymbolKind, span: Span | undefined, children: DocumentSymbol[] = []) => {
    if (!span) return;
    const end = Math.max(trimEnd(doc, span.start, span.end), span.start);
    const lineEnd = doc.text.indexOf('\n', span.start);
    const selEnd = Math.min(end, lineEnd < 0 ? end : lineEnd);
    roots.push({ name, kind, range: modelRange(a, doc, { start: span.start, end }), selectionRange: modelRange(a, doc, { start: span.start, end: selEnd }), children });
  };
  block(msg(a, t('Nơi nhận', 'Recipients (Nơi nhận)')), SymbolKind.Package, doc.recipients);

  // Appendix tables: one symbol per table, its task rows with their lead as detail.
  doc.tables.forEach((table, ti) => {
    const rowTasks = new Map<number, Task>();
    for (const task of doc.tasks) if (task.source === 'table' && task.table === ti && task.row !== undefined) rowTasks.set(task.row, task);
    const children: DocumentSymbol[] = [];
    table.rows.forEach((row, ri) => {
      if (row.start >= row.end) return;
      const task = rowTasks.get(ri);
      const content = task?.content.value ?? row.cells.map((c) => c.text).join(' | ');
      const name = `${row.index?.value ? row.index.value + '. ' : ''}${content.trim()}`.slice(0, 120) || '…';
      const r = modelRange(a, doc, row);
      const s: DocumentSymbol = { name, kind: row.group ? SymbolKind.Namespace : SymbolKind.Event, range: r, selectionRange: r };
      const detail = task ? leadDetail(a, task) : undefined;
      if (detail) s.detail = detail;
      children.push(s);
    });
    const title = table.title?.value.trim() || msg(a, t(`Bảng ${ti + 1}`, `Table ${ti + 1}`));
    block(title.slice(0, 120), SymbolKind.Array, table, children);
  });
  return roots;
}

export function foldingRanges(a: Analysis): FoldingRange[] {
  const doc = a.result?.doc;
  if (!doc) return [];
  const out: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    const e = trimEnd(doc, start, end);
    if (e <= start) return;
    const r = modelRange(a, doc, { start, end: e });
    if (r.end.line > r.start.line) out.push(kind ? { startLine: r.start.line, endLine: r.end.line, kind } : { startLine: r.start.line, endLine: r.end.line });
  };
  const ends = subtreeEnds(doc);
  for (const item of doc.items) add(item.start, ends[item.index]);
  if (doc.preamble) add(doc.preamble.start, doc.preamble.end);
  if (doc.recipients) add(doc.recipients.start, doc.recipients.end, FoldingRangeKind.Region);
  if (doc.appendix) add(doc.appendix.start, doc.appendix.end, FoldingRangeKind.Region);
  for (const table of doc.tables) add(table.start, table.end);
  return out;
}
