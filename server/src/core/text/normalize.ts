// Normalising a copy of the text for matching, with a map back to the editor's offsets.
//
// Drafters' text arrives in NFC or NFD, and PDF extraction writes "ƣ" (U+01A3) for "ư". Rules
// match against one form (NFC, "ư"); positions must point into the text as the editor holds it.

/** Characters that legacy PDF fonts put where Vietnamese letters belong, mapped one to one. */
const LEGACY_LETTERS: Record<string, string> = { 'ƣ': 'ư', 'Ƣ': 'Ư' };
const LEGACY_RE = /[ƣƢ]/g;
const HAS_LEGACY = /[ƣƢ]/;

export interface NormalizedText {
  text: string;
  /** Model offset → source offset. Identity when the source needed no change of length. */
  toSource(offset: number): number;
  /** Source offset → model offset (the model char whose source cluster contains it). */
  fromSource(offset: number): number;
  identity: boolean;
}

export function normalizeText(source: string): NormalizedText {
  const nfc = source.normalize('NFC');
  if (nfc === source) {
    const text = HAS_LEGACY.test(source) ? source.replace(LEGACY_RE, (c) => LEGACY_LETTERS[c]) : source;
    return { text, toSource: (o) => o, fromSource: (o) => o, identity: true };
  }
  // Compose cluster by cluster (a base character and the marks after it) so each model
  // offset knows the source offset of its cluster.
  const parts: string[] = [];
  const starts: number[] = []; // source start of each model code unit
  const cluster = /\P{M}\p{M}*|\p{M}+/gu;
  let m: RegExpExecArray | null;
  let modelLength = 0;
  while ((m = cluster.exec(source)) !== null) {
    const piece = m[0].normalize('NFC').replace(LEGACY_RE, (c) => LEGACY_LETTERS[c]);
    parts.push(piece);
    for (let i = 0; i < piece.length; i++) starts.push(m.index + Math.min(i, m[0].length - 1));
    modelLength += piece.length;
  }
  const text = parts.join('');
  const sourceLength = source.length;
  const toSource = (o: number): number => (o >= modelLength ? sourceLength : o <= 0 ? 0 : starts[o]);
  const fromSource = (s: number): number => {
    if (s >= sourceLength) return modelLength;
    // binary search: last model offset whose source start <= s
    let lo = 0, hi = modelLength - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= s) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  return { text, toSource, fromSource, identity: false };
}

/** Lower-case, NFC, with đ kept: for comparing names and phrases. */
export function foldCase(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('vi');
}

/** Strip Vietnamese diacritics (đ → d) — only for fuzzy matching, never for display. */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
