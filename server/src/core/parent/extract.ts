// Which documents a plan implements, what a parent document's own number is, and what a parent
// assigns (its tasks, appendix task rows, and the duties it lays on the plan's level).

import type { Citation, DocumentNumber, PlanDocument, Span, TimeExpression, Ymd } from '../model';
import { parseTimeExpression } from '../parse/time';
import { lineIndexAt } from '../text/lines';
import { datesIn } from '../parse/dates';
import { findSymbols, jointIssuersAt } from '../parse/citation-symbol';
import { canonicalSymbol, numberKey } from '../parse/docNumber';
import { findDeadlines, findPeriodicDeadlines, type Deadline, type PeriodicDeadline } from './deadline';
import { fullText, ownText, unitsOf, type Unit } from './units';

// ---------------------------------------------------------------------------------------------
// A document's own key

export interface DocKey {
  /** Comparison key (see numberKey). */
  key: string;
  /** Canonical spelling, "34-NQ/TU". */
  symbol: string;
  number: string;
  type: string;
  issuer: string;
  year?: number;
  /** Where the number stands (model offsets). */
  span: Span;
  /** Header date, when known. */
  date?: Ymd;
  dateSpan?: Span;
  /** Issuing body as printed, when known. */
  issuerName?: string;
}

const HEADER_LINES = 25;

/**
 * The number and symbol of a document's own header ("Số: 134/KH-UBND" → 134/KH-UBND). Falls back
 * to the first lines when the parser found no header (press reprints: "Nghị quyết số 57-NQ/TW").
 */
export function parentKeyOf(doc: PlanDocument): DocKey | undefined {
  const h = doc.header;
  let n: DocumentNumber | undefined;
  // The header's number, with the joint issuers after it ("Số: 16/KH-MTTQ-BTT") kept for its spelling.
  if (h.number) n = { ...h.number, joint: jointIssuersAt(doc.text, h.number.end) || undefined };
  if (!n) {
    const lines = doc.lines.slice(0, HEADER_LINES);
    for (const line of lines) {
      // "Số: 134/KH-UBND", "Số 34 -NQ/TU", or the reprint's "Nghị quyết số 57-NQ/TW"
      const m = /(?:^|\s)(?:Số|số)\s*:?\s*/u.exec(line.text);
      if (!m) continue;
      // A header-less plan's first lines cite its parents ("THỰC HIỆN NGHỊ QUYẾT SỐ 94/NQ-CP…",
      // "Thực hiện …"): those numbers are the parents', not the document's own.
      if (citesAnother(doc, line.start + m.index, line.text)) continue;
      const from = line.start + m.index + m[0].length;
      const found = findSymbols(doc.text.slice(from, Math.min(from + 40, line.end)))[0]?.number;
      if (found && found.start <= 1 && found.number !== '') {
        n = { ...found, start: found.start + from, end: found.end + from };
        break;
      }
    }
  }
  if (!n) return undefined;
  const key: DocKey = {
    key: numberKey(n),
    symbol: canonicalSymbol(n) + (n.joint ?? ''),
    number: n.number,
    type: n.type,
    issuer: n.issuer,
    year: n.year,
    span: { start: n.start, end: n.end },
  };
  const d = h.date;
  if (d && d.valid && d.year && d.month && d.day) {
    key.date = { year: d.year, month: d.month, day: d.day };
    key.dateSpan = { start: d.start, end: d.end };
  } else {
    const found = headerDate(doc);
    if (found) Object.assign(key, found);
  }
  if (h.issuer) key.issuerName = h.issuer.value;
  return key;
}

/**
 * The number a document declares as its own: its header's (parentKeyOf), unless the text also
 * cites that number as a parent. A plan without a number of its own ("KẾ HOẠCH Thực hiện Nghị
 * quyết số 43-NQ/TW …") would otherwise take the first number in its lines, which is its parent's.
 * The one key every parent search and filter compares.
 */
export function ownKeyOf(doc: PlanDocument): DocKey | undefined {
  const key = parentKeyOf(doc);
  if (!key || citedParents(doc).some((c) => c.key === key.key)) return undefined;
  return key;
}

