// The typed model of a plan (Kế hoạch), parsed once and read by every rule and editor feature.
//
// Offsets: every `start`/`end` in the model is a UTF-16 offset into `PlanDocument.text`, the
// *normalised* copy of the input (NFC, "ƣ" → "ư"). `PlanDocument.source` is the text exactly as
// the editor holds it; `toSourceOffset` maps a model offset back to it. Findings leave the core
// already mapped to source offsets (see check.ts), so only code that reads raw model spans
// (outline, hover, semantic tokens) needs to call `toSourceOffset` itself.

/** A half-open range [start, end) of UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** A string value together with where it stands in the text. */
export interface Spanned<T = string> extends Span {
  value: T;
}

/** A calendar day; month 1–12. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** One physical line of the text (without its line break). */
export interface Line extends Span {
  /** Index of the line, 0-based. */
  index: number;
  /** The line's text (normalised), without the line break. */
  text: string;
  /** Offset of the first non-blank character, or `end` for a blank line. */
  contentStart: number;
}

// ---------------------------------------------------------------------------------------------
// Dates and times

export type DateForm =
  | 'full' // ngày 05 tháng 9 năm 2024
  | 'dmy' // 15/12/2024, 15-12-2024
  | 'dm' // 15/12 (year implied)
  | 'my' // tháng 01/2026, 6/2024 in "tháng 6/2024"
  | 'quarter' // Quý I/2021, quý 2 năm 2024
  | 'year'; // năm 2025

export interface DateMention extends Span {
  raw: string;
  form: DateForm;
  year?: number;
  month?: number;
  day?: number;
  quarter?: number;
  /** False when the day/month does not exist (31/02, 32/1, tháng 13). */
  valid: boolean;
  /** For `full` dates: whether day and month follow ND30's leading-zero rule. */
  nd30Form?: boolean;
}

export type Period = 'annual' | 'semiannual' | 'quarterly' | 'monthly' | 'weekly' | 'regular';

/** A time or deadline given for a task or a reporting duty. */
export interface TimeExpression extends Span {
  raw: string;
  /** 'deadline': trước/chậm nhất/hoàn thành trong …; 'period': hằng năm…; 'during': trong năm/quý…; 'range': 2024-2025. */
  kind: 'deadline' | 'period' | 'during' | 'range' | 'continuous' | 'date';
  date?: DateMention;
  period?: Period;
  /** The latest day the expression allows, when it can be resolved (year from context if needed). */
  resolved?: Ymd;
}

// ---------------------------------------------------------------------------------------------
// Agencies

export interface AgencyRef extends Span {
  /** The name as written (normalised, trimmed, without trailing punctuation). */
  name: string;
  /** A collective ("Các sở, ban, ngành", "UBND các huyện") — not one accountable lead. */
  collective: boolean;
  /** Canonical registry id, when the registry recognises the name (filled by the agency resolver). */
  agencyId?: string;
}

// ---------------------------------------------------------------------------------------------
// Header, citations

export type DocTypeCode =
  | 'NQ' | 'QĐ' | 'CT' | 'KH' | 'CTr' | 'KL' | 'HD' | 'ĐA' | 'TB' | 'BC' | 'QyĐ' | 'NĐ' | 'TT' | 'L' | 'CV'
  | string;

export interface DocumentNumber extends Span {
  raw: string;
  /** "94", "43", "30" */
  number: string;
  /** Year for legal normative documents: 30/2020/NĐ-CP. */
  year?: number;
  /** Type abbreviation: NQ, KH, CTr … */
  type: DocTypeCode;
  /** Issuer code: CP, TW, TU, UBND, TTg, HĐND, QH15, BNV … */
  issuer: string;
  /** 'state' = 94/NQ-CP; 'party' = 43-NQ/TW; 'malformed' = anything else we still recognised. */
  form: 'state' | 'party' | 'malformed';
  /** Joint issuers and units written after the issuer ("-BTT" in "04/KH-MTTQ-BTT"), part of `raw`, not of `issuer`. */
  joint?: string;
}

export interface Header extends Span {
  /** Issuing body as printed at top-left ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI"). */
  issuer?: Spanned;
  /** "Số: 134/KH-UBND". */
  number?: DocumentNumber;
  place?: Spanned;
  date?: DateMention;
  /** "KẾ HOẠCH", "NGHỊ QUYẾT", "CHƯƠNG TRÌNH HÀNH ĐỘNG" … normalised to upper case. */
  docType?: Spanned;
  /** Trích yếu: the subject line(s) after the document type. */
  subject?: Spanned;
}

