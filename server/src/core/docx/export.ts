// Plan text → a Word document laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I prescribes.
//
// The layout reads the parsed model (header, outline, tables, Nơi nhận, signature) and writes
// every line of the drafter's text into it: labels stay text as written (never Word
// auto-numbering, whose "a)" lists count a b c d e f where the decree wants a b c d đ e g), and
// no word of the plan is dropped — a part the layout does not recognise becomes a plain
// paragraph where it stood. Sizes and spacing come from nd30.ts, which names each clause.

import type { AppendixTable, Line, OutlineItem, PlanDocument, Span, Spanned, TableCell } from '../model';
import { parsePlan } from '../parse';
import { columnsOf, NATIONAL_MOTTO, SEPARATOR } from '../parse/header';
import { isUpperText } from '../parse/numbering';
import { lineIndexAt } from '../text/lines';
import { ND30, TEXT_WIDTH, TEXT_WIDTH_LANDSCAPE } from './nd30';
import {
  CONTENT_TYPE, NS, REL_TYPE, XML_DECLARATION, contentTypes, escapeXml, paragraph, relationships, run, table,
  zipPackage, type CellSpec, type ParagraphStyle, type RunStyle,
} from './ooxml';
import { textWidthTwips } from './textWidth';

const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** Word's default left and right cell margins (0.08"): text in a cell is this much narrower. */
const CELL_MARGIN = 115;

/**
 * The text as the drafter wrote it between two model offsets. The model reads a normalised copy
 * (NFC, "ƣ" → "ư"); the export writes the drafter's own characters, so the Word document says
 * what the plan says and a check of it finds what a check of the text finds.
 */
type WrittenText = (start: number, end: number) => string;

function writtenText(doc: PlanDocument): WrittenText {
  if (doc.source === doc.text) return (start, end) => doc.text.slice(start, end);
  return (start, end) => doc.source.slice(doc.toSourceOffset(start), doc.toSourceOffset(end));
}

/** The plan as a .docx (zip bytes). */
export function exportPlanDocx(source: string): Uint8Array {
  return zipPackage(exportParts(parsePlan(source)));
}

/** The parts of the package, in the order they are zipped (tests read document.xml from here). */
export function exportParts(doc: PlanDocument): [string, string][] {
  const title = doc.header.subject?.value ?? doc.header.docType?.value ?? '';
  return [
    ['[Content_Types].xml', contentTypes({
      '/word/document.xml': CONTENT_TYPE.document,
      '/word/styles.xml': CONTENT_TYPE.styles,
      '/word/settings.xml': CONTENT_TYPE.settings,
      '/word/header1.xml': CONTENT_TYPE.header,
      '/word/header2.xml': CONTENT_TYPE.header,
      '/docProps/core.xml': CONTENT_TYPE.core,
      '/docProps/app.xml': CONTENT_TYPE.app,
    })],
    ['_rels/.rels', relationships([
      { id: 'rId1', type: REL_TYPE.officeDocument, target: 'word/document.xml' },
      { id: 'rId2', type: REL_TYPE.coreProperties, target: 'docProps/core.xml' },
      { id: 'rId3', type: REL_TYPE.extendedProperties, target: 'docProps/app.xml' },
    ])],
    ['word/document.xml', documentXml(doc)],
    ['word/_rels/document.xml.rels', relationships([
      { id: 'rId1', type: REL_TYPE.styles, target: 'styles.xml' },
      { id: 'rId2', type: REL_TYPE.settings, target: 'settings.xml' },
      { id: 'rIdPageNumber', type: REL_TYPE.header, target: 'header1.xml' },
      { id: 'rIdFirstPage', type: REL_TYPE.header, target: 'header2.xml' },
    ])],
    ['word/styles.xml', STYLES_XML],
    ['word/settings.xml', SETTINGS_XML],
    ['word/header1.xml', PAGE_NUMBER_HEADER_XML],
    ['word/header2.xml', EMPTY_HEADER_XML],
    ['docProps/core.xml', coreXml(title)],
    ['docProps/app.xml', APP_XML],
  ];
}

// ---------------------------------------------------------------------------------------------
// document.xml

interface Section {
  /** First and last line (inclusive). */
  from: number;
  to: number;
  landscape: boolean;
  /** Whether it is an appendix (its heading lines are centred, III.1.b–c). */
  appendix: boolean;
}

