// KH1004: sizes, weight and slant of the header block (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I,
// Mục II): quốc hiệu 12–13 bold upright (II.1.a), tiêu ngữ 13–14 bold upright (II.1.b), the
// issuing body 12–13 bold upright and its parent body 12–13 upright (II.2.b), "Số:" and the ký
// hiệu 13 upright (II.3.c), place and date 13–14 italic (II.4.c), the document type 13–14 bold
// upright and the trích yếu 13–14 bold upright (II.5.b). Only parts the document makes
// recognisable are judged (the quốc hiệu and tiêu ngữ by their words, the rest as the header
// parser reads them); only runs that draw letters or digits count.

import type { Rule } from '../rule';
import { t, type Text } from '../i18n';
import { deviations, headerParts, inkRuns, joinTexts, paragraphSpan, runFix, runSetFor, type HeaderPiece, type TextSpec } from './layout-common';

interface Part extends HeaderPiece {
  name: Text;
  clause: string;
  spec: TextSpec;
}

export const layoutHeaderFormat: Rule = {
  id: 'KH1004',
  alias: 'layout-header-format',
  category: 'layout',
  defaultSeverity: 'warning',
  fixable: false, // no text edit: the fix is formatting (layoutFix), applied in the reviewer's copy
  description: t(
    'Cỡ chữ, đậm, nghiêng của phần đầu văn bản (quốc hiệu, tiêu ngữ, cơ quan ban hành, số, địa danh và ngày, tên loại, trích yếu) không đúng Nghị định 30/2020/NĐ-CP',
    'Size, weight or slant of the header block (national name, motto, issuing body, number, place and date, type, subject) differs from Decree 30/2020/NĐ-CP',
  ),
  rationale: t(
    'Phụ lục I, Phần I, Mục II Nghị định 30/2020/NĐ-CP: quốc hiệu in hoa cỡ 12–13, đứng, đậm (II.1.a); tiêu ngữ cỡ 13–14, đứng, đậm (II.1.b); ' +
      'tên cơ quan ban hành in hoa cỡ 12–13, đứng, đậm, tên cơ quan chủ quản cỡ 12–13, đứng (II.2.b); "Số" và ký hiệu cỡ 13, đứng (II.3.c); ' +
      'địa danh và ngày tháng cỡ 13–14, nghiêng (II.4.c); tên loại văn bản in hoa cỡ 13–14, đứng, đậm, trích yếu cỡ 13–14, đứng, đậm (II.5.b). ' +
      'Chỉ kiểm tra tệp Word (.docx), và chỉ những thành phần nhận ra được. Sửa: chọn dòng và đặt cỡ chữ, đậm, nghiêng như trên.',
    'Decree 30/2020/NĐ-CP, Appendix I, Part I, Section II: national name in capitals 12–13 pt, upright, bold (II.1.a); motto 13–14 pt, upright, bold (II.1.b); ' +
      'issuing body in capitals 12–13 pt, upright, bold, its parent body 12–13 pt upright (II.2.b); "Số" and the symbol 13 pt upright (II.3.c); ' +
      'place and date 13–14 pt italic (II.4.c); document type in capitals 13–14 pt, upright, bold, subject 13–14 pt, upright, bold (II.5.b). ' +
      'Checked on Word (.docx) files only, and only on parts recognised. Fix: select the line and set size, bold and italic as above.',
  ),
  check(ctx) {
    const layout = ctx.layout;
    if (!layout) return;
    const h = headerParts(ctx, layout);
    const parts: Part[] = [];
    const add = (piece: HeaderPiece | undefined, name: Text, clause: string, spec: TextSpec) => {
      if (piece) parts.push({ ...piece, name, clause, spec });
    };
    add(h.nationalName, t('Quốc hiệu', 'National name'), 'II.1.a', { size: [12, 13], bold: true, italic: false });
    add(h.motto, t('Tiêu ngữ', 'Motto'), 'II.1.b', { size: [13, 14], bold: true, italic: false });
    h.issuer.forEach((piece, i) => {
      const main = i === h.issuer.length - 1;
      if (main) add(piece, t('Tên cơ quan ban hành', 'Issuing body'), 'II.2.b', { size: [12, 13], bold: true, italic: false });
      else add(piece, t('Tên cơ quan chủ quản', 'Parent body'), 'II.2.b', { size: [12, 13], italic: false });
    });
    add(h.number, t('Số, ký hiệu', 'Number and symbol'), 'II.3.c', { size: [13, 13], italic: false });
    add(h.placeDate, t('Địa danh và thời gian ban hành', 'Place and date'), 'II.4.c', { size: [13, 14], italic: true });
    add(h.docType, t('Tên loại văn bản', 'Document type'), 'II.5.b', { size: [13, 14], bold: true, italic: false });
    for (const piece of h.subject) add(piece, t('Trích yếu', 'Subject'), 'II.5.b', { size: [13, 14], bold: true, italic: false });

    const seen = new Set<string>();
    for (const part of parts) {
      const key = `${part.p.ordinal}:${part.from}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const runs = inkRuns(part.p, part.from, part.to);
      const found = deviations(runs, part.spec);
      if (found.length === 0) continue;
      const set = runSetFor(runs, part.spec);
      const span = paragraphSpan(ctx, layout, part.p.ordinal);
      if (!span) continue;
      const what = joinTexts(found);
      ctx.report({
        span,
        message: t(
          `${part.name.vi}: ${what.vi} — Nghị định 30/2020/NĐ-CP, Phụ lục I, mục ${part.clause}`,
          `${part.name.en}: ${what.en} — Decree 30/2020/NĐ-CP, Appendix I, ${part.clause}`,
        ),
        ...(set ? { layoutFix: runFix(part.p, part.from, part.to, set) } : {}),
      });
    }
  },
};
