// Matching agency names as drafters write them: one key per name (case, NFC, "Uỷ"/"Ủy" tone
// placement, "&"/"và", hyphens and commas folded), and a syllable trie that finds every known
// name in a text in one pass over its tokens (no regex per agency).

import { foldTonePlacement } from '../text/tone';
import type { Tokens } from './tokens';

export { tokenize, tokenIndexAt, type Tokens } from './tokens';

/** The key of one syllable (token): lower case, NFC, tone placement folded, "&" read as "và". */
export function syllableKey(token: string): string {
  if (token === '&') return 'và';
  // Names repeat their syllables (every province's "Ủy ban nhân dân tỉnh …"): fold each once.
  let key = syllableKeys.get(token);
  if (key === undefined) {
    key = foldTonePlacement(token.normalize('NFC').toLowerCase().replace(/ƣ/g, 'ư'));
    if (syllableKeys.size >= MAX_SYLLABLE_KEYS) syllableKeys.clear();
    syllableKeys.set(token, key);
  }
  return key;
}

/** Syllables seen so far and their keys (Vietnamese has a few thousand syllables; the bound is for odd input). */
const syllableKeys = new Map<string, string>();
const MAX_SYLLABLE_KEYS = 20_000;

const TOKEN_RE = /[\p{L}\p{N}\p{M}]+|&/gu;

/** The key of a whole name: its syllable keys joined by single spaces (punctuation dropped). */
export function agencyKey(name: string): string {
  const out: string[] = [];
  const s = name.normalize('NFC');
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(s)) !== null) out.push(syllableKey(m[0]));
  return out.join(' ');
}

/**
 * Whether two tokens can belong to one name: spaces, at most one hyphen/dash, comma or slash
 * ("Lao động - Thương binh", "Văn hóa, Thể thao"), and at most two line breaks (a Word table
 * cell wrapped: "Sở Văn hóa, Thể thao và\nDu lịch"; a PDF column break: "Ban Chấp \n\nhành").
 * A name only continues where the trie does, so a heading followed by its body is not joined.
 */
export function joinable(text: string, from: number, to: number): boolean {
  if (to - from > 8) return false;
  let punct = 0;
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0) continue;
    if (c === 10 || c === 13) {
      if (c === 10 || text.charCodeAt(i + 1) !== 10) breaks++;
      if (breaks > 2) return false;
      continue;
    }
    if (c === 45 || c === 0x2013 || c === 0x2014 || c === 44 || c === 47) {
      if (++punct > 1) return false;
      continue;
    }
    return false;
  }
  return true;
}

/** A node of the syllable trie; `id` marks the end of a known name. */
export interface TrieNode {
  next: Map<string, TrieNode>;
  id?: string;
  /** The name as listed (for fixes that restore a misspelled name). */
  display?: string;
}

export function newNode(): TrieNode {
  return { next: new Map() };
}

/** Insert a name; returns the id already there when the key is taken by another id. */
export function insertName(root: TrieNode, name: string, id: string, key = agencyKey(name)): string | undefined {
  if (!key) return undefined;
  let node = root;
  for (const k of key.split(' ')) {
    let n = node.next.get(k);
    if (!n) node.next.set(k, (n = newNode()));
    node = n;
  }
  if (node.id && node.id !== id) return node.id;
  if (!node.id) {
    node.id = id;
    node.display = name;
  }
  return undefined;
}

export interface NameMatch {
  start: number;
  end: number;
  id: string;
  /** Token indexes [first, last] of the match. */
  first: number;
  last: number;
  display: string;
}

/**
 * Every known name in the text, longest match first, left to right. A name must start with a
 * capital ("Sở Nội vụ", not "sở, ngành"). Each start explores at most the trie's depth, so the
 * pass is linear in the number of tokens.
 */
export function scanNames(text: string, tokens: Tokens, root: TrieNode): NameMatch[] {
  const out: NameMatch[] = [];
  const { start, end, key, upper } = tokens;
  const n = tokens.length;
  let i = 0;
  while (i < n) {
    const first = upper[i] ? root.next.get(key[i]) : undefined;
    if (!first) {
      i++;
      continue;
    }
    let node = first;
    let best = node.id ? i : -1;
    let bestNode: TrieNode | undefined = node.id ? node : undefined;
    let j = i;
    while (j + 1 < n && joinable(text, end[j], start[j + 1])) {
      const nx = node.next.get(key[j + 1]);
      if (!nx) break;
      node = nx;
      j++;
      if (node.id) {
        best = j;
        bestNode = node;
      }
    }
    if (best >= 0 && bestNode) {
      out.push({ start: start[i], end: end[best], id: bestNode.id!, first: i, last: best, display: bestNode.display ?? '' });
      i = best + 1;
    } else i++;
  }
  return out;
}

