// KH101: numbers within one level go in sequence — no duplicate ("III." twice, as in the Thái
// Nguyên plan), no gap ("I, II, IV", as in 34-NQ/TU). A list that starts again at 1 is a new list,
// not a mistake. Điểm letters out of the Vietnamese order are KH102's.

import type { Rule } from '../rule';
import { t } from '../i18n';
import { findSuspectLabels } from '../parse/outline';
import { letterAt, toRoman, upperLetterAt } from '../parse/numbering';
import type { NumberingLabel, OutlineItem, Span } from '../model';
import { renumberFix, runsOf, shown, siblingGroups } from './numbering-common';

function expectedLabel(l: NumberingLabel, v: number): string {
  switch (l.style) {
    case 'roman': return `${toRoman(v)}.`;
    case 'upper-letter': return `${upperLetterAt(v) ?? '?'}.`;
    case 'letter': return `${letterAt(v) ?? '?'})`;
    case 'decimal': return [...(l.parts ?? []).slice(0, -1), v].join('.') + '.';
    default: return `${v}.`;
  }
}

export const numberingSequence: Rule = {
  id: 'KH101',
  alias: 'numbering-sequence',
  category: 'numbering',
  defaultSeverity: 'warning',
  fixable: true,
  description: t('Số thứ tự các mục cùng cấp bị trùng hoặc bị bỏ sót', 'Items at one level are numbered twice or skip a number'),
  rationale: t(
    'Nghị định 30/2020/NĐ-CP (Phụ lục I) đánh số mục bằng số La Mã, khoản bằng số Ả Rập, điểm bằng chữ cái, theo thứ tự liên tục. ' +
      'Số trùng hoặc bị bỏ sót làm sai việc viện dẫn ("mục III", "điểm b khoản 2") và thường cho thấy một phần nội dung bị xóa hoặc dán thừa. ' +
      'Sửa: đánh số lại các mục tiếp theo.',
    'Decree 30/2020/NĐ-CP (Appendix I) numbers sections with Roman numerals, clauses with Arabic numerals and points with letters, in an unbroken sequence. ' +
      'A repeated or skipped number breaks cross-references ("section III", "point b of clause 2") and often shows that content was deleted or pasted twice. ' +
      'Fix: renumber the following items.',
  ),
  check(ctx) {
    const doc = ctx.doc;
    // OCR-garbled labels ("Š." for "5.") explain a gap; do not call it a missing number.
    // (a Roman numeral is never garbled into these shapes, so Roman gaps are always reported)
    const suspects = findSuspectLabels(doc).map((s) => s.start);
    // …but only a suspect at this level: one inside the previous item's children belongs to them.
    const suspectBetween = (prev: OutlineItem, cur: OutlineItem) => {
      const firstChild = prev.children.length ? doc.items[prev.children[0]].start : cur.start;
      if (prev.label?.style === 'roman') return false;
      // suspects are in document order: find the first after prev.start (binary search)
      let lo = 0, hi = suspects.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (suspects[mid] <= prev.start) lo = mid + 1; else hi = mid;
      }
      return lo < suspects.length && suspects[lo] < cur.start && suspects[lo] < firstChild;
    };
    const quoted = quotedPassages(doc.text);
    for (const whole of siblingGroups(doc)) {
      // Items of a quoted passage (an amending law's "“3. …”" new text) are numbered in the text
      // they quote, not in this document.
      // The STT cell of a table row pasted as TAB-separated text ("1.⇥Đơn vị bầu cử số…⇥…") numbers
      // the table's rows, not the document's items.
      const group = whole.filter((it) => !quoted.some((q) => it.start >= q.start && it.start < q.end) && !isTableRow(doc.text, it));
      if (group.length === 0) continue;
      const style = group[0].label!.style;
      // f/j/w/z or a skipped đ: KH102 reports the order of điểm letters, and the gaps that order
      // makes; a letter used twice in the same list is still this rule's (one finding per list
      // would hide it).
      let duplicatesOnly = false;
      if (style === 'letter') {
        const letters = group.map((i) => i.label!.letter ?? '');
        duplicatesOnly = letters.some((l) => 'fjwz'.includes(l) && l !== '') || letters.some((l, k) => l === 'e' && letters[k - 1] === 'd');
      }
      for (const run of runsOf(group)) {
        let prev: (typeof run)[number] | undefined;
        for (let k = 0; k < run.length; k++) {
          const it = run[k];
          const l = it.label!;
          const v = l.value;
          if (v === undefined) continue;
          const pv = prev?.label?.value;
          if (prev && pv !== undefined) {
            if (v === pv) {
              ctx.report({
                span: l,
                message: t(`Số thứ tự "${shown(l)}" bị trùng với mục trước; mục này phải là "${expectedLabel(l, pv + 1)}"`, `"${shown(l)}" repeats the previous item's number; this should be "${expectedLabel(l, pv + 1)}"`),
                related: [{ message: t('Mục đã dùng số này', 'The item that already uses this number'), span: prev.label! }],
                // KH102's fix reletters this list already; two fixes on one list would collide.
                fixes: duplicatesOnly ? [] : renumberFix(run, k, pv + 1),
              });
              prev = it;
              // the fix renumbers the rest of the run; do not report each follower again
              break;
            }
            if (duplicatesOnly) {
              prev = it;
              continue;
            }
            if (v > pv + 1 && !suspectBetween(prev, it) && !inlineBetween(doc.text, prev, it, pv, v)) {
              const missing = v - pv === 2 ? `"${expectedLabel(l, pv + 1)}"` : `từ "${expectedLabel(l, pv + 1)}" đến "${expectedLabel(l, v - 1)}"`;
              const missingEn = v - pv === 2 ? `"${expectedLabel(l, pv + 1)}"` : `"${expectedLabel(l, pv + 1)}" to "${expectedLabel(l, v - 1)}"`;
              ctx.report({
                span: l,
                message: t(`Số thứ tự bị bỏ sót: sau "${shown(prev.label!)}" là "${shown(l)}", thiếu ${missing}`, `A number is skipped: "${shown(l)}" follows "${shown(prev.label!)}", ${missingEn} is missing`),
                related: [{ message: t('Mục đứng trước', 'The previous item'), span: prev.label! }],
                fixes: renumberFix(run, k, pv + 1),
              });
              break;
            }
            if (v < pv) {
              ctx.report({
                span: l,
                message: t(`Số thứ tự "${shown(l)}" đứng sau "${shown(prev.label!)}": sai thứ tự`, `"${shown(l)}" comes after "${shown(prev.label!)}": out of order`),
                related: [{ message: t('Mục đứng trước', 'The previous item'), span: prev.label! }],
                fixes: renumberFix(run, k, pv + 1),
              });
              break;
            }
          }
          prev = it;
        }
      }
    }
  },
};