function citesAnother(doc: PlanDocument, at: number, lineText: string): boolean {
  // A line that is only "<type> số <number>" is a title (the reprint's "Nghị quyết số 57-NQ/TW").
  if (/^\s*[\p{L}\s]{2,40}\s+số\s+\S+\s*$/u.test(lineText)) return false;
  // The body never carries the document's own number.
  if (doc.items.length > 0 && at >= doc.items[0].start) return true;
  const inside = (sp: { start: number; end: number } | undefined) => !!sp && at >= sp.start && at < sp.end;
  if (inside(doc.header.subject) || inside(doc.preamble)) return true;
  return /^[\s*\-–]*\(?(?:thực hiện|triển khai|căn cứ|cụ thể hóa|cụ thể hoá|kèm theo)/iu.test(lineText);
}

/**
 * "…, ngày 27 tháng 12 năm 2025" or "(ngày 22/12/2024)" in the first lines, when the header has no
 * date (a press reprint): the first such date the parser read there.
 */
function headerDate(doc: PlanDocument): { date: Ymd; dateSpan: Span } | undefined {
  const end = doc.lines[HEADER_LINES]?.start ?? doc.text.length;
  for (const d of datesIn(doc.dates, 0, end)) {
    if (!d.valid || d.day === undefined || d.month === undefined || d.year === undefined) continue;
    if (d.form === 'full' || (d.form === 'dmy' && /\(ngày\s+$/u.test(doc.text.slice(Math.max(0, d.start - 8), d.start)) && doc.text[d.end] === ')')) {
      return { date: { year: d.year, month: d.month, day: d.day }, dateSpan: { start: d.start, end: d.end } };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Citations of parents

export interface ParentCitation extends Span {
  key: string;
  symbol: string;
  number: DocumentNumber;
  /** The whole citation, as far as it could be read. */
  raw: string;
  /** Type word before the number ("Nghị quyết", "Chương trình hành động"). */
  typeWord?: string;
  date?: Ymd;
  dateSpan?: Span;
  /** The issuer after "của", as written. */
  issuer?: string;
  issuerSpan?: Span;
  /** In the trích yếu (subject) rather than the preamble. */
  inSubject: boolean;
}

/**
 * The parents a plan cites in its trích yếu and preamble: the parser's citations marked as parent
 * cues (Citation.parentCue: a directive after "Thực hiện", "Triển khai thực hiện", "Căn cứ"…).
 * One entry per directive, the first citation; never the plan's own number.
 */
export function citedParents(doc: PlanDocument): ParentCitation[] {
  const out: ParentCitation[] = [];
  const seen = new Set<string>();
  const own = doc.header.number ? numberKey(doc.header.number) : undefined;
  for (const c of doc.citations) {
    if (!c.parentCue) continue;
    const key = numberKey(c.number);
    if (seen.has(key) || key === own) continue;
    seen.add(key);
    out.push(parentCitation(doc, c, key));
  }
  return out;
}

function parentCitation(doc: PlanDocument, c: Citation, key: string): ParentCitation {
  const out: ParentCitation = {
    start: c.start,
    end: c.end,
    key,
    // The joint issuers stay in the spelling ("06/KH-MTTW-BTT"), not in the key: a parent's own
    // header number is read without them.
    symbol: canonicalSymbol(c.number) + (c.number.joint ?? ''),
    number: c.number,
    raw: c.raw,
    typeWord: c.typeWord?.value,
    inSubject: !!doc.header.subject && c.number.start < doc.header.subject.end,
  };
  const d = c.date;
  if (d && d.valid && d.year && d.month && d.day) {
    out.date = { year: d.year, month: d.month, day: d.day };
    out.dateSpan = { start: d.start, end: d.end };
  }
  if (c.issuer) {
    out.issuer = c.issuer.value;
    out.issuerSpan = { start: c.issuer.start, end: c.issuer.end };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// What a parent assigns

/** Who a duty is addressed to. */
export type Level = 'government' | 'ministry' | 'province' | 'department' | 'commune' | 'party' | 'front';

export interface ParentTask extends Span {
  /** Position in the list. */
  index: number;
  /** 'task': a numbered task; 'table': an appendix task row; 'duty': something the parent asks of
   * the levels below (issue a plan, report); 'objective': a target in "Mục tiêu". */
  kind: 'task' | 'table' | 'duty' | 'objective';
  /** Readable label, "II.3", "PL.14". */
  label: string;
  /** The task's text (its own text; for table rows the content cell). */
  text: string;
  /** 0-based line in the parent. */
  line: number;
  /** Unit index (outline) or table/row. */
  unit?: number;
  item?: number;
  table?: number;
  row?: number;
  lead?: string;
  /** Deadline stated in the task. */
  deadline?: Deadline;
  /** For duties: who must act. */
  addressees?: Level[];
  /** For duties: the parent asks the addressees to issue a plan/programme. */
  asksPlan?: boolean;
  /** For duties: the parent asks for reports, with these periodic deadlines. */
  asksReport?: boolean;
  reportDeadlines?: PeriodicDeadline[];
}

const PLAN_DUTY_RE = /(xây\s+dựng|ban\s+hành|cụ\s+thể\s+h[oó]a)[^.;]{0,60}?(kế\s+hoạch|chương\s+trình|đề\s+án)/iu;
const REPORT_DUTY_RE = /báo\s+cáo/iu;

const ADDRESSEE_RES: [Level, RegExp][] = [
  ['province', /(ủy|uỷ)\s+ban\s+nhân\s+dân\s+(các\s+)?tỉnh|ubnd\s+(các\s+)?tỉnh|chính\s+quyền|địa\s+phương|ban\s+cán\s+sự\s+đảng\s+(ủy|uỷ)\s+ban\s+nhân\s+dân\s+tỉnh|đảng\s+(ủy|uỷ)\s+ubnd\s+tỉnh/iu],
  ['ministry', /các\s+bộ|bộ\s*,\s*ngành|cơ\s+quan\s+ngang\s+bộ/iu],
  ['government', /chính\s+phủ/iu],
  ['department', /các\s+sở|sở\s*,\s*ban\s*,\s*ngành/iu],
  ['commune', /cấp\s+xã|các\s+xã|xã\s*,\s*phường/iu],
  ['party', /cấp\s+(ủy|uỷ)|tỉnh\s+(ủy|uỷ)|đảng\s+(ủy|uỷ)|đảng\s+đoàn|ban\s+cán\s+sự|tổ\s+chức\s+đảng/iu],
  ['front', /mặt\s+trận|tổ\s+chức\s+chính\s+trị\s*-\s*xã\s+hội/iu],
];

/** The levels a sentence addresses (only the subject part, before the verb, is read). */
export function addresseesOf(text: string): Level[] {
  // The subject runs to the first verb of the duty ("xây dựng", "chỉ đạo", "có trách nhiệm" …).
  const head = text.slice(0, 320);
  const verb = /\s(?:xây\s+dựng|ban\s+hành|cụ\s+thể\s+h[oó]a|chỉ\s+đạo|lãnh\s+đạo|có\s+trách\s+nhiệm|tập\s+trung|báo\s+cáo|theo\s+chức\s+năng|phối\s+hợp|chủ\s+trì)/iu.exec(head.slice(12));
  const subject = verb ? head.slice(0, 12 + verb.index) : head.slice(0, 160);
  return ADDRESSEE_RES.filter(([, re]) => re.test(subject)).map(([l]) => l);
}

/** The level of the body that issues a document, from its header's issuer and first lines. */
export function levelOfIssuer(doc: PlanDocument): Level | undefined {
  const head = (doc.header.issuer?.value ?? doc.lines.slice(0, 6).map((l) => l.text).join(' ')).toLocaleUpperCase('vi');
  if (/(ỦY|UỶ) BAN NHÂN DÂN|UBND/.test(head)) return /XÃ|PHƯỜNG|ĐẶC KHU/.test(head) && !/TỈNH|THÀNH PHỐ/.test(head) ? 'commune' : 'province';
  if (/CHÍNH PHỦ/.test(head) && !/ĐẢNG/.test(head)) return 'government';
  if (/^\s*BỘ\s|\sBỘ\s/.test(head)) return 'ministry';
  if (/SỞ\s/.test(head)) return 'department';
  if (/TỈNH (ỦY|UỶ)|ĐẢNG|BAN CHẤP HÀNH|THƯỜNG VỤ/.test(head)) return 'party';
  return undefined;
}

/**
 * What a parent assigns: the leaves of its task sections, its objectives, its appendix task rows,
 * and the duties in "Tổ chức thực hiện" that tell lower levels to issue plans or report.
 */
export function extractParentTasks(parent: PlanDocument): ParentTask[] {
  // A parsed document never changes, so its tasks are computed once (the server re-checks plans
  // against the same parents on every keystroke). Callers must not mutate the result.
  const cached = taskCache.get(parent);
  if (cached) return cached;
  const tasks = computeParentTasks(parent);
  taskCache.set(parent, tasks);
  return tasks;
}

const taskCache = new WeakMap<PlanDocument, ParentTask[]>();

function computeParentTasks(parent: PlanDocument): ParentTask[] {
  const units = unitsOf(parent);
  const out: ParentTask[] = [];
  const push = (t: Omit<ParentTask, 'index'>) => out.push({ ...t, index: out.length } as ParentTask);
  for (const u of units) {
    if (u.depth === 0) continue;
    const isLeaf = u.children.length === 0;
    const text = ownText(parent, u).trim();
    if (text.length < 12) continue;
    if (u.section === 'tasks' && isLeaf) {
      push(unitTask(parent, u, 'task', text));
    } else if (u.section === 'objectives' && isLeaf && u.depth >= 2) {
      push(unitTask(parent, u, 'objective', text));
    } else if (u.section === 'organization') {
      // A duty: addressed to a level, asking for a plan or for reports. Heading units whose
      // children carry the duties ("2. Đảng uỷ … chỉ đạo:") are read through their children.
      const whole = isLeaf ? text : fullText(parent, u);
      if (!isLeaf && !PLAN_DUTY_RE.test(text) && !REPORT_DUTY_RE.test(text)) continue;
      const asksPlan = PLAN_DUTY_RE.test(whole);
      const asksReport = REPORT_DUTY_RE.test(whole) && !/khó\s+khăn[^.;]{0,40}báo\s+cáo|báo\s+cáo[^.;]{0,30}(xem\s+xét|kịp\s+thời)/iu.test(whole);
      if (!asksPlan && !asksReport) continue;
      const addressees = addresseesOf(text);
      if (addressees.length === 0) continue;
      const t = unitTask(parent, u, 'duty', text);
      t.addressees = addressees;
      t.asksPlan = asksPlan;
      t.asksReport = asksReport;
      const rel = fullText(parent, u);
      t.reportDeadlines = findPeriodicDeadlines(rel, u.start);
      push(t);
    }
  }
  for (const row of tableTasks(parent)) push(row);
  return out;
}

function unitTask(parent: PlanDocument, u: Unit, kind: ParentTask['kind'], text: string): Omit<ParentTask, 'index'> {
  // `text` is the unit's own text trimmed; offsets count from where it starts in the document.
  const raw = ownText(parent, u);
  const deadlines = findDeadlines(text, u.own.start + (raw.length - raw.trimStart().length));
  const lead = /(?:Cơ\s+quan|Đơn\s+vị)\s+chủ\s+trì[^:\n]{0,20}:\s*([^.;\n]{3,120})/u.exec(text);
  return {
    lead: lead ? lead[1].trim() : undefined,
    kind,
    label: u.path,
    text,
    start: u.own.start,
    end: u.own.end,
    line: u.line,
    unit: u.index,
    item: u.item,
    deadline: deadlines.length > 0 ? deadlines[deadlines.length - 1] : undefined,
  };
}

/**
 * Appendix task rows: the rows the parser took for tasks (doc.tasks from tables, parse/tasks.ts),
 * and the rows of a table of targets ("chỉ tiêu"), which the parser leaves out, as objectives.
 */
export function tableTasks(doc: PlanDocument): Omit<ParentTask, 'index'>[] {
  const out: Omit<ParentTask, 'index'>[] = [];
  const taskRows = new Map(doc.tasks.filter((t) => t.source === 'table').map((t) => [`${t.table}:${t.row}`, t]));
  doc.tables.forEach((table, ti) => {
    const content = table.columns.findIndex((c) => c.role === 'content');
    const lead = table.columns.findIndex((c) => c.role === 'lead');
    const time = table.columns.findIndex((c) => c.role === 'time');
    const headers = table.columns.map((c) => c.header.toLocaleLowerCase('vi'));
    const objectives = headers.some((h) => /chỉ\s+tiêu|mục\s+tiêu/.test(h)) && !headers.some((h) => /nhiệm\s+vụ/.test(h));
    // Rows without a number in a numbered table are wrapped text pasted as rows, not tasks.
    const numbered = table.rows.filter((r) => r.index).length >= table.rows.length * 0.8;
    table.rows.forEach((row, ri) => {
      if (objectives ? row.group || (numbered && !row.index) : !taskRows.has(`${ti}:${ri}`)) return;
      const cell = row.cells[content >= 0 ? content : Math.min(1, row.cells.length - 1)];
      if (!cell || cell.text.trim().length < 8) return;
      const timeCell = time >= 0 ? row.cells[time] : undefined;
      // The time cell as the parser reads it (parse/time.ts): the task's own reading, or, for a
      // target the parser left out, the same reader on its cell ("2025", "Quý I/2025", "2025-2026").
      const when = timeCell ? (taskRows.get(`${ti}:${ri}`)?.time ?? timeOfCell(doc, timeCell)) : undefined;
      out.push({
        kind: objectives ? 'objective' : 'table',
        label: `PL${doc.tables.length > 1 ? ti + 1 : ''}.${row.index?.value.replace(/\.$/, '') ?? ri + 1}`,
        text: cell.text.trim(),
        start: cell.start,
        end: cell.end,
        line: lineIndexAt(doc.lines, row.start),
        table: ti,
        row: ri,
        lead: lead >= 0 ? row.cells[lead]?.text.trim() || undefined : undefined,
        deadline: when?.resolved ? { start: timeCell!.start, end: timeCell!.end, raw: timeCell!.text, date: when.resolved } : undefined,
      });
    });
  });
  return out;
}

function timeOfCell(doc: PlanDocument, cell: Span): TimeExpression | undefined {
  return cell.end > cell.start ? parseTimeExpression(doc.text.slice(cell.start, cell.end), cell, doc.dates, doc.header.date?.year) : undefined;
}

export { type Unit };
