// KH1007: page numbers (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục I.7): "Được đánh từ số 1,
// bằng chữ số Ả Rập, cỡ chữ 13 đến 14, kiểu chữ đứng, được đặt canh giữa theo chiều ngang trong
// phần lề trên của văn bản, không hiển thị số trang thứ nhất". Judged only
// where the document has page numbers (a PAGE field in a header or footer): a document without
// them may be a single page, which needs none.

import type { Rule } from '../rule';
import { t, type Text } from '../i18n';
import { sectionSpan, viNumber } from './layout-common';

export const layoutPageNumber: Rule = {
  id: 'KH1007',
  alias: 'layout-page-number',
  category: 'layout',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Số trang chưa đúng thể thức: chữ số Ả Rập cỡ 13–14 đứng, giữa lề trên, không hiện ở trang đầu (Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục I.7)', 'Page numbers off the standard: Arabic digits 13–14 pt upright, centred in the top margin, none on page 1 (Decree 30/2020/NĐ-CP, Appendix I, Section I.7)'),
  rationale: t(
    'Phụ lục I, Phần I, Mục I.7 Nghị định 30/2020/NĐ-CP: số trang đánh từ 1 bằng chữ số Ả Rập, cỡ 13–14, đứng, canh giữa trong lề trên, ' +
      'không hiển thị số trang thứ nhất. Chỉ kiểm tra tệp Word (.docx) có đánh số trang. ' +
      'Sửa: Chèn › Số trang › Đầu trang › Giữa; Đầu trang › Trang đầu khác (Different First Page).',
    'Decree 30/2020/NĐ-CP, Appendix I, Part I, Section I.7: pages numbered from 1 in Arabic digits, 13–14 pt upright, centred in the top margin, ' +
      'no number on the first page. Checked on Word (.docx) files that have page numbers. ' +
      'Fix: Insert › Page Number › Top of Page › Centred; Header › Different First Page.',
  ),
  check(ctx) {
    const layout = ctx.layout;
    if (!layout) return;
    const first = layout.sections[0];
    if (!first) return;
    const { header, footer } = first.pageNumberIn;
    const problems: Text[] = [];
    const inHeader = header.default ?? header.first;
    const inFooter = footer.default ?? footer.first;
    if (inFooter && !inHeader) problems.push(t('số trang đặt ở chân trang (phải ở lề trên)', 'page numbers are in the footer (should be in the top margin)'));
    // Page 1 shows the default header/footer unless titlePg gives it its own (which may be empty).
    const pageOne = first.titlePage ? header.first ?? footer.first : header.default ?? footer.default;
    if (pageOne) problems.push(t('trang đầu có hiện số trang (không hiển thị số trang thứ nhất)', 'page 1 shows its number (the first page has none)'));
    if (inHeader && !inHeader.tabbed && (inHeader.jc === 'left' || inHeader.jc === 'start' || inHeader.jc === 'right' || inHeader.jc === 'end')) {
      problems.push(t('số trang không canh giữa', 'the page number is not centred'));
    }
    // How the number looks (I.7: Arabic digits, 13–14 pt, upright), judged where it is shown.
    const shown = inHeader ?? inFooter;
    if (shown) {
      if (!/^decimal/.test(first.pageNumberFormat)) problems.push(t(`số trang không phải chữ số Ả Rập (${first.pageNumberFormat})`, `page numbers are not Arabic digits (${first.pageNumberFormat})`));
      if (shown.size !== undefined && (shown.size < 13 || shown.size > 14)) problems.push(t(`số trang cỡ ${viNumber(shown.size, 1)} (phải 13–14)`, `page numbers in ${shown.size} pt (should be 13–14)`));
      if (shown.italic) problems.push(t('số trang in nghiêng (phải chữ đứng)', 'page numbers in italics (should be upright)'));
    }
    if (problems.length === 0) return;
    ctx.report({
      span: sectionSpan(ctx, layout, first) ?? { start: 0, end: 0 },
      message: t(
        `Số trang: ${problems.map((p) => p.vi).join('; ')} — Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục I.7`,
        `Page numbers: ${problems.map((p) => p.en).join('; ')} — Decree 30/2020/NĐ-CP, Appendix I, Section I.7`,
      ),
      // Headers are separate parts with their own fields: advice, not applied in the reviewer's copy.
      layoutFix: {
        title: t(
          'Chèn › Số trang › Đầu trang › Giữa, định dạng 1, 2, 3, cỡ 13–14, chữ đứng; Đầu trang › Trang đầu khác',
          'Insert › Page Number › Top of Page › Centred, format 1, 2, 3, 13–14 pt upright; Header › Different First Page',
        ),
      },
    });
  },
};
