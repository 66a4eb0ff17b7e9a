// A uniform view of a document's numbered parts ("units") for coverage matching. It reads the
// parser's outline when there is one; parents are often OCR'd or pasted from PDF ("1 Đôi mới"
// without its dot, page markers, hard line breaks), so when the outline is empty a lenient
// line-based segmentation stands in. Both give the same shape, so matching never depends on which.

import type { Line, PlanDocument, SectionKind, Span } from '../model';
import { lineIndexAt } from '../text/lines';

export interface Unit extends Span {
  /** Position in the unit list (document order). */
  index: number;
  /** Index into `doc.items` when the unit is an outline item. */
  item?: number;
  /** Parent unit index, or -1. */
  parent: number;
  children: number[];
  depth: number;
  /** The label as written ("II.", "3.", "a)", "-", "(1)"), or "". */
  label: string;
  /** A readable path of labels ("II.3", "IV.2.1"), bullets counted ("III.1.-2"). */
  path: string;
  /** First line of the unit (heading). */
  title: string;
  /** Span of the unit's own text (label to next unit), model offsets. */
  own: Span;
  /** 0-based line where the unit starts. */
  line: number;
  /** Section kind of the top-level section the unit sits in. */
  section: SectionKind;
}

/** Recognise what a section is about from its heading. */
export function sectionKindOf(title: string): SectionKind {
  const t = title.toLocaleUpperCase('vi');
  if (/TỔ CHỨC THỰC HIỆN|TÔ CHỨC THỰC HIỆN|TRÁCH NHIỆM THỰC HIỆN|PHÂN CÔNG/.test(t)) return 'organization';
  if (/NHIỆM VỤ|GIẢI PHÁP|NỘI DUNG/.test(t)) return 'tasks';
  if (/MỤC ĐÍCH/.test(t) && /YÊU CẦU/.test(t)) return 'purpose-requirements';
  if (/MỤC ĐÍCH|QUAN ĐI[ÊỂ]M/.test(t)) return 'purpose';
  if (/YÊU CẦU/.test(t)) return 'requirements';
  if (/MỤC TIÊU/.test(t)) return 'objectives';
  if (/KINH PHÍ|VỐN|NGUỒN LỰC TÀI CHÍNH/.test(t)) return 'funding';
  if (/BÁO CÁO/.test(t)) return 'reporting';
  return 'other';
}

type Style = 'roman' | 'upper-letter' | 'decimal' | 'arabic' | 'paren' | 'letter' | 'dash' | 'plus' | 'bullet';

interface LabelHit {
  style: Style;
  raw: string;
  /** Length of label plus following spaces. */
  length: number;
}

const LABELS: [Style, RegExp][] = [
  ['roman', /^([IVX]{1,5})\s?[.\-–]\s+(?=\S)/],
  ['upper-letter', /^([A-ZĐ])\.\s+(?=\p{Lu})/u],
  ['decimal', /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\S)/],
  ['arabic', /^(\d{1,2})\s?[.\-–)]\s+(?=\S)/],
  // OCR drops the dot: "1 Đôi mới …" — accept only before a capital so page numbers stay out.
  ['arabic', /^(\d{1,2})\s+(?=\p{Lu}\p{Ll})/u],
  // "(1)" targets; "(i) (ii)" are inline enumerations inside a paragraph, not items.
  ['paren', /^\((\d{1,2})\)\s+(?=\S)/],
  ['letter', /^([a-zđ])\)\s+(?=\S)/],
  ['dash', /^[-–—]\s*(?=\S)/],
  ['plus', /^\+\s*(?=\S)/],
  ['bullet', /^[•*·]\s*(?=\S)/],
];

function labelAt(text: string): LabelHit | undefined {
  for (const [style, re] of LABELS) {
    const m = re.exec(text);
    if (m) return { style, raw: m[0].trim(), length: m[0].length };
  }
  return undefined;
}

/** Lines that are extraction noise, not content: page markers, lone page numbers, rules. */
function isNoise(line: Line): boolean {
  const t = line.text.trim();
  return t === '' || /^=+\s*Trang\s+\d+\s*=+$/i.test(t) || /^\d{1,3}$/.test(t) || /^[-_*=.\s]+$/.test(t);
}

