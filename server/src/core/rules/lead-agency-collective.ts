// KH202: the only lead is a collective ("Các sở, ban, ngành", "UBND huyện, thành phố"): nobody
// in particular answers for the task. Softer than a missing lead (information): a collective is
// right for duties every agency does in its own remit ("Tổ chức quán triệt …" — 147/KH-UBND row 1),
// wrong for one deliverable ("xây dựng, ban hành các đề án, cơ chế, chính sách …" — row 3), so only
// tasks that ask for one deliverable or one follow-up are flagged. Only leads in a "chủ trì" slot
// count (explicit line, inline "… chủ trì", a group line, the appendix lead column); an item
// addressed to a collective ("1. Các sở, ban, ngành: căn cứ …") is not flagged, nor a "Cơ quan thực
// hiện:" slot (who carries the duty out, each in its remit — not who answers for one product), so
// identical "Cơ quan thực hiện: Các sở, ban, ngành tỉnh …" lines are treated alike. The message
// names the slot as the plan writes it.

import type { Rule } from '../rule';
import { t } from '../i18n';
import { leadsOf, quote, singleDeliverable, taskData } from './lead-common';

export const leadAgencyCollective: Rule = {
  id: 'KH202',
  alias: 'lead-agency-collective',
  category: 'lead-agency',
  defaultSeverity: 'information',
  fixable: false,
  description: t(
    'Cơ quan chủ trì là một tập hợp (các sở, ban, ngành…), không phải một cơ quan chịu trách nhiệm',
    'The lead is a collective (all departments…), not one accountable agency',
  ),
  rationale: t(
    'Khi cơ quan chủ trì là "Các sở, ban, ngành" hay "UBND các huyện", không có đầu mối chịu trách nhiệm tổng hợp và báo cáo kết quả. ' +
      'Nếu nhiệm vụ là một sản phẩm chung (đề án, chính sách), giao một cơ quan chủ trì và để các cơ quan khác phối hợp.',
    'When the lead is "all departments" or "all district People\'s Committees", no one is accountable for consolidating and reporting. ' +
      'If the task is one deliverable (a scheme, a policy), give it to one lead and let the others coordinate.',
  ),
  check(ctx) {
    const seen = new Set<string>();
    for (const task of ctx.doc.tasks) {
      if (!task.lead || task.leadSource === 'heading' || task.leadSource === 'preamble') continue;
      if (task.leadLabel && !/chủ trì/iu.test(task.leadLabel)) continue; // a "Cơ quan thực hiện" slot
      const leads = leadsOf(task);
      if (!leads.every((l) => l.collective)) continue;
      // A duty each agency does for itself ("Tổ chức quán triệt …") is rightly given to all of them.
      if (!singleDeliverable(task.content.value)) continue;
      const key = `${task.lead.start}:${task.lead.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const name = quote(task.lead.name, 50);
      const slot = task.leadLabel ?? 'Cơ quan chủ trì';
      ctx.report({
        span: { start: task.lead.start, end: task.lead.end },
        message: t(
          `${slot} "${name}" là một tập hợp, không phải một cơ quan chịu trách nhiệm`,
          `The lead ("${slot}") "${name}" is a collective, not one accountable agency`,
        ),
        data: taskData(task),
        related: [{ message: t(`Nhiệm vụ: "${quote(task.content.value)}"`, `Task: "${quote(task.content.value)}"`), span: { start: task.content.start, end: task.content.start } }],
      });
    }
  },
};
