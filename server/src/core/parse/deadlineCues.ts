// The words of deadlines, said once for both readers: the plan's own time reader (parse/time.ts,
// a task's time cell or a reporting clause) and the deadlines found in a parent's free text
// (parent/deadline.ts). These are regex source fragments; each reader adds its own boundaries.
// The dates themselves are read by parse/dates.ts.

/** "hằng"/"hàng" are both written, and "mỗi": every (month, quarter, year). */
export const EVERY = String.raw`hằng|hàng|mỗi`;

/**
 * Cues after which a date is the last day allowed: "trước ngày 15/8/2024", "chậm nhất là 30/6",
 * "không muộn hơn", "hạn chót", "hoàn thành trước".
 */
export const BY_CUE = String.raw`trước|chậm\s+nhất(?:\s+là)?|không\s+(?:muộn|chậm)\s+hơn|hạn\s+chót|hạn\s+cuối|hoàn\s+thành\s+trước|xong\s+trước`;

/**
 * "đến hết năm 2025": a deadline in a task's time or a reporting clause, but in running text as
 * often the cut-off of a figure ("chi ngân sách thực hiện đến hết ngày 10/12/2025 là 40.554 tỷ
 * đồng"), so a parent's free text does not read it.
 */
export const THROUGH_CUE = String.raw`đến\s+hết`;

/** Cues of a period the work is done within: "trong tháng 01/2026", "vào quý IV", "trong suốt năm 2025". */
export const WITHIN_CUE = String.raw`trong|vào|trong\s+suốt`;

/** "trong" as OCR reads it in a scanned parent: "frong Quý 1/2026", "(rong tháng 01/2026". */
export const WITHIN_OCR = String.raw`[tf(]?rong`;

/**
 * Words of a parent's free text that put the date after them in deadline context without saying
 * "by" ("hoàn thành năm 2025", "Thời gian thực hiện: Quý I/2021", "thời hạn 30/6/2025").
 */
export const DEADLINE_WORD = String.raw`hoàn\s+thành|xong|Thời\s+gian(?:\s+hoàn\s+thành)?[^:\n]{0,40}:|thời\s+hạn|hạn`;

/**
 * The day of a recurring deadline after its cue: "ngày 15 hằng tháng", "25 hằng quý",
 * "ngày 20 của tháng cuối quý". Groups: 1 the day, 2 the unit after "hằng" (tháng|quý|năm),
 * 3 the month named in its period ("tháng cuối quý", "tháng đầu quý", "tháng cuối năm").
 */
export const DAY_OF_PERIOD = String.raw`(?:ngày\s+)?(\d{1,2})\s+(?:của\s+)?(?:(?:${EVERY})\s+(tháng|quý|năm)|(tháng\s+cuối\s+quý|tháng\s+đầu\s+quý|tháng\s+cuối\s+năm))`;

/**
 * A day of the year written without its year, a yearly date: "15/12 hằng năm", "15 tháng 6".
 * A date with its year ("15/12/2025", "15 tháng 6 năm 2025") is a one-off and does not match.
 * Groups: the day, the month.
 */
export const DAY_OF_YEAR = String.raw`(\d{1,2})\s*(?:\/\s*|\s+tháng\s+)(\d{1,2})(?!\d)(?!\s*(?:\/|-|năm)\s*\d)(?:\s+(?:${EVERY})\s+năm)?`;

/** The unit a DAY_OF_PERIOD match repeats on, from its groups 2 and 3. */
export function periodOfDay(unit: string | undefined, named: string | undefined): { period: 'monthly' | 'quarterly' | 'annual'; month?: 'first' | 'last' } {
  const u = (unit ?? named ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (u === 'tháng') return { period: 'monthly' };
  if (u === 'năm') return { period: 'annual' };
  if (u === 'tháng cuối năm') return { period: 'annual', month: 'last' };
  return { period: 'quarterly', ...(u === 'tháng đầu quý' ? { month: 'first' as const } : u === 'tháng cuối quý' ? { month: 'last' as const } : {}) };
}
