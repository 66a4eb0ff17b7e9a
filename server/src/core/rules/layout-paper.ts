// KH1001: the page is A4 (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục I.1: "Khổ A4 (210 mm x
// 297 mm)"; Mục I.2: portrait, landscape allowed where tables need it). A Word file made on a
// default US template is Letter (216 × 279 mm) and prints cut or shrunk.

import type { Rule } from '../rule';
import { t } from '../i18n';
import { mmOf, sectionSpan, viNumber } from './layout-common';

/** A4 in twips is 11906 × 16838; Word rounds sizes, so allow a millimetre. */
const A4 = { short: 210, long: 297 };
const near = (twips: number, mm: number) => Math.abs(mmOf(twips) - mm) <= 1;

export const layoutPaper: Rule = {
  id: 'KH1001',
  alias: 'layout-paper',
  category: 'layout',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Khổ giấy không phải A4 (Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục I.1)', 'The paper size is not A4 (Decree 30/2020/NĐ-CP, Appendix I, Section I.1)'),
  rationale: t(
    'Phụ lục I, Phần I, Mục I.1 Nghị định 30/2020/NĐ-CP: văn bản hành chính trình bày trên khổ A4 (210 mm x 297 mm); Mục I.2: theo chiều dài, ' +
      'chiều rộng chỉ khi có bảng, biểu. Chỉ kiểm tra tệp Word (.docx). Sửa trong Word: Bố cục › Kích thước › A4.',
    'Decree 30/2020/NĐ-CP, Appendix I, Part I, Section I.1: administrative documents are on A4 paper (210 × 297 mm); Section I.2: portrait, ' +
      'landscape only for tables. Checked on Word (.docx) files only. Fix in Word: Layout › Size › A4.',
  ),
  check(ctx) {
    const layout = ctx.layout;
    if (!layout) return;
    layout.sections.forEach((s, index) => {
      if (s.width === undefined || s.height === undefined) return;
      const short = Math.min(s.width, s.height);
      const long = Math.max(s.width, s.height);
      if (near(short, A4.short) && near(long, A4.long)) return;
      const span = sectionSpan(ctx, layout, s);
      if (!span) return;
      // A4 in the section's own orientation (11906 × 16838 twips).
      const size = s.landscape ? { width: 16838, height: 11906 } : { width: 11906, height: 16838 };
      const w = viNumber(mmOf(s.width), 0);
      const h = viNumber(mmOf(s.height), 0);
      ctx.report({
        span,
        message: t(
          `Khổ giấy ${w} × ${h} mm, không phải A4 (210 × 297 mm) theo Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục I.1. Sửa: Bố cục › Kích thước › A4`,
          `The paper is ${w} × ${h} mm, not A4 (210 × 297 mm) as Decree 30/2020/NĐ-CP, Appendix I, Section I.1 requires. Fix: Layout › Size › A4`,
        ),
        layoutFix: { title: t('Bố cục › Kích thước › A4 (210 × 297 mm)', 'Layout › Size › A4 (210 × 297 mm)'), sections: [{ section: index, set: size }] },
      });
    });
  },
};
