// KH702: tone marks that PDF extraction left in the wrong place — "nhiêṃ" (the dot below sits on
// the "m"), "vu ̣cho", "lô ̣trình" (the mark drifted past the space onto the next word). Seen in
// the Tuyên Quang 01-CTr/TU corpus file. The model text is NFC, so a mark that found its vowel has
// been composed away; what is left is a mark after a space, a mark on a consonant, or a second
// tone on one syllable. The fix moves the mark onto the vowel that takes the tone, when the
// syllable it belongs to has no tone of its own.

import type { Rule, RuleContext } from '../rule';
import type { Span } from '../model';
import { t, type Text } from '../i18n';
import { TONE_MARKS, TONE_NAMES, letterInfo, placeTone, stripTones, wordsContaining } from './encoding-vietnamese';

let SUSPECT_CHAR: RegExp | undefined;
/**
 * A character that makes checkWord look at its word: a combining mark (NFC left it uncomposed), or
 * a precomposed consonant carrying a tone ("ṃ", "ǹ"). Built once from letterInfo, so it agrees
 * with checkWord; words with neither never produce a finding.
 */
function suspectChar(): RegExp {
  if (!SUSPECT_CHAR) {
    let cls = '\\u0300-\\u036f';
    for (const [from, to] of [[0xc0, 0x24f], [0x1e00, 0x1eff]]) {
      for (let n = from; n <= to; n++) {
        const info = letterInfo(String.fromCharCode(n));
        if (info.tone && info.consonant) cls += `\\u${n.toString(16).padStart(4, '0')}`;
      }
    }
    SUSPECT_CHAR = new RegExp(`[${cls}]`, 'gu');
  }
  SUSPECT_CHAR.lastIndex = 0;
  return SUSPECT_CHAR;
}
const HSPACE = /[ \t\u00a0]/;

function isMark(c: string): boolean {
  const n = c.charCodeAt(0);
  return n >= 0x300 && n <= 0x36f;
}

function toneName(mark: string): Text {
  return TONE_NAMES[mark] ?? { vi: 'dấu phụ', en: 'combining mark' };
}

export const encodingMisplacedMark: Rule = {
  id: 'KH702',
  alias: 'encoding-misplaced-mark',
  category: 'encoding',
  defaultSeverity: 'warning',
  fixable: true,
  description: t(
    'Dấu thanh bị lệch khỏi nguyên âm (chữ dán từ PDF: "nhiêṃ vu ̣")',
    'Tone marks displaced from their vowel (text pasted from PDF: "nhiêṃ vu ̣")',
  ),
  rationale: t(
    'Khi sao chép từ PDF, dấu thanh (dấu nặng, hỏi, ngã, huyền, sắc) có thể bị tách khỏi nguyên âm: nằm sau dấu cách, ' +
      'hoặc dính vào phụ âm ("nhiêṃ"). Chữ hiển thị sai và không tìm kiếm được. Quy tắc đặt lại dấu lên nguyên âm ' +
      'mang thanh của âm tiết khi âm tiết đó chưa có dấu.',
    'Copying from a PDF can detach tone marks from their vowel: after a space, or on a consonant ("nhiêṃ"). The words ' +
      'display wrongly and cannot be searched. The fix puts the mark back on the vowel that carries the tone, when that ' +
      'syllable has no tone yet.',
  ),
  check(ctx) {
    const text = ctx.doc.text;
    // checkWord only reports a word with a combining mark or a toned consonant ("ṃ"): jump between
    // those (rare in NFC text) instead of walking every word.
    for (const m of wordsContaining(text, suspectChar())) checkWord(ctx, text, m.index, m.word);
  },
};

