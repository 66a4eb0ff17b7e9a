// Tasks (nhiệm vụ) and who leads them. A task is a work item: a leaf item in a task or
// organisation section, or a row of an appendix task table. Its lead comes from, in order:
//  - explicit lines under it: "- Cơ quan chủ trì: Sở Nội vụ." / "Cơ quan phối hợp: …" / "Thời gian …: …"
//  - inline: "Giao Sở Nội vụ chủ trì, phối hợp với …", "Sở X chủ trì tham mưu …"
//  - its own title naming the agency: "1. Sở Nội vụ: Tham mưu …", "- UBND cấp xã: đầu tư …",
//    or a sentence whose subject is the agency ("Ban Quản lý Khu kinh tế triển khai …")
//  - an ancestor: "2. Sở Nội vụ" + bullets, "Chủ trì phối hợp với … tham mưu cho UBND tỉnh:" + bullets
//  - the lead column of an appendix table (rows whose cells were merged read them from the row above).
// A parent whose children are tasks is a group heading, not a task. Items in the Mục đích / Yêu cầu
// / Mục tiêu sections, requests ("đề nghị …") and, in the organisation section, paragraphs that
// assign nobody ("Trong quá trình thực hiện, nếu có khó khăn …") are not tasks.

import type { AgencyRef, AppendixTable, LeadSource, OutlineItem, PlanDocument, SectionKind, Span, Task, TaskReason, TimeExpression } from '../model';
import { findAgencyMentions, parseAgencyList } from './agencyMentions';
import { actionClass, assigningLine, headingBody, isFrameTitle, isGeneralTitle, isNominal, isTopicsTitle } from './taskShape';
import { matchLabel } from './numbering';
import { parseTimeExpression } from './time';
import { collapseSpaces } from '../text/spaces';

/** What an item (or table row) itself says about who leads it. */
export interface Assignment {
  leads: AgencyRef[];
  source?: LeadSource;
  coordinators: AgencyRef[];
  time?: TimeExpression;
  /** The item carries a lead-less "Chủ trì, phối hợp với …" line: it covers the items below. */
  groupLine: boolean;
  /** The agency is the addressee of the item (title or subject), not named in a "chủ trì" slot. */
  addressee: boolean;
  /** The words of the lead's slot ("Cơ quan thực hiện"), for an explicit line. */
  leadLabel?: string;
  /** The item carries labelled field lines of its own (lead, coordinators or time). */
  fields: boolean;
}

const LEAD_LINE = /^[ \t]*[-+•*–]?[ \t]*(?:(?:[Cc]ơ quan|[Đđ]ơn vị)[ \t]+(?:chủ trì(?:[ \t]+(?:tham mưu|thực hiện|soạn thảo|xây dựng))?|thực hiện(?:[ \t]+chính)?)|[Cc]hủ trì(?:[ \t]+thực hiện)?)[ \t]*:[ \t]*/u;
const COORD_LINE = /^[ \t]*[-+•*–]?[ \t]*(?:(?:Cơ quan|cơ quan|Đơn vị|đơn vị)[ \t]+)?(?:[Pp]hối hợp(?:[ \t]+thực hiện)?)[ \t]*:[ \t]*/u;
const TIME_LINE = /^[ \t]*[-+•*–]?[ \t]*(?:Thời gian|Thời hạn|Tiến độ|thời gian|thời hạn)[^:\n]{0,60}:[ \t]*/u;
/** Item titles that are attributes of their parent, not items of their own. */
const ATTRIBUTE_TITLE = /^(?:(?:Cơ quan|Đơn vị)\s+(?:chủ trì|phối hợp|thực hiện)|Chủ trì|Phối hợp|Thời gian|Thời hạn|Tiến độ|Sản phẩm|Kết quả|Mục tiêu|Nội dung|Tổ chức thực hiện|Kinh phí|Hình thức)(?:[^:]{0,40})?$/u;
const REQUEST = /^(?:\S+\s+){0,4}(?:trân trọng\s+)?đề nghị(?![\p{L}])|^Đề nghị(?![\p{L}])/u;
const SEP_BETWEEN = /^\s*(?:[,;]|và|,\s*và)?\s*$/u;

