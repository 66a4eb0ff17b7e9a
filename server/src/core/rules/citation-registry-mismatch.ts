// KH407: when the directive registry (data/directives.json, the configuration's "directives")
// knows a symbol, the date and issuer the plan gives must agree with it.

import type { Rule } from '../rule';
import { t } from '../i18n';
import { parseIsoDate } from '../isoDate';
import { comparableDates, expectedIssuerCode, foldText, formatYmd, sameYmd, shownSymbol, ymdOf } from './citation-common';
import { formatSymbol } from '../parse/citation-symbol';

export const citationRegistryMismatch: Rule = {
  id: 'KH407',
  alias: 'citation-registry-mismatch',
  category: 'citation',
  defaultSeverity: 'warning',
  fixable: true,
  description: t(
    'Ngày hoặc cơ quan ban hành khác với danh mục văn bản đã biết',
    'Date or issuer differs from the known directive registry',
  ),
  rationale: t(
    'Danh mục văn bản (data/directives.json và "directives" trong cấu hình) ghi ngày và cơ quan ban hành của các văn bản thường được viện dẫn. ' +
      'Trích dẫn khác danh mục thường là gõ nhầm.',
    'The directive registry (data/directives.json and "directives" in the configuration) records the date and issuer of commonly cited documents. ' +
      'A citation that disagrees is usually a typo.',
  ),
  check(ctx) {
    const reg = ctx.registry.directives;
    for (const c of ctx.doc.citations) {
      const n = c.number;
      if (n.number === '' || n.type === 'CV') continue;
      // Provincial symbols (55-CTr/TU, 134/KH-UBND) repeat from province to province: a registry
      // entry for one province says nothing about another's document with the same number.
      if (/^(?:TU|HU|ĐU|QU|UBND|HĐND)$/iu.test(n.issuer)) continue;
      // Look up by the canonical spelling; the registry accepts either separator.
      const canonical = formatSymbol(n, n.form === 'malformed' ? 'state' : n.form);
      const rec = reg.lookup(canonical) ?? reg.lookup(n.raw.replace(/\s+/g, ''));
      if (!rec) continue;
      const want = parseIsoDate(rec.date);
      const got = ymdOf(c);
      if (want && got && c.date && !sameYmd(want, got) && comparableDates(n, want, got)) {
        const fixText = c.date.form === 'full'
          ? `ngày ${String(want.day).padStart(2, '0')} tháng ${want.month <= 2 ? String(want.month).padStart(2, '0') : want.month} năm ${want.year}`
          : `${want.day}/${want.month}/${want.year}`;
        ctx.report({
          span: c.date,
          message: t(
            `${shownSymbol(n)} ban hành ngày ${formatYmd(want)} (theo danh mục văn bản), không phải ${formatYmd(got)}`,
            `${shownSymbol(n)} was issued on ${formatYmd(want)} (per the directive registry), not ${formatYmd(got)}`,
          ),
          fixes: [{ title: t(`Sửa thành "${fixText}"`, `Change to "${fixText}"`), edits: [{ start: c.date.start, end: c.date.end, text: fixText }], preferred: true }],
        });
      }
      if (rec.issuer && c.issuer) {
        const a = foldText(rec.issuer);
        const b = foldText(c.issuer.value);
        const ea = expectedIssuerCode(rec.issuer);
        const eb = expectedIssuerCode(c.issuer.value);
        // Same body in other words ("Ban Chấp hành Đảng bộ tỉnh" / "Tỉnh ủy") is not a mismatch.
        // Central Party bodies are distinct signers under one code (/TW): Bộ Chính trị, Ban Bí thư,
        // Ban Chấp hành Trung ương. Elsewhere the code is enough.
        const ca = centralBody(a), cb = centralBody(b);
        const same = a === b || a.includes(b) || b.includes(a) || (ca && cb ? ca === cb : !!(ea && eb && ea.code === eb.code));
        if (!same) {
          ctx.report({
            span: c.issuer,
            message: t(
              `${shownSymbol(n)} do ${rec.issuer} ban hành (theo danh mục văn bản), không phải "${c.issuer.value.replace(/\s+/g, ' ')}"`,
              `${shownSymbol(n)} was issued by ${rec.issuer} (per the directive registry), not "${c.issuer.value.replace(/\s+/g, ' ')}"`,
            ),
          });
        }
      }
    }
  },
};

function centralBody(folded: string): string | undefined {
  if (/^bộ chính trị/u.test(folded)) return 'bct';
  if (/^ban bí thư/u.test(folded)) return 'bbt';
  if (/^(?:ban chấp hành trung ương|bch trung ương|bch tw|trung ương đảng|hội nghị)/u.test(folded)) return 'bchtw';
  return undefined;
}