function checkWord(ctx: RuleContext, text: string, start: number, word: string): void {
  const end = start + word.length;
  // 1. The word starts with a mark: it drifted over the space from the word before (or is on
  //    the wrong side of it). "vu ̣cho" → "vụ cho".
  if (isMark(word[0])) {
    let k = 0;
    while (k < word.length && isMark(word[k])) k++;
    const marks = word.slice(0, k);
    const rest = word.slice(k);
    const mark = [...marks].find((c) => TONE_MARKS.includes(c));
    let ws = start;
    while (ws > 0 && HSPACE.test(text[ws - 1])) ws--;
    let ps = ws;
    while (ps > 0 && /[\p{L}]/u.test(text[ps - 1])) ps--;
    const prev = text.slice(ps, ws);
    const between = text.slice(ws, start);
    const candidates: { span: Span; text: string }[] = [];
    if (mark && marks.length === 1) {
      // The previous word, when it is right before the space and has no tone: PDF text shifts
      // marks to the right, so this is where the mark came from.
      if (prev && between.length > 0 && !/\n/.test(between)) {
        const p = stripTones(prev);
        const placed = p.tones.length === 0 ? placeTone(p.bare, mark) : undefined;
        // "vu ̣cho": the space stays between the words; "qua ̉ thực", "vu ̣,": the extraction
        // added the space along with the mark, so it goes with it.
        if (placed) candidates.push({ span: { start: ps, end }, text: placed + (rest ? between : '') + rest });
      }
      // Otherwise the word after it, when that one has no tone.
      const r = stripTones(rest);
      const placedNext = candidates.length === 0 && rest && r.tones.length === 0 ? placeTone(r.bare, mark) : undefined;
      if (placedNext) candidates.push({ span: { start, end }, text: placedNext });
    }
    const shown = prev && between && !/\n/.test(between) ? text.slice(ps, end) : word;
    const spanStart = prev && between && !/\n/.test(between) ? ps : start;
    const name = toneName(mark ?? marks[0]);
    const fix = candidates[0];
    ctx.report({
      span: { start: spanStart, end },
      message: fix
        ? t(`${cap(name.vi)} bị tách khỏi chữ: "${shown}" — có lẽ là "${fix.text}"`, `The ${name.en} is detached from its letter: "${shown}" — probably "${fix.text}"`)
        : t(`${cap(name.vi)} đứng riêng, không gắn với nguyên âm nào: "${shown}"`, `A stray ${name.en} attached to no vowel: "${shown}"`),
      fixes: fix
        ? [{ title: t(`Sửa thành "${fix.text}"`, `Change to "${fix.text}"`), edits: [{ start: fix.span.start, end: fix.span.end, text: fix.text }], preferred: true }]
        : [],
    });
    return;
  }
  // 2. A tone on a consonant ("ṃ", "n̉") or a second tone on a vowel that has one ("ậ̀").
  const chars = [...word];
  let mark: string | undefined;
  let onConsonant = false;
  let hasVietnameseShape = false;
  for (let k = 0; k < chars.length && mark === undefined; k++) {
    const c = chars[k];
    if (isMark(c)) {
      if (!TONE_MARKS.includes(c)) continue;
      const before = k > 0 ? letterInfo(chars[k - 1]) : undefined;
      // After a toneless vowel the mark only failed to compose (as after "ƣ"): it is in place.
      if (before && before.vowel && !before.tone) continue;
      mark = c;
      onConsonant = !!before && !before.vowel;
    } else {
      const info = letterInfo(c);
      if (info.tone && info.consonant) {
        mark = info.tone;
        onConsonant = true;
      }
    }
  }
  if (mark === undefined) return;
  for (const c of chars) if (/[ăâêôơưđ]/i.test(letterInfo(c).base)) hasVietnameseShape = true;
  // A consonant with an acute, grave or tilde ("ñ", "ń") is a foreign letter unless the word is
  // plainly Vietnamese; a dot below or hook on a consonant is never foreign spelling here.
  if (onConsonant && !hasVietnameseShape && mark !== '\u0323' && mark !== '\u0309') return;
  const s = stripTones(word);
  const placed = s.tones.length === 1 ? placeTone(s.bare, s.tones[0]) : undefined;
  const name = toneName(mark);
  ctx.report({
    span: { start, end },
    message: placed
      ? t(`${cap(name.vi)} đặt sai chỗ trong "${word}" — có lẽ là "${placed}"`, `The ${name.en} is misplaced in "${word}" — probably "${placed}"`)
      : t(`${cap(name.vi)} đặt sai chỗ trong "${word}"`, `The ${name.en} is misplaced in "${word}"`),
    fixes: placed ? [{ title: t(`Sửa thành "${placed}"`, `Change to "${placed}"`), edits: [{ start, end, text: placed }], preferred: true }] : [],
  });
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
