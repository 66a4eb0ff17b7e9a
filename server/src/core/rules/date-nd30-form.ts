// KH502: the issue date in the header must follow ND30 (Phụ lục I, II.4.b): "ngày 05 tháng 01 năm
// 2020" — days below 10 and months 1–2 take a leading zero, other months do not ("tháng 9", not
// "tháng 09"). The fix rewrites only the digits, so spacing and line breaks stay as written.

import type { Edit, Rule } from '../rule';
import { t } from '../i18n';
import { nd30DayText, nd30MonthText } from '../parse/dates';

const PARTS = /^(ngày[\s\u00A0]+)(\d{1,2})([\s\u00A0]+tháng[\s\u00A0]+)(\d{1,2})/iu;

export const dateNd30Form: Rule = {
  id: 'KH502',
  alias: 'date-nd30-form',
  category: 'date',
  defaultSeverity: 'warning',
  fixable: true,
  description: t(
    'Ngày ban hành chưa đúng thể thức: ngày dưới 10 và tháng 1, 2 phải có số 0 ở trước',
    'Issue date not in the ND30 form: days below 10 and months 1–2 take a leading zero',
  ),
  rationale: t(
    'Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.4.b: "Đối với những số thể hiện ngày nhỏ hơn 10 và tháng 1, 2 thì phải ghi thêm số 0 ở trước", ' +
      'ví dụ "ngày 05 tháng 01 năm 2020", "ngày 28 tháng 9 năm 2024".',
    'Decree 30/2020/NĐ-CP, Appendix I, II.4.b: days below 10 and months 1 and 2 are written with a leading zero, ' +
      'e.g. "ngày 05 tháng 01 năm 2020", "ngày 28 tháng 9 năm 2024".',
  ),
  check(ctx) {
    const d = ctx.doc.header.date;
    if (!d || d.form !== 'full' || d.nd30Form !== false || d.day === undefined || d.month === undefined) return;
    const m = PARTS.exec(d.raw);
    if (!m) return;
    const edits: Edit[] = [];
    const dayAt = d.start + m[1].length;
    const monthAt = dayAt + m[2].length + m[3].length;
    const day = nd30DayText(d.day);
    const month = nd30MonthText(d.month);
    if (m[2] !== day) edits.push({ start: dayAt, end: dayAt + m[2].length, text: day });
    if (m[4] !== month) edits.push({ start: monthAt, end: monthAt + m[4].length, text: month });
    if (edits.length === 0) return;
    const shown = d.raw.replace(/\s+/g, ' ');
    const fixed = `ngày ${day} tháng ${month} năm ${d.year}`;
    ctx.report({
      span: d,
      message: t(
        `Ngày ban hành chưa đúng thể thức: "${shown}" → "${fixed}" (ngày dưới 10 và tháng 1, 2 có số 0 ở trước; các tháng khác không)`,
        `Issue date not in the ND30 form: "${shown}" → "${fixed}" (days below 10 and months 1–2 take a leading zero; other months do not)`,
      ),
      fixes: [{ title: t(`Sửa thành "${fixed}"`, `Change to "${fixed}"`), edits, preferred: true }],
    });
  },
};
