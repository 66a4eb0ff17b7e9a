// KH501: a date that does not exist (31/02, 32/1, tháng 13, 29/02 outside leap years). A typo in a
// deadline or a citation date sends readers to a day that never comes.

import type { Rule } from '../rule';
import { t } from '../i18n';
import { daysInMonth } from '../parse/dates';

export const dateInvalid: Rule = {
  id: 'KH501',
  alias: 'date-invalid',
  category: 'date',
  defaultSeverity: 'error',
  fixable: false,
  description: t('Ngày tháng không tồn tại (31/02, 32/1, tháng 13…)', 'A date that does not exist (31/02, 32/1, month 13…)'),
  rationale: t(
    'Ngày sai làm thời hạn hoặc trích dẫn không xác định được. Kiểm tra lại ngày, tháng (tháng 2 có 28 ngày, 29 ngày vào năm nhuận; ' +
      'tháng 4, 6, 9, 11 có 30 ngày).',
    'A wrong date leaves a deadline or citation undefined. Check the day and month (February has 28 days, 29 in leap years; ' +
      'April, June, September and November have 30).',
  ),
  check(ctx) {
    for (const d of ctx.doc.dates) {
      if (d.valid) continue;
      const raw = d.raw.replace(/\s+/g, ' ');
      let why: { vi: string; en: string };
      if (d.month !== undefined && (d.month < 1 || d.month > 12)) {
        why = { vi: `không có tháng ${d.month}`, en: `there is no month ${d.month}` };
      } else if (d.month !== undefined && d.day !== undefined) {
        const n = daysInMonth(d.month, d.year);
        const when = d.year !== undefined ? `${d.month}/${d.year}` : `${d.month}`;
        why = { vi: `tháng ${when} chỉ có ${n} ngày`, en: `month ${when} has only ${n} days` };
      } else {
        why = { vi: 'không hợp lệ', en: 'not valid' };
      }
      ctx.report({
        span: d,
        message: t(`Ngày không tồn tại: "${raw}" (${why.vi})`, `No such date: "${raw}" (${why.en})`),
      });
    }
  },
};
