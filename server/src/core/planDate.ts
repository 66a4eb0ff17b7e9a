// The date a plan is judged at (deadlines, defunct agencies, future citations): --date or the
// setting, else the plan's own date in its header or appendix, else a lower bound from what it
// cites, else today. Read from the model only; the checker passes it to every rule.

import type { PlanDocument, Ymd } from './model';
import type { LintConfig } from './config';
import { parseIsoDate } from './isoDate';

export function todayYmd(): Ymd {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

export type PlanDateSource = 'config' | 'header' | 'self-reference' | 'inferred' | 'today';

/**
 * The date a plan is judged at: --date / the setting; else its header date; else the date it
 * gives itself in an appendix line ("Kèm theo Kế hoạch số 147/KH-UBND ngày 01/8/2024"); else, for
 * a text pasted without any header, the latest date its trích yếu and preamble cite (the plan
 * cannot be older than what it implements); else today (a draft whose header date is still blank).
 */
export function resolvePlanDate(doc: PlanDocument, config: LintConfig, today?: Ymd): { date: Ymd; fromHeader: boolean; source: PlanDateSource } {
  const configured = parseIsoDate(config.planDate);
  if (configured) return { date: configured, fromHeader: false, source: 'config' };
  const h = doc.header.date;
  if (h && h.valid && h.year && h.month && h.day) return { date: { year: h.year, month: h.month, day: h.day }, fromHeader: true, source: 'header' };
  const own = selfReferenceDate(doc);
  if (own) return { date: own, fromHeader: true, source: 'self-reference' };
  if (!doc.header.number && !doc.header.place) {
    const cited = latestPreambleDate(doc);
    if (cited) return { date: cited, fromHeader: false, source: 'inferred' };
  }
  return { date: today ?? todayYmd(), fromHeader: false, source: 'today' };
}

const TYPE_WORDS: Record<string, string> = {
  'KẾ HOẠCH': 'kế hoạch',
  'CHƯƠNG TRÌNH HÀNH ĐỘNG': 'chương trình',
  'CHƯƠNG TRÌNH': 'chương trình',
  'NGHỊ QUYẾT': 'nghị quyết',
  'QUYẾT ĐỊNH': 'quyết định',
  'CHỈ THỊ': 'chỉ thị',
};

/** "(Kèm theo Kế hoạch số 147/KH-UBND ngày 01/8/2024 …)": the plan's own date, in its appendix. */
function selfReferenceDate(doc: PlanDocument): Ymd | undefined {
  const typeWord = doc.header.docType ? TYPE_WORDS[doc.header.docType.value.replace(/\s+/g, ' ').trim()] : undefined;
  if (!typeWord) return undefined;
  const re = /kèm theo\s+([^\n()]{0,80}?)\s*(?:số\s*)?\d*\s*[/-]?[\p{L}\p{N}/-]*\s*ngày\b/giu;
  const lower = doc.text.toLocaleLowerCase('vi');
  let m: RegExpExecArray | null;
  while ((m = re.exec(lower)) !== null) {
    if (!m[1].startsWith(typeWord)) continue;
    const at = m.index + m[0].length;
    const d = doc.dates.find((x) => x.start >= at - 5 && x.start <= at + 2 && x.valid && x.day && x.month && x.year);
    if (d) return { year: d.year!, month: d.month!, day: d.day! };
  }
  return undefined;
}

function latestPreambleDate(doc: PlanDocument): Ymd | undefined {
  let best: Ymd | undefined;
  for (const c of doc.citations) {
    const d = c.date;
    if (!c.inPreamble || !d || !d.valid || !d.year || !d.month || !d.day) continue;
    const ymd = { year: d.year, month: d.month, day: d.day };
    if (!best || ymd.year * 10000 + ymd.month * 100 + ymd.day > best.year * 10000 + best.month * 100 + best.day) best = ymd;
  }
  return best;
}
