// Time expressions of tasks and reporting duties: deadlines, periods, "during" spans and ranges.
// The tasks engineer calls this on a task's time cell or body; reporting.ts on a clause.

import type { DateMention, Period, Span, TimeExpression, Ymd } from '../model';
import { datesIn, daysInMonth, findDates, lastDayOf } from './dates';
import { BY_CUE, DAY_OF_PERIOD, periodOfDay, THROUGH_CUE, WITHIN_CUE } from './deadlineCues';

// Period words. "hằng"/"hàng" are both written; "6 tháng" is a half-year report.
const PERIODS: { re: RegExp; period: Period }[] = [
  // "báo cáo năm/quý/tháng": the report of that period ("báo cáo tháng 6" names a month, not a period).
  { re: /(?<![\p{L}])báo\s+cáo\s+(?:hằng\s+|hàng\s+)?năm(?![\p{L}\p{N}])(?!\s*\d)/iu, period: 'annual' },
  { re: /(?<![\p{L}])báo\s+cáo\s+(?:hằng\s+|hàng\s+)?quý(?![\p{L}\p{N}])(?!\s*(?:\d|[IV]+(?![\p{L}])))/iu, period: 'quarterly' },
  { re: /(?<![\p{L}])báo\s+cáo\s+(?:hằng\s+|hàng\s+)?tháng(?![\p{L}\p{N}])(?!\s*\d)/iu, period: 'monthly' },
  { re: /(?<![\p{L}\p{N}])(?:(?<!ngày\s{1,3})(?:định kỳ\s+)?(?:6|sáu)\s+tháng|nửa năm|bán niên)(?![\p{L}\p{N}])/iu, period: 'semiannual' },
  { re: /(?<![\p{L}\p{N}])(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+năm(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])định kỳ\s+(?:01|1|một)\s+năm|(?<![\p{L}\p{N}])(?:định kỳ\s+)?năm\s+một\s+lần|(?<![\p{L}\p{N}])thường niên/iu, period: 'annual' },
  { re: /(?<![\p{L}\p{N}])(?:(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+quý|định kỳ\s+quý|tháng cuối quý)(?![\p{L}\p{N}])/iu, period: 'quarterly' },
  { re: /(?<![\p{L}\p{N}])(?:(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+tháng|định kỳ\s+tháng)(?![\p{L}\p{N}])/iu, period: 'monthly' },
  { re: /(?<![\p{L}\p{N}])(?:(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+tuần|định kỳ\s+tuần)(?![\p{L}\p{N}])/iu, period: 'weekly' },
];
/** "định kỳ" with no frequency: a period in name only. */
const REGULAR_RE = /(?<![\p{L}\p{N}])định kỳ(?![\p{L}\p{N}])/iu;
const CONTINUOUS_RE = /(?<![\p{L}\p{N}])(?:thường xuyên|liên tục|hằng ngày|hàng ngày|nhiệm vụ thường xuyên)(?![\p{L}\p{N}])/iu;
/** Deadline cues; the date (or day of month) must follow within a few characters. */
const DEADLINE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${BY_CUE}|${THROUGH_CUE})(?:\s+ngày)?(?![\p{L}])\s*`, 'giu');
/** A day of month in a recurring deadline: "chậm nhất ngày 15 hằng tháng", "trước 25 hằng tháng", "ngày 20 tháng cuối quý". */
const DAY_OF_PERIOD_RE = new RegExp('^' + DAY_OF_PERIOD, 'iu');
const DURING_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:hoàn\s+thành\s+)?(?:${WITHIN_CUE})\s+(?=năm|quý|tháng|\d)`, 'giu');
const RANGE_RE = /(?<![\p{N}/-])((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?![\p{N}/])/u;
const BARE_YEAR_RE = /(?<![\p{N}/.-])((?:19|20)\d{2})(?![\p{N}/-])/u;

/** A text this short is a cell of a time column ("Năm 2025", "Quý I/2021", "2024-2025"). */
const SHORT = 60;

function endOfYear(y: number): Ymd {
  return { year: y, month: 12, day: 31 };
}

function withYear(d: DateMention, year: number | undefined): Ymd | undefined {
  if (!d.valid) return undefined;
  if (d.year !== undefined) return lastDayOf(d);
  if (year !== undefined && d.month !== undefined && d.day !== undefined) {
    if (d.day > daysInMonth(d.month, year)) return undefined;
    return { year, month: d.month, day: d.day };
  }
  return undefined;
}

function findPeriod(text: string): { period: Period; index: number; length: number } | undefined {
  let best: { period: Period; index: number; length: number } | undefined;
  for (const p of PERIODS) {
    const m = p.re.exec(text);
    if (m && (!best || m.index < best.index)) best = { period: p.period, index: m.index, length: m[0].length };
  }
  return best;
}

/**
 * Read a time or deadline in a stretch of text ("Hằng năm", "Quý I/2021", "trước ngày 15/8/2024",
 * "trong tháng 01/2026", "2024-2025", "Thường xuyên"). `dates` are the document's dates (model
 * offsets); `contextYear` resolves dates written without a year.
 */
export function parseTimeExpression(text: string, span: Span, dates: readonly DateMention[], contextYear?: number): TimeExpression | undefined {
  if (typeof text !== 'string' || text.trim().length === 0) return undefined;
  const base = span.start;
  const end = base + text.length;
  // Dates of the document inside this stretch; when the caller's text is not the document's
  // (a cell copied out, a test), find them here.
  let local = datesIn(dates, base, end).filter((d) => d.end <= end && text.slice(d.start - base, d.end - base) === d.raw);
  if (local.length === 0 && dates.length === 0) local = findDates(text).map((d) => ({ ...d, start: d.start + base, end: d.end + base }));
  const short = text.trim().length <= SHORT;
  const periodHit = findPeriod(text);
  const mk = (kind: TimeExpression['kind'], s: number, e: number, extra: Partial<TimeExpression> = {}): TimeExpression => ({
    start: base + s, end: base + e, raw: text.slice(s, e), kind, ...extra,
  });
  const cover = (a: number, b: number, c?: { index: number; length: number }) =>
    c ? [Math.min(a, c.index), Math.max(b, c.index + c.length)] : [a, b];

  // 1. Deadlines: "trước ngày 15/8/2024", "chậm nhất ngày 15 hằng tháng", "trước 30/6".
  DEADLINE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DEADLINE_RE.exec(text)) !== null) {
    const after = m.index + m[0].length;
    // The date starts right after the cue, or at its "ngày" (the full form includes it).
    const d = local.find((x) => x.start - base >= m!.index && x.start - base <= after + 1);
    // A period cue right after the date ("15/12 hằng năm") is part of the deadline.
    const tail = d ? text.slice(d.end - base, d.end - base + 20) : '';
    const tailPeriod = d ? findPeriod(tail) : undefined;
    const period = tailPeriod && tailPeriod.index <= 2 ? tailPeriod : periodHit;
    if (d && (d.form === 'dmy' || d.form === 'full' || d.form === 'dm' || d.form === 'my' || d.form === 'quarter' || d.form === 'year')) {
      let e = d.end - base;
      if (tailPeriod && tailPeriod.index <= 2) e = d.end - base + tailPeriod.index + tailPeriod.length;
      // A period elsewhere in the clause ("hằng năm … gửi trước ngày 10/12") qualifies the deadline
      // but stays outside its span unless it is adjacent.
      const near = period && period !== tailPeriod && Math.abs(period.index + period.length - m.index) <= 3 && !/^báo/iu.test(text.slice(period.index, period.index + 3)) ? period : undefined;
      const [s2, e2] = cover(m.index, e, near);
      const resolved = withYear(d, d.year ?? contextYear);
      return mk('deadline', s2, e2, { date: d, ...(period ? { period: period.period } : {}), ...(resolved ? { resolved } : {}) });
    }
    const dp = DAY_OF_PERIOD_RE.exec(text.slice(after));
    if (dp) {
      const p: Period = periodOfDay(dp[2], dp[3]).period;
      const [s2, e2] = cover(m.index, after + dp[0].length);
      return mk('deadline', s2, e2, { period: p });
    }
  }

  // 2. "trong quý IV năm 2026", "trong tháng 01/2026", "hoàn thành trong năm 2026".
  DURING_RE.lastIndex = 0;
  while ((m = DURING_RE.exec(text)) !== null) {
    const after = m.index + m[0].length;
    const d = local.find((x) => x.start - base === after && (x.form === 'my' || x.form === 'quarter' || x.form === 'year' || x.form === 'dmy' || x.form === 'full'));
    if (d) {
      const resolved = d.form === 'quarter' && d.year === undefined && contextYear !== undefined ? lastDayOf({ ...d, year: contextYear }) : lastDayOf(d);
      return mk('during', m.index, d.end - base, { date: d, ...(resolved ? { resolved } : {}) });
    }
  }

  // 3. Periods: "Hằng năm", "định kỳ 6 tháng", "hằng quý".
  if (periodHit) {
    return mk('period', periodHit.index, periodHit.index + periodHit.length, { period: periodHit.period });
  }

  // 4. Continuous: "Thường xuyên".
  const cont = CONTINUOUS_RE.exec(text);
  if (cont && (short || cont.index === text.search(/\S/))) return mk('continuous', cont.index, cont.index + cont[0].length);

  // 5. Short cells: a range, a date, a month, a quarter or a bare year.
  if (short) {
    const r = RANGE_RE.exec(text);
    if (r) {
      const y2 = +r[2];
      return mk('range', r.index, r.index + r[0].length, { resolved: endOfYear(y2) });
    }
    const d = local[0];
    if (d) {
      const resolved = d.form === 'dm' ? withYear(d, contextYear) : lastDayOf(d);
      return mk(d.form === 'dmy' || d.form === 'full' || d.form === 'dm' ? 'date' : 'during', d.start - base, d.end - base, { date: d, ...(resolved ? { resolved } : {}) });
    }
    const y = BARE_YEAR_RE.exec(text);
    if (y) return mk('during', y.index, y.index + y[0].length, { resolved: endOfYear(+y[1]) });
  }

  // 6. "định kỳ" alone: a period without a frequency.
  const reg = REGULAR_RE.exec(text);
  if (reg) return mk('period', reg.index, reg.index + reg[0].length, { period: 'regular' });
  if (cont) return mk('continuous', cont.index, cont.index + cont[0].length);
  return undefined;
}

const RECURRING_DAY_RE = new RegExp(DAY_OF_PERIOD, 'iu');

/** Day of month/period of a recurring deadline ("ngày 15 hằng tháng" → 15), read from its raw text. */
export function recurringDay(t: TimeExpression): number | undefined {
  if (t.date?.day !== undefined) return t.date.day;
  const m = RECURRING_DAY_RE.exec(t.raw);
  return m ? +m[1] : undefined;
}