const TASK_SECTIONS: ReadonlySet<SectionKind> = new Set<SectionKind>(['tasks', 'organization']);
const NON_TASK_SECTIONS: ReadonlySet<SectionKind> = new Set<SectionKind>(['purpose', 'requirements', 'purpose-requirements', 'objectives', 'funding', 'reporting']);

/** Tasks with lead, coordinators and time, from the outline and the appendix tables. */
export function extractTasks(doc: PlanDocument): { tasks: Task[]; agencies: AgencyRef[] } {
  try {
    return extract(doc);
  } catch {
    return { tasks: [], agencies: [] }; // never let a paste take the parse down
  }
}

// ---------------------------------------------------------------------------------------------

class Mentions {
  private readonly starts: number[];
  constructor(readonly refs: AgencyRef[]) {
    this.starts = refs.map((r) => r.start);
  }
  /** First index with start >= pos. */
  private lower(pos: number): number {
    let lo = 0, hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < pos) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
  /** Mentions inside [start, end). */
  within(start: number, end: number): AgencyRef[] {
    const out: AgencyRef[] = [];
    for (let i = this.lower(start); i < this.refs.length && this.refs[i].start < end; i++) {
      if (this.refs[i].end <= end) out.push(this.refs[i]);
    }
    return out;
  }
  /** The mention starting at pos (after spaces), if any. */
  at(text: string, pos: number, limit: number): AgencyRef | undefined {
    let p = pos;
    while (p < limit && /[\s"“]/.test(text[p])) p++;
    const i = this.lower(p);
    return i < this.refs.length && this.refs[i].start === p ? this.refs[i] : undefined;
  }
  /** A run of mentions joined by ",", ";" or "và", starting at pos. */
  runFrom(text: string, pos: number, limit: number): AgencyRef[] {
    const run: AgencyRef[] = [];
    let first = this.at(text, pos, limit);
    if (!first || first.end > limit) return run;
    run.push(first);
    for (let guard = 0; guard < 30; guard++) {
      const i = this.lower(first.end);
      const next = this.refs[i];
      if (!next || next.end > limit) break;
      if (!SEP_BETWEEN.test(text.slice(first.end, next.start))) break;
      run.push(next);
      first = next;
    }
    return run;
  }
  /** A run of mentions ending exactly at `end` (after trimming), read backwards. */
  runEndingAt(text: string, end: number, floor: number): AgencyRef[] {
    let e = end;
    while (e > floor && /\s/.test(text[e - 1])) e--;
    let i = this.lower(e) - 1;
    // find the mention whose end is e
    while (i >= 0 && this.refs[i].end > e) i--;
    if (i < 0 || this.refs[i].end !== e || this.refs[i].start < floor) return [];
    const run = [this.refs[i]];
    for (let k = i - 1; k >= 0 && run.length < 30; k--) {
      const r = this.refs[k];
      if (r.start < floor) break;
      if (!SEP_BETWEEN.test(text.slice(r.end, run[0].start))) break;
      run.unshift(r);
    }
    return run;
  }
}

/** A label that may follow another on the same line: "Chủ trì: Sở Tư pháp. Phối hợp: Sở Nội vụ." */
const INLINE_LABEL = /[.;][ \t]+(?=(?:Cơ quan|Đơn vị|Chủ trì|Phối hợp|Thời gian|Thời hạn|Tiến độ|Sản phẩm|Kết quả)[^:\n]{0,40}:)/gu;

/** The lines of a region, each split again where a second label starts on the same line. */
function lineSpansIn(doc: PlanDocument, start: number, end: number): Span[] {
  const out: Span[] = [];
  const text = doc.text;
  let s = start;
  while (s < end) {
    let e = text.indexOf('\n', s);
    if (e < 0 || e > end) e = end;
    const le = e > s && text[e - 1] === '\r' ? e - 1 : e;
    const line = text.slice(s, le);
    let from = 0;
    if (line.includes(':')) {
      INLINE_LABEL.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = INLINE_LABEL.exec(line)) !== null) {
        out.push({ start: s + from, end: s + m.index + 1 });
        from = m.index + m[0].length;
      }
    }
    out.push({ start: s + from, end: le });
    s = e + 1;
  }
  return out;
}

