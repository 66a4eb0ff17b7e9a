// Deadlines in a parent's or plan's task text. The dates are the parser's (parse/dates.ts, the
// reader parse/time.ts uses too); the cue words before them are OCR-tolerant here, since a parent
// may be OCR'd ("frong Quý 1/2026", "(rong tháng 01/2026)"). Only dates in a deadline context
// count ("hoàn thành …", "trong tháng …", "trước ngày …", "Quý I/2021") — a date that merely
// names an event ("triển khai từ 01/01/2026") is not a deadline.

import type { Span, Ymd } from '../model';
import { findDates, lastDayOf } from '../parse/dates';

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

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function valid(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

// The words that put a date in deadline context, OCR-tolerant ("frong", "(rong" for "trong").
const CONTEXT = String.raw`(?:hoàn\s+thành|chậm\s+nhất|trước|[tf(]?rong|xong|Thời\s+gian(?:\s+hoàn\s+thành)?[^:\n]{0,40}:|thời\s+hạn|hạn)`;

// A deadline cue and the room before its date; "ngày", or "trong" before a year, may stand between
// ("trước ngày 15/8/2024", "hoàn thành trong năm 2026"; in "hoàn thành trong tháng 01/2026" the cue is "trong"). The date itself is the parser's (parse/dates.ts).
const CUE_RE = new RegExp(CONTEXT + String.raw`[\s,(:]{0,4}(?:ngày\s+|trong\s+(?=năm))?`, 'giu');

/** Date forms that bound a deadline: a day, a month, a quarter or a year (with its year). */
const DEADLINE_FORMS = new Set(['dmy', 'full', 'my', 'quarter', 'year']);

/** Deadlines in `text` (offsets + `offset`): a cue, then a date the parser reads right after it. */
export function findDeadlines(text: string, offset = 0): Deadline[] {
  const out: Deadline[] = [];
  CUE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CUE_RE.exec(text)) !== null) {
    const from = m.index;
    const at = m[0].length; // relative to `from`
    // Only the few words after a cue are read for a date (a date is at most ~30 characters long,
    // "ngày 27 tháng 12 năm\n2025"); the full form starts at its own "ngày", which the cue may have taken.
    const window = text.slice(from, from + at + 40);
    const d = findDates(window).find((x) => x.start === at || (x.form === 'full' && x.start < at && /^ngày/iu.test(window.slice(x.start, at))));
    const date = d && DEADLINE_FORMS.has(d.form) && d.year !== undefined && d.year >= 1900 && d.year <= 2200 ? lastDayOf(d) : undefined;
    if (!d || !date) continue;
    out.push({ start: offset + from, end: offset + from + d.end, raw: window.slice(0, d.end), date });
    CUE_RE.lastIndex = from + d.end;
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
