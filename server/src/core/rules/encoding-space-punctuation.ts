// KH703: a stray space before ";" "," ":" ")" "." or after "(" — what Word leaves behind when
// fields and footnotes are pasted ("Trung ương ; tình hình", "(sau đây gọi tắt là ...) ;").
// The fix removes only the spaces. Spaces at the start of a line are indentation, and a space
// before "..." is a placeholder ("Số: .../KH-UBND"), so both are left alone.

import type { Rule } from '../rule';
import { t } from '../i18n';

/** The marks a stray run can touch; far rarer than spaces, so the scan starts from them. */
const MARK = /[;,:).(]/g;
const SPACE = /\s/;
const AFTER_DOT = /[.\p{L}\p{N}]/u;

function isHspace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0';
}

/**
 * Stray runs of spaces, exactly as the regex
 * /(?<=[^\s])([ \t\u00a0]+)(?=[;,:)]|\.(?![.\p{L}\p{N}]))|(?<=\()([ \t\u00a0]+)(?=[^\s.…])/gu found them
 * (checked against it on random text): `before` — a whole run of spaces before a closing mark,
 * after a non-space; otherwise a run after "(" before a non-space. Jumping from mark to mark and
 * looking at the run beside it reads each run at most twice: linear, and cheaper than trying a
 * lookbehind at every position.
 */
function* strayRuns(text: string): Generator<{ start: number; end: number; before: boolean }> {
  const n = text.length;
  MARK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARK.exec(text)) !== null) {
    const q = m.index;
    if (text[q] === '(') {
      let j = q + 1;
      while (j < n && isHspace(text[j])) j++;
      if (j === q + 1 || j >= n) continue;
      // a run that also ends at a closing mark is reported from that mark (the regex's first alternative)
      if (closesRun(text, j)) continue;
      const next = text[j];
      if (!SPACE.test(next) && next !== '.' && next !== '…') yield { start: q + 1, end: j, before: false };
      continue;
    }
    let i = q;
    while (i > 0 && isHspace(text[i - 1])) i--;
    if (i === q || i === 0 || SPACE.test(text[i - 1])) continue;
    if (closesRun(text, q)) yield { start: i, end: q, before: true };
  }
}

/** Whether the character at `j` is a mark a space must not precede (";", ",", ":", ")", a full stop). */
function closesRun(text: string, j: number): boolean {
  const c = text[j];
  if (c === ';' || c === ',' || c === ':' || c === ')') return true;
  if (c !== '.') return false;
  const cp = text.codePointAt(j + 1);
  return cp === undefined || !AFTER_DOT.test(String.fromCodePoint(cp));
}

export const encodingSpacePunctuation: Rule = {
  id: 'KH703',
  alias: 'encoding-space-punctuation',
  category: 'encoding',
  defaultSeverity: 'information',
  fixable: true,
  description: t(
    'Dấu cách thừa trước dấu ";" "," ":" ")" "." hoặc sau dấu "("',
    'Stray space before ";" "," ":" ")" "." or after "("',
  ),
  rationale: t(
    'Trong văn bản tiếng Việt, dấu chấm, phẩy, chấm phẩy, hai chấm và ngoặc đóng viết liền với chữ đứng trước; ' +
      'ngoặc mở viết liền với chữ đứng sau. Dấu cách thừa thường do dán từ Word hoặc PDF. Sửa: xóa dấu cách.',
    'In Vietnamese text, full stops, commas, semicolons, colons and closing brackets follow the word without a space, ' +
      'and an opening bracket precedes its word without one. Stray spaces usually come from pasting. Fix: delete the space.',
  ),
  check(ctx) {
    const text = ctx.doc.text;
    for (const { start, end, before } of strayRuns(text)) {
      const mark = before ? text[end] : '(';
      // A space before ")" that closes an ellipsis placeholder "( ... )" is a template, not a slip.
      if (before && mark === ')' && /(\.\.\.|…)$/.test(text.slice(Math.max(0, start - 3), start))) continue;
      // Context for the message: the word before and the mark, e.g. "Trung ương ;".
      const ctxStart = before ? lastWordStart(text, start) : start - 1;
      const ctxEnd = before ? end + 1 : Math.min(text.length, end + wordLength(text, end));
      const shown = text.slice(ctxStart, ctxEnd);
      const fixed = text.slice(ctxStart, start) + text.slice(end, ctxEnd);
      ctx.report({
        span: before ? { start, end: end + 1 } : { start: start - 1, end },
        message: before
          ? t(`Dấu cách thừa trước dấu "${mark}": "${shown}" → "${fixed}"`, `Stray space before "${mark}": "${shown}" → "${fixed}"`)
          : t(`Dấu cách thừa sau dấu "(": "${shown}" → "${fixed}"`, `Stray space after "(": "${shown}" → "${fixed}"`),
        fixes: [{ title: t('Xóa dấu cách thừa', 'Delete the stray space'), edits: [{ start, end, text: '' }], preferred: true }],
      });
    }
  },
};

/** Start of the word (up to 20 characters of it) before a position, for short messages. */
function lastWordStart(text: string, pos: number): number {
  let i = pos;
  const limit = Math.max(0, pos - 20);
  while (i > limit && !/\s/.test(text[i - 1])) i--;
  return i;
}

function wordLength(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && i - pos < 20 && !/\s/.test(text[i])) i++;
  return i - pos;
}
