// KH1002: page margins (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục I.3: "Cách mép trên và mép
// dưới 20 - 25 mm, cách mép trái 30 - 35 mm, cách mép phải 15 - 20 mm"). Word's default margins
// (25.4 mm left and right) leave too little room for binding on the left.

import type { Rule } from '../rule';
import { t } from '../i18n';
import { mmOf, sectionSpan, TWIPS_PER_MM, viNumber } from './layout-common';

type Side = 'top' | 'bottom' | 'left' | 'right';
const RANGE: Record<Side, [number, number]> = { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] };
const NAME: Record<Side, { vi: string; en: string }> = {
  top: { vi: 'trên', en: 'top' },
  bottom: { vi: 'dưới', en: 'bottom' },
  left: { vi: 'trái', en: 'left' },
  right: { vi: 'phải', en: 'right' },
};
/** Word stores whole twips: 20 mm is 1133.9 twips, written 1134 (or 1133); half a millimetre of slack. */
const SLACK_MM = 0.5;

export const layoutMargins: Rule = {
  id: 'KH1002',
  alias: 'layout-margins',
  category: 'layout',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Lề trang ngoài khoảng quy định (Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục I.3)', 'Page margins outside the required range (Decree 30/2020/NĐ-CP, Appendix I, Section I.3)'),
  rationale: t(
    'Phụ lục I, Phần I, Mục I.3 Nghị định 30/2020/NĐ-CP: lề trên và lề dưới 20–25 mm, lề trái 30–35 mm, lề phải 15–20 mm. ' +
      'Trang in theo chiều rộng (bảng, biểu) không được kiểm tra lề. Chỉ kiểm tra tệp Word (.docx). Sửa trong Word: Bố cục › Lề › Lề tùy chỉnh.',
    'Decree 30/2020/NĐ-CP, Appendix I, Part I, Section I.3: top and bottom margins 20–25 mm, left 30–35 mm, right 15–20 mm. ' +
      'Landscape sections (tables) are not checked. Checked on Word (.docx) files only. Fix in Word: Layout › Margins › Custom Margins.',
  ),
  check(ctx) {
    const layout = ctx.layout;
    if (!layout) return;
    layout.sections.forEach((s, index) => {
      if (s.landscape) return;
      const wrong: { vi: string[]; en: string[] } = { vi: [], en: [] };
      const margin: Partial<Record<Side, number>> = {};
      for (const side of Object.keys(RANGE) as Side[]) {
        const twips = s.margin[side];
        if (twips === undefined) continue;
        const mm = mmOf(Math.abs(twips));
        const [lo, hi] = RANGE[side];
        if (mm >= lo - SLACK_MM && mm <= hi + SLACK_MM) continue;
        // The fix moves the margin to the nearest bound of its range: the least change that fits.
        margin[side] = Math.round((mm < lo ? lo : hi) * TWIPS_PER_MM);
        wrong.vi.push(`lề ${NAME[side].vi} ${viNumber(mm, 1)} mm (phải ${lo}–${hi} mm)`);
        wrong.en.push(`${NAME[side].en} ${Number(mm.toFixed(1))} mm (should be ${lo}–${hi} mm)`);
      }
      const span = wrong.vi.length ? sectionSpan(ctx, layout, s) : undefined;
      if (!span) return;
      const set = (Object.keys(margin) as Side[]).map((side) => ({ side, mm: mmOf(margin[side]!) }));
      ctx.report({
        span,
        message: t(
          `Lề trang không đúng Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục I.3: ${wrong.vi.join('; ')}. Sửa: Bố cục › Lề › Lề tùy chỉnh`,
          `Page margins differ from Decree 30/2020/NĐ-CP, Appendix I, Section I.3: ${wrong.en.join('; ')}. Fix: Layout › Margins › Custom Margins`,
        ),
        layoutFix: {
          title: t(
            `Bố cục › Lề › Lề tùy chỉnh: ${set.map((x) => `lề ${NAME[x.side].vi} ${viNumber(x.mm, 0)} mm`).join(', ')}`,
            `Layout › Margins › Custom Margins: ${set.map((x) => `${NAME[x.side].en} ${Math.round(x.mm)} mm`).join(', ')}`,
          ),
          sections: [{ section: index, set: { margin } }],
        },
      });
    });
  },
};
