// KH1006: the Nơi nhận block (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.9.d, ô 9b): the
// words "Nơi nhận" 12 pt bold italic; the list of recipients 11 pt upright. The block is the last
// "Nơi nhận:" paragraph and the list under it (the rest of its table cell, or the "-" lines).

import type { Rule } from '../rule';
import { t } from '../i18n';
import { deviations, inkRuns, joinTexts, paragraphSpan, recipientsBlock, runFix, runSetFor, type TextSpec } from './layout-common';

const LABEL: TextSpec = { size: [12, 12], bold: true, italic: true };
const LIST: TextSpec = { size: [11, 11], italic: false };

export const layoutRecipients: Rule = {
  id: 'KH1006',
  alias: 'layout-recipients',
  category: 'layout',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('"Nơi nhận" chưa đúng thể thức: chữ cỡ 12 đậm nghiêng, danh sách cỡ 11 đứng (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9.d)', '"Nơi nhận" off the standard: 12 pt bold italic, the list 11 pt upright (Decree 30/2020/NĐ-CP, Appendix I, II.9.d)'),
  rationale: t(
    'Phụ lục I, Phần I, mục II.9.d Nghị định 30/2020/NĐ-CP (ô 9b): từ "Nơi nhận" chữ in thường, cỡ 12, nghiêng, đậm; phần liệt kê các cơ quan, tổ chức, cá nhân ' +
      'chữ in thường, cỡ 11, đứng. Chỉ kiểm tra tệp Word (.docx). Sửa: đặt cỡ chữ và kiểu chữ như trên.',
    'Decree 30/2020/NĐ-CP, Appendix I, Part I, II.9.d (box 9b): the word "Nơi nhận" 12 pt italic bold; the list of recipients 11 pt upright. ' +
      'Checked on Word (.docx) files only. Fix: set size and style as above.',
  ),
  check(ctx) {
    const layout = ctx.layout;
    if (!layout) return;
    const block = recipientsBlock(layout);
    if (!block) return;
    const labelRuns = inkRuns(block.label, 0, block.labelEnd);
    const label = deviations(labelRuns, LABEL);
    const labelSet = runSetFor(labelRuns, LABEL);
    if (label.length) {
      const span = paragraphSpan(ctx, layout, block.label.ordinal);
      const what = joinTexts(label);
      if (span) {
        ctx.report({
          span,
          message: t(`"Nơi nhận": ${what.vi} — Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9.d`, `"Nơi nhận": ${what.en} — Decree 30/2020/NĐ-CP, Appendix I, II.9.d`),
          ...(labelSet ? { layoutFix: runFix(block.label, 0, block.labelEnd, labelSet) } : {}),
        });
      }
    }
    // The list: one finding on the first item that deviates, naming what (items are one block);
    // its fix sets every item that deviates.
    const fixes = block.list.map((item) => {
      const set = runSetFor(inkRuns(item.p, item.from), LIST);
      return set ? runFix(item.p, item.from, item.p.text.length, set) : undefined;
    });
    for (const item of block.list) {
      const found = deviations(inkRuns(item.p, item.from), LIST);
      if (!found.length) continue;
      const span = paragraphSpan(ctx, layout, item.p.ordinal);
      if (!span) continue;
      const what = joinTexts(found);
      const first = fixes.find((f) => f);
      ctx.report({
        span,
        message: t(`Danh sách nơi nhận: ${what.vi} — Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9.d`, `List of recipients: ${what.en} — Decree 30/2020/NĐ-CP, Appendix I, II.9.d`),
        ...(first ? { layoutFix: { title: first.title, runs: fixes.flatMap((f) => f?.runs ?? []) } } : {}),
      });
      break;
    }
  },
};
