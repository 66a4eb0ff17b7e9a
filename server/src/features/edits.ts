// Turning a rewritten text back into small edits (as vscode-eslint does for "fix all"), so the
// editor keeps cursors, folds and undo steps where nothing changed.

import diff = require('fast-diff');
import type { TextEdit } from 'vscode-languageserver';
import { LineIndex, type FindingEdit } from '../core';
import { range } from './analysis';

export function minimalEdits(oldText: string, newText: string, lines: LineIndex = new LineIndex(oldText)): TextEdit[] {
  if (oldText === newText) return [];
  const edits: TextEdit[] = [];
  let offset = 0; // position in oldText
  let pending: { start: number; end: number; text: string } | undefined;
  const flush = () => {
    if (pending) edits.push({ range: range(lines, pending.start, pending.end), newText: pending.text });
    pending = undefined;
  };
  for (const [op, s] of diff(oldText, newText)) {
    if (op === diff.EQUAL) {
      flush();
      offset += s.length;
    } else if (op === diff.DELETE) {
      if (!pending) pending = { start: offset, end: offset, text: '' };
      pending.end = offset + s.length;
      offset += s.length;
    } else {
      if (!pending) pending = { start: offset, end: offset, text: '' };
      pending.text += s;
    }
  }
  flush();
  return edits;
}

/** Non-overlapping edits in source offsets (first come, first kept), as LSP text edits. */
export function nonOverlapping(edits: readonly FindingEdit[]): FindingEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: FindingEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < lastEnd) continue;
    if (kept.length && e.start === lastEnd && kept[kept.length - 1].start === e.start) continue;
    kept.push(e);
    lastEnd = e.end;
  }
  return kept;
}

export function toTextEdits(lines: LineIndex, edits: readonly FindingEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: range(lines, e.start, e.end), newText: e.text }));
}
