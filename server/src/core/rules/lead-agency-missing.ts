// KH201: a task with no lead agency (cơ quan chủ trì). Every task must name who leads it
// (DOMAIN.md §2). Items of the "Nhiệm vụ, giải pháp" section are not flagged when the plan
// assigns the work elsewhere (an appendix table with leads, or a "Tổ chức thực hiện" section
// that lists tasks agency by agency), as the 94/NQ-CP plan of Thái Nguyên does.
// The only fix inserts an empty "Cơ quan chủ trì:" line to fill in, so it is never preferred.

import type { Rule } from '../rule';
import { t } from '../i18n';
import { assignsElsewhere, confidentTask, quote, sectionOfTask, taskAnchor, taskData } from './lead-common';

export const leadAgencyMissing: Rule = {
  id: 'KH201',
  alias: 'lead-agency-missing',
  category: 'lead-agency',
  defaultSeverity: 'warning',
  fixable: true,
  description: t('Nhiệm vụ chưa có cơ quan chủ trì', 'Task has no lead agency'),
  rationale: t(
    'Mỗi nhiệm vụ trong kế hoạch phải giao cho một cơ quan chủ trì để có đầu mối chịu trách nhiệm thực hiện và báo cáo. ' +
      'Ghi rõ "- Cơ quan chủ trì: …", hoặc viết "Giao Sở … chủ trì, phối hợp với …", hoặc điền cột "Cơ quan chủ trì" của phụ lục. ' +
      'Khi kế hoạch đã phân công theo từng cơ quan ở mục "Tổ chức thực hiện" hoặc ở phụ lục, các mục của phần "Nhiệm vụ, giải pháp" ' +
      'được coi là định hướng chung và không bị báo (tùy chọn { "includeGeneral": true } để vẫn báo).',
    'Every task in a plan must be given to one lead agency, so that someone is accountable for doing and reporting it. ' +
      'Add "- Cơ quan chủ trì: …", write "Giao Sở … chủ trì, phối hợp với …", or fill the appendix "Cơ quan chủ trì" column. ' +
      'When the plan assigns its work agency by agency under "Tổ chức thực hiện" or in an appendix, the items of the "Nhiệm vụ, giải pháp" ' +
      'part are taken as general directions and not flagged (option { "includeGeneral": true } flags them too).',
  ),
  check(ctx) {
    const { doc } = ctx;
    // Option { "includeGeneral": true }: flag the "Nhiệm vụ, giải pháp" items even when the plan
    // assigns its work in "Tổ chức thực hiện" or an appendix.
    const elsewhere = ctx.options.includeGeneral !== true && assignsElsewhere(doc);
    for (const task of doc.tasks) {
      if (task.lead) continue;
      // Only items the model is sure are tasks: a warning must be right.
      if (!confidentTask(task)) continue;
      if (task.source === 'outline') {
        if (elsewhere && sectionOfTask(doc, task) !== 'organization') continue;
      } else if (task.table !== undefined && task.row !== undefined) {
        // A row merged with the one above shares its (missing) lead cell: report it once, there.
        const table = doc.tables[task.table];
        const row = table?.rows[task.row];
        if (row && row.continues !== undefined) continue;
        // A table with no "Cơ quan chủ trì" column is not where this plan names its leads.
        if (table && !table.columns.some((c) => c.role === 'lead')) continue;
      }
      const anchor = taskAnchor(doc, task);
      // The title says which task it is; the body can run for paragraphs.
      const item = task.item !== undefined ? doc.items[task.item] : undefined;
      const q = quote(item ? item.title.value : task.content.value);
      const fixes = [];
      if (task.source === 'outline') {
        const at = task.content.end;
        fixes.push({
          title: t('Thêm dòng "- Cơ quan chủ trì:" để điền', 'Add a "- Cơ quan chủ trì:" line to fill in'),
          edits: [{ start: at, end: at, text: '\n- Cơ quan chủ trì: ' }],
          preferred: false,
        });
      }
      ctx.report({
        span: anchor,
        message: task.source === 'table'
          ? t(`Dòng phụ lục chưa ghi cơ quan chủ trì: "${q}"`, `Appendix row names no lead agency: "${q}"`)
          : t(`Nhiệm vụ chưa có cơ quan chủ trì: "${q}"`, `Task has no lead agency: "${q}"`),
        fixes,
        data: taskData(task),
      });
    }
  },
};