/** Attribute lines under a task ("- Cơ quan chủ trì: …", "Thời gian hoàn thành: …") belong to it. */
const ATTRIBUTE_RE = /^[-–+]?\s*(?:Cơ\s+quan|Đơn\s+vị)\s+(?:chủ\s+trì|phối\s+hợp|thực\s+hiện)[^:\n]{0,30}:|^[-–+]?\s*(?:Thời\s+gian|Thời\s+hạn|Sản\s+phẩm|Kết\s+quả|Kinh\s+phí|Tiến\s+độ)[^:\n]{0,40}:/u;

function isPipeRow(text: string): boolean {
  let bars = 0;
  for (let i = 0; i < text.length && bars < 2; i++) if (text.charCodeAt(i) === 124) bars++;
  return bars >= 2;
}

const END_RE = /^((?:Nghị quyết|Chỉ thị|Kết luận|Chương trình hành động) này (?:được )?phổ biến|Nơi nh[ậâ]n|T\/?M\.?\s|TM\.\s|KT\.\s|Q\.\s?CHỦ TỊCH)/u;

/**
 * The document's units. The lenient segmentation reads the OCR'd and pasted texts parents come as
 * (dot-less "1 Đôi mới", "(1)" targets) and gives the same units whatever the parser's outline
 * does; each unit is tied to the outline item starting on the same line, so callers get item
 * indices. Only when the segmentation finds no section does the parser's outline stand in.
 */
export function unitsOf(doc: PlanDocument): Unit[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const seg = segmentUnits(doc);
  let units: Unit[];
  if (seg.length === 0 && doc.items.length > 0) units = unitsFromOutline(doc);
  else {
    const itemByLine = new Map<number, number>();
    for (const it of doc.items) {
      const line = lineIndexAt(doc.lines, it.label?.start ?? it.start);
      if (!itemByLine.has(line)) itemByLine.set(line, it.index);
    }
    for (const u of seg) u.item = itemByLine.get(u.line);
    units = seg;
  }
  cache.set(doc, units);
  return units;
}

const cache = new WeakMap<PlanDocument, Unit[]>();

function finish(units: Unit[]): Unit[] {
  // Paths and section kinds, top-down (parents precede children in document order).
  const bulletCount = new Map<number, number>();
  for (const u of units) {
    const parentPath = u.parent >= 0 ? units[u.parent].path : '';
    let own = u.label.replace(/[.\-–)\s]+$/, '').replace(/^\(/, '');
    if (own === '' || /^[-–—+•*·]$/.test(own)) {
      const n = (bulletCount.get(u.parent) ?? 0) + 1;
      bulletCount.set(u.parent, n);
      own = `-${n}`;
    }
    u.path = parentPath ? (/^\d+(\.\d+)+$/.test(own) ? `${units[rootOf(units, u)].path}.${own}` : `${parentPath}.${own}`) : own;
    if (u.parent < 0) u.section = sectionKindOf(u.title);
    else u.section = units[u.parent].section;
    // A sub-heading "2. Mục tiêu năm 2026" inside "I. QUAN ĐIỂM, MỤC TIÊU" makes its subtree objectives.
    if (u.parent >= 0 && u.depth === 1) {
      const k = sectionKindOf(u.title.slice(0, 60));
      if (k === 'objectives' && u.title.length < 60) u.section = 'objectives';
    }
  }
  return units;
}

function rootOf(units: Unit[], u: Unit): number {
  let i = u.index;
  while (units[i].parent >= 0) i = units[i].parent;
  return i;
}

function unitsFromOutline(doc: PlanDocument): Unit[] {
  const units: Unit[] = doc.items.map((it, i) => {
    const end = it.body.end > it.title.end ? it.body.end : Math.max(it.end, it.title.end);
    return {
      index: i,
      item: i,
      parent: it.parent,
      children: [...it.children],
      depth: it.depth,
      label: it.label?.raw ?? '',
      path: '',
      title: it.title.value,
      start: it.start,
      end: it.end,
      own: { start: it.label?.start ?? it.title.start, end },
      line: lineIndexAt(doc.lines, it.start),
      section: it.sectionKind ?? 'other',
    };
  });
  return finish(units);
}

