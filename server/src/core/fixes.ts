// Applying fixes: non-overlapping edits, back to front (as textlint's source-code-fixer does).

import type { Edit, FixKind } from './rule';

/**
 * The kind of every fixable rule's fixes (see FixKind in rule.ts). A rule missing here counts as
 * "suggestion" (the safe default); test/rules/fix-kinds.test.ts requires every fixable rule listed.
 */
export const FIX_KINDS: Readonly<Record<string, FixKind>> = {
  // Mechanical: the label, spacing, letters or form change; what the plan says does not.
  KH101: 'fix', // numbering-sequence: renumber a label
  KH102: 'fix', // numbering-letter-order: a letter label in Vietnamese order
  KH103: 'fix', // numbering-parent: a multi-level label matching its parent
  KH104: 'fix', // numbering-style: one label style in a list
  KH105: 'fix', // appendix-row-number: a missing row number in sequence
  KH401: 'fix', // citation-symbol-form: separators of a symbol (94-NQ/CP → 94/NQ-CP), parts kept
  KH502: 'fix', // date-nd30-form: leading zeros of the header date, the date kept
  KH701: 'fix', // encoding-legacy-letter: "ƣ" → "ư"
  KH702: 'fix', // encoding-misplaced-mark: tone mark on the right vowel
  KH703: 'fix', // encoding-space-punctuation: a stray space before punctuation
  // Suggestions: a drafter must confirm each, they change what the plan says.
  KH201: 'suggestion', // lead-agency-missing: inserts a line to fill in
  KH204: 'suggestion', // lead-agency-also-coordinator: removes an agency from a list
  KH404: 'suggestion', // citation-inconsistent: changes a cited date
  KH407: 'suggestion', // citation-registry-mismatch: changes a cited date to the registry's
  KH408: 'suggestion', // citation-blank-number: fills in a blank number
  KH603: 'suggestion', // structure-doc-type: changes the document type in the symbol
  KH801: 'suggestion', // agency-defunct: names a successor agency
  KH802: 'suggestion', // agency-district-level: replaces a district-level body
  KH803: 'suggestion', // agency-province-merged: replaces a province's name
  KH804: 'suggestion', // agency-misspelled: a guessed spelling of a name
  KH805: 'suggestion', // agency-inconsistent-name: one name throughout
  KH905: 'suggestion', // parent-citation-mismatch: changes a cited number or date to the parent's
};

/** The kind of a rule's fix (its own override first). */
export function fixKindOf(ruleId: string, override?: FixKind): FixKind {
  return override ?? FIX_KINDS[ruleId] ?? 'suggestion';
}

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
