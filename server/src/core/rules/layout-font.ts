// KH1003: the font is Times New Roman (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục I.4:
// "Phông chữ tiếng Việt Times New Roman, bộ mã ký tự Unicode theo TCVN 6909:2001, màu đen").
// A font is resolved per run through styles.xml (direct, character style, paragraph style chain,
// docDefaults, theme fonts); a run whose font Word's data does not name is not judged. One
// finding per other font, on the first paragraph that uses it, the others as related places:
// a document typed wholly in Arial gets one finding, not hundreds.

import type { Rule } from '../rule';
import { t } from '../i18n';
import { inkRuns, paragraphSpan, relatedParagraphs } from './layout-common';

const TNR = /^times new roman$/i;
/** Legacy TCVN3/VNI fonts are KH704's business (encoding): the text itself is then wrong. */
const LEGACY = /^(\.?vn|vni[-\s])/i;

export const layoutFont: Rule = {
  id: 'KH1003',
  alias: 'layout-font',
  category: 'layout',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Phông chữ không phải Times New Roman (Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục I.4)', 'The font is not Times New Roman (Decree 30/2020/NĐ-CP, Appendix I, Section I.4)'),
  rationale: t(
    'Phụ lục I, Phần I, Mục I.4 Nghị định 30/2020/NĐ-CP: phông chữ tiếng Việt Times New Roman, bộ mã Unicode (TCVN 6909:2001), màu đen. ' +
      'Phông được xác định như Word hiển thị (định dạng trực tiếp, kiểu, mặc định của tài liệu). Chỉ kiểm tra tệp Word (.docx). ' +
      'Sửa: chọn toàn bộ văn bản (Ctrl+A) và đặt phông Times New Roman, hoặc sửa kiểu Normal.',
    'Decree 30/2020/NĐ-CP, Appendix I, Part I, Section I.4: Vietnamese text in Times New Roman, Unicode (TCVN 6909:2001), black. ' +
      'The font is resolved as Word shows it (direct formatting, styles, document defaults). Checked on Word (.docx) files only. ' +
      'Fix: select all (Ctrl+A) and set Times New Roman, or change the Normal style.',
  ),
  check(ctx) {
    const layout = ctx.layout;
    if (!layout) return;
    const byFont = new Map<string, number[]>();
    for (const p of layout.paragraphs) {
      const fonts = new Set(inkRuns(p).map((r) => r.font).filter((f): f is string => !!f && !TNR.test(f.trim()) && !LEGACY.test(f.trim())));
      for (const f of fonts) {
        const list = byFont.get(f) ?? [];
        list.push(p.ordinal);
        byFont.set(f, list);
      }
    }
    for (const [font, ordinals] of byFont) {
      const span = paragraphSpan(ctx, layout, ordinals[0]);
      if (!span) continue;
      const more = ordinals.length - 1;
      ctx.report({
        span,
        message: t(
          `Phông chữ "${font}"${more ? ` (đoạn này và ${more} đoạn khác)` : ''}: văn bản hành chính dùng Times New Roman (Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục I.4). Sửa: đặt phông Times New Roman`,
          `Font "${font}"${more ? ` (this paragraph and ${more} more)` : ''}: administrative documents use Times New Roman (Decree 30/2020/NĐ-CP, Appendix I, Section I.4). Fix: set the font to Times New Roman`,
        ),
        related: relatedParagraphs(ctx, layout, ordinals.slice(1), t(`cũng dùng phông "${font}"`, `also in "${font}"`)),
        layoutFix: {
          title: t(`Đặt phông Times New Roman cho chữ đang dùng "${font}"`, `Set Times New Roman where "${font}" is used`),
          runs: ordinals.flatMap((o) =>
            inkRuns(layout.paragraphs[o]).filter((r) => r.font === font).map((r) => ({ paragraph: o, from: r.offset, to: r.offset + r.text.length, set: { font: 'Times New Roman' } })),
          ),
        },
      });
    }
  },
};
