// KH203: several agencies named as lead of one task ("Bộ Khoa học và Công nghệ, Bộ Thông tin và
// Truyền thông chủ trì"): co-leads leave no single accountable agency. Items addressed to several
// agencies by their heading ("18. Báo …, Đài …, Trung tâm …" + duties each carries out for
// itself) are not flagged, nor appendix rows whose duty each lead does for itself (no single
// deliverable), nor leads that are all collectives (KH202 covers those).

import type { Rule } from '../rule';
import { t } from '../i18n';
import { leadsOf, quote, singleDeliverable, taskData } from './lead-common';

export const leadAgencyMultiple: Rule = {
  id: 'KH203',
  alias: 'lead-agency-multiple',
  category: 'lead-agency',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Một nhiệm vụ có nhiều cơ quan chủ trì', 'One task has several lead agencies'),
  rationale: t(
    'Một nhiệm vụ có hai cơ quan chủ trì trở lên thì không rõ ai chịu trách nhiệm chính, ai tổng hợp và báo cáo. ' +
      'Giao một cơ quan chủ trì, chuyển các cơ quan còn lại sang "Cơ quan phối hợp" (hoặc tách thành các nhiệm vụ riêng).',
    'With two or more lead agencies it is unclear who answers for the task, consolidates and reports. ' +
      'Give it one lead and move the others to "Cơ quan phối hợp" (or split the task).',
  ),
  check(ctx) {
    const seen = new Set<string>();
    for (const task of ctx.doc.tasks) {
      if (!task.lead || task.extraLeads.length === 0 || task.leadSource === 'heading' || task.leadSource === 'preamble') continue;
      const leads = leadsOf(task);
      // "Sở A và các cơ quan liên quan": one agency and a collective is one lead, not several.
      if (leads.filter((l) => !l.collective).length < 2) continue;
      // A table row that gives a duty to several bodies, each for itself ("Báo …; Đài … | Tích cực
      // phát huy vai trò … tuyên truyền"), is not a shared task; prose that says "A, B chủ trì" is.
      if (task.leadSource === 'table' && !singleDeliverable(task.content.value)) continue;
      const last = leads[leads.length - 1];
      // One span over the list when it is written in one place, else the first lead.
      const span = last.start > task.lead.start && last.end - task.lead.start <= 300
        ? { start: task.lead.start, end: last.end }
        : { start: task.lead.start, end: task.lead.end };
      const key = `${span.start}:${span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const names = leads.map((l) => `"${quote(l.name, 40)}"`).join(', ');
      ctx.report({
        span,
        message: t(
          `Nhiệm vụ có ${leads.length} cơ quan chủ trì (${names}): không có một cơ quan chịu trách nhiệm chính`,
          `Task has ${leads.length} lead agencies (${names}): no single accountable lead`,
        ),
        related: [{ message: t(`Nhiệm vụ: "${quote(task.content.value)}"`, `Task: "${quote(task.content.value)}"`), span: { start: task.content.start, end: task.content.start } }],
        data: taskData(task),
      });
    }
  },
};
