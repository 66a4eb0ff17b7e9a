// KH204: the same agency is both lead and coordinator of one task ("Cơ quan chủ trì: Sở Nội vụ;
// Cơ quan phối hợp: Sở Tài chính, Sở Nội vụ"). An agency cannot coordinate with itself. The fix
// deletes that agency and one separator from the coordinators list. It deletes the drafter's
// words, so it is only ever a quick fix the drafter picks, never part of "fix all".

import type { Edit, Rule } from '../rule';
import type { AgencyRef, Task } from '../model';
import { t } from '../i18n';
import { leadsOf, quote, sameAgency } from './lead-common';

const SEP_AFTER = /^(?:[ \t]*[,;][ \t]*(?:\r?\n[ \t]*[-+•*–][ \t]*)?|[ \t]+và[ \t]+)/u;
const SEP_BEFORE = /(?:[ \t]*[,;][ \t]*(?:\r?\n[ \t]*[-+•*–][ \t]*)?|[ \t]+và[ \t]+)$/u;

/** Delete the coordinator and one separator, keeping the rest of the list well formed. */
function removal(text: string, task: Task, c: AgencyRef): { edit: Edit } {
  const others = task.coordinators.filter((o) => o !== c);
  const after = SEP_AFTER.exec(text.slice(c.end, c.end + 12));
  const isLastInList = !others.some((o) => o.start > c.start);
  const before = SEP_BEFORE.exec(text.slice(Math.max(0, c.start - 12), c.start));
  const hasBefore = !!before && others.some((o) => o.end <= c.start);
  // "A, B và C" without B is "A và C": drop the comma before rather than the "và" after.
  if (after && /và/u.test(after[0]) && hasBefore && before && /,/.test(before[0])) {
    return { edit: { start: c.start - before[0].length, end: c.end, text: '' } };
  }
  if (after && !isLastInList) return { edit: { start: c.start, end: c.end + after[0].length, text: '' } };
  if (before && hasBefore) return { edit: { start: c.start - before[0].length, end: c.end, text: '' } };
  return { edit: { start: c.start, end: c.end, text: '' } };
}

export const leadAgencyAlsoCoordinator: Rule = {
  id: 'KH204',
  alias: 'lead-agency-also-coordinator',
  category: 'lead-agency',
  defaultSeverity: 'warning',
  fixable: true,
  description: t('Cùng một cơ quan vừa chủ trì vừa phối hợp một nhiệm vụ', 'The same agency both leads and coordinates a task'),
  rationale: t(
    'Cơ quan chủ trì không phối hợp với chính mình; ghi cả hai chỗ thường là sót khi sao chép danh sách. ' +
      'Xóa cơ quan đó khỏi danh sách "Cơ quan phối hợp".',
    'The lead does not coordinate with itself; naming it in both places is usually a slip when lists are copied. ' +
      'Delete it from the "Cơ quan phối hợp" list.',
  ),
  check(ctx) {
    const text = ctx.doc.text;
    const seen = new Set<string>();
    for (const task of ctx.doc.tasks) {
      const leads = leadsOf(task).filter((l) => !l.collective);
      if (leads.length === 0) continue;
      for (const c of task.coordinators) {
        if (c.collective) continue;
        const lead = leads.find((l) => sameAgency(l, c, ctx.registry.agencies) && (l.start !== c.start || l.end !== c.end));
        if (!lead) continue;
        const key = `${c.start}:${c.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const { edit } = removal(text, task, c);
        const name = quote(c.name, 50);
        ctx.report({
          span: { start: c.start, end: c.end },
          message: t(
            `"${name}" vừa là cơ quan chủ trì vừa là cơ quan phối hợp của cùng một nhiệm vụ`,
            `"${name}" is both the lead and a coordinator of the same task`,
          ),
          related: [{ message: t('Cơ quan chủ trì', 'The lead'), span: { start: lead.start, end: lead.end } }],
          fixes: [{
            title: t(`Xóa "${name}" khỏi danh sách cơ quan phối hợp`, `Delete "${name}" from the coordinators`),
            edits: [edit],
            preferred: false,
          }],
        });
      }
    }
  },
};