/** Strip diacritics (đ → d): syllables that differ only in marks are likely typos or OCR noise. */
const bareCache = new Map<string, string>();
function bare(s: string): string {
  let v = bareCache.get(s);
  if (v === undefined) {
    v = s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
    if (bareCache.size < 20000) bareCache.set(s, v);
  }
  return v;
}

/** Levenshtein distance, capped: small strings only (syllables). */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let k = 1; k <= b.length; k++) {
      const v = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Two different syllables a drafter or an OCR engine could confuse ("Tình"/"Tỉnh", "chín"/"chính"). */
export function closeSyllables(a: string, b: string): boolean {
  if (a === b) return false;
  const ba = bare(a);
  const bb = bare(b);
  if (ba === bb) return true;
  // One letter added, dropped or changed, same first letter: cheap rejections first.
  if (a.length < 3 || b.length < 3 || Math.abs(a.length - b.length) > 1 || ba.charCodeAt(0) !== bb.charCodeAt(0)) return false;
  return editDistance(a, b, 1) <= 1;
}

export interface FuzzyMatch {
  start: number;
  end: number;
  /** Candidates at the same (smallest) distance; several means the intended name is unclear. */
  candidates: { id: string; display: string }[];
  last: number;
}

/**
 * A name one syllable away from a known one, starting at token `i`: one syllable changed
 * ("Đạo tạo" for "Đào tạo") or one missing ("Sở Kế hoạch Đầu tư"). The head syllable must be exact
 * and capitalised, and the match must reach at least three syllables. Returns the longest.
 */
export function fuzzyAt(text: string, tokens: Tokens, i: number, root: TrieNode): FuzzyMatch | undefined {
  const { start, end, key } = tokens;
  const head = tokens.upper[i] ? root.next.get(key[i]) : undefined;
  if (!head) return undefined;
  let best: FuzzyMatch | undefined;
  const consider = (node: TrieNode, last: number) => {
    if (!node.id || last - i < 2) return;
    if (!best || last > best.last) best = { start: start[i], end: end[last], candidates: [], last };
    if (last === best.last && !best.candidates.some((c) => c.id === node.id)) best.candidates.push({ id: node.id, display: node.display ?? '' });
  };
  // Walk the rest exactly after the one edit. After a missing syllable, at least two must follow
  // it exactly: "Ban Thường vụ Uỷ[ viên]" is "Ban Thường vụ" and a word, not "Ban Thường vụ Tỉnh ủy".
  const exact = (node: TrieNode, j: number, minAfter = 1) => {
    const from = j;
    if (minAfter <= 1) consider(node, j);
    let cur = node;
    while (j + 1 < tokens.length && joinable(text, end[j], start[j + 1])) {
      const nx = cur.next.get(key[j + 1]);
      if (!nx) break;
      cur = nx;
      j++;
      if (j - from + 1 >= minAfter) consider(cur, j);
    }
  };
  let node = head;
  let j = i;
  for (let depth = 0; depth < 16; depth++) {
    if (j + 1 >= tokens.length || !joinable(text, end[j], start[j + 1])) break;
    const tk = key[j + 1];
    for (const [k, child] of node.next) {
      // substitution: this syllable written differently
      if (closeSyllables(tk, k)) exact(child, j + 1);
      // deletion: the name's syllable is missing from the text
      const skip = child.next.get(tk);
      if (skip && k !== tk) exact(skip, j + 1, 2);
    }
    const nx = node.next.get(tk);
    if (!nx) break;
    node = nx;
    j++;
  }
  return best;
}

/** Write a replacement in the case of what it replaces: "SỞ KẾ HOẠCH" → upper case, sentence-initial kept. */
export function matchCase(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toLocaleUpperCase('vi') && letters !== letters.toLocaleLowerCase('vi')) {
    return replacement.toLocaleUpperCase('vi');
  }
  const o = original.trimStart()[0];
  const r = replacement[0];
  if (o && r && o !== o.toLocaleLowerCase('vi') && r === r.toLocaleLowerCase('vi')) {
    return r.toLocaleUpperCase('vi') + replacement.slice(1);
  }
  return replacement;
}
