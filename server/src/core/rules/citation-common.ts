// Shared reading of citations for the KH4xx rules: which document a citation denotes, which
// citations refer to the plan itself ("Kèm theo Kế hoạch số …"), which are nested in another
// citation's subject, and which issuer code an issuer's name calls for.

import type { Citation, DocumentNumber, PlanDocument, Ymd } from '../model';
import { clauseStart } from '../parse/citations';
import { symbolKey } from '../parse/citation-symbol';
import { formatYmd } from '../parse/dates';

export { symbolKey };

/** Lower case, one tone placement ("uỷ" = "ủy"), one space: for matching issuer names. */
export function foldText(s: string): string {
  return s
    .toLocaleLowerCase('vi')
    .replace(/uỷ/g, 'ủy').replace(/oà/g, 'òa').replace(/oá/g, 'óa').replace(/oạ/g, 'ọa')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The issuer code a named issuer signs with (DOMAIN.md §5), or undefined when we cannot tell. */
export function expectedIssuerCode(issuer: string): { code: string; test: (c: string) => boolean } | undefined {
  const f = foldText(issuer);
  const is = (code: string) => ({ code, test: (c: string) => c.toUpperCase() === code.toUpperCase() });
  if (/^(?:đảng ủy|đảng đoàn|ban cán sự)/u.test(f)) return undefined;
  if (/^(?:ban bí thư|bộ chính trị|ban chấp hành trung ương|bch trung ương|bch tw|trung ương đảng|hội nghị (?:lần thứ \S+ )?ban chấp hành trung ương)/u.test(f)) return is('TW');
  if (/^(?:ban thường vụ tỉnh ủy|btv tỉnh ủy|tỉnh ủy|thường trực tỉnh ủy|ban chấp hành đảng bộ tỉnh|bch đảng bộ tỉnh)/u.test(f)) return is('TU');
  if (/^chính phủ(?![\p{L}])/u.test(f)) return is('CP');
  if (/^thủ tướng/u.test(f)) return is('TTg');
  if (/^(?:ủy ban nhân dân|ubnd)(?![\p{L}])/u.test(f)) return is('UBND');
  if (/^(?:hội đồng nhân dân|hđnd)(?![\p{L}])/u.test(f)) return is('HĐND');
  if (/^ủy ban thường vụ quốc hội/u.test(f)) return { code: 'UBTVQH', test: (c) => /^UBTVQH\d*$/i.test(c) };
  if (/^quốc hội/u.test(f)) return { code: 'QH', test: (c) => /^QH\d*$/i.test(c) };
  return undefined;
}

/** The full name of a type code, for messages. */
export const TYPE_NAMES: Record<string, string> = {
  NQ: 'Nghị quyết', 'QĐ': 'Quyết định', CT: 'Chỉ thị', KH: 'Kế hoạch', CTr: 'Chương trình', KL: 'Kết luận',
  HD: 'Hướng dẫn', 'ĐA': 'Đề án', TB: 'Thông báo', BC: 'Báo cáo', 'QyĐ': 'Quy định', 'QĐi': 'Quy định',
  'NĐ': 'Nghị định', TT: 'Thông tư', TTLT: 'Thông tư liên tịch', TTr: 'Tờ trình', QC: 'Quy chế', CV: 'Công văn',
};

/** Type codes a type word allows; undefined means any (Công văn, Văn bản). */
export function allowedTypes(typeWord: string): string[] | undefined {
  const f = foldText(typeWord);
  switch (f) {
    case 'nghị quyết': return ['NQ', 'NQLT'];
    case 'chỉ thị': return ['CT'];
    case 'quyết định': return ['QĐ'];
    case 'kế hoạch': return ['KH'];
    case 'chương trình hành động':
    case 'chương trình': return ['CTr', 'NQ', 'QĐ', 'KH'];
    case 'kết luận': return ['KL'];
    case 'nghị định': return ['NĐ'];
    case 'thông tư': return ['TT', 'TTLT'];
    case 'thông tư liên tịch': return ['TTLT'];
    case 'hướng dẫn': return ['HD'];
    case 'đề án': return ['ĐA'];
    case 'quy định': return ['QĐi', 'QyĐ', 'QĐ'];
    case 'thông báo': return ['TB'];
    case 'tờ trình': return ['TTr'];
    case 'báo cáo': return ['BC'];
    case 'quy chế': return ['QC', 'QĐ'];
    case 'luật': return [''];
    default: return undefined;
  }
}

/** "(Kèm theo Kế hoạch số 147/KH-UBND …)" or the header's own number: the plan naming itself. */
export function isSelfReference(c: Citation, doc: PlanDocument): boolean {
  const own = doc.header.number;
  if (own && own.number !== '' && symbolKey(own) === symbolKey(c.number)) return true;
  // Look back 60 characters only: an unbounded lastIndexOf per citation is quadratic on a text
  // without "(".
  const from = Math.max(0, c.start - 60);
  const at = doc.text.slice(from, c.start + 1).lastIndexOf('(');
  const open = at < 0 ? -1 : from + at;
  if (open >= 0 && c.start - open < 60) {
    const between = doc.text.slice(open, c.start);
    if (!between.includes(')') && /kèm theo/iu.test(between)) return true;
  }
  return false;
}

/**
 * A citation inside another one's subject ("… Kết luận số 65-KL/TW … về tiếp tục thực hiện Nghị
 * quyết số 24-NQ/TW …") or inside a short-name parenthesis: a quoted title, not a citation the
 * plan makes itself, so ND30's "first citation in full" does not apply to it.
 */
export function nestedCitations(doc: PlanDocument): Set<Citation> {
  const nested = new Set<Citation>();
  const cits = doc.citations;
  for (let i = 1; i < cits.length; i++) {
    const c = cits[i];
    const from = clauseStart(doc.text, c.start);
    const prev = cits[i - 1];
    if (prev.start < from || prev.end > c.start) continue;
    // Siblings in a list ("Nghị quyết số 43-NQ/TW, Nghị quyết số 94/NQ-CP và …") stand on their own.
    const between = doc.text.slice(prev.end, c.start).replace(/(?<![\p{L}])và(?![\p{L}])/gu, '');
    if (/\p{L}/u.test(between)) nested.add(c);
  }
  return nested;
}

export function ymdOf(c: Citation): Ymd | undefined {
  const d = c.date;
  if (!d || !d.valid || d.year === undefined || d.month === undefined || d.day === undefined) return undefined;
  return { year: d.year, month: d.month, day: d.day };
}

export function sameYmd(a: Ymd, b: Ymd): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** "94/NQ-CP" in messages: the symbol as written, with spacing tidied. */
export function shownSymbol(n: DocumentNumber): string {
  return n.raw.replace(/\s+/g, '');
}

export { formatYmd };

/**
 * Whether two dates can belong to one document with this symbol. Numbers restart: State symbols
 * without a year (94/NQ-CP, 123/QĐ-UBND) every year, Party symbols (11-NQ/TW) every term. So a
 * different date in another year is most likely another document: only compare within the same
 * year for State symbols, and within a year for Party ones (a typo in the year still shows).
 */
export function comparableDates(n: DocumentNumber, a: Ymd, b: Ymd): boolean {
  if (n.year !== undefined) return true;
  if (n.form === 'state') return a.year === b.year;
  return Math.abs(a.year - b.year) <= 1;
}
