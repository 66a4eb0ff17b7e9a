// Hover: what the checker knows about the thing under the cursor — a citation, an agency and its
// role in the task, a deadline's resolved date, and the rule behind a finding.

import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { localize, t, type AgencyRef, type Citation, type LeadSource, type PlanDocument, type Span, type Task, type TaskReason, type Text, type TimeExpression, type Ymd } from '../core';
import { parentHover } from './parents';
import { contains, modelRange, msg, offsetOf, range, ruleOf, spanAt, toModelOffset, type Analysis } from './analysis';

function ymd(d: Ymd): string {
  return `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;
}

function isoToVn(iso: string | undefined): string | undefined {
  const m = iso && /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function citationHover(a: Analysis, c: Citation): string {
  const lines: string[] = [];
  const type = c.typeWord?.value ?? c.number.type;
  lines.push(`**${type} ${msg(a, t('số', 'no.'))} ${c.number.raw}**`);
  const known = a.registry.directives.lookup(c.number.raw);
  const form = c.number.form === 'state' ? t('văn bản nhà nước (số/LOẠI-CƠ QUAN)', 'state document (number/TYPE-ISSUER)')
    : c.number.form === 'party' ? t('văn bản của Đảng (số-LOẠI/CƠ QUAN)', 'Party document (number-TYPE/ISSUER)')
    : t('số, ký hiệu không đúng mẫu', 'malformed number and symbol');
  lines.push(`- ${msg(a, t('Dạng', 'Form'))}: ${msg(a, form)}`);
  const date = c.date?.raw ?? isoToVn(known?.date);
  if (date) lines.push(`- ${msg(a, t('Ngày', 'Date'))}: ${date}`);
  const issuer = c.issuer?.value ?? known?.issuer;
  if (issuer) lines.push(`- ${msg(a, t('Cơ quan ban hành', 'Issued by'))}: ${issuer}`);
  if (known?.title) lines.push(`- ${msg(a, t('Trích yếu', 'Subject'))}: ${known.title}`);
  if (known?.date && c.date && c.date.year && c.date.month && c.date.day) {
    const written = `${c.date.year}-${String(c.date.month).padStart(2, '0')}-${String(c.date.day).padStart(2, '0')}`;
    if (written !== known.date) lines.push(`- ${msg(a, t(`Theo danh mục, văn bản này ban hành ngày ${isoToVn(known.date)}`, `The registry dates this document ${isoToVn(known.date)}`))}`);
  }
  if (c.shortName) lines.push(`- ${msg(a, t('Gọi tắt', 'Short name'))}: ${c.shortName.value}`);
  return lines.join('\n');
}

type Role = 'lead' | 'coordinator' | 'reporter' | 'mentioned';

const TASK_REASONS: Record<TaskReason, Text> = {
  action: t('mục bắt đầu bằng một động từ hành động (triển khai, xây dựng, rà soát …)', 'the item starts with a verb of doing (triển khai, xây dựng, rà soát …)'),
  'table-row': t('một dòng của bảng phân công nhiệm vụ', 'a row of a task table'),
  'field-layout': t('các dòng "Cơ quan thực hiện/chủ trì:", "Thời gian:" là trường của nhiệm vụ này', 'its "Cơ quan thực hiện/chủ trì:", "Thời gian:" lines are this task\'s fields'),
  assigned: t('mục nêu cơ quan thực hiện', 'the item names who carries it out'),
  position: t('chỉ do vị trí trong phần giao nhiệm vụ (không chắc chắn: không báo thiếu cơ quan chủ trì)', 'only its place in a part that assigns work (unsure: a missing lead is not reported)'),
};
const LEAD_SOURCES: Record<LeadSource, Text> = {
  explicit: t('dòng "Cơ quan chủ trì:" của nhiệm vụ', 'the task\'s own "Cơ quan chủ trì:" line'),
  inline: t('câu của nhiệm vụ ("Giao … chủ trì")', 'the task\'s own sentence ("Giao … chủ trì")'),
  heading: t('tiêu đề mục nêu tên cơ quan', 'the heading that names the body'),
  group: t('mục cha ("… chủ trì, phối hợp …")', 'the parent item ("… chủ trì, phối hợp …")'),
  table: t('cột "Cơ quan chủ trì" của bảng', 'the table\'s lead column'),
  preamble: t('dòng giao việc phía trên danh sách ("Giao … thực hiện:")', 'the line that assigns the list above it ("Giao … thực hiện:")'),
  field: t('trường "Đơn vị chủ trì:" ghi sau nhóm nhiệm vụ', 'the "Đơn vị chủ trì:" field written after the group'),
};

/** The task whose label or title (outline) or content cell (table) holds `m`. */
function taskAt(doc: PlanDocument, m: number): Task | undefined {
  for (const task of doc.tasks) {
    if (task.item !== undefined) {
      const it = doc.items[task.item];
      if (m >= it.start && m <= it.title.end) return task;
    } else if (contains(task.content, m)) return task;
  }
  return undefined;
}

function taskHover(a: Analysis, task: Task): string {
  const lines = [`**${msg(a, t('Nhiệm vụ', 'Task'))}**`];
  if (task.taskReason) lines.push(`- ${msg(a, t('Vì sao là nhiệm vụ', 'Why a task'))}: ${msg(a, TASK_REASONS[task.taskReason])}`);
  if (task.lead) {
    const names = [task.lead, ...task.extraLeads].map((l) => l.name).join('; ');
    const from = task.leadSource ? ` — ${msg(a, t('theo', 'from'))} ${msg(a, LEAD_SOURCES[task.leadSource])}` : '';
    const shape = task.leadByShape ? ` (${msg(a, t('nhận biết theo dạng tên', 'recognised by the shape of its name'))})` : '';
    lines.push(`- ${msg(a, t(task.leadLabel ?? 'Cơ quan chủ trì', task.leadLabel ?? 'Lead'))}: ${names}${from}${shape}`);
  } else {
    lines.push(`- ${msg(a, t('Chưa thấy cơ quan chủ trì', 'No lead found'))}`);
  }
  if (task.time) lines.push(`- ${msg(a, t('Thời gian', 'Time'))}: ${task.time.raw}`);
  return lines.join('\n');
}

function agencyAt(doc: PlanDocument, m: number): { ref: AgencyRef; role: Role; task?: string } | undefined {
  for (const task of doc.tasks) {
    const content = task.content.value.trim().slice(0, 80);
    for (const ref of [task.lead, ...task.extraLeads]) if (ref && contains(ref, m)) return { ref, role: 'lead', task: content };
    for (const ref of task.coordinators) if (contains(ref, m)) return { ref, role: 'coordinator', task: content };
  }
  for (const r of doc.reporting) if (r.reporter && contains(r.reporter, m)) return { ref: r.reporter, role: 'reporter' };
  for (const ref of doc.agencies) if (contains(ref, m)) return { ref, role: 'mentioned' };
  return undefined;
}

function agencyHover(a: Analysis, found: { ref: AgencyRef; role: Role; task?: string }): string {
  const { ref, role } = found;
  const lines = [`**${ref.name}**`];
  const roleText = role === 'lead' ? t('cơ quan chủ trì', 'lead agency (chủ trì)')
    : role === 'coordinator' ? t('cơ quan phối hợp', 'coordinating agency (phối hợp)')
    : role === 'reporter' ? t('cơ quan báo cáo', 'reporting agency')
    : t('được nêu trong kế hoạch', 'named in the plan');
  lines.push(`- ${msg(a, t('Vai trò', 'Role'))}: ${msg(a, roleText)}${found.task ? ` — “${found.task}${found.task.length >= 80 ? '…' : ''}”` : ''}`);
  if (ref.collective) lines.push(`- ${msg(a, t('Danh từ tập hợp: không phải một cơ quan chịu trách nhiệm cụ thể', 'A collective: not one accountable agency'))}`);
  const rec = (ref.agencyId ? a.registry.agencies.byId(ref.agencyId) : undefined) ?? a.registry.agencies.lookup(ref.name);
  if (rec) {
    if (rec.name !== ref.name) lines.push(`- ${msg(a, t('Tên chính thức', 'Canonical name'))}: ${rec.name}`);
    if (rec.from || rec.until) lines.push(`- ${msg(a, t('Tồn tại', 'Existed'))}: ${isoToVn(rec.from) ?? '…'} – ${isoToVn(rec.until) ?? '…'}`);
    const date = a.result?.planDate;
    if (date && !a.registry.agencies.existsAt(rec, date)) {
      lines.push(`- ${msg(a, t(`Không còn tồn tại vào ngày ${ymd(date)} (ngày của kế hoạch)`, `No longer exists on ${ymd(date)} (the plan's date)`))}`);
    }
    if (rec.successors?.length) {
      const names = rec.successors.map((s) => (a.registry.agencies.byId(s.id)?.name ?? s.id) + (s.functions ? ` (${s.functions})` : ''));
      lines.push(`- ${msg(a, t('Kế thừa', 'Succeeded by'))}: ${names.join('; ')}`);
    }
    if (rec.source) lines.push(`- ${msg(a, t('Nguồn', 'Source'))}: ${rec.source}`);
  }
  return lines.join('\n');
}

function timeAt(doc: PlanDocument, m: number): TimeExpression | undefined {
  for (const task of doc.tasks) if (task.time && contains(task.time, m)) return task.time;
  for (const r of doc.reporting) if (r.time && contains(r.time, m)) return r.time;
  return undefined;
}

function timeHover(a: Analysis, time: TimeExpression): string {
  const kinds: Record<TimeExpression['kind'], [string, string]> = {
    deadline: ['Thời hạn', 'Deadline'],
    period: ['Định kỳ', 'Periodic'],
    during: ['Trong khoảng', 'During'],
    range: ['Giai đoạn', 'Period'],
    continuous: ['Thường xuyên', 'Ongoing'],
    date: ['Ngày', 'Date'],
  };
  const [vi, en] = kinds[time.kind] ?? ['Thời gian', 'Time'];
  const lines = [`**${msg(a, t(vi, en))}**: ${time.raw}`];
  if (time.resolved) lines.push(`- ${msg(a, t('Hạn cuối', 'Latest day'))}: ${ymd(time.resolved)}`);
  if (time.period) lines.push(`- ${msg(a, t('Chu kỳ', 'Period'))}: ${time.period}`);
  if (time.date && !time.date.valid) lines.push(`- ${msg(a, t('Ngày không tồn tại', 'This date does not exist'))}`);
  return lines.join('\n');
}

/**
 * A rationale without its configuration remarks ("(tùy chọn { "includeGeneral": true } để vẫn
 * báo)"): raw JSON in a hover reads as noise; the rule's page, linked from the finding, has them.
 */
export function withoutConfigNotes(text: string): string {
  return text.replace(/\s*\([^()]*\{[^{}]*\}[^()]*\)/g, '').trim();
}

export function hover(a: Analysis, position: Position): Hover | null {
  const result = a.result;
  if (!result) return null;
  const doc = result.doc;
  const offset = offsetOf(a, position);
  const m = toModelOffset(doc, offset);
  const parts: string[] = [];
  let span: Span | undefined;

  const citation = spanAt(doc.citations, m);
  if (citation) {
    parts.push(citationHover(a, citation));
    span = citation.number;
  }
  // A task's label or title: why it is a task and where its lead comes from.
  const task = citation ? undefined : taskAt(doc, m);
  if (task) parts.push(taskHover(a, task));
  const agency = agencyAt(doc, m);
  if (agency) {
    parts.push(agencyHover(a, agency));
    span ??= agency.ref;
  }
  const time = timeAt(doc, m);
  if (time) {
    parts.push(timeHover(a, time));
    span ??= time;
  }

  // A plan item that carries out a parent task: the task, how close, and what was adapted.
  const parent = parentHover(a, m);
  if (parent) {
    parts.push(parent.text);
    span ??= parent.span;
  }

  // The rules behind findings under the cursor. The editor already shows the finding's message in
  // the same hover (with the rule's link), so this part says only why it matters and the fix.
  const seen = new Set<string>();
  let findingRange: ReturnType<typeof range> | undefined;
  for (const f of result.findings) {
    if (f.start > offset) break; // sorted by start
    if (offset > f.end || seen.has(f.rule)) continue;
    seen.add(f.rule);
    findingRange ??= range(a.lines, f.start, f.end);
    const rule = ruleOf(a, f.rule);
    const why = rule ? withoutConfigNotes(localize(rule.rationale ?? rule.description, a.locale)) : '';
    const lines = [`**${f.rule}** \`${f.alias}\`${why ? ` — ${why}` : ''}`];
    const fix = f.fixes.find((x) => x.preferred);
    if (fix) lines.push('', `${msg(a, t('Cách sửa', 'Fix'))}: ${fix.title}`);
    parts.push(lines.join('\n'));
  }
  if (!parts.length) return null;
  const hoverRange = span ? modelRange(a, doc, span) : findingRange ?? range(a.lines, offset, offset);
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: hoverRange };
}