export function documentXml(doc: PlanDocument): string {
  const writer = new PlanWriter(doc);
  const body = writer.write();
  return `${XML_DECLARATION}<w:document xmlns:w="${NS.w}" xmlns:r="${NS.r}"><w:body>\n${body}\n</w:body></w:document>\n`;
}

class PlanWriter {
  private readonly lines: Line[];
  private readonly tableAt = new Map<number, AppendixTable>();
  private readonly itemAt = new Map<number, OutlineItem>();
  private readonly headerLines: [number, number] | undefined;
  private readonly closingLines: [number, number] | undefined;
  private readonly src: WrittenText;

  constructor(private readonly doc: PlanDocument) {
    this.lines = doc.lines;
    this.src = writtenText(doc);
    for (const t of doc.tables) if (t.rows.length) this.tableAt.set(this.lineOf(t.start), t);
    for (const item of doc.items) if (!this.itemAt.has(this.lineOf(item.start))) this.itemAt.set(this.lineOf(item.start), item);
    const h = doc.header;
    if (h.end > h.start) this.headerLines = [0, this.lineOf(h.end - 1)];
    const closing = [doc.recipients, doc.signature].filter((s): s is Span => !!s && s.end > s.start);
    if (closing.length) {
      this.closingLines = [this.lineOf(Math.min(...closing.map((s) => s.start))), this.lineOf(Math.max(...closing.map((s) => s.end)) - 1)];
    }
  }

  private lineOf(offset: number): number {
    return lineIndexAt(this.lines, Math.max(0, offset));
  }

  write(): string {
    const sections = this.sections();
    return sections
      .map((section, i) => {
        const blocks = this.sectionBlocks(section);
        const sectPr = sectionProperties(section.landscape);
        // A section ends at a paragraph carrying its properties; the last one's go in the body.
        if (i < sections.length - 1) blocks.push(paragraph('', { sectPr }));
        else blocks.push(sectPr);
        return blocks.join('\n');
      })
      .join('\n');
  }

  /** The main text, then one section per appendix (numbered on its own pages, III.1.đ). */
  private sections(): Section[] {
    const starts = [0];
    const appendix = this.doc.appendix;
    if (appendix) {
      const first = this.lineOf(appendix.start);
      if (first > 0 && (!this.closingLines || first > this.closingLines[1] || first < this.closingLines[0])) starts.push(first);
      for (let i = first + 1; i < this.lines.length; i++) {
        if (/^\s*PHỤ\s+LỤC(?![\p{L}\d])/u.test(this.lines[i].text) && !this.insideTable(i)) starts.push(i);
      }
    }
    return starts.map((from, k) => {
      const to = k + 1 < starts.length ? starts[k + 1] - 1 : this.lines.length - 1;
      const wide = [...this.tableAt.entries()].some(([line, t]) => line >= from && line <= to && t.columns.length >= 5);
      return { from, to, landscape: wide, appendix: k > 0 };
    });
  }

  private insideTable(line: number): boolean {
    const offset = this.lines[line].start;
    return this.doc.tables.some((t) => offset >= t.start && offset < t.end);
  }

  private sectionBlocks(section: Section): string[] {
    const blocks: string[] = [];
    const width = section.landscape ? TEXT_WIDTH_LANDSCAPE : TEXT_WIDTH;
    let headingBlock = section.appendix; // the appendix's first lines: "PHỤ LỤC", its name, "(Kèm theo …)"
    for (let i = section.from; i <= section.to; i++) {
      const line = this.lines[i];
      if (this.headerLines && i === this.headerLines[0]) {
        blocks.push(...this.header());
        i = this.headerLines[1];
        continue;
      }
      if (this.closingLines && i === this.closingLines[0]) {
        blocks.push(...this.closing());
        i = this.closingLines[1];
        headingBlock = false;
        continue;
      }
      const t = this.tableAt.get(i);
      if (t) {
        const built = tableBlock(this.doc, t, width, this.src);
        if (built) {
          blocks.push(built);
          i = this.lineOf(t.end - 1);
          headingBlock = false;
          continue;
        }
      }
      const text = this.src(line.start, line.end).trim();
      if (text === '') {
        if (headingBlock && blocks.length) headingBlock = false;
        continue;
      }
      if (headingBlock && !this.itemAt.has(i)) {
        blocks.push(appendixHeading(text, blocks.length === 0));
        continue;
      }
      headingBlock = false;
      blocks.push(this.bodyParagraph(i, text));
    }
    return blocks;
  }

