// Dates in every form drafters write them. One linear scan with a single sticky-free global regex:
// each alternative starts with a literal word or a digit run, so no alternative can backtrack
// catastrophically, and the scan costs O(text).

import type { DateForm, DateMention, Ymd } from '../model';

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month; February counts 29 when the year is unknown (15/02 hằng năm). */
export function daysInMonth(month: number, year?: number): number {
  if (month < 1 || month > 12) return 0;
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return MONTH_DAYS[month - 1];
}

export function isValidYmd(day: number, month: number, year?: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year);
}

/** Compare two calendar days: negative when a is earlier. */
export function compareYmd(a: Ymd, b: Ymd): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function formatYmd(d: Ymd): string {
  return `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;
}

/** The last day a month/quarter/year mention covers ("Quý I/2021" → 31/03/2021). */
export function lastDayOf(d: DateMention): Ymd | undefined {
  if (!d.valid || d.year === undefined) return undefined;
  const y = d.year;
  if (d.day !== undefined && d.month !== undefined) return { year: y, month: d.month, day: d.day };
  if (d.month !== undefined) return { year: y, month: d.month, day: daysInMonth(d.month, y) };
  if (d.quarter !== undefined) {
    const m = d.quarter * 3;
    return { year: y, month: m, day: daysInMonth(m, y) };
  }
  return { year: y, month: 12, day: 31 };
}

const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

// Boundaries: a date word must not be glued to a preceding letter ("hằngngày" is not "ngày"), and
// digits must not continue a longer number or a document symbol ("146/2025/QH15", "35/2022/NĐ-CP").
const NB = '(?<![\\p{L}\\p{N}])';
const SP = '[\\s\\u00A0]+'; // may cross a hard line break ("ngày 27 tháng 12 năm\n2025")
const DATE_RE = new RegExp(
  [
    // 1–3: ngày D tháng M [năm Y]  (full, or dm when the year is left out)
    `${NB}ngày${SP}(\\d{1,2})${SP}tháng${SP}(\\d{1,2})(?:(?:${SP}|,${SP}?)năm${SP}(\\d{4}))?(?![\\p{N}/])`,
    // 4–5: tháng M/Y, tháng M-Y, tháng M năm Y  (my)
    `${NB}tháng${SP}(\\d{1,2})(?:\\s*[/-]\\s*|${SP}năm${SP})(\\d{4})(?![\\p{N}/])`,
    // 6–7: Quý I/2021, quý II năm 2024, quý IV (quarter; year optional)
    `${NB}quý${SP}(iv|i{1,3}|[1-4])(?![\\p{L}\\p{N}])(?:\\s*(?:[/-]|${SP}năm${SP})\\s*(\\d{4})(?![\\p{N}/]))?`,
    // 8–11: D/M/Y, D-M-Y, D/M, M/Y — the separator must repeat; classified below
    `(?<![\\p{L}\\p{N}/.-])(\\d{1,4})([/-])(\\d{1,4})(?:\\9(\\d{4}))?(?![\\p{N}/]|-\\p{L}|\\p{L})`,
    // 12: năm Y (year)
    `${NB}năm${SP}(\\d{4})(?![\\p{N}/])`,
  ].join('|'),
  'giu',
);

/** Words that make a bare "15/12" a day and month rather than a ratio ("1/3 số xã"). */
const DM_CUE = /(?:ngày|trước|đến|từ|sau|hạn|nhất|và|hoặc)[\s\u00A0]*$/iu;

function mention(raw: string, start: number, form: DateForm, parts: { day?: number; month?: number; year?: number; quarter?: number }): DateMention {
  const { day, month, year, quarter } = parts;
  let valid = true;
  if (month !== undefined && (month < 1 || month > 12)) valid = false;
  else if (day !== undefined && month !== undefined && !isValidYmd(day, month, year)) valid = false;
  if (quarter !== undefined && (quarter < 1 || quarter > 4)) valid = false;
  const m: DateMention = { start, end: start + raw.length, raw, form, valid };
  if (year !== undefined) m.year = year;
  if (month !== undefined) m.month = month;
  if (day !== undefined) m.day = day;
  if (quarter !== undefined) m.quarter = quarter;
  return m;
}

/** ND30 (Phụ lục I, II.4.b): days below 10 and months 1–2 take a leading zero; other months do not. */
export function nd30DayText(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}
export function nd30MonthText(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/** Every date in the text, of every form (full, dd/mm/yyyy, dd/mm, tháng mm/yyyy, Quý I/2021, năm 2025). */
export function findDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE.exec(text)) !== null) {
    const raw = m[0];
    const start = m.index;
    if (m[1] !== undefined) {
      const day = +m[1], month = +m[2];
      if (m[3] !== undefined) {
        const d = mention(raw, start, 'full', { day, month, year: +m[3] });
        d.nd30Form = m[1] === nd30DayText(day) && m[2] === nd30MonthText(month);
        out.push(d);
      } else {
        out.push(mention(raw, start, 'dm', { day, month }));
      }
    } else if (m[4] !== undefined) {
      out.push(mention(raw, start, 'my', { month: +m[4], year: +m[5] }));
    } else if (m[6] !== undefined) {
      const q = ROMAN_QUARTER[m[6].toLowerCase()];
      out.push(mention(raw, start, 'quarter', { quarter: q, year: m[7] !== undefined ? +m[7] : undefined }));
    } else if (m[8] !== undefined) {
      const a = m[8], b = m[10], y = m[11];
      if (y !== undefined) {
        // D/M/Y: a four-digit first part is a range or a number, not a day.
        if (a.length > 2 || b.length > 2) continue;
        out.push(mention(raw, start, 'dmy', { day: +a, month: +b, year: +y }));
      } else if (a.length <= 2 && b.length === 4 && m[9] === '/') {
        // M/Y ("12/2025" in a time column): only a plausible month and year.
        const month = +a, year = +b;
        if (month >= 1 && month <= 12 && year >= 1945 && year <= 2100) out.push(mention(raw, start, 'my', { month, year }));
      } else if (a.length <= 2 && b.length <= 2 && m[9] === '/') {
        // D/M only after a date word: "trước ngày 15/12", "trước 30/6"; "1/3" alone is a ratio.
        const before = text.slice(Math.max(0, start - 12), start);
        if (DM_CUE.test(before)) out.push(mention(raw, start, 'dm', { day: +a, month: +b }));
      }
    } else if (m[12] !== undefined) {
      out.push(mention(raw, start, 'year', { year: +m[12] }));
    }
  }
  return out;
}

/** The first date mention starting at or after `offset` (dates are sorted by start). */
export function dateAtOrAfter(dates: readonly DateMention[], offset: number): DateMention | undefined {
  let lo = 0, hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid].start < offset) lo = mid + 1; else hi = mid;
  }
  return dates[lo];
}

/** Dates whose start lies in [start, end). */
export function datesIn(dates: readonly DateMention[], start: number, end: number): DateMention[] {
  const out: DateMention[] = [];
  let lo = 0, hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid].start < start) lo = mid + 1; else hi = mid;
  }
  for (let i = lo; i < dates.length && dates[i].start < end; i++) out.push(dates[i]);
  return out;
}
