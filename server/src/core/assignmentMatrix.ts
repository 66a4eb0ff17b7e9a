// The assignment matrix: who carries what. For each agency, the tasks it leads and the tasks it
// supports, with their deadlines — read from doc.tasks (lead, extra leads, coordinators, time).
// Agencies are grouped by registry id when the registry knows the name ("Sở KH&ĐT" and
// "Sở Kế hoạch và Đầu tư" are one row), and marked when they no longer exist at the plan's date.
// Pure: the CLI reads the file and prints what these functions return.

import type { AgencyRef, PlanDocument, Task, Ymd } from './model';
import type { AgencyIndex } from './registry/agencies';
import { agencyKey } from './registry/agency-names';
import { lineIndexAt } from './text/lines';

export type Role = 'lead' | 'support';

export interface TaskEntry {
  /** Index in doc.tasks. */
  task: number;
  /** 1-based line of the task in the text. */
  line: number;
  /** The task's content, on one line and trimmed to a readable length. */
  content: string;
  /** The time or deadline as written, when the task has one. */
  time?: string;
}

export interface AgencyRow {
  /** Registry id, or "name:<key>" for a name the registry does not know. */
  key: string;
  /** Canonical name when known, else the name as first written. */
  name: string;
  agencyId?: string;
  /** "Các sở, ban, ngành", "UBND các huyện": not one accountable body. */
  collective: boolean;
  /** Set when the agency does not exist at the plan's date. */
  defunct?: { since: string; successors: string[] };
  leads: TaskEntry[];
  supports: TaskEntry[];
}

export interface AssignmentMatrix {
  /** ISO date the plan was judged at. */
  planDate: string;
  tasks: number;
  rows: AgencyRow[];
  /** Tasks without a lead agency. */
  unassigned: TaskEntry[];
}

const MAX_CONTENT = 160;

function iso(d: Ymd): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function viDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

function dayAfter(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + 1)).toISOString().slice(0, 10) : isoDate;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function trimContent(s: string): string {
  const t = oneLine(s);
  if (t.length <= MAX_CONTENT) return t;
  const cut = t.lastIndexOf(' ', MAX_CONTENT - 1);
  return t.slice(0, cut > MAX_CONTENT / 2 ? cut : MAX_CONTENT - 1) + '…';
}

/** Build the matrix from a parsed plan. Linear in the number of tasks and agency references. */
export function buildAssignmentMatrix(doc: PlanDocument, registry: AgencyIndex, planDate: Ymd): AssignmentMatrix {
  const day = iso(planDate);
  const rows = new Map<string, AgencyRow>();
  const unassigned: TaskEntry[] = [];

  const rowFor = (ref: AgencyRef): AgencyRow | undefined => {
    const written = oneLine(ref.name ?? '');
    if (!written) return undefined;
    const record = (ref.agencyId && registry.byId(ref.agencyId)) || registry.lookup(written);
    const key = record ? record.id : 'name:' + agencyKey(written);
    let row = rows.get(key);
    if (!row) {
      // A per-province record ("Báo <tỉnh>") reads better under the name as written ("Báo Thái Nguyên").
      const generic = !!record && record.aliases.some((a) => a.includes('<tỉnh>'));
      row = { key, name: record && !generic ? record.name : written, agencyId: record?.id, collective: !!ref.collective, leads: [], supports: [] };
      if (record && !registry.existsAt(record, planDate) && record.until && day > record.until) {
        row.defunct = { since: dayAfter(record.until), successors: registry.successorsOf(record).map((s) => s.record.name) };
      }
      rows.set(key, row);
    }
    return row;
  };

  doc.tasks.forEach((task: Task, index: number) => {
    const entry: TaskEntry = {
      task: index,
      line: lineIndexAt(doc.lines, task.start) + 1,
      content: trimContent(task.content?.value ?? ''),
      time: task.time?.raw ? oneLine(task.time.raw) : undefined,
    };
    const leads = [task.lead, ...(task.extraLeads ?? [])].filter((a): a is AgencyRef => !!a);
    if (leads.length === 0) unassigned.push(entry);
    const seen = new Set<string>();
    for (const a of leads) {
      const row = rowFor(a);
      if (row && !seen.has(row.key)) {
        seen.add(row.key);
        row.leads.push(entry);
      }
    }
    for (const a of task.coordinators ?? []) {
      const row = rowFor(a);
      if (row && !seen.has(row.key)) {
        seen.add(row.key);
        row.supports.push(entry);
      }
    }
  });

  const sorted = [...rows.values()].sort(
    (a, b) =>
      Number(a.collective) - Number(b.collective) ||
      b.leads.length - a.leads.length ||
      b.supports.length - a.supports.length ||
      a.name.localeCompare(b.name, 'vi'),
  );
  return { planDate: day, tasks: doc.tasks.length, rows: sorted, unassigned };
}