  /** A line of the body: section headings bold, khoản with a title bold (II.6.đ), căn cứ italic (II.6.a). */
  private bodyParagraph(i: number, text: string): string {
    const item = this.itemAt.get(i);
    const style: RunStyle = {};
    if (item?.label) {
      const labelStyle = item.label.style;
      if (item.depth === 0 && (labelStyle === 'roman' || labelStyle === 'upper-letter')) style.bold = true;
      else if ((labelStyle === 'arabic' || labelStyle === 'decimal' || labelStyle === 'arabic-dash') && this.isTitled(item, i)) style.bold = true;
    } else if (this.doc.preamble && this.lines[i].start >= this.doc.preamble.start && this.lines[i].start < this.doc.preamble.end && /^Căn\s+cứ(?![\p{L}])/u.test(text)) {
      style.italic = true;
    }
    return paragraph(run(text, style), BODY);
  }

  /** A khoản with a title: the line holds only the label and a heading, and text follows below it. */
  private isTitled(item: OutlineItem, i: number): boolean {
    const text = this.lines[i].text.trim();
    if (/[.;:,]$/.test(text) || text.length > 200) return false;
    return item.children.length > 0 || item.body.end > this.lines[i].end + 1;
  }

  // -------------------------------------------------------------------------------------------
  // Header: the two-column table (ô 1–4), then the type and the trích yếu (ô 5a)

  private header(): string[] {
    const parts = headerParts(this.doc, this.lines, this.headerLines!, this.src);
    const blocks: string[] = [];
    const hasTopTable = parts.issuer.length > 0 || parts.number || parts.placeDate || parts.nationalName || parts.motto || parts.party;
    if (hasTopTable) blocks.push(headerTable(parts));
    blocks.push(...parts.leftoversBefore.map((s) => paragraph(run(s, { size: ND30.body }), CENTRED)));
    if (parts.docType) {
      blocks.push(paragraph(run(parts.docType, { bold: true, size: ND30.docType }), { ...CENTRED, before: hasTopTable ? 360 : 0, keepNext: true }));
    }
    if (parts.subject.length) {
      const runs = parts.subject.map((s, k) => (k ? '<w:r><w:br/></w:r>' : '') + run(s, { bold: true, size: ND30.subject }));
      blocks.push(paragraph(runs, { ...CENTRED, keepNext: true }));
      const longest = Math.min(Math.max(...parts.subject.map((s) => textWidthTwips(s, ND30.subject, true))), TEXT_WIDTH);
      blocks.push(ruleParagraph(TEXT_WIDTH, longest * 0.4));
    }
    blocks.push(...parts.leftoversAfter.map((s) => paragraph(run(s, { size: ND30.body }), CENTRED)));
    // room between the header and the body
    blocks.push(paragraph('', { after: 0, line: { value: 240, rule: 'auto' } }));
    return blocks;
  }

  // -------------------------------------------------------------------------------------------
  // Nơi nhận (ô 9b) beside the signature (ô 7a–7c), as a borderless two-column table

  private closing(): string[] {
    const [from, to] = this.closingLines!;
    const left: string[] = [];
    const right: string[] = [];
    const recipients = this.doc.recipients;
    for (let i = from; i <= to; i++) {
      const line = this.lines[i];
      if (line.text.trim() === '') {
        if (right.length) right.push('');
        continue;
      }
      const cols = line.text.length > 300 ? [{ start: line.contentStart, end: line.end, value: line.text.trim() }] : columnsOf(line);
      const pieces = cols.map((c) => this.src(c.start, c.end).trim()).filter((v) => !SEPARATOR.test(v) || /\p{L}/u.test(v));
      if (pieces.length === 0) continue;
      if (pieces.length >= 2) {
        left.push(pieces[0]);
        right.push(pieces.slice(1).join(' '));
        continue;
      }
      const piece = pieces[0];
      const inRecipients = !!recipients && line.start < recipients.end && line.end > recipients.start;
      const looksLikeRecipient = /^[-+–•]/.test(piece) || /^N[oơ]i\s+nh/iu.test(piece);
      const continuesRecipient = inRecipients && left.length > 0 && !/[;.,]$/.test(left[left.length - 1]) && !isUpperText(piece) && right.filter(Boolean).length === 0;
      if (looksLikeRecipient || continuesRecipient) left.push(piece);
      else right.push(piece);
    }
    const half = Math.round(TEXT_WIDTH * 0.48);
    const leftCell: CellSpec = { content: left.map((s, k) => (k === 0 && /^N[oơ]i\s+nh/iu.test(s) ? paragraph(run(s, { bold: true, italic: true, size: ND30.recipientsLabel }), CELL_LEFT) : paragraph(run(s, { size: ND30.recipients }), CELL_LEFT))) };
    const rightCell: CellSpec = { content: signatureParagraphs(right) };
    return [
      paragraph('', { after: 0 }),
      table({ widths: [half, TEXT_WIDTH - half], rows: [[leftCell, rightCell]], borders: false }),
    ];
  }
}

