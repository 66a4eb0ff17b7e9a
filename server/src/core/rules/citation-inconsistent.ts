// KH404: one document must carry the same number and date everywhere in the plan (DOMAIN.md §5).
// Caught here: the same symbol with two dates; a short name ("sau đây gọi tắt là …") that names
// another number than the citation it abbreviates; and the plan naming itself ("Kèm theo Nghị
// quyết số … ngày 01 tháng 01 năm 2025") with a date other than its own header date. A symbol
// written in the other shape ("94-NQ/CP" beside "94/NQ-CP") is KH401's, with the other occurrence.

import type { Citation } from '../model';
import type { Rule } from '../rule';
import { t } from '../i18n';
import { findSymbols } from '../parse/citation-symbol';
import { comparableDates, formatYmd, isSelfReference, sameYmd, shownSymbol, symbolKey, ymdOf } from './citation-common';

/** Two writings may be one document unless both give a year part and the years differ. */
function sameYearPart(a: Citation, b: Citation): boolean {
  return a.number.year === undefined || b.number.year === undefined || a.number.year === b.number.year;
}

/** The writing that gives the year part, when one does: its dates compare across years. */
function yearOf(a: Citation, b: Citation): Citation['number'] {
  return a.number.year !== undefined ? a.number : b.number;
}

export const citationInconsistent: Rule = {
  id: 'KH404',
  alias: 'citation-inconsistent',
  category: 'citation',
  defaultSeverity: 'warning',
  fixable: true,
  description: t(
    'Cùng một văn bản được trích dẫn với số hoặc ngày khác nhau',
    'The same document cited with different numbers or dates',
  ),
  rationale: t(
    'Một văn bản phải mang cùng số, ký hiệu và ngày ở mọi chỗ trong kế hoạch. Hai ngày khác nhau cho cùng ký hiệu, hoặc tên gọi tắt mang số khác, ' +
      'khiến người đọc không biết văn bản nào được thực hiện. Đối chiếu với văn bản gốc và sửa cho thống nhất.',
    'A document must carry the same number, symbol and date throughout the plan. Two dates for one symbol, or a short name with another number, ' +
      'leave the reader unsure which document is meant. Check the original and make them agree.',
  ),
  check(ctx) {
    const doc = ctx.doc;
    const first = new Map<string, Citation>();
    const header = doc.header.date;
    const headerYmd = header && header.valid && header.day !== undefined && header.month !== undefined && header.year !== undefined
      ? { year: header.year, month: header.month, day: header.day } : undefined;
    // One number written with and without its year part ("55/2023/NQ-HĐND", "55/NQ-HĐND"), dates
    // agreeing: said once, softly — a State body's two registers could in principle share a number.
    const withYear = new Map<string, Citation>();
    const withoutYear = new Map<string, Citation>();
    const told = new Set<string>();
    const spelling = (c: Citation, key: string) => {
      const seen = c.number.year === undefined ? withoutYear : withYear;
      if (!seen.has(key)) seen.set(key, c);
      const a = withYear.get(key);
      const b = withoutYear.get(key);
      if (!a || !b || told.has(key)) return;
      const ya = ymdOf(a), yb = ymdOf(b);
      if (ya && yb && !sameYmd(ya, yb)) return; // the dates disagree: reported above
      told.add(key);
      const later = a.start > b.start ? a : b;
      const other = later === a ? b : a;
      ctx.report({
        span: later.number,
        severity: 'information',
        message: t(
          `"${shownSymbol(later.number)}" và "${shownSymbol(other.number)}" là cùng một văn bản, ghi hai cách; dùng một ký hiệu thống nhất`,
          `"${shownSymbol(later.number)}" and "${shownSymbol(other.number)}" are one document written two ways; use one symbol`,
        ),
        related: [{ message: t('Cách ghi khác', 'The other writing'), span: other.number }],
      });
    };
    for (const c of doc.citations) {
      const ymd = ymdOf(c);
      if (isSelfReference(c, doc)) {
        // The plan naming itself must give its own date.
        if (ymd && headerYmd && header && !sameYmd(ymd, headerYmd) && c.date) {
          const fix = c.date.form === header.form ? header.raw.replace(/\s+/g, ' ') : undefined;
          ctx.report({
            span: c.date,
            message: t(
              `Văn bản kèm theo ghi ngày ${formatYmd(ymd)}, nhưng văn bản này ban hành ngày ${formatYmd(headerYmd)}`,
              `The attachment line gives the date ${formatYmd(ymd)}, but this document is dated ${formatYmd(headerYmd)}`,
            ),
            related: [{ message: t('Ngày ban hành ở phần đầu văn bản', 'Issue date in the header'), span: header }],
            ...(fix ? { fixes: [{ title: t(`Sửa thành "${fix}"`, `Change to "${fix}"`), edits: [{ start: c.date.start, end: c.date.end, text: fix }], preferred: true }] } : {}),
          });
        }
        continue;
      }
      if (c.number.number === '') continue;
      // "55/2023/NQ-HĐND" (a footnote) and "55/NQ-HĐND" (the body): the year part is a different
      // writing of the same number, so the two are compared.
      const key = symbolKey({ ...c.number, year: undefined });
      if (ymd) {
        const ref = first.get(key);
        const refYmd = ref && ymdOf(ref);
        if (!ref) first.set(key, c);
        else if (refYmd && !sameYmd(ymd, refYmd) && sameYearPart(c, ref) && comparableDates(yearOf(c, ref), ymd, refYmd) && c.date && ref.date) {
          ctx.report({
            span: c.date,
            message: t(
              `"${shownSymbol(c.number)}" ghi ngày ${formatYmd(ymd)}, nhưng ở chỗ khác ghi ngày ${formatYmd(refYmd)}`,
              `"${shownSymbol(c.number)}" is dated ${formatYmd(ymd)} here but ${formatYmd(refYmd)} elsewhere`,
            ),
            related: [{ message: t(`Ngày ${formatYmd(refYmd)} ở đây`, `Dated ${formatYmd(refYmd)} here`), span: ref.date }],
          });
        }
      }
      spelling(c, key);
      // A short name with another number than the document it abbreviates.
      if (c.shortName) {
        // "(gọi tắt là Kết luận số 75-KL/TW và Chương trình hành động số 31-CTr/TW)": one clause
        // abbreviating every document cited before it in the sentence.
        const named = new Set(doc.citations.filter((o) => o.start >= c.start && o.end <= c.shortName!.start).map((o) => o.number.number));
        for (const s of findSymbols(c.shortName.value)) {
          const n = s.number;
          if (n.number === '' || named.has(n.number)) continue;
          const start = c.shortName.start + n.start;
          ctx.report({
            span: { start, end: start + (n.end - n.start) },
            message: t(
              `Tên gọi tắt mang số "${shownSymbol(n)}" nhưng văn bản được gọi tắt là "${shownSymbol(c.number)}"`,
              `The short name carries "${shownSymbol(n)}" but abbreviates "${shownSymbol(c.number)}"`,
            ),
            related: [{ message: t('Văn bản được gọi tắt', 'The document abbreviated'), span: c.number }],
          });
        }
      }
    }
  },
};
