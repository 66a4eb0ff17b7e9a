// KH903: the plan asks for reports later than the parent requires of this level.
import type { PlanDocument } from '../model';
import type { Rule, RuleMeta } from '../rule';
import { t } from '../i18n';
import { findPeriodicDeadlines, periodicLater, type PeriodicDeadline } from '../parent/deadline';
import { parentName, RELATED_PARENT } from '../parent/context';

export const meta: RuleMeta = {
  id: 'KH903',
  alias: 'parent-reporting-later',
  category: 'parent',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Hạn báo cáo muộn hơn hạn văn bản cấp trên yêu cầu', 'A reporting deadline is later than the parent requires of this level'),
  rationale: t(
    'Cơ quan tổng hợp cần nhận báo cáo trước hạn mình phải báo cáo lên cấp trên; hạn báo cáo trong kế hoạch muộn hơn hạn cấp trên thì không thể tổng hợp kịp.',
    'The consolidating body must receive reports before its own deadline to the parent; a plan deadline later than the parent’s cannot be consolidated in time.',
  ),
};

/** Periodic deadlines the plan sets: the parser's reporting clauses, else its reporting text. */
function planDeadlines(doc: PlanDocument): PeriodicDeadline[] {
  const out: PeriodicDeadline[] = [];
  for (const r of doc.reporting) out.push(...findPeriodicDeadlines(doc.text.slice(r.start, r.end), r.start));
  if (doc.reporting.length > 0) return out;
  // No parsed clauses: read every "báo cáo … trước ngày N hằng tháng" in the body.
  for (const d of findPeriodicDeadlines(doc.text)) {
    const around = doc.text.slice(Math.max(0, d.start - 200), d.end + 80);
    if (/báo\s+cáo/iu.test(around)) out.push(d);
  }
  return out;
}

export const parentReportingLater: Rule = {
  ...meta,
  check(ctx) {
    // Only when the check was given parents (CheckOptions.parents).
    const pc = ctx.parents;
    if (!pc) return;
    const mine = planDeadlines(ctx.doc);
    if (mine.length === 0) return;
    for (const link of pc.links(ctx.doc)) {
      for (const c of link.coverage.tasks) {
        if (c.task.kind !== 'duty' || !c.task.asksReport) continue;
        for (const required of c.task.reportDeadlines ?? []) {
          for (const d of mine) {
            if (!periodicLater(d, required)) continue;
            ctx.report({
              span: { start: d.start, end: d.end },
              message: t(
                `Hạn báo cáo “${d.raw}” muộn hơn hạn ${parentName(link)} yêu cầu (“${required.raw}”, mục ${c.task.label})`,
                `Reporting deadline “${d.raw}” is later than ${parentName(link)} requires (“${required.raw}”, item ${c.task.label})`,
              ),
              related: [pc.related(link.parent, required, RELATED_PARENT(c.task.label))],
            });
          }
        }
      }
    }
  },
};
