// Applying fixes: non-overlapping edits, back to front (as textlint's source-code-fixer does).

import type { Edit } from './rule';

/** Apply edits to a text, skipping any that overlap an edit already taken. Returns the new text and how many were applied. */
export function applyEdits(text: string, edits: readonly Edit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const taken: Edit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < 0 || e.end > text.length || e.start > e.end) continue;
    // Insertions at the same point as the previous edit's end are fine; overlaps are not.
    if (e.start < lastEnd || (e.start === lastEnd && taken.length > 0 && taken[taken.length - 1].start === e.start)) continue;
    taken.push(e);
    lastEnd = e.end;
  }
  let out = text;
  for (let i = taken.length - 1; i >= 0; i--) {
    const e = taken[i];
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return { text: out, applied: taken.length };
}
