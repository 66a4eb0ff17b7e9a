// The syllables (tokens) of a text, as the agency scan reads them: where each starts and ends, its
// key (lower case, tone placement folded) and whether it is capitalised.
//
// A plan has tens of thousands of tokens but only a few hundred distinct syllables, and the tokens
// live while every agency rule runs. So they are held as parallel arrays rather than one object
// each, and each distinct syllable's key is built once: the garbage collector then has a handful
// of arrays to move instead of tens of thousands of objects and strings.

import { foldTonePlacement } from '../text/tone';

export interface Tokens {
  readonly length: number;
  /** Offsets in the text: token i is text[start[i], end[i]). */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Syllable keys: lower case, tone placement folded, "&" read as "và". */
  readonly key: string[];
  /** 1 where the first letter is a capital (names are proper nouns: "Sở", "UBND"). */
  readonly upper: Uint8Array;
}

const FOLDABLE = new Set([...'àáảãạèéẻẽẹỳýỷỹỵ'].map((c) => c.charCodeAt(0)));

/** Whether a lower-case syllable has old-style tone placement ("oà", "uỷ"): a char loop, cheaper than the regex. */
function needsToneFold(key: string): boolean {
  for (let k = 0; k + 1 < key.length; k++) {
    const c = key.charCodeAt(k);
    if ((c === 111 || c === 117) && FOLDABLE.has(key.charCodeAt(k + 1))) return true;
  }
  return false;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** A letter, digit or combining mark; fast paths for ASCII and Vietnamese, the regex for the rest. */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1ea0 && c <= 0x1ef9) || (c >= 0x300 && c <= 0x36f)) return true;
  if (c >= 0xd800 && c <= 0xdfff) return false; // astral: not part of agency names
  return WORD_CHAR.test(String.fromCharCode(c));
}

/**
 * The keys of one text's syllables, each built once: a token finds its key by the hash of its
 * characters (checked character by character), so a repeated syllable costs no new string.
 */
class SyllableKeys {
  private slots = new Int32Array(1024).fill(-1);
  private readonly raws: string[] = [];
  private readonly keys: string[] = [];
  private readonly hashes: number[] = [];

  /** `lower` is the lower-cased text the tokens are read from. */
  constructor(private readonly lower: string) {}

  /** The key of lower[start, end), whose characters hash to `hash`. */
  keyOf(start: number, end: number, hash: number): string {
    const lower = this.lower;
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const e = this.slots[at];
      if (e < 0) break;
      if (this.hashes[e] !== hash) continue;
      const raw = this.raws[e];
      if (raw.length !== end - start) continue;
      if (lower.startsWith(raw, start)) return this.keys[e];
    }
    const raw = lower.slice(start, end);
    const key = raw.length > 1 && needsToneFold(raw) ? foldTonePlacement(raw) : raw;
    this.raws.push(raw);
    this.keys.push(key);
    this.hashes.push(hash);
    if (this.raws.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(this.raws.length - 1);
    return key;
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let at = this.hashes[e] & mask;
    while (this.slots[at] >= 0) at = (at + 1) & mask;
    this.slots[at] = e;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(-1);
    for (let e = 0; e < this.raws.length; e++) this.place(e);
  }
}

/** Tokens of a text, in order (linear). The text is expected in NFC (the model's text is). */
export function tokenize(text: string): Tokens {
  // Lower-case once; Vietnamese letters keep their length, so offsets line up (checked).
  const lower = text.toLowerCase();
  const aligned = lower.length === text.length;
  // Read characters from `lower`, a fresh flat string: the model text may be a rope (built by
  // concatenation), and per-character access to a rope from optimised code can cost O(n) each.
  const src = aligned ? lower : text;
  // A short name (as `lookup` tokenizes) is cheaper to slice than to set a table up for.
  const keys = aligned && text.length >= 256 ? new SyllableKeys(lower) : undefined;
  const n = text.length;
  let capacity = 16 + (n >> 3);
  let start: Int32Array = new Int32Array(capacity);
  let end: Int32Array = new Int32Array(capacity);
  let upper: Uint8Array = new Uint8Array(capacity);
  const key: string[] = [];
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    const from = i;
    let k: string;
    if (c === 38) {
      k = 'và';
      i++;
    } else if (!isWordChar(c)) {
      i++;
      continue;
    } else {
      let hash = 0;
      for (; i < n; i++) {
        const w = src.charCodeAt(i);
        if (!isWordChar(w)) break;
        hash = (Math.imul(hash, 31) + w) | 0;
      }
      if (keys) k = keys.keyOf(from, i, hash);
      else {
        k = aligned ? lower.slice(from, i) : text.slice(from, i).toLowerCase();
        if (k.length > 1 && needsToneFold(k)) k = foldTonePlacement(k);
      }
    }
    if (count === capacity) {
      capacity *= 2;
      start = grown(start, capacity);
      end = grown(end, capacity);
      const u = new Uint8Array(capacity);
      u.set(upper);
      upper = u;
    }
    start[count] = from;
    end[count] = i;
    key.push(k);
    // A capital: lower-casing changes the first character (compared by code unit: no strings).
    // ("&" is never one.)
    if (c !== 38 && (aligned ? text.charCodeAt(from) !== lower.charCodeAt(from) : text[from] !== text[from].toLowerCase())) upper[count] = 1;
    count++;
  }
  return { length: count, start: start.slice(0, count), end: end.slice(0, count), key, upper: upper.slice(0, count) };
}

function grown(a: Int32Array, capacity: number): Int32Array {
  const b = new Int32Array(capacity);
  b.set(a);
  return b;
}

/** The first token that starts at or after `offset` (binary search); `tokens.length` when none does. */
export function tokenIndexAt(tokens: Tokens, offset: number): number {
  let lo = 0, hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.start[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
