// KH904: the plan is issued later than the parent required ("ban hành kế hoạch … trong tháng 01/2026").
import type { Rule, RuleMeta } from '../rule';
import { t } from '../i18n';
import { compareYmd, formatYmd } from '../parent/deadline';
import { parentName, RELATED_PARENT } from '../parent/context';

export const meta: RuleMeta = {
  id: 'KH904',
  alias: 'parent-plan-late',
  category: 'parent',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Kế hoạch ban hành muộn hơn thời hạn văn bản cấp trên yêu cầu', 'The plan is issued later than the parent required'),
  rationale: t(
    'Văn bản cấp trên thường giao thời hạn ban hành kế hoạch thực hiện; ban hành muộn cần được giải trình hoặc báo cáo.',
    'Parents often set a deadline for issuing the implementing plan; a late plan needs explaining or reporting.',
  ),
};

export const parentPlanLate: Rule = {
  ...meta,
  check(ctx) {
    // Only when the check was given parents (CheckOptions.parents).
    const pc = ctx.parents;
    if (!pc) return;
    // Only the plan's own header date counts: a --date or today says nothing of when it was issued.
    const h = ctx.doc.header.date;
    if (!h || !h.valid || !h.year || !h.month || !h.day) return;
    const issued = { year: h.year, month: h.month, day: h.day };
    for (const link of pc.links(ctx.doc)) {
      // The earliest plan deadline the parent sets for this level.
      const duties = link.coverage.tasks.filter((c) => c.task.kind === 'duty' && c.task.asksPlan && c.task.deadline);
      duties.sort((a, b) => compareYmd(a.task.deadline!.date, b.task.deadline!.date));
      const duty = duties[0];
      if (!duty || compareYmd(issued, duty.task.deadline!.date) <= 0) continue;
      const due = duty.task.deadline!;
      ctx.report({
        span: { start: h.start, end: h.end },
        message: t(
          `Kế hoạch ban hành ngày ${formatYmd(issued)}, muộn hơn thời hạn ${formatYmd(due.date)} mà ${parentName(link)} yêu cầu (mục ${duty.task.label})`,
          `The plan is dated ${formatYmd(issued)}, later than ${formatYmd(due.date)}, the deadline ${parentName(link)} set (item ${duty.task.label})`,
        ),
        related: [pc.related(link.parent, due, RELATED_PARENT(duty.task.label))],
      });
    }
  },
};
