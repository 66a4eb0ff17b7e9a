// Numbering labels at the start of a line: "I.", "A.", "1.", "1-", "1.1.", "a)", "-", "+", "•".
// Nghị định 30/2020/NĐ-CP, Phụ lục I: mục = Roman numerals, khoản = Arabic numerals, điểm =
// Vietnamese letters followed by ")": a b c d đ e g h i k … (no f, j, w, z).

import type { NumberingLabel, NumberingStyle } from '../model';

/** The điểm letters in order. ND30 shows a) … g); the rest continues the pattern (inference). */
export const VIETNAMESE_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'] as const;
/** Letters a drafter may type that ND30 does not use. */
export const FOREIGN_LETTERS = ['f', 'j', 'w', 'z'] as const;

/** Upper-case letters used by Party documents (A. B. C. …): the Latin order with Đ after D is not seen; keep Latin. */
const UPPER_LETTERS = 'ABCDEFGHKLMNOPQRSTUY';

const ROMAN_VALUES: Record<string, number> = {};
const ROMAN_LIST: string[] = [];
for (let n = 1; n <= 30; n++) {
  const r = toRoman(n);
  ROMAN_VALUES[r] = n;
  ROMAN_LIST.push(r);
}

export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

export function romanValue(s: string): number | undefined {
  return ROMAN_VALUES[s.toUpperCase()];
}

/** Position of a điểm letter in the Vietnamese sequence (a → 1, đ → 5, e → 6, g → 7), or undefined for f/j/w/z. */
export function letterValue(letter: string): number | undefined {
  const i = (VIETNAMESE_LETTERS as readonly string[]).indexOf(letter.toLowerCase());
  return i >= 0 ? i + 1 : undefined;
}

/** The n-th điểm letter (1-based), or undefined past y. */
export function letterAt(n: number): string | undefined {
  return VIETNAMESE_LETTERS[n - 1];
}

export function upperLetterAt(n: number): string | undefined {
  return UPPER_LETTERS[n - 1];
}

export interface LabelMatch {
  label: NumberingLabel;
  /** Offset (in the same coordinates as `label`) where the item's text starts after the label. */
  textStart: number;
}

// One pattern per style; each is anchored at the content start of a line (sticky).
const RE_ROMAN = /(XXX|XX|XIX|XVIII|XVII|XVI|XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)[ \t\u00a0]*([.\-–])(?![\d\p{L}])[ \t\u00a0]*/uy;
const RE_UPPER = /([A-ZĐ])[ \t\u00a0]*([.\-–])(?![\d\p{L}])[ \t\u00a0]*/uy;
const RE_DECIMAL = /([1-9]\d?(?:\.(?:[1-9]\d?|0))+)(?:[ \t\u00a0]*([.\-–)]))?(?![\d\p{L}])[ \t\u00a0]*/uy;
const RE_ARABIC = /([1-9]\d{0,2})[ \t\u00a0]*([.)\-–])(?![\d\p{L}])[ \t\u00a0]*/uy;
const RE_LETTER = /([a-zđ])[ \t\u00a0]*\)[ \t\u00a0]*/uy;
const RE_DASH = /[-–—](?![-–—])[ \t\u00a0]*/y;
const RE_PLUS = /\+[ \t\u00a0]*/y;
const RE_BULLET = /[•·●▪◦∙*][ \t\u00a0]+/y;