/** Lenient outline: each labelled line starts a unit; depth by order of first appearance of styles. */
export function segmentUnits(doc: PlanDocument): Unit[] {
  const units: Unit[] = [];
  const stack: { style: Style; unit: number }[] = [];
  const styleDepth: Style[] = [];
  let started = false;
  // Whether the previous content line closed a sentence (or a blank line came between): only then
  // may a dot-less "1 Đôi mới" start an item — otherwise "khoản\n16 Điều I" would.
  let sentenceClosed = true;
  // Table rows are read as table rows (tableTasks), not as outline units: skip the parser's table
  // spans and any pipe row it did not take.
  const tables = doc.tables.map((t) => ({ start: t.start, end: t.end })).sort((a, b) => a.start - b.start);
  let ti = 0;
  for (const line of doc.lines) {
    if (line.text.length > 2000 && !started) continue;
    while (ti < tables.length && tables[ti].end <= line.start) ti++;
    if (ti < tables.length && tables[ti].start <= line.start && line.start < tables[ti].end) continue;
    if (isPipeRow(line.text)) continue;
    const content = doc.text.slice(line.contentStart, line.end);
    if (END_RE.test(content)) {
      if (started) break;
      continue;
    }
    if (isNoise(line)) {
      if (line.text.trim() === '') sentenceClosed = true;
      continue;
    }
    let hit = labelAt(content);
    if (hit && hit.style === 'arabic' && !/^\d{1,2}\s?[.\-–)]/.test(content) && !sentenceClosed) hit = undefined;
    if (hit && ATTRIBUTE_RE.test(content)) hit = undefined;
    const trimmed = content.trimEnd();
    sentenceClosed = /[.;:!?]$/.test(trimmed) || (trimmed === trimmed.toLocaleUpperCase('vi') && /\p{Lu}/u.test(trimmed));

    // Only a roman or capital-letter section starts the body; the header and preamble come before.
    if (!started) {
      if (!hit || (hit.style !== 'roman' && hit.style !== 'upper-letter')) continue;
      started = true;
    }
    if (!hit) {
      // continuation of the current unit
      if (units.length > 0) units[units.length - 1].own.end = units[units.length - 1].end = line.end;
      continue;
    }
    // Find the depth: a style already on the stack closes everything below it.
    let pos = stack.findIndex((s) => s.style === hit.style);
    if (pos >= 0) stack.length = pos;
    else {
      // A new style nests under the current one; the roman level is always the top.
      if (hit.style === 'roman' || hit.style === 'upper-letter') stack.length = 0;
      if (!styleDepth.includes(hit.style)) styleDepth.push(hit.style);
    }
    pos = stack.length;
    const parent = pos > 0 ? stack[pos - 1].unit : -1;
    const titleText = content.slice(hit.length).trim();
    const u: Unit = {
      index: units.length,
      parent,
      children: [],
      depth: pos,
      label: hit.raw,
      path: '',
      title: titleText,
      start: line.contentStart,
      end: line.end,
      own: { start: line.contentStart, end: line.end },
      line: line.index,
      section: 'other',
    };
    if (parent >= 0) units[parent].children.push(u.index);
    units.push(u);
    stack.push({ style: hit.style, unit: u.index });
  }
  // A unit's whole span runs to the end of its last descendant.
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i];
    if (u.parent >= 0 && units[u.parent].end < u.end) units[u.parent].end = u.end;
  }
  return finish(units);
}

/** The unit's own text (label line and continuation lines, without children). */
export function ownText(doc: PlanDocument, u: Unit): string {
  return doc.text.slice(u.own.start, u.own.end);
}

/** The unit's text with all its descendants. */
export function fullText(doc: PlanDocument, u: Unit): string {
  return doc.text.slice(u.start, u.end);
}
