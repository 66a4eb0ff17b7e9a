// KH902: a plan task due later than the parent task it carries out.
import type { Rule, RuleMeta } from '../rule';
import { t } from '../i18n';
import { formatYmd } from '../parent/deadline';
import { laterDeadlines } from '../parent/match';
import { parentName, RELATED_PARENT } from '../parent/context';

export const meta: RuleMeta = {
  id: 'KH902',
  alias: 'parent-deadline-later',
  category: 'parent',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Thời hạn nhiệm vụ muộn hơn thời hạn văn bản cấp trên giao', 'A task is due later than the parent task it carries out'),
  rationale: t(
    'Cấp dưới không thể hoàn thành muộn hơn thời hạn cấp trên yêu cầu; thời hạn trong kế hoạch phải bằng hoặc sớm hơn.',
    'A lower level cannot finish after the deadline its parent set; the plan’s deadline must be the same or earlier.',
  ),
};

export const parentDeadlineLater: Rule = {
  ...meta,
  check(ctx) {
    // Only when the check was given parents (CheckOptions.parents).
    const pc = ctx.parents;
    if (!pc) return;
    for (const link of pc.links(ctx.doc)) {
      for (const { coverage, match } of laterDeadlines(link.coverage)) {
        const d = match.deadline!;
        const pd = coverage.task.deadline!;
        ctx.report({
          span: { start: d.start, end: d.end },
          message: t(
            `Thời hạn ${formatYmd(d.date)} muộn hơn thời hạn ${formatYmd(pd.date)} của nhiệm vụ ${coverage.task.label} (${parentName(link)})`,
            `Deadline ${formatYmd(d.date)} is later than ${formatYmd(pd.date)}, the deadline of task ${coverage.task.label} (${parentName(link)})`,
          ),
          related: [pc.related(link.parent, pd, RELATED_PARENT(coverage.task.label))],
        });
      }
    }
  },
};
