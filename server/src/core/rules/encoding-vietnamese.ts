// Vietnamese letters and tone marks, for the encoding rules: what a letter's base and tone are,
// and where the tone of a syllable goes. Not a rule itself (rules/index.ts does not list it).

/** The five combining tone marks: huyền, sắc, ngã, hỏi, nặng. */
export const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';

export const TONE_NAMES: Record<string, { vi: string; en: string }> = {
  '\u0300': { vi: 'dấu huyền', en: 'grave tone mark' },
  '\u0301': { vi: 'dấu sắc', en: 'acute tone mark' },
  '\u0303': { vi: 'dấu ngã', en: 'tilde tone mark' },
  '\u0309': { vi: 'dấu hỏi', en: 'hook tone mark' },
  '\u0323': { vi: 'dấu nặng', en: 'dot-below tone mark' },
};

/** Toneless vowels, including those with circumflex, breve or horn. */
const VOWELS = new Set('aăâeêioôơuưyAĂÂEÊIOÔƠUƯY');
/** Vowels that carry a shape mark (the tone sits on them first). */
const SHAPED = new Set('ăâêôơưĂÂÊÔƠƯ');
const CONSONANTS = new Set('bcdđghklmnpqrstvxfjwzBCDĐGHKLMNPQRSTVXFJWZ');

export interface LetterInfo {
  /** The letter without its tone (NFC), e.g. "ệ" → "ê", "ṃ" → "m". */
  base: string;
  /** The tone mark it carries, if any. */
  tone?: string;
  vowel: boolean;
  consonant: boolean;
}

const cache = new Map<string, LetterInfo>();

/** Base and tone of one (NFC) letter; cached, so a pass over a text stays linear. */
export function letterInfo(ch: string): LetterInfo {
  let info = cache.get(ch);
  if (info) return info;
  const nfd = ch.normalize('NFD');
  let tone: string | undefined;
  let rest = '';
  for (const c of nfd) {
    if (TONE_MARKS.includes(c) && tone === undefined) tone = c;
    else rest += c;
  }
  const base = rest.normalize('NFC');
  info = { base, tone, vowel: VOWELS.has(base), consonant: CONSONANTS.has(base) };
  if (cache.size < 4096) cache.set(ch, info);
  return info;
}

/** Whether a letter is one Vietnamese writes (a vowel with at most one tone, or a consonant without). */
export function isVietnameseLetter(ch: string): boolean {
  const i = letterInfo(ch);
  return i.vowel || (i.consonant && !i.tone);
}

/** The word's letters with every tone removed, and the tones it carried. */
export function stripTones(word: string): { bare: string; tones: string[] } {
  let bare = '';
  const tones: string[] = [];
  for (const ch of word.normalize('NFC')) {
    if (TONE_MARKS.includes(ch)) {
      tones.push(ch);
      continue;
    }
    if (ch.charCodeAt(0) >= 0x300 && ch.charCodeAt(0) <= 0x36f) continue; // other stray marks
    const i = letterInfo(ch);
    if (i.tone) tones.push(i.tone);
    bare += i.base;
  }
  return { bare, tones };
}

/**
 * Put a tone on a toneless syllable by the usual rules: the shaped vowel (ơ in ươ), else the last
 * vowel before a final consonant, else the first of two open vowels (the "hóa, thủy" style that
 * administrative documents mostly use), else the middle of three. Undefined when the word is not
 * one syllable (two vowel groups) or has no vowel.
 */
export function placeTone(bare: string, tone: string): string | undefined {
  const chars = [...bare];
  const lower = chars.map((c) => c.toLowerCase());
  let i = 0;
  while (i < chars.length && !VOWELS.has(chars[i])) i++;
  if (i >= chars.length) return undefined;
  // "qu" and "gi" before another vowel: the u / i belongs to the onset.
  if (i > 0 && ((lower[i - 1] === 'q' && lower[i] === 'u') || (lower[i - 1] === 'g' && lower[i] === 'i'))) {
    if (i + 1 < chars.length && VOWELS.has(chars[i + 1])) i++;
  }
  let j = i;
  while (j < chars.length && VOWELS.has(chars[j])) j++;
  for (let k = j; k < chars.length; k++) if (VOWELS.has(chars[k])) return undefined; // two syllables
  const nucleus = lower.slice(i, j);
  const closed = j < chars.length;
  let target: number;
  const horn = nucleus.indexOf('ơ');
  const shaped = nucleus.findIndex((c) => SHAPED.has(c));
  if (horn >= 0) target = i + horn;
  else if (shaped >= 0) {
    let last = shaped;
    for (let k = shaped; k < nucleus.length; k++) if (SHAPED.has(nucleus[k])) last = k;
    target = i + last;
  } else if (nucleus.length === 1) target = i;
  else if (closed) target = j - 1;
  else if (nucleus.length === 2) target = i;
  else target = i + 1;
  chars[target] = (chars[target] + tone).normalize('NFC');
  return chars.join('');
}

const WORD_CHAR = /^[\p{L}\p{M}]$/u;
const WORD_RUN = /[\p{L}\p{M}]+/uy;

/**
 * The words (runs of letters and marks) of `text` that contain a match of `candidate` (a global
 * regex for single characters), each once, in order. Lets a rule that only cares about rare
 * letters jump between them instead of walking every word: linear in the text, and cheap when
 * the letters are absent.
 */
export function* wordsContaining(text: string, candidate: RegExp): Generator<{ index: number; word: string }> {
  candidate.lastIndex = 0;
  let wordEnd = 0;
  let hit: RegExpExecArray | null;
  while ((hit = candidate.exec(text)) !== null) {
    if (hit.index < wordEnd) continue;
    let ws = hit.index;
    for (;;) {
      // a letter outside the BMP is two code units: test the pair
      const n = ws >= 2 ? text.charCodeAt(ws - 1) : 0;
      const h = ws >= 2 ? text.charCodeAt(ws - 2) : 0;
      const pair = n >= 0xdc00 && n <= 0xdfff && h >= 0xd800 && h <= 0xdbff;
      if (ws > wordEnd && WORD_CHAR.test(pair ? text.slice(ws - 2, ws) : text[ws - 1])) ws -= pair ? 2 : 1;
      else break;
    }
    WORD_RUN.lastIndex = ws;
    const m = WORD_RUN.exec(text);
    // The run must reach past the hit, and the scan must only move forward (lone surrogates and
    // odd input must not send it back: that would loop forever).
    if (!m || ws + m[0].length <= hit.index) {
      // not a letter or mark after all (the candidate class was wider): move on
      wordEnd = candidate.lastIndex;
      continue;
    }
    wordEnd = ws + m[0].length;
    candidate.lastIndex = Math.max(wordEnd, candidate.lastIndex);
    yield { index: ws, word: m[0] };
  }
}