// ---------------------------------------------------------------------------------------------
// Header parts

interface HeaderParts {
  /** Tên cơ quan chủ quản trực tiếp (II.2.b: capitals, not bold). */
  parentBody: string[];
  /** Tên cơ quan ban hành (capitals, bold). */
  issuer: string[];
  nationalName?: string;
  motto?: string;
  /** "ĐẢNG CỘNG SẢN VIỆT NAM" in Party documents, in place of the quốc hiệu. */
  party?: string;
  number?: string;
  placeDate?: string;
  docType?: string;
  subject: string[];
  /** Header text the layout does not place, kept as plain centred lines. */
  leftoversBefore: string[];
  leftoversAfter: string[];
}

const BODY_NOUN = /^(SỞ|BAN|PHÒNG|VĂN PHÒNG|CỤC|CHI CỤC|TỔNG CỤC|VỤ|TRUNG TÂM|VIỆN|TRƯỜNG|BỆNH VIỆN|THANH TRA|ĐẢNG ỦY|ĐẢNG UỶ|ĐOÀN|HỘI|CÔNG AN|BỘ CHỈ HUY|KHO BẠC|UBND|ỦY BAN|UỶ BAN|HỘI ĐỒNG)(?![\p{L}])/u;

function overlaps(a: Span, s: number, e: number): boolean {
  return a.start < e && a.end > s;
}

function headerParts(doc: PlanDocument, lines: Line[], [from, to]: [number, number], src: WrittenText): HeaderParts {
  const h = doc.header;
  const text = doc.text;
  const parts: HeaderParts = { parentBody: [], issuer: [], subject: [], leftoversBefore: [], leftoversAfter: [] };
  const issuerLines: string[] = [];
  const leftover = (s: string) => (parts.docType ? parts.leftoversAfter : parts.leftoversBefore).push(s);

  // Classify a column by its normalised text; keep it as written.
  const place = (value: string, start: number) => {
    const end = start + value.length;
    const written = src(start, end).trim();
    if (/^CỘNG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI/u.test(value)) {
      const motto = /Độc\s+lập/u.exec(value);
      parts.nationalName = motto ? src(start, start + motto.index).trim() : written;
      if (motto) parts.motto = src(start + motto.index, end).trim();
    } else if (/^(Độc\s+lập|ĐỘC\s+LẬP)/u.test(value)) parts.motto = written;
    else if (/^Đ[ẢÁA]NG\s+CỘNG\s+S[ẢA]N/u.test(value)) parts.party = written;
    else if (h.number && overlaps(h.number, start, end)) {
      const placeAt = h.place && h.place.start >= h.number.end && h.place.start < end ? h.place.start : -1;
      parts.number = (placeAt > 0 ? src(start, placeAt) : written).trim();
      if (placeAt > 0) parts.placeDate = src(placeAt, end).trim();
    } else if ((h.place && overlaps(h.place, start, end)) || (h.date && overlaps(h.date, start, end))) parts.placeDate = written;
    else if (!parts.docType && !parts.number && isUpperText(value) && !/\d/.test(value)) issuerLines.push(written);
    else leftover(written);
  };

  for (let i = from; i <= to; i++) {
    const line = lines[i];
    if (line.contentStart >= line.end) continue;
    const lineEnd = line.start + line.text.trimEnd().length;
    let cursor = line.contentStart;
    if (h.docType && overlaps(h.docType, line.start, line.end)) {
      parts.docType = src(h.docType.start, h.docType.end);
      cursor = h.docType.end;
    }
    if (h.subject && overlaps(h.subject, line.start, line.end)) {
      const before = src(cursor, Math.max(cursor, h.subject.start)).trim();
      if (before) leftover(before);
      const piece = src(Math.max(line.contentStart, h.subject.start), Math.min(lineEnd, h.subject.end)).trim();
      if (piece) parts.subject.push(piece);
      const after = src(Math.max(cursor, h.subject.end), lineEnd).trim();
      if (after && !SEPARATOR.test(after)) leftover(after);
      continue;
    }
    if (cursor > line.contentStart) {
      const rest = src(cursor, lineEnd).trim();
      if (rest && !SEPARATOR.test(rest)) leftover(rest);
      continue;
    }
    const cols = line.text.length > 300 ? [{ start: line.contentStart, end: lineEnd, value: text.slice(line.contentStart, lineEnd) }] : columnsOf(line);
    for (const col of cols) {
      if (SEPARATOR.test(col.value)) continue; // a rule typed as "-----" or "*": the layout draws the real one
      // "CHÍNH PHỦ CỘNG HÒA XÃ HỘI …" pasted on one line: split the issuer from the motto.
      const motto = NATIONAL_MOTTO.exec(col.value);
      if (motto && motto.index > 0) {
        place(col.value.slice(0, motto.index).trim(), col.start);
        place(col.value.slice(motto.index).trim(), col.start + motto.index);
      } else place(col.value, col.start);
    }
  }
  // The parent body comes first and names a complete body; the issuing body starts with its own noun.
  if (issuerLines.length >= 2 && BODY_NOUN.test(issuerLines[1]) && /(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|XÃ|PHƯỜNG|^BỘ)(?![\p{L}])/u.test(issuerLines[0])) {
    parts.parentBody = [issuerLines[0]];
    parts.issuer = issuerLines.slice(1);
  } else parts.issuer = issuerLines;
  return parts;
}