/**
 * Passages in quotation marks that run over lines: from a line opening with “ (or ") to the line
 * that closes it (”). An amending text quotes the new wording of a clause with its own numbers.
 */
function quotedPassages(text: string): Span[] {
  const out: Span[] = [];
  // every curly quote's position, once: the scan below walks them with two pointers (linear)
  const opens: number[] = [];
  const closes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c) opens.push(i); else if (c === 0x201d) closes.push(i);
  }
  if (closes.length === 0) return out;
  const open = /^[ \t]*[“"][ \t]*(?:Điều\s+\d+|\d+\.|[a-zđ]\))/gmu;
  let oi = 0, ci = 0;
  let m: RegExpExecArray | null;
  while ((m = open.exec(text)) !== null) {
    const after = m.index + m[0].length;
    while (ci < closes.length && closes[ci] < after) ci++;
    if (ci >= closes.length) break;
    while (oi < opens.length && opens[oi] < after) oi++;
    const close = closes[ci];
    // a quotation closed before the next one opens; one that never closes is not a passage
    if (oi < opens.length && opens[oi] < close) continue;
    out.push({ start: m.index, end: close + 1 });
    open.lastIndex = close + 1;
  }
  return out;
}

/**
 * A form's fields numbered two to a line ("3. Ngày, tháng, năm sinh: …… 4. Giới tính:"): the numbers
 * between two items are written inside the first one's line, not skipped.
 */
function inlineBetween(text: string, prev: OutlineItem, cur: OutlineItem, from: number, to: number): boolean {
  if (prev.label?.style !== 'arabic' || to - from > 4) return false; // a form line holds a few fields, not dozens
  const between = text.slice(prev.label.end, cur.start);
  for (let n = from + 1; n < to; n++) {
    if (!new RegExp(`(?<=[\\s.…:;,)])${n}\\.(?=[ \\t]+\\p{Lu})`, 'u').test(between)) return false;
  }
  return true;
}

/** A label followed by a TAB on a line with another TAB: a numbered row of a pasted table. */
function isTableRow(text: string, it: OutlineItem): boolean {
  if (!it.label || text[it.label.end] !== '\t') return false;
  const eol = text.indexOf('\n', it.label.end);
  return text.slice(it.label.end + 1, eol < 0 ? text.length : eol).includes('\t');
}
