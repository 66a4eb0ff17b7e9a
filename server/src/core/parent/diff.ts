// Word-level diff of a parent task and the plan item that carries it out (hover, side-by-side).
// fast-diff works on characters; mapping each distinct syllable to one private-use character lets
// it diff syllable sequences instead, so a change never splits a word.

import fastDiff = require('fast-diff');

export interface DiffPart {
  /** -1: only in `a` (the parent), 1: only in `b` (the plan), 0: in both. */
  op: -1 | 0 | 1;
  text: string;
}

const TOKEN_RE = /[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu;

/** Diff `a` against `b` over syllable tokens (case and diacritics kept: they change meaning). */
export function wordDiff(a: string, b: string): DiffPart[] {
  const codes = new Map<string, string>();
  const tokens: string[] = [];
  const encode = (s: string): string => {
    let out = '';
    for (const tok of s.normalize('NFC').match(TOKEN_RE) ?? []) {
      let c = codes.get(tok);
      if (c === undefined) {
        // Private-use planes give over a hundred thousand distinct tokens without surrogate trouble
        // in the BMP range first.
        const n = tokens.length;
        c = n < 6400 ? String.fromCharCode(0xe000 + n) : String.fromCodePoint(0xf0000 + (n - 6400));
        codes.set(tok, c);
        tokens.push(tok);
      }
      out += c;
    }
    return out;
  };
  const ea = encode(a);
  const eb = encode(b);
  const parts: DiffPart[] = [];
  for (const [op, chunk] of fastDiff(ea, eb)) {
    let text = '';
    for (const ch of chunk) {
      const cp = ch.codePointAt(0)!;
      const idx = cp >= 0xf0000 ? cp - 0xf0000 + 6400 : cp - 0xe000;
      text += tokens[idx] ?? '';
    }
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else if (text) parts.push({ op, text });
  }
  return parts;
}
