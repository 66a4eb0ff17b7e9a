// Shared helpers for the lead-agency rules (KH2xx): where to point at a task, a short quote of
// it, which section it sits in, and whether the plan assigns its tasks somewhere else.

import type { AgencyRef, PlanDocument, SectionKind, Span, Task } from '../model';
import { sameAgencyName } from '../parse/agencyMentions';
import type { AgencyRegistry } from '../registry/registry';

/** The section kind of the top-level item a task sits under (undefined for table tasks). */
export function sectionOfTask(doc: PlanDocument, task: Task): SectionKind | undefined {
  if (task.item === undefined) return undefined;
  let it = doc.items[task.item];
  for (let guard = 0; it && it.parent >= 0 && guard < 64; guard++) it = doc.items[it.parent];
  return it?.sectionKind;
}

/**
 * Whether the plan names leads elsewhere: an appendix task table with leads, or an organisation
 * section ("Tổ chức thực hiện") that assigns work agency by agency. Then the items of the "Nhiệm
 * vụ, giải pháp" section are general directions, and a missing lead there is not a mistake.
 */
export function assignsElsewhere(doc: PlanDocument): boolean {
  if (doc.tasks.some((t) => t.source === 'table' && t.lead)) return true;
  if (assignsInAppendix(doc)) return true;
  const leads = new Set<string>();
  for (const t of doc.tasks) {
    if (t.source !== 'outline' || !t.lead || t.lead.collective) continue;
    if (sectionOfTask(doc, t) === 'organization') leads.add(t.lead.name.toLowerCase());
  }
  return leads.size >= 2;
}

/**
 * The plan says its work is assigned in an appendix: "(Phân công nhiệm vụ theo Phụ lục đính kèm)",
 * "Chi tiết phân công tại Phụ lục", or an appendix titled "PHÂN CÔNG THỰC HIỆN NHIỆM VỤ …" (a table
 * pasted from Word may come without the pipes or cell lines the table reader knows).
 */
function assignsInAppendix(doc: PlanDocument): boolean {
  if (!doc.appendix) return false;
  const body = doc.text.slice(0, doc.appendix.start);
  if (/phân công[^.\n]{0,80}?(?:theo|tại|ở|trong)\s+(?:các\s+)?phụ lục/iu.test(body)) return true;
  if (/(?:chi tiết|cụ thể)[^.\n]{0,40}?(?:theo|tại)\s+(?:các\s+)?phụ lục[^.\n]{0,40}?(?:phân công|nhiệm vụ)/iu.test(body)) return true;
  const head = doc.text.slice(doc.appendix.start, doc.appendix.start + 400);
  return /^[^\n]*\n?[^\n]*PHÂN CÔNG (?:THỰC HIỆN )?NHIỆM VỤ/u.test(head);
}

/**
 * Whether the model is sure enough that an item is a task to warn that its lead is missing: an
 * action (a verb of doing at its head), a task-table row, or a field layout. An item that is a task
 * only by its place in the plan ('position') is not reported.
 */
export function confidentTask(task: Task): boolean {
  return task.taskReason === undefined || task.taskReason === 'action' || task.taskReason === 'table-row' || task.taskReason === 'field-layout';
}

/** What a finding about a task carries in `--format json` (`data`): why it is a task, where its lead comes from. */
export function taskData(task: Task): Record<string, string> {
  const d: Record<string, string> = {};
  if (task.taskReason) d.taskReason = task.taskReason;
  d.leadFrom = task.leadSource ?? 'none';
  if (task.leadLabel) d.leadLabel = task.leadLabel;
  if (task.leadByShape) d.leadRecognisedBy = 'shape';
  return d;
}

/** Where a finding about the task itself points: its label and the first line of its title or content. */
export function taskAnchor(doc: PlanDocument, task: Task): Span {
  const start = task.source === 'outline' && task.item !== undefined ? doc.items[task.item].start : task.content.start;
  let end = task.content.end;
  const nl = doc.text.indexOf('\n', task.content.start);
  if (nl >= 0 && nl < end) end = nl;
  while (end > start && /\s/.test(doc.text[end - 1])) end--;
  return { start, end: Math.max(end, start) };
}

/** A short quote of a task's content for messages. */
export function quote(s: string, max = 60): string {
  const v = s.replace(/\s+/g, ' ').trim();
  return v.length <= max ? v : `${v.slice(0, max - 1).trimEnd()}…`;
}

/** The same agency: by registry id when both names resolve ("UBND tỉnh" = "Ủy ban nhân dân tỉnh"), else by name. */
export function sameAgency(a: AgencyRef, b: AgencyRef, registry?: AgencyRegistry): boolean {
  const ida = a.agencyId ?? registry?.lookup(a.name)?.id;
  const idb = b.agencyId ?? registry?.lookup(b.name)?.id;
  if (ida && idb) {
    // Registry records are kinds of agency ("Ủy ban nhân dân cấp xã"): two communes share one.
    const pa = placeOf(a.name), pb = placeOf(b.name);
    return ida === idb && (!pa || !pb || pa === pb);
  }
  return sameAgencyName(a.name, b.name);
}

/** The place a name ends with ("… phường Văn Phú" → "văn phú"), if any. */
function placeOf(name: string): string | undefined {
  const m = /(?:tỉnh|huyện|xã|phường|thị trấn|thành phố|thị xã|đặc khu)\s+((?:\p{Lu}[\p{L}\p{M}]*\s*){1,4})$/u.exec(name.trim());
  return m ? m[1].trim().toLowerCase() : undefined;
}

/** All leads of a task (the lead and the extra ones). */
export function leadsOf(task: Task): AgencyRef[] {
  return task.lead ? [task.lead, ...task.extraLeads] : [];
}

/**
 * Whether a task asks for one deliverable or one accountable follow-up — a scheme, a decree, a
 * policy, a platform; monitoring and consolidating — rather than a duty every agency carries out
 * in its own remit ("Tổ chức quán triệt …", "Triển khai thực hiện …"). Several leads, or a
 * collective lead, are a problem for the first kind; for the second they are how plans are written.
 */
export function singleDeliverable(content: string): boolean {
  // The task is said first; what follows cites documents ("… Nghị quyết số 94/NQ-CP ban hành …").
  const head = content.slice(0, 200);
  return DELIVERABLE.test(head) || FOLLOW_UP.test(head);
}
const DELIVERABLE = /(?<![\p{L}])(?:xây dựng|ban hành|soạn thảo|sửa đổi|bổ sung|hoàn thiện|thành lập|lập|đề xuất)(?![\p{L}])[^.;:]{0,60}?(?<![\p{L}])(?:đề án|nghị định|nghị quyết|luật|quyết định|thông tư|chỉ thị|chiến lược|quy hoạch|cơ chế|chính sách|quy định|quy chế|bộ tiêu chí|bộ chỉ số|danh mục|hồ sơ|nền tảng|cơ sở dữ liệu|quỹ|trung tâm)(?![\p{L}])(?!\s+số)/iu;
const FOLLOW_UP = /(?<![\p{L}])(?:theo dõi, đôn đốc|theo dõi,? đôn đốc|cơ quan đầu mối|tổng hợp,? báo cáo)(?![\p{L}])/iu;
