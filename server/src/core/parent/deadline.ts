// Deadlines in a parent's or plan's task text, read without relying on the parser's time
// expressions (a parent may be OCR'd: "frong Quý 1/2026", "(rong tháng 01/2026)"). Only dates in a
// deadline context count ("hoàn thành …", "trong tháng …", "trước ngày …", "Quý I/2021") — a date
// that merely names an event ("triển khai từ 01/01/2026") is not a deadline.

import type { Span, Ymd } from '../model';

export interface Deadline extends Span {
  raw: string;
  /** The latest day the deadline allows. */
  date: Ymd;
}

/** Periodic reporting deadline: monthly "trước ngày 20 hằng tháng", annual "trước ngày 15/12 hằng năm". */
export interface PeriodicDeadline extends Span {
  raw: string;
  period: 'monthly' | 'annual' | 'quarterly';
  day: number;
  /** For annual deadlines. */
  month?: number;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function valid(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

// The words that put a date in deadline context, OCR-tolerant ("frong", "(rong" for "trong").
const CONTEXT = String.raw`(?:hoàn\s+thành|chậm\s+nhất|trước|[tf(]?rong|xong|Thời\s+gian(?:\s+hoàn\s+thành)?[^:\n]{0,40}:|thời\s+hạn|hạn)`;

const DEADLINE_RE = new RegExp(
  CONTEXT +
    String.raw`[\s,(:]{0,4}(?:(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})` + // 1-3 d/m/y
    String.raw`|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})` + // 4-6 full
    String.raw`|tháng\s+(\d{1,2})\s*(?:[/-]|năm)\s*(\d{4})` + // 7-8 month
    String.raw`|quý\s+([IVivx]{1,3}|[1-4])\s*(?:[/-]|năm)\s*(\d{4})` + // 9-10 quarter
    String.raw`|(?:trong\s+)?năm\s+(\d{4}))`, // 11 year
  'giu',
);

/** Deadlines in `text` (offsets + `offset`). */
export function findDeadlines(text: string, offset = 0): Deadline[] {
  const out: Deadline[] = [];
  DEADLINE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DEADLINE_RE.exec(text)) !== null) {
    let date: Ymd | undefined;
    if (m[3]) {
      const [d, mo, y] = [+m[1], +m[2], +m[3]];
      if (valid(y, mo, d)) date = { year: y, month: mo, day: d };
    } else if (m[6]) {
      const [d, mo, y] = [+m[4], +m[5], +m[6]];
      if (valid(y, mo, d)) date = { year: y, month: mo, day: d };
    } else if (m[8]) {
      const [mo, y] = [+m[7], +m[8]];
      if (valid(y, mo, 1)) date = { year: y, month: mo, day: lastDay(y, mo) };
    } else if (m[10]) {
      const q = /\d/.test(m[9]) ? +m[9] : ROMAN[m[9].toLowerCase()];
      const y = +m[10];
      if (q >= 1 && q <= 4 && valid(y, 1, 1)) date = { year: y, month: q * 3, day: lastDay(y, q * 3) };
    } else if (m[11]) {
      const y = +m[11];
      if (valid(y, 12, 31)) date = { year: y, month: 12, day: 31 };
    }
    if (date) out.push({ start: offset + m.index, end: offset + m.index + m[0].length, raw: m[0], date });
  }
  return out;
}

const MONTHLY_RE = /(?:trước|chậm\s+nhất)\s+(?:ngày\s+)?(\d{1,2})\s+(?:hằng|hàng)\s+tháng/giu;
// A day of the year without a year ("trước ngày 15/12 hằng năm", "trước ngày 15 tháng 6 và trước
// ngày 01 tháng 12"): a yearly reporting date. A date with its year is a one-off, not periodic.
const ANNUAL_RE = /(?:trước|chậm\s+nhất)\s+(?:ngày\s+)?(\d{1,2})\s*(?:\/\s*|\s+tháng\s+)(\d{1,2})(?!\d)(?!\s*(?:\/|-|năm)\s*\d)(?:\s+(?:hằng|hàng)\s+năm)?/giu;
const QUARTERLY_RE = /(?:trước|chậm\s+nhất)\s+(?:ngày\s+)?(\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+quý/giu;

/** Periodic reporting deadlines in `text`. */
export function findPeriodicDeadlines(text: string, offset = 0): PeriodicDeadline[] {
  const out: PeriodicDeadline[] = [];
  const scan = (re: RegExp, f: (m: RegExpExecArray) => Omit<PeriodicDeadline, 'start' | 'end' | 'raw'> | undefined) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const v = f(m);
      if (v) out.push({ ...v, start: offset + m.index, end: offset + m.index + m[0].length, raw: m[0] });
    }
  };
  scan(MONTHLY_RE, (m) => (+m[1] >= 1 && +m[1] <= 31 ? { period: 'monthly', day: +m[1] } : undefined));
  scan(ANNUAL_RE, (m) => (valid(2000, +m[2], +m[1]) ? { period: 'annual', day: +m[1], month: +m[2] } : undefined));
  scan(QUARTERLY_RE, (m) => (+m[1] >= 1 && +m[1] <= 31 ? { period: 'quarterly', day: +m[1] } : undefined));
  return out.sort((a, b) => a.start - b.start);
}

// One calendar-day comparison and spelling for parser and parents.
export { compareYmd, formatYmd } from '../parse/dates';

/** Whether periodic deadline `a` falls later in its period than `b` (same period only). */
export function periodicLater(a: PeriodicDeadline, b: PeriodicDeadline): boolean {
  if (a.period !== b.period) return false;
  if (a.period === 'annual') {
    // Several yearly dates make several cycles (15/6 and 01/12): late means just after one of them.
    const diff = dayOfYear(a) - dayOfYear(b);
    return diff > 0 && diff <= 60;
  }
  return a.day > b.day;
}

function dayOfYear(d: PeriodicDeadline): number {
  return Math.round((Date.UTC(2001, (d.month ?? 1) - 1, d.day) - Date.UTC(2001, 0, 1)) / 86400000);
}