export interface Citation extends Span {
  /** The whole citation as written, e.g. "Nghị quyết số 94/NQ-CP ngày 19/6/2024 của Chính phủ". */
  raw: string;
  /** The type word: "Nghị quyết", "Chương trình hành động", "Kết luận" … */
  typeWord?: Spanned;
  /** The số/ký hiệu. */
  number: DocumentNumber;
  date?: DateMention;
  /** The issuer named after "của" ("Ban Bí thư", "Chính phủ"). */
  issuer?: Spanned;
  /** Short name introduced by "(sau đây gọi tắt là …)" / "(gọi tắt là …)". */
  shortName?: Spanned;
  /** Inside the trích yếu or the preamble ("Thực hiện …", "Căn cứ …"). */
  inPreamble: boolean;
  /**
   * The plan carries this directive out: a resolution, programme, plan, directive or conclusion
   * cited in the trích yếu or preamble after "Thực hiện", "Triển khai", "Căn cứ", "Cụ thể hóa" in
   * the same sentence (not a decree or law: a legal basis). Its parents are found by these.
   */
  parentCue?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Outline

export type NumberingStyle =
  | 'roman' // I.
  | 'upper-letter' // A.
  | 'arabic' // 1.
  | 'arabic-dash' // 1-
  | 'decimal' // 1.1. / 1.1.2.
  | 'letter' // a)
  | 'dash' // -
  | 'plus' // +
  | 'bullet'; // •, *

export interface NumberingLabel extends Span {
  raw: string;
  style: NumberingStyle;
  /** Ordinal value within its level: I → 1, c) → 3 (in the Vietnamese sequence), 2.3. → 3. */
  value?: number;
  /** For 'decimal': all parts, 2.3.1. → [2, 3, 1]. */
  parts?: number[];
  /** For 'letter': the letter as written (lower case). */
  letter?: string;
}

export type SectionKind =
  | 'purpose' // Mục đích
  | 'requirements' // Yêu cầu
  | 'purpose-requirements' // Mục đích, yêu cầu
  | 'objectives' // Mục tiêu
  | 'tasks' // Nhiệm vụ, giải pháp / Nội dung
  | 'organization' // Tổ chức thực hiện
  | 'funding' // Kinh phí
  | 'reporting' // Chế độ báo cáo
  | 'other';

export interface OutlineItem extends Span {
  /** Index in `PlanDocument.items` (document order). */
  index: number;
  /** Depth in the tree: 0 for top-level sections. */
  depth: number;
  label?: NumberingLabel;
  /** The heading text after the label (first line / first sentence). */
  title: Spanned;
  /** Text after the title up to the next item at any depth (may be empty). */
  body: Span;
  /** Index of the parent item, or -1. */
  parent: number;
  children: number[];
  /** For section-level items recognised by title. */
  sectionKind?: SectionKind;
  /** Whether the title is in capitals (section headings usually are). */
  upperCase: boolean;
}

// ---------------------------------------------------------------------------------------------
// Tables

export type ColumnRole = 'index' | 'content' | 'lead' | 'coordinators' | 'time' | 'product' | 'other';

export interface TableColumn {
  header: string;
  role: ColumnRole;
}

export interface TableCell extends Span {
  text: string;
}

export interface TableRow extends Span {
  /** The TT cell, when the row has one. */
  index?: Spanned<string>;
  cells: TableCell[];
  /** A group row ("I. | Nâng cao nhận thức …") rather than a task row. */
  group: boolean;
  /**
   * Index (in `rows`) of the row this one continues: its TT/lead/coordinators/time cells were
   * merged with that row in Word and pasted only once, or it is a "| …" continuation line of a
   * pipe row. Such a row's own cells other than the content are empty; read them from that row.
   */
  continues?: number;
}

export interface AppendixTable extends Span {
  layout: 'cell-per-line' | 'pipe';
  columns: TableColumn[];
  rows: TableRow[];
  /** The "PHỤ LỤC …" heading, when there is one. */
  title?: Spanned;
}

// ---------------------------------------------------------------------------------------------
// Tasks and reporting

/**
 * Where a task's lead comes from: its own "Cơ quan chủ trì:" line ('explicit'), its own sentence
 * ("Giao Sở X chủ trì", 'inline'), a heading that names a body ('heading': "2. Sở Nội vụ" + bullets,
 * "a) Tổ đảng ở …"), an ancestor's "chủ trì" ('group'), an appendix lead cell ('table'), a line that
 * assigns the list after it ('preamble': "Giao phòng … thực hiện các công việc:"), or the "Cơ quan
 * thực hiện" field of a sibling in a field layout ('field').
 */
export type LeadSource = 'explicit' | 'inline' | 'heading' | 'group' | 'table' | 'preamble' | 'field';

/**
 * Why an item counts as a task: it starts with a verb of doing ('action'), it is a row of an appendix
 * task table ('table-row'), its siblings are its fields ("Nhiệm vụ: … / Cơ quan thực hiện: …",
 * 'field-layout'), it names who carries it out ('assigned'), or only its place in a section that
 * assigns work ('position': the model is unsure, rules say less).
 */
export type TaskReason = 'action' | 'table-row' | 'field-layout' | 'assigned' | 'position';

export interface Task extends Span {
  /** Where the task comes from. */
  source: 'outline' | 'table';
  /** The outline item (index into items) for outline tasks. */
  item?: number;
  /** Table index and row index for table tasks. */
  table?: number;
  row?: number;
  /** The task's text (its title and body, or the content cell). */
  content: Spanned;
  lead?: AgencyRef;
  /** Further agencies named as lead in the same place ("Sở A, Sở B chủ trì"): more than one is no single lead. */
  extraLeads: AgencyRef[];
  leadSource?: LeadSource;
  /** The slot's words when the lead sits in a labelled line ("Cơ quan chủ trì", "Cơ quan thực hiện"). */
  leadLabel?: string;
  /** The lead was recognised by the shape of its name only (not by the registry's name reader). */
  leadByShape?: boolean;
  /** Why the item is a task. */
  taskReason?: TaskReason;
  coordinators: AgencyRef[];
  time?: TimeExpression;
}

export interface ReportingClause extends Span {
  /** The sentence or clause that assigns the duty. */
  raw: string;
  /** Who reports ("Sở Nội vụ", "các sở, ban, ngành"), when stated. */
  reporter?: AgencyRef;
  /** To whom: "UBND tỉnh", "Thủ tướng Chính phủ" … */
  recipient?: Spanned;
  /** Via: "(qua Sở Nội vụ)". */
  via?: Spanned;
  time?: TimeExpression;
  /** The clause consolidates others' reports ("tổng hợp, báo cáo"). */
  consolidates: boolean;
  /** The outline item it sits in, or -1. */
  item: number;
}

// ---------------------------------------------------------------------------------------------
// Kind of document

/** What the document is: plan rules (sections, tasks, leads, reporting) apply to plans only. */
export type DocKind = 'plan' | 'decision' | 'report' | 'notice' | 'guidance' | 'regulation' | 'letter';

export interface DocKindInfo {
  kind: DocKind;
  /** What told it: the type line ("BÁO CÁO"), the number's type ("/BC-"), a letter's "Kính gửi"/"V/v", or nothing (a plan). */
  from: 'type-line' | 'articles' | 'number' | 'letter-marks' | 'default';
  span?: Span;
}

// ---------------------------------------------------------------------------------------------
// The document

export interface PlanDocument {
  /** The text exactly as given (the editor's text). */
  source: string;
  /** Normalised copy the model's offsets point into (same as `source` when already NFC). */
  text: string;
  /** Map a model offset to an offset in `source`. */
  toSourceOffset(offset: number): number;
  lines: Line[];
  header: Header;
  /** The span from the trích yếu to the first section (Thực hiện …; Căn cứ …). */
  preamble?: Span;
  /** All items in document order; roots are those with parent -1. */
  items: OutlineItem[];
  tables: AppendixTable[];
  tasks: Task[];
  reporting: ReportingClause[];
  citations: Citation[];
  dates: DateMention[];
  /** Every agency name the parser found, in tasks, tables and clauses. */
  agencies: AgencyRef[];
  /** "Nơi nhận:" block, when present. */
  recipients?: Span;
  /** Signature block (TM./KT. …), when present. */
  signature?: Span;
  /** Where the appendices start (PHỤ LỤC), or undefined. */
  appendix?: Span;
  /** The kind of document (set by parsePlan; absent means a plan). */
  kind?: DocKindInfo;
}
