// What the status bar shows for the active plan — what VS Code's own problem counter does not: the
// date the plan is judged at (and where it came from) and how much of each parent it covers.

import { t } from '../core';
import { msg, type Analysis } from './analysis';
import { parentLinks } from './parents';

export interface PlanStatus {
  /** "12/03/2026". */
  planDate: string;
  /** Where that date came from, in words ("ngày ghi trên kế hoạch"). */
  planDateSource: string;
  parents: { symbol: string; covered: number; partial: number; total: number }[];
}

const SOURCES = {
  config: t('theo cấu hình: kehoach.planDate hoặc "planDate" trong .kehoach.json', 'configured: kehoach.planDate or "planDate" in .kehoach.json'),
  header: t('ngày ghi trên kế hoạch', "the plan's own date"),
  'self-reference': t('ngày kế hoạch tự ghi ở phụ lục', 'the date the plan gives itself in an appendix'),
  inferred: t('suy từ văn bản mới nhất được căn cứ (kế hoạch chưa ghi ngày)', 'inferred from the latest document it cites (no date written)'),
  today: t('ngày hôm nay (kế hoạch chưa ghi ngày)', 'today (no date written)'),
} as const;

export function planStatus(a: Analysis): PlanStatus | null {
  const r = a.result;
  if (!r) return null;
  const d = r.planDate;
  const planDate = `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;
  const parents = parentLinks(a).map((l) => {
    const tasks = l.coverage.tasks;
    return {
      symbol: l.key?.symbol ?? l.citation?.symbol ?? '?',
      covered: tasks.filter((x) => x.status === 'covered').length,
      partial: tasks.filter((x) => x.status === 'partial').length,
      total: tasks.length,
    };
  });
  return { planDate, planDateSource: msg(a, SOURCES[r.planDateSource]), parents };
}