function headerTable(parts: HeaderParts): string {
  const leftWidth = 3700;
  const rightWidth = TEXT_WIDTH - leftWidth;
  const leftTop: string[] = [
    ...parts.parentBody.map((s) => paragraph(run(s, { size: ND30.issuer }), CELL_CENTRED)),
    ...parts.issuer.map((s) => paragraph(run(s, { bold: true, size: ND30.issuer }), CELL_CENTRED)),
  ];
  if (parts.issuer.length) {
    const widest = Math.max(...parts.issuer.map((s) => textWidthTwips(s, ND30.issuer, true)));
    leftTop.push(ruleParagraph(leftWidth - 2 * CELL_MARGIN, Math.min(widest, leftWidth) * 0.4));
  }
  const rightTop: string[] = [];
  if (parts.party) {
    rightTop.push(paragraph(run(parts.party, { bold: true, size: ND30.nationalName + 3 }), CELL_CENTRED));
    rightTop.push(ruleParagraph(rightWidth - 2 * CELL_MARGIN, textWidthTwips(parts.party, ND30.nationalName + 3, true)));
  } else {
    rightTop.push(paragraph(run(parts.nationalName ?? NATIONAL_NAME, { bold: true, size: ND30.nationalName }), CELL_CENTRED));
    const motto = parts.motto ?? MOTTO;
    rightTop.push(paragraph(run(motto, { bold: true, size: ND30.motto }), CELL_CENTRED));
    // II.1.b: a solid rule under the motto, as long as the line
    rightTop.push(ruleParagraph(rightWidth - 2 * CELL_MARGIN, textWidthTwips(motto, ND30.motto, true)));
  }
  const second = { ...CELL_CENTRED, before: 120 };
  const leftBottom = [paragraph(parts.number ? run(parts.number, { size: ND30.number }) : '', second)];
  const rightBottom = [paragraph(parts.placeDate ? run(parts.placeDate, { italic: true, size: ND30.placeDate }) : '', second)];
  return table({
    widths: [leftWidth, rightWidth],
    rows: [
      [{ content: leftTop }, { content: rightTop }],
      [{ content: leftBottom }, { content: rightBottom }],
    ],
    borders: false,
  });
}

/**
 * A solid rule `length` twips long, centred in a column `columnWidth` wide: an empty, very low
 * paragraph with a bottom border, narrowed by its indents (Word draws a paragraph border across
 * the paragraph's width, so the indents set its length).
 */
function ruleParagraph(columnWidth: number, length: number): string {
  const side = Math.max(0, Math.round((columnWidth - length) / 2));
  return paragraph('', {
    left: side,
    right: side,
    before: 0,
    after: 0,
    line: { value: 60, rule: 'exact' },
    bottomBorder: true,
    markStyle: { size: 2 },
  });
}