function statusVi(row: AgencyRow): string {
  if (!row.defunct) return '';
  const now = row.defunct.successors.length ? `; nay: ${row.defunct.successors.join(', ')}` : '';
  return `không còn tồn tại từ ${viDate(row.defunct.since)}${now}`;
}

// ---------------------------------------------------------------------------------------------
// Formats

export function formatMatrixText(m: AssignmentMatrix): string {
  const out: string[] = [];
  out.push(`Bảng phân công nhiệm vụ (assignment matrix) — ngày xét ${viDate(m.planDate)}: ${m.rows.length} cơ quan, ${m.tasks} nhiệm vụ`);
  for (const r of m.rows) {
    out.push('');
    const status = statusVi(r);
    const tags = [r.collective ? 'tập thể, không phải một cơ quan' : '', status].filter(Boolean).join('; ');
    out.push(`${r.name}${tags ? ` (${tags})` : ''} — chủ trì ${r.leads.length}, phối hợp ${r.supports.length}`);
    for (const [label, list] of [['Chủ trì (leads)', r.leads], ['Phối hợp (supports)', r.supports]] as const) {
      if (list.length === 0) continue;
      out.push(`  ${label}:`);
      for (const e of list) out.push(`    - dòng ${e.line}: ${e.content}${e.time ? ` — thời hạn: ${e.time}` : ''}`);
    }
  }
  if (m.unassigned.length) {
    out.push('');
    out.push(`Nhiệm vụ chưa có cơ quan chủ trì (tasks without a lead): ${m.unassigned.length}`);
    for (const e of m.unassigned) out.push(`    - dòng ${e.line}: ${e.content}${e.time ? ` — thời hạn: ${e.time}` : ''}`);
  }
  return out.join('\n') + '\n';
}

function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

export function formatMatrixMarkdown(m: AssignmentMatrix): string {
  const out: string[] = [];
  out.push(`# Bảng phân công nhiệm vụ`);
  out.push('');
  out.push(`Ngày xét: ${viDate(m.planDate)} · ${m.rows.length} cơ quan · ${m.tasks} nhiệm vụ`);
  out.push('');
  out.push('| Cơ quan | Chủ trì | Phối hợp | Ghi chú |');
  out.push('|---|---:|---:|---|');
  for (const r of m.rows) {
    const note = [r.collective ? 'tập thể' : '', statusVi(r)].filter(Boolean).join('; ');
    out.push(`| ${mdCell(r.name)} | ${r.leads.length} | ${r.supports.length} | ${mdCell(note)} |`);
  }
  for (const r of m.rows) {
    if (r.leads.length + r.supports.length === 0) continue;
    out.push('');
    out.push(`## ${mdCell(r.name)}`);
    const status = statusVi(r);
    if (status) {
      out.push('');
      out.push(`> ${status}`);
    }
    out.push('');
    out.push('| Vai trò | Nhiệm vụ | Thời hạn | Dòng |');
    out.push('|---|---|---|---:|');
    for (const e of r.leads) out.push(`| Chủ trì | ${mdCell(e.content)} | ${mdCell(e.time ?? '')} | ${e.line} |`);
    for (const e of r.supports) out.push(`| Phối hợp | ${mdCell(e.content)} | ${mdCell(e.time ?? '')} | ${e.line} |`);
  }
  if (m.unassigned.length) {
    out.push('');
    out.push(`## Nhiệm vụ chưa có cơ quan chủ trì (${m.unassigned.length})`);
    out.push('');
    out.push('| Nhiệm vụ | Thời hạn | Dòng |');
    out.push('|---|---|---:|');
    for (const e of m.unassigned) out.push(`| ${mdCell(e.content)} | ${mdCell(e.time ?? '')} | ${e.line} |`);
  }
  return out.join('\n') + '\n';
}

function csvCell(s: string | number | undefined): string {
  const v = s === undefined ? '' : String(s);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One row per (agency, task, role); RFC 4180 quoting. Starts with a BOM so spreadsheet programs read the Vietnamese as UTF-8. */
export function formatMatrixCsv(m: AssignmentMatrix): string {
  const lines = [['co_quan', 'ma_co_quan', 'vai_tro', 'dong', 'nhiem_vu', 'thoi_han', 'ghi_chu'].join(',')];
  for (const r of m.rows) {
    const note = [r.collective ? 'tập thể' : '', statusVi(r)].filter(Boolean).join('; ');
    for (const [role, list] of [['chủ trì', r.leads], ['phối hợp', r.supports]] as const) {
      for (const e of list) lines.push([r.name, r.agencyId ?? '', role, e.line, e.content, e.time ?? '', note].map(csvCell).join(','));
    }
  }
  for (const e of m.unassigned) lines.push(['', '', 'chưa có chủ trì', e.line, e.content, e.time ?? '', ''].map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function formatMatrixJson(m: AssignmentMatrix): string {
  return JSON.stringify(m, null, 2) + '\n';
}
