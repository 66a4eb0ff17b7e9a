// KH402: the issuer named after "của" must be the one the symbol's suffix names. Ban Bí thư, Bộ
// Chính trị and Ban Chấp hành Trung ương sign /TW; Tỉnh ủy, its Ban Thường vụ and Ban Chấp hành
// Đảng bộ tỉnh sign /TU; Chính phủ -CP; Thủ tướng -TTg; UBND -UBND; HĐND -HĐND. A real slip:
// "Kết luận số 114-KL/TU … của Ban Bí thư". Which side is wrong is the drafter's call: no fix.

import type { Rule } from '../rule';
import { t } from '../i18n';
import { expectedIssuerCode, shownSymbol } from './citation-common';

export const citationIssuerMismatch: Rule = {
  id: 'KH402',
  alias: 'citation-issuer-mismatch',
  category: 'citation',
  defaultSeverity: 'warning',
  fixable: false,
  description: t(
    'Cơ quan ban hành không khớp với ký hiệu văn bản ("114-KL/TU … của Ban Bí thư")',
    'The named issuer does not match the symbol ("114-KL/TU … của Ban Bí thư")',
  ),
  rationale: t(
    'Phần cuối ký hiệu là cơ quan ban hành: /TW cho Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư; /TU cho Tỉnh ủy, Ban Thường vụ Tỉnh ủy, ' +
      'Ban Chấp hành Đảng bộ tỉnh; -CP cho Chính phủ; -TTg cho Thủ tướng Chính phủ; -UBND, -HĐND cho Ủy ban, Hội đồng nhân dân. ' +
      'Tên cơ quan và ký hiệu lệch nhau thì một trong hai đã sai — đối chiếu với văn bản gốc.',
    'The symbol\'s suffix is the issuer: /TW for the Central Committee, Politburo and Secretariat; /TU for the provincial Party committee ' +
      'and its standing board; -CP for the Government; -TTg for the Prime Minister; -UBND, -HĐND for People\'s Committees and Councils. ' +
      'If name and symbol disagree one of them is wrong — check the original.',
  ),
  check(ctx) {
    for (const c of ctx.doc.citations) {
      if (!c.issuer || c.number.number === '') continue;
      const exp = expectedIssuerCode(c.issuer.value);
      if (!exp || exp.test(c.number.issuer)) continue;
      const issuer = c.issuer.value.replace(/\s+/g, ' ');
      const shown = shownSymbol(c.number);
      ctx.report({
        span: c.number,
        message: t(
          `Ký hiệu "${shown}" (cơ quan ${c.number.issuer}) không khớp với cơ quan ban hành "${issuer}" (ký hiệu ${exp.code})`,
          `Symbol "${shown}" (issuer ${c.number.issuer}) does not match the named issuer "${issuer}" (code ${exp.code})`,
        ),
        related: [{ message: t(`Cơ quan ban hành: "${issuer}"`, `Named issuer: "${issuer}"`), span: c.issuer }],
      });
    }
  },
};
