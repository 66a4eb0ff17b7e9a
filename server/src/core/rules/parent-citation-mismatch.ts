// KH905: the plan cites its parent with a number, symbol, date or issuer its header contradicts.
import type { Fix, Rule, RuleMeta } from '../rule';
import { t } from '../i18n';
import { compareYmd, formatYmd } from '../parent/deadline';
import { parentName } from '../parent/context';

export const meta: RuleMeta = {
  id: 'KH905',
  alias: 'parent-citation-mismatch',
  category: 'parent',
  defaultSeverity: 'error',
  fixable: true,
  description: t('Trích dẫn văn bản cấp trên sai số, ký hiệu, ngày hoặc cơ quan ban hành', 'The citation of the parent disagrees with its header (number, symbol, date or issuer)'),
  rationale: t(
    'Số, ký hiệu, ngày ban hành và cơ quan ban hành của văn bản được trích dẫn phải đúng như trên văn bản đó (Nghị định 30/2020/NĐ-CP).',
    'The number, symbol, date and issuer of a cited document must be exactly those on the document itself (Decree 30/2020/NĐ-CP).',
  ),
};

/** The issuer code a written issuer name stands for ("Ban Thường vụ Tỉnh ủy" → TU). */
export function issuerCodeOfName(name: string): string | undefined {
  const n = name.toLocaleLowerCase('vi');
  if (/bộ chính trị|ban bí thư|ban chấp hành trung ương|trung ương đảng/.test(n)) return 'TW';
  if (/tỉnh (ủy|uỷ)|thành (ủy|uỷ)|ban thường vụ|ban chấp hành đảng bộ/.test(n)) return 'TU';
  if (/thủ tướng/.test(n)) return 'TTG';
  if (/chính phủ/.test(n)) return 'CP';
  if (/hội đồng nhân dân|hđnd/.test(n)) return 'HĐND';
  if (/(ủy|uỷ) ban nhân dân|ubnd/.test(n)) return 'UBND';
  if (/quốc hội/.test(n)) return 'QH';
  return undefined;
}

/** The parent's date written the way the citation wrote its own: "27/12/2025" or "ngày 27 tháng 12 năm 2025". */
function rewriteDate(written: string, d: { year: number; month: number; day: number }): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (/^(?:ngày\s+)?\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}$/u.test(written)) {
    const prefix = /^ngày\s+/u.exec(written)?.[0] ?? '';
    return `${prefix}${pad(d.day)}/${pad(d.month)}/${d.year}`;
  }
  if (/^(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}$/u.test(written)) {
    // ND30 form: leading zero for days below 10 and for months 1 and 2.
    const prefix = /^ngày\s+/u.test(written) ? 'ngày ' : '';
    return `${prefix}${pad(d.day)} tháng ${d.month <= 2 ? pad(d.month) : d.month} năm ${d.year}`;
  }
  return undefined;
}

export const parentCitationMismatch: Rule = {
  ...meta,
  check(ctx) {
    // Only when the check was given parents (CheckOptions.parents).
    const pc = ctx.parents;
    if (!pc) return;
    for (const link of pc.links(ctx.doc)) {
      const c = link.citation;
      const k = link.key;
      if (!c || !k) continue;
      const name = parentName(link);
      for (const m of link.miscited) {
        const fix: Fix = { title: t(`Sửa thành ${k.symbol}`, `Change to ${k.symbol}`), edits: [{ start: m.number.start, end: m.number.end, text: k.symbol }], preferred: true };
        ctx.report({
          span: { start: m.number.start, end: m.number.end },
          message: t(
            `Số hiệu “${m.number.raw}” khác với văn bản cấp trên cùng ngày, cùng cơ quan ban hành: ${k.symbol}`,
            `Number “${m.number.raw}” differs from the parent of the same date and issuer: ${k.symbol}`,
          ),
          fixes: [fix],
          related: [pc.related(link.parent, k.span, t('số, ký hiệu trên văn bản gốc', 'number and symbol on the document'))],
        });
      }
      if (link.numberMismatch) continue;
      // Symbol form: the key matched, so only the separators or case differ ("94-NQ/CP").
      if (c.number.raw.replace(/\s+/g, '') !== k.symbol) {
        const fix: Fix = { title: t(`Sửa thành ${k.symbol}`, `Change to ${k.symbol}`), edits: [{ start: c.number.start, end: c.number.end, text: k.symbol }], preferred: true };
        ctx.report({
          span: { start: c.number.start, end: c.number.end },
          message: t(`Số, ký hiệu “${c.number.raw}” khác với văn bản gốc: ${k.symbol}`, `Number and symbol “${c.number.raw}” differ from the document itself: ${k.symbol}`),
          fixes: [fix],
          related: [pc.related(link.parent, k.span, t('số, ký hiệu trên văn bản gốc', 'number and symbol on the document'))],
        });
      }
      if (c.date && k.date && c.dateSpan && compareYmd(c.date, k.date) !== 0) {
        const written = ctx.doc.text.slice(c.dateSpan.start, c.dateSpan.end);
        const replacement = rewriteDate(written, k.date);
        ctx.report({
          span: c.dateSpan,
          fixes: replacement
            ? [{ title: t(`Sửa thành ${replacement}`, `Change to ${replacement}`), edits: [{ ...c.dateSpan, text: replacement }], preferred: true }]
            : undefined,
          message: t(
            `${name} ban hành ngày ${formatYmd(k.date)}, không phải ${formatYmd(c.date)}`,
            `${name} is dated ${formatYmd(k.date)}, not ${formatYmd(c.date)}`,
          ),
          related: k.dateSpan ? [pc.related(link.parent, k.dateSpan, t('ngày ban hành trên văn bản gốc', 'date on the document'))] : [],
        });
      }
      if (c.issuer && c.issuerSpan) {
        const cited = issuerCodeOfName(c.issuer);
        const actual = k.issuer.toLocaleUpperCase('vi').replace(/\d+$/, '');
        if (cited && cited !== actual && !(cited === 'QH' && actual.startsWith('QH'))) {
          ctx.report({
            span: c.issuerSpan,
            message: t(
              `Cơ quan ban hành “${c.issuer}” không khớp với ký hiệu ${k.symbol} của văn bản gốc`,
              `Issuer “${c.issuer}” does not match ${k.symbol}, the document’s own symbol`,
            ),
            related: [pc.related(link.parent, k.span, t('số, ký hiệu trên văn bản gốc', 'number and symbol on the document'))],
          });
        }
      }
    }
  },
};
