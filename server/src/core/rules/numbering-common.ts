// Shared by the numbering rules: sibling runs of labelled items, and renumbering fixes that
// replace only label text (never the words after it).

import type { NumberingLabel, OutlineItem, PlanDocument, Span } from '../model';
import type { Edit, Fix } from '../rule';
import { t } from '../i18n';
import { formatLabel, isOrdinal, levelFamily } from '../parse/numbering';

/**
 * Where an item's numbering belongs: the body, text after the (first) signature such as the
 * programme attached to a decree, or the appendix/annex. Numbering restarts in each.
 */
export function scopeOf(doc: PlanDocument, s: Span): number {
  if (doc.appendix && s.start >= doc.appendix.start) return 2;
  if (doc.signature && s.start >= doc.signature.end) return 1;
  return 0;
}

/** Items that share a parent, a scope and a level family, in document order. */
export function siblingGroups(doc: PlanDocument, ordinalOnly = true): OutlineItem[][] {
  const groups = new Map<string, OutlineItem[]>();
  for (const it of doc.items) {
    const l = it.label;
    if (!l) continue;
    if (ordinalOnly && !isOrdinal(l.style)) continue;
    const key = `${it.parent}|${scopeOf(doc, it)}|${levelFamily(l)}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(it);
  }
  return [...groups.values()];
}

/**
 * Split a group into runs: a label that starts again at 1 after 2 or more begins a new list
 * (a reprint of another document, a new annex), which is not a numbering mistake.
 */
export function runsOf(group: OutlineItem[]): OutlineItem[][] {
  const runs: OutlineItem[][] = [];
  let cur: OutlineItem[] = [];
  let prev: number | undefined;
  for (const it of group) {
    const v = it.label?.value;
    if (v === 1 && prev !== undefined && prev >= 2 && cur.length) {
      runs.push(cur);
      cur = [];
    }
    cur.push(it);
    if (v !== undefined) prev = v;
  }
  if (cur.length) runs.push(cur);
  return runs;
}

/** Edits renumbering run[from..] as first, first+1, …; only labels that change are edited. */
export function renumberEdits(run: OutlineItem[], from: number, first: number): Edit[] {
  const edits: Edit[] = [];
  for (let k = from; k < run.length; k++) {
    const l = run[k].label;
    if (!l) continue;
    const want = formatLabel(l, first + (k - from));
    if (want === undefined) return []; // past the end of the letters: no safe fix
    if (want !== l.raw) edits.push({ start: l.start, end: l.end, text: want });
  }
  return edits;
}

export function renumberFix(run: OutlineItem[], from: number, first: number): Fix[] {
  const edits = renumberEdits(run, from, first);
  if (edits.length === 0) return [];
  return [{ title: t('Đánh số lại các mục tiếp theo', 'Renumber the following items'), edits, preferred: true }];
}

/** How a label shows in a message: "III." / "đ)". */
export function shown(l: NumberingLabel): string {
  return l.raw.replace(/\s+/g, '');
}
