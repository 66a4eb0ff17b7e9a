// KH901: a task the parent assigns that no plan item carries out.
import type { Rule, RuleMeta } from '../rule';
import { t } from '../i18n';
import { anchorOf, parentName, RELATED_PARENT } from '../parent/context';

export const meta: RuleMeta = {
  id: 'KH901',
  alias: 'parent-task-uncovered',
  category: 'parent',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Nhiệm vụ văn bản cấp trên giao chưa được cụ thể hóa trong kế hoạch', 'A task the parent directive assigns is not carried out by any plan item'),
  rationale: t(
    'Kế hoạch thực hiện phải cụ thể hóa đầy đủ nhiệm vụ văn bản cấp trên giao cho cấp mình; nhiệm vụ bị bỏ sót sẽ không có cơ quan chủ trì và thời hạn. Bổ sung một mục giao nhiệm vụ đó, hoặc bỏ qua cảnh báo nếu nhiệm vụ không thuộc cấp mình.',
    'An implementing plan must carry out every task its parent assigns to its level; a task left out has no lead and no deadline. Add an item for it, or ignore the warning if the task is not for this level.',
  ),
};

const excerpt = (s: string) => {
  const one = s.replace(/\s+/g, ' ').replace(/^\S{1,6}[.)\-]\s*/, '').trim();
  return one.length > 90 ? one.slice(0, 88) + '…' : one;
};

export const parentTaskUncovered: Rule = {
  ...meta,
  check(ctx) {
    // Only when the check was given parents (CheckOptions.parents).
    const pc = ctx.parents;
    if (!pc) return;
    const includeObjectives = ctx.options.includeObjectives === true;
    for (const link of pc.links(ctx.doc)) {
      const anchor = anchorOf(ctx.doc, link);
      const name = parentName(link);
      for (const c of link.coverage.tasks) {
        if (c.status !== 'uncovered') continue;
        if (c.task.kind === 'objective' && !includeObjectives) continue;
        const text = excerpt(c.task.text);
        ctx.report({
          span: anchor,
          message: t(
            `Nhiệm vụ ${c.task.label} của ${name} chưa được cụ thể hóa trong kế hoạch: “${text}”`,
            `Task ${c.task.label} of ${name} is not carried out by any plan item: “${text}”`,
          ),
          related: [pc.related(link.parent, c.task, RELATED_PARENT(c.task.label))],
        });
      }
    }
  },
};
