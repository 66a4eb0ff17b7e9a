// KH602: a plan carries a header with its số/ký hiệu (Nghị định 30/2020/NĐ-CP, Phụ lục I). A paste
// that starts at the type line (the 147/KH-UBND file begins " KẾ HOẠCH") has lost it: cited
// later as "Kế hoạch số …/KH-UBND", the plan cannot be found. Reported once, at the top.

import type { Rule } from '../rule';
import { t } from '../i18n';

export const structureHeader: Rule = {
  id: 'KH602',
  alias: 'structure-header',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Văn bản không có số, ký hiệu ở phần đầu', 'The document has no number and symbol (số, ký hiệu) in its header'),
  rationale: t(
    'Phần đầu văn bản gồm tên cơ quan ban hành, số và ký hiệu (ví dụ "Số: 134/KH-UBND"), địa danh và ngày tháng. ' +
      'Thiếu số, ký hiệu thì văn bản không thể được viện dẫn hay tra cứu. Sửa: bổ sung phần đầu, hoặc dán lại đủ văn bản.',
    'A header names the issuer, the number and symbol (e.g. "Số: 134/KH-UBND"), the place and the date. ' +
      'Without a number and symbol the document cannot be cited or looked up. Fix: add the header, or paste the whole document.',
  ),
  check(ctx) {
    const doc = ctx.doc;
    const h = doc.header;
    if (h.number) return;
    if (doc.text.trim().length === 0) return;
    const isPlan = h.docType?.value === 'KẾ HOẠCH';
    // where to point: the type line, or the first line with text
    const first = doc.lines.find((l) => l.contentStart < l.end);
    const span = h.docType ?? (first ? { start: first.contentStart, end: first.start + first.text.trimEnd().length } : { start: 0, end: 0 });
    ctx.report({
      span,
      message: h.issuer || h.date
        ? t('Phần đầu văn bản thiếu số, ký hiệu ("Số: …/KH-…")', 'The header has no number and symbol ("Số: …/KH-…")')
        : t('Văn bản không có phần đầu (cơ quan ban hành, số, ký hiệu, ngày tháng)', 'The document has no header (issuer, number and symbol, date)'),
      // softer for texts that are not plans (press reprints of resolutions, extracts)
      severity: isPlan ? undefined : 'information',
    });
  },
};
