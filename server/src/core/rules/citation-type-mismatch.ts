// KH403: the type word must match the symbol's type: "Nghị quyết số 33/CT-TTg" names a resolution
// but cites a directive (CT = Chỉ thị). Công văn/Văn bản take any symbol. Laws, resolutions and
// ordinances of the National Assembly and its Standing Committee have no type part at all
// ("Nghị quyết số 197/2025/QH15", "Luật số 83/2025/QH15", "Nghị quyết số 101/2025/UBTVQH15"):
// nothing to compare.

import type { Rule } from '../rule';
import { t } from '../i18n';
import { TYPE_NAMES, allowedTypes, shownSymbol } from './citation-common';

/** Issuer codes of the National Assembly (QH15) and its Standing Committee (UBTVQH15). */
const NATIONAL_ASSEMBLY = /^(?:UBTV)?QH\d*$/iu;

export const citationTypeMismatch: Rule = {
  id: 'KH403',
  alias: 'citation-type-mismatch',
  category: 'citation',
  defaultSeverity: 'warning',
  fixable: false,
  description: t(
    'Tên loại văn bản không khớp với ký hiệu ("Nghị quyết số 33/CT-TTg")',
    'The type word does not match the symbol ("Nghị quyết số 33/CT-TTg")',
  ),
  rationale: t(
    'Chữ viết tắt trong ký hiệu là tên loại văn bản (NĐ 30/2020/NĐ-CP, Phụ lục III): NQ nghị quyết, QĐ quyết định, CT chỉ thị, KH kế hoạch, ' +
      'CTr chương trình, KL kết luận, HD hướng dẫn… Tên loại và ký hiệu lệch nhau thì trích dẫn đã sai.',
    'The abbreviation in a symbol is the document type (Decree 30/2020, Appendix III): NQ resolution, QĐ decision, CT directive, KH plan, ' +
      'CTr programme, KL conclusion, HD guidance… If the type word and the symbol disagree the citation is wrong.',
  ),
  check(ctx) {
    for (const c of ctx.doc.citations) {
      if (!c.typeWord) continue;
      const allowed = allowedTypes(c.typeWord.value.replace(/\s+/g, ' '));
      const type = c.number.type;
      if (!allowed || type === 'CV' || allowed.includes(type)) continue;
      if (type === '' && NATIONAL_ASSEMBLY.test(c.number.issuer)) continue;
      const word = c.typeWord.value.replace(/\s+/g, ' ');
      const name = TYPE_NAMES[type];
      const shown = shownSymbol(c.number);
      ctx.report({
        span: { start: c.typeWord.start, end: c.number.end },
        message: name
          ? t(`"${word}" nhưng ký hiệu "${shown}" là ${name.toLocaleLowerCase('vi')} (${type})`, `"${word}" but the symbol "${shown}" is a ${type} (${name})`)
          : t(`"${word}" nhưng ký hiệu "${shown}" có loại "${type || '(không có)'}"`, `"${word}" but the symbol "${shown}" has type "${type || '(none)'}"`),
      });
    }
  },
};