const UPPER_START = /^[\p{Lu}"“'‘(]/u;
const LETTER_START = /^[\p{L}"“'‘(]/u;

/** Markdown emphasis and heading marks drafters leave around headings: "**", "#", "__". */
export function skipMarkup(text: string, i: number, end: number): number {
  let j = i;
  for (let guard = 0; guard < 4 && j < end; guard++) {
    const c = text[j];
    if (c === '#') { while (j < end && text[j] === '#') j++; }
    else if (c === '*' && text[j + 1] === '*') j += 2;
    else if (c === '_' && text[j + 1] === '_') j += 2;
    else break;
    while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
  }
  return j;
}

function rest(text: string, from: number, end: number): string {
  return text.slice(from, Math.min(end, from + 24));
}

/**
 * Recognise a numbering label at `start` (the first non-blank of a line ending at `end`).
 * Conservative: the text after a numbered label must start with a letter (an upper-case one for
 * Roman and A. labels, so "V. v." or a wrapped "30 - 40%" is not a label); plain numbers such as
 * "2024." or "35/2022/NĐ-CP" at the start of a wrapped line are not labels.
 */
export function matchLabel(text: string, start: number, end: number): LabelMatch | undefined {
  if (start >= end) return undefined;
  const i = skipMarkup(text, start, end);
  if (i >= end) return undefined;
  const c = text[i];
  const tryRe = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = i;
    const m = re.exec(text);
    return m && i + m[0].length <= end ? m : null;
  };
  const after = (m: RegExpExecArray) => i + m[0].length;
  const mk = (m: RegExpExecArray, style: NumberingStyle, extra: Partial<NumberingLabel>, labelText?: string): LabelMatch => {
    const raw = labelText ?? m[0].trimEnd();
    return { label: { start: i, end: i + raw.length, raw, style, ...extra }, textStart: after(m) };
  };

  if (c >= '0' && c <= '9') {
    let m = tryRe(RE_DECIMAL);
    if (m) {
      const parts = m[1].split('.').map(Number);
      const t = rest(text, after(m), end);
      // "4.0" or "7.080" are numbers, not labels; a label is followed by words.
      if (parts.length >= 2 && parts.every((p) => p > 0) && UPPER_START.test(t)) {
        return mk(m, 'decimal', { parts, value: parts[parts.length - 1] });
      }
    }
    m = tryRe(RE_ARABIC);
    if (m) {
      const value = Number(m[1]);
      const sep = m[2];
      const t = rest(text, after(m), end);
      if (value > 200 || t.length === 0) return undefined;
      if (sep === '-' || sep === '–') {
        // "1- Ban Thường vụ …" (Party style); "30 - 40% …" after a wrap is not a label.
        if (value > 60 || !UPPER_START.test(t)) return undefined;
        return mk(m, 'arabic-dash', { value });
      }
      if (!LETTER_START.test(t)) return undefined;
      return mk(m, 'arabic', { value });
    }
    return undefined;
  }
  if (c === 'I' || c === 'V' || c === 'X') {
    const m = tryRe(RE_ROMAN);
    if (m) {
      const t = rest(text, after(m), end);
      if (UPPER_START.test(t)) return mk(m, 'roman', { value: ROMAN_VALUES[m[1]] });
      return undefined;
    }
  }
  if (/[A-ZĐ]/.test(c)) {
    const m = tryRe(RE_UPPER);
    if (m) {
      const t = rest(text, after(m), end);
      // Party sections ("A. MỤC ĐÍCH, YÊU CẦU") are capitals; "T. Hà …" initials are not.
      const words = text.slice(after(m), Math.min(end, after(m) + 30));
      const letters = words.replace(/[^\p{L}]/gu, '');
      if (UPPER_START.test(t) && letters.length >= 3 && letters === letters.toUpperCase()) {
        const idx = UPPER_LETTERS.indexOf(m[1]);
        return mk(m, 'upper-letter', { value: idx >= 0 ? idx + 1 : undefined, letter: m[1] });
      }
    }
    return undefined;
  }
  if (/[a-zđ]/.test(c)) {
    const m = tryRe(RE_LETTER);
    if (m && LETTER_START.test(rest(text, after(m), end))) {
      return mk(m, 'letter', { value: letterValue(m[1]), letter: m[1] });
    }
    return undefined;
  }
  if (c === '-' || c === '–' || c === '—') {
    const m = tryRe(RE_DASH);
    if (m && after(m) < end && /[^\s\-–—=_.]/.test(text[after(m)])) return mk(m, 'dash', {}, text[i]);
    return undefined;
  }
  if (c === '+') {
    const m = tryRe(RE_PLUS);
    if (m && after(m) < end && /[\p{L}\d"“(]/u.test(text[after(m)])) return mk(m, 'plus', {}, '+');
    return undefined;
  }
  {
    const m = tryRe(RE_BULLET);
    if (m && after(m) < end && /[\p{L}\d"“(]/u.test(text[after(m)])) return mk(m, 'bullet', {}, text[i]);
  }
  return undefined;
}

/** The label text an item should carry at `value` in `style`, keeping the drafter's punctuation. */
export function formatLabel(label: NumberingLabel, value: number): string | undefined {
  const raw = label.raw;
  switch (label.style) {
    case 'roman': {
      const m = /^(\S*?)([IVX]+)(.*)$/.exec(raw);
      return m ? m[1] + toRoman(value) + m[3] : undefined;
    }
    case 'upper-letter': {
      const l = upperLetterAt(value);
      return l ? raw.replace(/[A-ZĐ]/, l) : undefined;
    }
    case 'arabic':
    case 'arabic-dash': {
      return raw.replace(/\d+/, String(value));
    }
    case 'decimal': {
      const parts = label.parts ? [...label.parts] : [];
      if (parts.length === 0) return undefined;
      parts[parts.length - 1] = value;
      return raw.replace(/\d+(?:\.\d+)+/, parts.join('.'));
    }
    case 'letter': {
      const l = letterAt(value);
      return l ? raw.replace(/[a-zđ]/, l) : undefined;
    }
    default:
      return undefined;
  }
}

/** Whether the style carries an ordinal (dashes, pluses and bullets do not). */
/** The level family of a label: "1." and "1-" are one level (a mix is a style finding), decimals by depth. */
export function levelFamily(l: NumberingLabel): string {
  switch (l.style) {
    case 'arabic':
    case 'arabic-dash':
      return 'arabic';
    case 'decimal':
      return `decimal${l.parts?.length ?? 2}`;
    default:
      return l.style;
  }
}

export function isOrdinal(style: NumberingStyle): boolean {
  return style !== 'dash' && style !== 'plus' && style !== 'bullet';
}

/**
 * Strip characters in `set` from both ends (or one end) without a regex: `/[\s*]+$/` is
 * quadratic on a line holding a long run of spaces followed by text, which pastes do contain.
 */
export function stripEnds(s: string, set: string, ends: 'both' | 'start' | 'end' = 'both'): string {
  const isIn = (c: string) => set.includes(c) || (set.includes(' ') && /\s/.test(c));
  let a = 0, b = s.length;
  if (ends !== 'end') while (a < b && isIn(s[a])) a++;
  if (ends !== 'start') while (b > a && isIn(s[b - 1])) b--;
  return s.slice(a, b);
}

/** Whether a text's letters are all capitals (at least two of them); stops at the first small letter. */
export function isUpperText(s: string): boolean {
  let letters = 0;
  for (let k = 0; k < s.length; k++) {
    // ASCII without allocating case-mapped strings (most characters of any line)
    const n = s.charCodeAt(k);
    if (n < 128) {
      if (n >= 97 && n <= 122) return false;
      if (n >= 65 && n <= 90) letters++;
      continue;
    }
    const c = s[k];
    const up = c.toUpperCase();
    const low = c.toLowerCase();
    if (up === low) continue; // not a cased letter
    if (c !== up) return false;
    letters++;
  }
  return letters >= 2;
}
