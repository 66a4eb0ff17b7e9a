// KH603: the ký hiệu names the document's type (Nghị định 30/2020/NĐ-CP, Phụ lục III): a KẾ HOẠCH
// is numbered "…/KH-UBND" or "…-KH/TU", a NGHỊ QUYẾT "…/NQ-…". A plan numbered "/QĐ-UBND" was
// registered under the wrong book, or the type line is wrong.

import type { Rule } from '../rule';
import { t } from '../i18n';
import { DOC_TYPE_CODES } from '../parse/header';

export const structureDocType: Rule = {
  id: 'KH603',
  alias: 'structure-doc-type',
  category: 'structure',
  defaultSeverity: 'error',
  fixable: true,
  description: t('Ký hiệu văn bản không khớp với loại văn bản (KẾ HOẠCH mang ký hiệu /QĐ-…)', 'The symbol does not match the document type (a KẾ HOẠCH numbered /QĐ-…)'),
  rationale: t(
    'Ký hiệu văn bản gồm chữ viết tắt tên loại văn bản (KH: kế hoạch, NQ: nghị quyết, QĐ: quyết định, CTr: chương trình…) theo Phụ lục III Nghị định 30/2020/NĐ-CP. ' +
      'Ký hiệu khác loại văn bản làm sai sổ đăng ký và việc tra cứu. Sửa: dùng chữ viết tắt của đúng loại văn bản.',
    'The symbol carries the abbreviation of the document type (KH plan, NQ resolution, QĐ decision, CTr programme…), per Decree 30/2020/NĐ-CP Appendix III. ' +
      'A symbol of another type puts the document in the wrong register. Fix: use the abbreviation of the right type.',
  ),
  check(ctx) {
    const h = ctx.doc.header;
    if (!h.number || !h.docType || h.number.type === '') return;
    const codes = DOC_TYPE_CODES[h.docType.value];
    if (!codes) return;
    const type = h.number.type;
    if (codes.some((c) => c.toLowerCase() === type.toLowerCase())) return;
    const want = codes[0];
    const raw = h.number.raw;
    // replace only the type abbreviation inside the symbol
    const at = raw.search(new RegExp(`(?<=[/\\-–]\\s{0,2})${type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s{0,2}[-/–])`, 'u'));
    const fixes = at >= 0
      ? [{ title: t(`Đổi ký hiệu thành ${want}`, `Change the symbol to ${want}`), edits: [{ start: h.number.start + at, end: h.number.start + at + type.length, text: want }], preferred: false }]
      : [];
    ctx.report({
      span: h.number,
      message: t(
        `Văn bản là ${h.docType.value} nhưng ký hiệu "${raw.replace(/\s+/g, '')}" là của loại "${type}" (phải là ${codes.join(' hoặc ')})`,
        `The document is a ${h.docType.value} but its symbol "${raw.replace(/\s+/g, '')}" is of type "${type}" (should be ${codes.join(' or ')})`,
      ),
      related: [{ message: t('Tên loại văn bản', 'The document type line'), span: h.docType }],
      fixes,
    });
  },
};
