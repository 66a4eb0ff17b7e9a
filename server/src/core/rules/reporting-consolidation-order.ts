// KH302: the agency that consolidates reports needs them before its own deadline. In 147/KH-UBND
// agencies report via Sở Nội vụ by 15/12 and Sở Nội vụ consolidates by 20/12 — right. If the
// consolidator's deadline falls on or before the deadline it consolidates, it cannot be met.

import type { ReportingClause, TimeExpression } from '../model';
import type { Rule } from '../rule';
import { t } from '../i18n';
import { recurringDay } from '../parse/time';
import { sameAgencyName, foldName } from '../parse/agencyMentions';

/** A comparable position of a deadline within its cycle, or a calendar day for one-off deadlines. */
function deadlineKey(tm: TimeExpression | undefined): { cycle: string; value: number } | undefined {
  if (!tm || (tm.kind !== 'deadline' && tm.kind !== 'date')) return undefined;
  const d = tm.date;
  if (tm.period === 'annual' && d?.month !== undefined && d.day !== undefined) return { cycle: 'annual', value: d.month * 100 + d.day };
  if (tm.period === 'monthly' || tm.period === 'quarterly') {
    const day = recurringDay(tm);
    return day !== undefined ? { cycle: tm.period, value: day } : undefined;
  }
  if (!tm.period && tm.resolved) return { cycle: 'once', value: tm.resolved.year * 10000 + tm.resolved.month * 100 + tm.resolved.day };
  return undefined;
}

function sameAgency(a: string, b: string): boolean {
  if (sameAgencyName(a, b)) return true;
  const fa = foldName(a), fb = foldName(b);
  return fa.includes(fb) || fb.includes(fa);
}

function shown(tm: TimeExpression): string {
  return tm.raw.replace(/\s+/g, ' ').trim();
}

export const reportingConsolidationOrder: Rule = {
  id: 'KH302',
  alias: 'reporting-consolidation-order',
  category: 'reporting',
  defaultSeverity: 'warning',
  fixable: false,
  description: t(
    'Hạn tổng hợp báo cáo không muộn hơn hạn các đơn vị gửi báo cáo để tổng hợp',
    'The consolidating agency\'s deadline is not after the deadlines it consolidates',
  ),
  rationale: t(
    'Cơ quan tổng hợp cần nhận báo cáo của các đơn vị trước khi tổng hợp, nên hạn của cơ quan tổng hợp phải sau hạn của các đơn vị ' +
      '(ví dụ: các sở gửi Sở Nội vụ trước ngày 15/12, Sở Nội vụ tổng hợp báo cáo UBND tỉnh trước ngày 20/12).',
    'The consolidating agency needs the others\' reports first, so its deadline must come after theirs ' +
      '(e.g. departments report to Home Affairs by 15/12, Home Affairs consolidates for the committee by 20/12).',
  ),
  check(ctx) {
    const clauses = ctx.doc.reporting;
    const contributors = clauses.filter((c): c is ReportingClause & { via: NonNullable<ReportingClause['via']> } => !!c.via && !c.consolidates);
    for (const c of clauses) {
      if (!c.consolidates || !c.reporter || !c.time) continue;
      const ck = deadlineKey(c.time);
      if (!ck) continue;
      for (const k of contributors) {
        if (k === c || !sameAgency(k.via.value, c.reporter.name)) continue;
        const kk = deadlineKey(k.time);
        if (!kk || kk.cycle !== ck.cycle || ck.value > kk.value || !k.time) continue;
        ctx.report({
          span: c.time,
          message: t(
            `${c.reporter.name} tổng hợp báo cáo "${shown(c.time)}", không muộn hơn hạn các đơn vị gửi báo cáo cho ${c.reporter.name} ("${shown(k.time)}")`,
            `${c.reporter.name} consolidates "${shown(c.time)}", not after the deadline for reports sent to it ("${shown(k.time)}")`,
          ),
          related: [{ message: t(`Hạn gửi báo cáo cho ${c.reporter.name}`, `Deadline for reports to ${c.reporter.name}`), span: k.time }],
        });
        break;
      }
    }
  },
};