/** The value after "Cơ quan chủ trì:" and its wrapped continuation lines (lower-case starts). */
function valueSpan(doc: PlanDocument, lines: Span[], k: number, valueStart: number, regionEnd: number): { span: Span; next: number } {
  const text = doc.text;
  let end = lines[k].end;
  let j = k + 1;
  for (; j < lines.length; j++) {
    const t = text.slice(lines[j].start, lines[j].end);
    if (t.trim() === '') continue;
    if (/^\s*\p{Ll}/u.test(t) && !/[.;]\s*$/.test(text.slice(valueStart, end))) {
      end = lines[j].end;
      continue;
    }
    break;
  }
  // blank lines were skipped only to look ahead
  let next = k + 1;
  while (next < j && lines[next].end <= end) next++;
  return { span: { start: valueStart, end: Math.min(end, regionEnd) }, next };
}

function dedupe(refs: AgencyRef[]): AgencyRef[] {
  const seen = new Set<string>();
  const out: AgencyRef[] = [];
  for (const r of refs) {
    const k = r.name.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
}

interface Ctx {
  doc: PlanDocument;
  mentions: Mentions;
  year?: number;
  /** Refs read from explicit lists (more precise than prose mentions). */
  listRefs: AgencyRef[];
}

function timeOf(ctx: Ctx, start: number, end: number): TimeExpression | undefined {
  if (end <= start) return undefined;
  try {
    return parseTimeExpression(ctx.doc.text.slice(start, end), { start, end }, ctx.doc.dates, ctx.year);
  } catch {
    return undefined;
  }
}

/** Read what the text in `regions` (an item's own text and its attribute lines) says about its lead. */
function readAssignment(ctx: Ctx, item: OutlineItem, regions: Span[]): Assignment {
  const { doc, mentions } = ctx;
  const text = doc.text;
  const a: Assignment = { leads: [], coordinators: [], groupLine: false, addressee: false, fields: false };
  const explicitRanges: Span[] = [];

  // 1. Explicit lines.
  for (const region of regions) {
    const lines = lineSpansIn(doc, region.start, region.end);
    for (let k = 0; k < lines.length; k++) {
      const line = text.slice(lines[k].start, lines[k].end);
      let m: RegExpExecArray | null;
      if ((m = LEAD_LINE.exec(line))) {
        const v = valueSpan(doc, lines, k, lines[k].start + m[0].length, region.end);
        const refs = parseAgencyList(text.slice(v.span.start, v.span.end), v.span.start);
        ctx.listRefs.push(...refs);
        a.fields = true;
        if (refs.length && a.leads.length === 0) {
          a.leads = refs;
          a.source = 'explicit';
          a.leadLabel = collapseSpaces(m[0].replace(/^[\s\-+•*–]+/u, '').replace(/[\s:]+$/u, ''));
        }
        explicitRanges.push({ start: lines[k].start, end: v.span.end });
        k = v.next - 1;
        continue;
      }
      if ((m = COORD_LINE.exec(line))) {
        const v = valueSpan(doc, lines, k, lines[k].start + m[0].length, region.end);
        const refs = parseAgencyList(text.slice(v.span.start, v.span.end), v.span.start);
        ctx.listRefs.push(...refs);
        a.coordinators.push(...refs);
        a.fields = true;
        explicitRanges.push({ start: lines[k].start, end: v.span.end });
        k = v.next - 1;
        continue;
      }
      if ((m = TIME_LINE.exec(line)) && !a.time) {
        a.fields = true;
        const vs = lines[k].start + m[0].length;
        a.time = timeOf(ctx, vs, lines[k].end);
        explicitRanges.push({ start: lines[k].start, end: lines[k].end });
      }
    }
  }

  const own = regions[0];
  const inExplicit = (p: number) => explicitRanges.some((r) => p >= r.start && p < r.end);

  // 2. Inline: "<agencies> chủ trì", "Giao <agencies> (là cơ quan đầu mối,) chủ trì".
  if (a.leads.length === 0) {
    const chuTri = /(?<![\p{L}])[Cc]hủ trì(?![\p{L}])/gu;
    const slice = text.slice(own.start, own.end);
    let m: RegExpExecArray | null;
    while ((m = chuTri.exec(slice)) !== null) {
      const p = own.start + m.index;
      if (inExplicit(p)) continue;
      const before = text.slice(Math.max(own.start, p - 40), p);
      if (/(?:cơ quan|đơn vị|Cơ quan|Đơn vị)\s*$/u.test(before)) continue; // "cơ quan chủ trì" is a noun
      if (/\bchức năng\s*$/u.test(before)) continue;
      // skip ", " and "là cơ quan đầu mối, "
      const lead = /(?:\s*là\s+cơ\s+quan\s+(?:đầu\s+mối|thường\s+trực)(?:[^,]{0,40})?)?\s*,?\s*$/u.exec(before);
      const end = lead ? p - lead[0].length : p;
      const run = mentions.runEndingAt(text, end, own.start);
      const after = p + m[0].length;
      if (run.length) {
        a.leads = run;
        a.source = 'inline';
        a.coordinators.push(...coordinatorsAfter(ctx, after, own.end));
        break;
      }
      // "Chủ trì, phối hợp với …" with no agency before it: a group line (lead from above).
      const lineStart = text.lastIndexOf('\n', p - 1) + 1;
      if (/^[\s\-+•*–]*$/.test(text.slice(Math.max(lineStart, own.start), p)) || /^[\s\-+•*–]*$/.test(text.slice(own.start, p))) {
        a.groupLine = true;
        a.coordinators.push(...coordinatorsAfter(ctx, after, own.end));
        break;
      }
    }
  }
  if (a.leads.length === 0) {
    const giao = /(?<![\p{L}])[Gg]iao\s+/gu;
    const slice = text.slice(own.start, Math.min(own.end, own.start + 400));
    const m = giao.exec(slice);
    if (m) {
      const run = mentions.runFrom(text, own.start + m.index + m[0].length, own.end);
      if (run.length) {
        a.leads = run;
        a.source = 'inline';
        const last = run[run.length - 1].end;
        const pm = /^[^.;:]{0,60}?phối hợp/u.exec(text.slice(last, Math.min(own.end, last + 80)));
        if (pm) a.coordinators.push(...coordinatorsAfter(ctx, last, own.end));
      }
    }
  }

  // 3. The title (or the first sentence of the body) names the agency it is addressed to.
  if (a.leads.length === 0) {
    const starts = [item.title.start];
    if (item.body.end > item.body.start) starts.push(item.body.start);
    for (const s of starts) {
      const run = mentions.runFrom(text, s, own.end);
      if (!run.length) continue;
      const rest = text.slice(run[run.length - 1].end, Math.min(own.end, run[run.length - 1].end + 40));
      if (/^\s*(?:trân trọng\s+)?đề nghị/u.test(rest)) continue; // the issuer requesting others
      // The body's first words are its subject only when a predicate follows ("… triển khai …"),
      // not when a wrapped title just goes on ("… với Ban Thường vụ\n\nTỉnh ủy, Ban Chấp hành …").
      if (s !== item.title.start && !/^\s*(?::|\p{Ll})/u.test(rest)) continue;
      a.leads = run;
      a.source = 'heading';
      a.addressee = true;
      break;
    }
  }

  // Coordinators named inline without a lead ("Phối hợp với Sở Tài chính …") are not this item's
  // coordinators in the lead sense; leave them.
  a.leads = dedupe(a.leads);
  a.coordinators = dedupe(a.coordinators);
  if (!a.time) {
    // "Thời gian hoàn thành trước ngày 15/8/2024." / "…, hoàn thành trong năm 2026."
    const slice = text.slice(own.start, own.end);
    const tm = /(?<![\p{L}])(?:[Tt]hời gian hoàn thành|[Hh]oàn thành (?:trong|trước|vào)|[Tt]hời hạn)/u.exec(slice);
    if (tm) {
      const s = own.start + tm.index;
      const stop = slice.slice(tm.index).search(/[.;\n]/u);
      a.time = timeOf(ctx, s, stop < 0 ? own.end : s + stop);
    }
  }
  return a;
}

/** "phối hợp với Sở Xây dựng, Ban Quản lý … và các cơ quan liên quan" after a "chủ trì". */
function coordinatorsAfter(ctx: Ctx, from: number, limit: number): AgencyRef[] {
  const text = ctx.doc.text;
  const window = text.slice(from, Math.min(limit, from + 40));
  const m = /^[\s,]*(?:[\p{L}\s,]{0,20}?)?phối hợp(?:\s+chặt chẽ)?\s+(?:với|cùng)\s+/u.exec(window);
  if (!m) return [];
  return ctx.mentions.runFrom(text, from + m[0].length, limit);
}

// ---------------------------------------------------------------------------------------------

function extract(doc: PlanDocument): { tasks: Task[]; agencies: AgencyRef[] } {
  const text = doc.text;
  const all = findAgencyMentions(text, 0);
  const mentions = new Mentions(all);
  const ctx: Ctx = { doc, mentions, year: doc.header.date?.year, listRefs: [] };
  const tasks: Task[] = [];

  tasks.push(...outlineTasks(ctx));
  doc.tables.forEach((t, ti) => tasks.push(...tableTasks(ctx, t, ti)));
  tasks.sort((a, b) => a.start - b.start);

  // Agencies: list refs (precise) and prose mentions that do not overlap them.
  // (a cell shared by merged rows is read once per row: keep one ref per span)
  const lists = ctx.listRefs.sort((a, b) => a.start - b.start || a.end - b.end).filter((r, i, arr) => i === 0 || r.start >= arr[i - 1].end);
  const agencies: AgencyRef[] = [...lists];
  let j = 0;
  for (const m of all) {
    while (j < lists.length && lists[j].end <= m.start) j++;
    const overlaps = j < lists.length && lists[j].start < m.end;
    if (!overlaps) agencies.push(m);
  }
  agencies.sort((a, b) => a.start - b.start || a.end - b.end);
  return { tasks, agencies };
}

function isAttribute(item: OutlineItem): boolean {
  return ATTRIBUTE_TITLE.test(item.title.value) || LEAD_LINE.test(item.title.value + ':') && item.title.value.length < 40;
}

/** The field that says what the task is, beside "Cơ quan thực hiện:" / "Thời gian:" siblings. */
const CONTENT_FIELD = /^(?:Nhiệm vụ|Nội dung(?:\s+(?:công việc|nhiệm vụ))?|Tên nhiệm vụ|Sản phẩm|Kết quả(?:\s+đầu ra)?|Yêu cầu)$/u;

/** A field ("Thời gian hoàn thành:", "Đơn vị chủ trì:") that says who carries a task out or when: its siblings describe one task. */
const TASK_FIELD = /^(?:(?:Cơ quan|Đơn vị)\s+(?:chủ trì|phối hợp|thực hiện)|Chủ trì|Phối hợp|Thời gian|Thời hạn|Tiến độ)/u;

/** Offset where an item's subtree ends (its last descendant's text). */
function subtreeEnd(items: readonly OutlineItem[], it: OutlineItem): number {
  let end = Math.max(it.title.end, it.body.end);
  for (let guard = 0; it.children.length && guard < 64; guard++) {
    it = items[it.children[it.children.length - 1]];
    end = Math.max(end, it.title.end, it.body.end);
  }
  return end;
}

function outlineTasks(ctx: Ctx): Task[] {
  const { doc } = ctx;
  const items = doc.items;
  if (items.length === 0) return [];
  const out: Task[] = [];
  const anyKnownSection = items.some((it) => it.depth === 0 && it.sectionKind && it.sectionKind !== 'other');
  // Capital section headings whose kind we do not know: only those named like task sections count.
  const unknownSections = !anyKnownSection && items.some((it) => it.depth === 0 && it.upperCase);
  const closing = [doc.recipients, doc.signature].filter((s): s is Span => !!s);
  const appendixStart = doc.appendix?.start ?? Infinity;
  const roots = items.filter((it) => it.parent < 0).map((it) => it.index);

  // Section of each item: its top-level ancestor's kind.
  const sectionOf = (it: OutlineItem): { kind: SectionKind | undefined; root: OutlineItem } => {
    let cur = it;
    let kind: SectionKind | undefined;
    for (let guard = 0; guard < 64; guard++) {
      if (cur.sectionKind && NON_TASK_SECTIONS.has(cur.sectionKind)) kind = kind ?? cur.sectionKind;
      if (cur.parent < 0) break;
      cur = items[cur.parent];
    }
    return { kind: kind ?? cur.sectionKind, root: cur };
  };
  const isTaskSection = (kind: SectionKind | undefined, root: OutlineItem): boolean => {
    if (!anyKnownSection && !unknownSections) return true; // an excerpt without sections: every item may be a task
    if (kind && TASK_SECTIONS.has(kind)) return !isTopicsTitle(root.title.value);
    if (kind && NON_TASK_SECTIONS.has(kind)) return false;
    return /nhiệm vụ|giải pháp|nội dung|phân công/iu.test(root.title.value) && !isTopicsTitle(root.title.value);
  };
  /** The item or an ancestor below the section names a frame ("a) Mục tiêu") or an activity's topics. */
  const inFrame = (it: OutlineItem): boolean => {
    let cur: OutlineItem | undefined = it;
    for (let guard = 0; cur && guard < 64; guard++) {
      // (general duties of everyone addressed are directions, not one body's task)
      if (isFrameTitle(cur.title.value) || isTopicsTitle(cur.title.value) || isGeneralTitle(cur.title.value)) return true;
      cur = cur.parent >= 0 ? items[cur.parent] : undefined;
    }
    return false;
  };

  // Field layout: an item whose children are its fields ("a) Nhiệm vụ: … / b) Cơ quan thực hiện: …").
  // (only who and when make fields of a task: "a) Mục tiêu" beside "b) Nhiệm vụ" is a part, not a field)
  const isTaskField = (c: OutlineItem): boolean => TASK_FIELD.test(c.title.value) && c.title.value.length <= 60 && /^[\s*_]*:/u.test(doc.text.slice(c.title.end, c.title.end + 4));
  const hasFieldChildren = (it: OutlineItem): boolean => it.children.some((c) => isTaskField(items[c]));
  const describesFieldTask = (parent: OutlineItem, child: OutlineItem): boolean =>
    parent.children.some((c) => isTaskField(items[c]) && items[c].label?.style === child.label?.style);
  const isField = (it: OutlineItem): boolean =>
    isAttribute(it) || (it.parent >= 0 && CONTENT_FIELD.test(it.title.value) && hasFieldChildren(items[it.parent]));

  // Own assignment of each item (memoised); regions: own text + field children (with their sub-lines).
  const assignments = new Map<number, Assignment>();
  const regionsOf = (it: OutlineItem): Span[] => {
    const own: Span = { start: it.title.start, end: Math.max(it.title.end, it.body.end) };
    const regions = [own];
    for (const c of it.children) {
      const ch = items[c];
      if (isField(ch)) regions.push({ start: ch.label?.start ?? ch.title.start, end: subtreeEnd(items, ch) });
    }
    return regions;
  };
  const assignmentOf = (it: OutlineItem): Assignment => {
    let a = assignments.get(it.index);
    if (!a) {
      a = readAssignment(ctx, it, regionsOf(it));
      assignments.set(it.index, a);
    }
    return a;
  };

  /** Siblings in document order (roots for a top-level item), and each item's place among them. */
  const siblingsOf = (it: OutlineItem): number[] => (it.parent >= 0 ? items[it.parent].children : roots);
  const place = new Map<number, number>();
  roots.forEach((r, k) => place.set(r, k));
  for (const it of items) it.children.forEach((c, k) => place.set(c, k));
  /** A line right above the run of siblings `it` belongs to that assigns them ("Giao phòng … thực hiện:"). Memoised: lists are long. */
  const preambles = new Map<number, AgencyRef | undefined>();
  const preambleOf = (it: OutlineItem): AgencyRef | undefined => {
    if (preambles.has(it.index)) return preambles.get(it.index);
    // walk back to the first item whose line above decides, then fill the memo forwards
    const sibs = siblingsOf(it);
    const chain: number[] = [];
    let k = place.get(it.index) ?? 0;
    let found: AgencyRef | undefined;
    for (;;) {
      const cur = items[sibs[k]];
      if (preambles.has(cur.index)) { found = preambles.get(cur.index); break; }
      chain.push(cur.index);
      const line = lineBefore(doc, cur.start);
      if (line && (found = assigningLine(doc.text.slice(line.start, line.end), line.start))) break;
      const prev = k > 0 ? items[sibs[k - 1]] : undefined;
      if (!prev || !sameRun(prev, cur)) { found = undefined; break; }
      k--;
    }
    for (const i of chain) preambles.set(i, found);
    return found;
  };
  /** Fields written after the last item of a group apply to the items before it that have none (memoised per group). */
  const laterFields = new Map<number, Assignment | undefined>();
  const laterSiblingFields = (it: OutlineItem): Assignment | undefined => {
    if (!laterFields.has(it.index)) {
      const sibs = siblingsOf(it);
      let next: Assignment | undefined;
      for (let k = sibs.length - 1; k >= 0; k--) {
        laterFields.set(sibs[k], next);
        const a = assignmentOf(items[sibs[k]]);
        if (a.fields) next = a.source === 'explicit' && a.leads.length ? a : undefined;
      }
    }
    return laterFields.get(it.index);
  };

  for (const it of items) {
    if (it.start >= appendixStart) continue;
    if (closing.some((c) => it.start >= c.start && it.start < c.end)) continue;
    const isRoot = it.parent < 0;
    if (isRoot && (anyKnownSection || unknownSections)) continue; // sections are not tasks
    if (isRoot && it.upperCase) continue;
    if (isField(it)) continue;
    const { kind, root } = sectionOf(it);
    if (!isTaskSection(kind, root)) continue;
    if (REQUEST.test(it.title.value)) continue;
    if (inFrame(it)) continue;
    // The lines under a task with its own "- Thời gian:"/"- Đơn vị chủ trì:" fields, written in the
    // fields' own style, describe that task; sub-items in another style ("a) …") are its tasks.
    if (it.parent >= 0 && describesFieldTask(items[it.parent], it)) continue;
    const effectiveChildren = it.children.filter((c) => !isField(items[c]) && !REQUEST.test(items[c].title.value) && !describesFieldTask(it, items[c]));
    if (effectiveChildren.length > 0) continue; // a group heading

    const own = assignmentOf(it);
    let leads = own.leads;
    let source = own.source;
    let leadLabel = own.leadLabel;
    let byShape = false;
    let coordinators = own.coordinators;
    let time = own.time;
    // Fields after the last item of the group ("3.1 … 3.2 … 3.3 …" + "- Đơn vị chủ trì: …").
    if (leads.length === 0 && !own.fields) {
      const later = laterSiblingFields(it);
      if (later) {
        leads = later.leads;
        source = 'field';
        leadLabel = later.leadLabel;
        if (coordinators.length === 0) coordinators = later.coordinators;
        time = time ?? later.time;
      }
    }
    // Inherit from the nearest ancestor that names a lead, or a line that assigns the list.
    if (leads.length === 0) {
      let cur: OutlineItem = it;
      let sawGroupLine = own.groupLine;
      for (let guard = 0; guard < 64; guard++) {
        const pre = preambleOf(cur);
        if (pre) { leads = [pre]; source = 'preamble'; byShape = true; break; }
        if (cur.parent < 0) break;
        const anc = items[cur.parent];
        const isSection = anc.parent < 0 && (anyKnownSection || unknownSections) && !!anc.sectionKind && anc.sectionKind !== 'other';
        if (!isSection) {
          const aa = assignmentOf(anc);
          if (aa.groupLine) sawGroupLine = true;
          if (coordinators.length === 0 && aa.coordinators.length) coordinators = aa.coordinators;
          if (!time && aa.time) time = aa.time;
          if (aa.leads.length) {
            leads = aa.leads;
            source = aa.source === 'heading' && !sawGroupLine ? 'heading' : 'group';
            leadLabel = aa.leadLabel;
            break;
          }
          // A heading that is a body's name the name reader does not know ("a) Tổ đảng ở …").
          const body = headingBody(anc.title.value, anc.title.start);
          if (body) { leads = [body]; source = 'heading'; byShape = true; break; }
        }
        cur = anc;
      }
    }
    const inOrganization = kind === 'organization';
    if (leads.length === 0 && inOrganization) continue; // a general provision, not an assignment
    const contentEnd = Math.max(it.title.end, it.body.end);
    const reason: TaskReason = own.fields ? 'field-layout'
      : actionClass(doc.text.slice(it.title.start, Math.min(contentEnd, it.title.start + 200))) ? 'action'
      : own.leads.length ? 'assigned'
      : 'position';
    if (reason === 'position' && leads.length === 0 && isNominal(it.title.value)) continue; // a target, a topic, a category
    out.push({
      start: it.start,
      end: Math.max(it.end, contentEnd),
      source: 'outline',
      item: it.index,
      content: { start: it.title.start, end: contentEnd, value: collapseSpaces(doc.text.slice(it.title.start, contentEnd)) },
      lead: leads[0],
      extraLeads: leads.slice(1),
      leadSource: leads.length ? source : undefined,
      ...(leads.length && leadLabel ? { leadLabel } : {}),
      ...(leads.length && byShape ? { leadByShape: true } : {}),
      taskReason: reason,
      coordinators,
      time,
    });
  }
  return out;
}

/** Two neighbouring siblings of one list: consecutive numbers, or the same unnumbered style. */
function sameRun(prev: OutlineItem, cur: OutlineItem): boolean {
  const a = prev.label, b = cur.label;
  if (!a || !b || a.style !== b.style) return false;
  if (a.value !== undefined && b.value !== undefined) return b.value === a.value + 1;
  return true;
}

/** The last non-blank line before `pos` when it is not itself a labelled item, as a span. */
function lineBefore(doc: PlanDocument, pos: number): Span | undefined {
  const text = doc.text;
  let e = pos;
  while (e > 0 && text[e - 1] !== '\n') e--; // start of the item's line
  for (let guard = 0; e > 0 && guard < 4; guard++) {
    const end = e - 1; // the newline
    let s = end;
    while (s > 0 && text[s - 1] !== '\n') s--;
    const line = text.slice(s, end);
    if (line.trim() === '') { e = s; continue; }
    let cs = s;
    while (cs < end && /\s/.test(text[cs])) cs++;
    if (matchLabel(text, cs, end)) return undefined;
    let le = end;
    while (le > cs && /\s/.test(text[le - 1])) le--;
    return { start: cs, end: le };
  }
  return undefined;
}

function tableTasks(ctx: Ctx, table: AppendixTable, ti: number): Task[] {
  const { doc } = ctx;
  const text = doc.text;
  const col = (role: string) => table.columns.findIndex((c) => c.role === role);
  const ci = col('content');
  if (ci < 0) return [];
  // An indicator table ("Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi") is not a task list.
  if (/chỉ\s*tiêu/iu.test(table.columns[ci].header)) return [];
  const li = col('lead');
  const oi = col('coordinators');
  const tiCol = col('time');
  const out: Task[] = [];
  const cellText = (row: number, c: number): Span | undefined => {
    if (c < 0) return undefined;
    const cell = table.rows[row]?.cells[c];
    if (!cell || cell.end <= cell.start) return undefined;
    return { start: cell.start, end: cell.end };
  };
  const listIn = (s: Span | undefined): AgencyRef[] => {
    if (!s) return [];
    const refs = parseAgencyList(text.slice(s.start, s.end), s.start);
    ctx.listRefs.push(...refs);
    return refs;
  };
  table.rows.forEach((row, ri) => {
    if (row.group) return;
    const content = cellText(ri, ci);
    if (!content) return;
    // A pipe row continued on the next line ("| … |") is the same task.
    if (row.continues !== undefined && table.layout === 'pipe') {
      listIn(cellText(ri, li));
      listIn(cellText(ri, oi));
      return;
    }
    const from = row.continues !== undefined ? row.continues : ri;
    const leads = dedupe(listIn(cellText(from, li)));
    const coordinators = dedupe(from === ri ? listIn(cellText(from, oi)) : parseAgencyList(spanText(text, cellText(from, oi)), cellText(from, oi)?.start ?? 0));
    const ts = cellText(from, tiCol);
    out.push({
      start: row.start,
      end: row.end,
      source: 'table',
      table: ti,
      row: ri,
      content: { start: content.start, end: content.end, value: collapseSpaces(text.slice(content.start, content.end)) },
      lead: leads[0],
      extraLeads: leads.slice(1),
      leadSource: leads.length ? 'table' : undefined,
      taskReason: 'table-row',
      coordinators,
      time: ts ? timeOf(ctx, ts.start, ts.end) : undefined,
    });
  });
  return out;
}

function spanText(text: string, s: Span | undefined): string {
  return s ? text.slice(s.start, s.end) : '';
}
