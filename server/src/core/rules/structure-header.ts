// KH602: a plan carries a header with its số/ký hiệu (Nghị định 30/2020/NĐ-CP, Phụ lục I). A paste
// that starts at the type line (the 147/KH-UBND file begins " KẾ HOẠCH") has lost it: cited
// later as "Kế hoạch số …/KH-UBND", the plan cannot be found. Reported once, at the top.

import type { Line, PlanDocument } from '../model';
import type { Rule } from '../rule';
import { t } from '../i18n';
import { DOC_TYPE_CODES } from '../parse/header';

/** The line that should carry the number: "Số:", "Số", "SỐ" at its start (or in a header column). */
const SO_LINE = /(?:^|[|\t]|\s{3})\s*[*_]*\s*S[ốỐ]\s*:?(?=[\s.…_/-]|$)/u;
/** A symbol after a blank number: "Số         -CTr/TU", "Số: ……/KH-UBND", "Số:    /QĐ-UBND". */
const DRAFT_SYMBOL = /S[ốỐ]\s*:?[\s.…_]*(?:[-–]\s*[A-ZĐ][A-Za-zĐđ]{0,4}\s*\/\s*[A-ZĐ]|\/\s*[A-ZĐ][A-Za-zĐđ]{0,4}\s*[-–]\s*[A-ZĐ])/u;
const NUMBER_AFTER_SO = /\bs[ốỐ]\s*:\s*\d{1,6}\s*[/-]\s*(?:(?:19|20)\d\d\s*\/\s*)?[A-ZĐ]/iu;
/** A Party issuer in the header: the number is written "…-KH/TU". */
const PARTY_HEADER = /ĐẢNG|[TH]UYỆN ỦY|TỈNH [UỦ][YỶ]|THÀNH [UỦ][YỶ]|BAN CHẤP HÀNH|ĐẢNG [UỦ][YỶ]|CHI BỘ/u;

/**
 * The header's lines: those before the type line, or the first twelve; each cut to its first 300
 * characters (a header column is short, and the cut keeps the patterns here linear).
 */
function headerLines(doc: PlanDocument): Line[] {
  const end = doc.header.docType?.start ?? Infinity;
  return doc.lines.slice(0, 12).filter((l) => l.start < end).map((l) => (l.text.length > 300 ? { ...l, text: l.text.slice(0, 300) } : l));
}

/** "…/KH-…" for a State plan, "…-CTr/…" for a Party programme: the shape the number should take. */
function symbolHint(doc: PlanDocument): string {
  const code = (doc.header.docType && DOC_TYPE_CODES[doc.header.docType.value]?.[0]) ?? 'KH';
  const top = doc.text.slice(0, doc.header.docType?.start ?? Math.min(doc.text.length, 600));
  return PARTY_HEADER.test(doc.header.issuer?.value ?? top) ? `…-${code}/…` : `…/${code}-…`;
}

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
    const top = headerLines(doc);
    const so = top.find((l) => SO_LINE.test(l.text));
    // "Số         -CTr/TU", "Số: ……/KH-UBND": a draft awaiting registration has its symbol and a
    // blank for the number. Nothing is missing yet.
    if (so && DRAFT_SYMBOL.test(so.text)) return;
    // "Nghị quyết số: 101/2025/UBTVQH15" (the National Assembly's header): a number after "số".
    if (top.some((l) => NUMBER_AFTER_SO.test(l.text))) return;
    const isPlan = h.docType?.value === 'KẾ HOẠCH';
    // Where the number belongs: the "Số" line, else the type line, else the first line with text.
    const first = doc.lines.find((l) => l.contentStart < l.end);
    const lineSpan = (l: { contentStart: number; start: number; text: string }) => ({ start: l.contentStart, end: l.start + l.text.trimEnd().length });
    const span = so ? lineSpan(so) : h.docType ?? (first ? lineSpan(first) : { start: 0, end: 0 });
    const hint = symbolHint(doc);
    ctx.report({
      span,
      message: h.issuer || h.date
        ? t(`Phần đầu văn bản thiếu số, ký hiệu ("Số: ${hint}")`, `The header has no number and symbol ("Số: ${hint}")`)
        : t('Văn bản không có phần đầu (cơ quan ban hành, số, ký hiệu, ngày tháng)', 'The document has no header (issuer, number and symbol, date)'),
      // softer for texts that are not plans (press reprints of resolutions, extracts)
      severity: isPlan ? undefined : 'information',
    });
  },
};
