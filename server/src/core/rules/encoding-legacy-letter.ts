// KH701: letters that legacy PDF fonts put where Vietnamese ones belong — "ƣ" (U+01A3, Latin
// "oi") for "ư", and "Ð" (U+00D0, Icelandic eth) for "Đ". They look right on screen but search,
// sorting and every other check miss them. The model text already reads "ƣ" as "ư" (see
// text/normalize.ts), so the "ƣ" is found by looking at the source under each "ư" of the model.

import type { Rule, Edit } from '../rule';
import { t } from '../i18n';
import { wordsContaining } from './encoding-vietnamese';

const HAS_LEGACY_SOURCE = /[ƣƢ]/;
const HAS_ETH = /Ð/;
const LEGACY: Record<string, string> = { 'ƣ': 'ư', 'Ƣ': 'Ư', 'Ð': 'Đ' };

export const encodingLegacyLetter: Rule = {
  id: 'KH701',
  alias: 'encoding-legacy-letter',
  category: 'encoding',
  defaultSeverity: 'warning',
  fixable: true,
  description: t(
    'Chữ lạ do dán từ PDF thay cho chữ tiếng Việt ("ƣ" thay cho "ư", "Ð" thay cho "Đ")',
    'Look-alike letters from PDF fonts in place of Vietnamese ones ("ƣ" for "ư", "Ð" for "Đ")',
  ),
  rationale: t(
    'Phông chữ cũ trong PDF mã hóa "ư" thành "ƣ" (U+01A3) và "Đ" thành "Ð" (U+00D0). Trông gần giống nhưng là chữ khác: ' +
      'tìm kiếm, sắp xếp, kiểm tra chính tả và các quy tắc khác đều bỏ sót. Sửa: thay bằng chữ tiếng Việt đúng.',
    'Legacy PDF fonts encode "ư" as "ƣ" (U+01A3) and "Đ" as "Ð" (U+00D0). They look alike but are other letters: ' +
      'search, sorting, spell-checking and the other rules miss them. Fix: replace them with the Vietnamese letters.',
  ),
  check(ctx) {
    const { doc } = ctx;
    const src = doc.source;
    const legacyInSource = HAS_LEGACY_SOURCE.test(src);
    if (!legacyInSource && !HAS_ETH.test(doc.text)) return;
    const text = doc.text;
    // Only words holding an "ư" or "Ð" can need a fix: jump from one such letter to the next and
    // take the word around it, instead of walking every word of the plan.
    for (const m of wordsContaining(text, legacyInSource ? /[ưƯÐ]/g : /Ð/g)) {
      const word = m.word;
      const edits: Edit[] = [];
      for (let k = 0; k < word.length; k++) {
        const c = word[k];
        const at = m.index + k;
        if ((c === 'ư' || c === 'Ư') && legacyInSource) {
          const s = src[doc.toSourceOffset(at)];
          // The model already says "ư"; the edit rewrites the source letter under it.
          if (s === 'ƣ' || s === 'Ƣ') edits.push({ start: at, end: at + 1, text: c });
        } else if (c === 'Ð' && isVietnameseWord(word)) {
          edits.push({ start: at, end: at + 1, text: 'Đ' });
        }
      }
      if (edits.length === 0) continue;
      const start = m.index;
      const end = m.index + word.length;
      const asWritten = src.slice(doc.toSourceOffset(start), doc.toSourceOffset(end));
      const letters = [...new Set([...asWritten].filter((c) => LEGACY[c]))];
      const fixed = fixWord(asWritten);
      ctx.report({
        span: { start, end },
        message: t(
          `"${asWritten}" có chữ ${letters.map((c) => `"${c}"`).join(', ')} do dán từ PDF (phông cũ); sửa thành "${fixed}"`,
          `"${asWritten}" contains ${letters.map((c) => `"${c}"`).join(', ')} from a PDF's legacy font; write "${fixed}"`,
        ),
        fixes: [{ title: t(`Sửa thành "${fixed}"`, `Change to "${fixed}"`), edits, preferred: true }],
      });
    }
  },
};

function fixWord(w: string): string {
  return w.replace(/[ƣƢÐ]/g, (c) => LEGACY[c]).normalize('NFC');
}

/** "Ðổi", "ÐẢNG": an eth inside a word that is otherwise Vietnamese (not an Icelandic name). */
function isVietnameseWord(word: string): boolean {
  return /[ăâêôơưđạ-ỹĂÂÊÔƠƯĐẠ-Ỹ]/u.test(word) || word.length <= 3;
}