// ---------------------------------------------------------------------------------------------
// Signature, appendix headings, tables

/** Quyền hạn and chức vụ bold capitals, room to sign, then the name bold (II.7.đ). */
function signatureParagraphs(lines: string[]): string[] {
  const text = lines.filter((s) => s !== '');
  if (text.length === 0) return [paragraph('')];
  const last = text[text.length - 1];
  const hasName = !isUpperText(last) && !/^\[.*\]$/.test(last);
  const titles = hasName ? text.slice(0, -1) : text;
  const out: string[] = [];
  for (const s of titles) {
    const note = /^\[.*\]$/.test(s) || !isUpperText(s);
    out.push(paragraph(run(s, note ? { italic: true, size: ND30.signature } : { bold: true, size: ND30.signature }), CELL_CENTRED));
  }
  if (hasName) {
    for (let k = 0; k < 3; k++) out.push(paragraph('', CELL_CENTRED));
    out.push(paragraph(run(last, { bold: true, size: ND30.signature }), CELL_CENTRED));
  }
  return out;
}

/** "PHỤ LỤC …" 14 bold, its name bold capitals, "(Kèm theo …)" italic — all centred (III.1.b–c). */
function appendixHeading(text: string, first: boolean): string {
  const reference = /^\(/.test(text);
  const style: RunStyle = reference ? { italic: true, size: ND30.appendixReference } : { bold: true, size: /^PHỤ\s+LỤC/u.test(text) ? ND30.appendixLabel : ND30.appendixTitle };
  return paragraph(run(text, style), { ...CENTRED, before: first ? 0 : 0, after: reference ? 240 : 0, keepNext: true });
}

/** Relative column widths by role: the content column takes the most room. */
const ROLE_WEIGHT: Record<string, number> = { index: 0.6, content: 5, lead: 2.6, coordinators: 2.8, time: 1.8, product: 2.4, other: 2 };

/**
 * An appendix table as a real Word table: a repeated header row, group rows bold, cells that
 * Word had merged down (rows that continue an earlier one) merged again. Returns undefined when
 * the model's cells do not account for every word of the table's lines — those lines are then
 * written as paragraphs, so nothing is lost.
 */
function tableBlock(doc: PlanDocument, t: AppendixTable, width: number, src: WrittenText): string | undefined {
  const n = t.columns.length;
  if (n === 0) return undefined;
  const asWritten = (s: Spanned<string> | TableCell | undefined): string => {
    if (!s) return '';
    const value = 'text' in s ? s.text : s.value;
    return doc.source === doc.text || s.end <= s.start ? value : src(s.start, s.end);
  };
  const cellText = (r: number, c: number): string => {
    const row = t.rows[r];
    const value = asWritten(row.cells[c]);
    if (c === 0 && value.trim() === '' && row.index && t.columns[0].role === 'index') return asWritten(row.index);
    return value;
  };
  const written = [t.columns.map((c) => c.header).join(' '), ...t.rows.map((_, r) => Array.from({ length: n }, (__, c) => cellText(r, c)).join(' '))].join(' ');
  if (!sameWords(src(t.start, t.end), written)) return undefined;

  const weights = t.columns.map((c) => ROLE_WEIGHT[c.role] ?? 2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.round((w / sum) * width));
  widths[widths.length - 1] += width - widths.reduce((a, b) => a + b, 0);

  // Merges: a row continuing row k leaves its other cells empty; merge them down from row k.
  const merge: ('restart' | 'continue' | undefined)[][] = t.rows.map(() => new Array(n).fill(undefined));
  t.rows.forEach((row, r) => {
    const k = row.continues;
    if (k === undefined || k >= r) return;
    for (let j = k + 1; j < r; j++) if (t.rows[j].continues !== k) return; // only runs of adjacent rows
    t.columns.forEach((col, c) => {
      if (col.role === 'content' || cellText(r, c).trim() !== '') return;
      if (merge[k][c] !== 'continue') merge[k][c] = 'restart';
      merge[r][c] = 'continue';
    });
  });

  const cell = (s: string, style: RunStyle, align: ParagraphStyle['align']): CellSpec => ({
    content: s.split('\n').map((p) => p.trim()).filter((p, i, all) => p !== '' || all.length === 1).map((p) => paragraph(p ? run(p, style) : '', { ...TABLE_CELL, align })),
    vAlign: 'center',
  });
  const header = t.columns.map((c) => cell(c.header, { bold: true, size: ND30.tableText }, 'center'));
  const rows = t.rows.map((row, r) =>
    t.columns.map((col, c) => {
      const centred = col.role === 'index' || col.role === 'time';
      const spec = cell(cellText(r, c), { bold: row.group, size: ND30.tableText }, centred ? 'center' : 'left');
      return { ...spec, vMerge: merge[r][c] };
    }),
  );
  return table({ widths, rows: [header, ...rows], borders: true, headerRows: 1 });
}

/** Whether two texts hold the same words (table pipes and rules aside). */
function sameWords(a: string, b: string): boolean {
  const words = (s: string) => s.split(/[\s|]+/).filter((w) => w !== '' && !SEPARATOR.test(w)).sort();
  const wa = words(a), wb = words(b);
  return wa.length === wb.length && wa.every((w, i) => w === wb[i]);
}

// ---------------------------------------------------------------------------------------------
// Paragraph styles and the fixed parts

const BODY: ParagraphStyle = {
  align: 'both',
  firstLine: ND30.firstLineIndent,
  before: 0,
  after: ND30.paragraphAfter,
  line: { value: ND30.lineSpacing, rule: 'auto' },
};
const CENTRED: ParagraphStyle = { align: 'center', before: 0, after: 0, line: { value: 240, rule: 'auto' } };
const CELL_CENTRED: ParagraphStyle = { align: 'center', before: 0, after: 0, line: { value: 240, rule: 'auto' } };
const CELL_LEFT: ParagraphStyle = { align: 'left', before: 0, after: 0, line: { value: 240, rule: 'auto' } };
/** Appendix table cells: a little air above and below the text, so it does not touch the borders. */
const TABLE_CELL: ParagraphStyle = { before: 40, after: 40, line: { value: 240, rule: 'auto' } };

/** Page size and margins (I.1–I.3); page numbers from page 2, top centre (I.7); each section numbered from 1. */
function sectionProperties(landscape: boolean): string {
  const { width, height } = ND30.page;
  const m = ND30.margin;
  const size = landscape ? `<w:pgSz w:w="${height}" w:h="${width}" w:orient="landscape"/>` : `<w:pgSz w:w="${width}" w:h="${height}"/>`;
  return (
    '<w:sectPr>' +
    '<w:headerReference w:type="default" r:id="rIdPageNumber"/><w:headerReference w:type="first" r:id="rIdFirstPage"/>' +
    size +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${m.header}" w:footer="${m.header}" w:gutter="0"/>` +
    '<w:pgNumType w:start="1"/><w:titlePg/>' +
    '</w:sectPr>'
  );
}

const FONT = `<w:rFonts w:ascii="${ND30.font}" w:hAnsi="${ND30.font}" w:eastAsia="${ND30.font}" w:cs="${ND30.font}"/>`;

const STYLES_XML =
  XML_DECLARATION +
  `<w:styles xmlns:w="${NS.w}">\n` +
  `<w:docDefaults><w:rPrDefault><w:rPr>${FONT}<w:sz w:val="${ND30.body * 2}"/><w:szCs w:val="${ND30.body * 2}"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
  '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\n' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\n' +
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>\n' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="' + CELL_MARGIN + '" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="' + CELL_MARGIN + '" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\n' +
  '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>\n' +
  '</w:styles>\n';

const SETTINGS_XML =
  XML_DECLARATION +
  `<w:settings xmlns:w="${NS.w}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '<w:themeFontLang w:val="vi-VN"/></w:settings>\n';

const PAGE_NUMBER_HEADER_XML =
  XML_DECLARATION +
  `<w:hdr xmlns:w="${NS.w}" xmlns:r="${NS.r}"><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>` +
  `<w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="${ND30.pageNumber * 2}"/><w:szCs w:val="${ND30.pageNumber * 2}"/></w:rPr><w:t>2</w:t></w:r></w:fldSimple></w:p></w:hdr>\n`;

const EMPTY_HEADER_XML = XML_DECLARATION + `<w:hdr xmlns:w="${NS.w}" xmlns:r="${NS.r}"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p></w:hdr>\n`;

function coreXml(title: string): string {
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>kehoach</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>\n`
  );
}

const APP_XML = XML_DECLARATION + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>kehoach</Application></Properties>\n';
