// Normalising a copy of the text for matching, with a map back to the editor's offsets.
//
// Drafters' text arrives in NFC or NFD, and PDF extraction writes "ƣ" (U+01A3) for "ư". Rules
// match against one form (NFC, "ư"); positions must point into the text as the editor holds it.

/** Characters that legacy PDF fonts put where Vietnamese letters belong, mapped one to one. */
const LEGACY_LETTERS: Record<string, string> = { 'ƣ': 'ư', 'Ƣ': 'Ư' };
const LEGACY_RE = /[ƣƢ]/g;
const HAS_LEGACY = /[ƣƢ]/;
// Vietnamese (and Latin) combining marks; marks of other scripts are left as they are.
const HAS_MARK = /[\u0300-\u036f]/;
/** A base character followed by combining marks: the only places NFC can change. */
const CLUSTER = /[^\u0300-\u036f][\u0300-\u036f]+|^[\u0300-\u036f]+/g;

export interface NormalizedText {
  text: string;
  /** Model offset → source offset. Identity when the source needed no change of length. */
  toSource(offset: number): number;
  /** Source offset → model offset (the model char whose source cluster contains it). */
  fromSource(offset: number): number;
  identity: boolean;
}

export function normalizeText(source: string): NormalizedText {
  const legacy = (t: string) => (HAS_LEGACY.test(t) ? t.replace(LEGACY_RE, (c) => LEGACY_LETTERS[c]) : t);
  // Precomposed text has no combining marks; only the clusters that carry marks need composing,
  // so the common case costs one regex scan and keeps offsets as they are.
  if (!HAS_MARK.test(source)) return { text: legacy(source), toSource: (o) => o, fromSource: (o) => o, identity: true };

  const out: string[] = [];
  // Breakpoints: model offset bpModel[k] maps to source bpSource[k]; offsets after it map linearly
  // until the next breakpoint.
  const bpModel: number[] = [0];
  const bpSource: number[] = [0];
  let last = 0;
  let modelPos = 0;
  CLUSTER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLUSTER.exec(source)) !== null) {
    out.push(source.slice(last, m.index));
    modelPos += m.index - last;
    // "ƣ" + a combining tone must compose as "ư" + tone, so swap the legacy letter first.
    const piece = legacy(m[0]).normalize('NFC');
    if (piece.length !== m[0].length) {
      for (let i = 0; i < piece.length; i++) {
        bpModel.push(modelPos + i);
        bpSource.push(m.index + Math.min(i, m[0].length - 1));
      }
      bpModel.push(modelPos + piece.length);
      bpSource.push(m.index + m[0].length);
    }
    out.push(piece);
    modelPos += piece.length;
    last = m.index + m[0].length;
  }
  out.push(source.slice(last));
  const text = legacy(out.join(''));
  if (bpModel.length === 1) return { text, toSource: (o) => o, fromSource: (o) => o, identity: true };
  const modelLength = text.length;
  const sourceLength = source.length;
  const lastAtOrBefore = (arr: number[], v: number): number => {
    let lo = 0, hi = arr.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (arr[mid] <= v) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  const toSource = (o: number): number => {
    if (o <= 0) return 0;
    if (o >= modelLength) return sourceLength;
    const k = lastAtOrBefore(bpModel, o);
    return bpSource[k] + (o - bpModel[k]);
  };
  const fromSource = (s: number): number => {
    if (s <= 0) return 0;
    if (s >= sourceLength) return modelLength;
    const k = lastAtOrBefore(bpSource, s);
    // inside a composed cluster, several source units map to one model unit
    const next = k + 1 < bpModel.length ? bpModel[k + 1] : modelLength;
    return Math.min(bpModel[k] + (s - bpSource[k]), Math.max(bpModel[k], next - 1));
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
