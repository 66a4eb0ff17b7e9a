// Shared by the layout rules (KH10xx): where a .docx paragraph sits in the checked text, which
// paragraphs are the parts of the header block (quốc hiệu, tiêu ngữ, issuing body, số, place and
// date, document type, trích yếu), which are body text and which are the Nơi nhận block, and how
// their runs are described. Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I is the measure throughout.

import type { RelatedPlace, RuleContext } from '../rule';
import type { Span } from '../model';
import type { DocxLayout, ParagraphFormat, RunFormat, SectionFormat } from '../docx/format';
import { t, type Text } from '../i18n';
import type { LayoutFix, RunSet } from '../docx/layoutFix';

/** Twips in a millimetre and a centimetre (1 inch = 1440 twips = 25.4 mm). */
export const TWIPS_PER_MM = 1440 / 25.4;
export const mmOf = (twips: number) => twips / TWIPS_PER_MM;
/** "1,27" — Vietnamese decimal comma, at most two decimals. */
export const viNumber = (n: number, digits = 2) => String(Number(n.toFixed(digits))).replace('.', ',');

/** The model offset whose source offset is `source` (toSourceOffset is monotonic). */
function modelOffset(ctx: RuleContext, source: number): number {
  let lo = 0, hi = ctx.doc.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.doc.toSourceOffset(mid) < source) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The span of a paragraph's text (trimmed) in the model, or undefined if it is not in the text. */
export function paragraphSpan(ctx: RuleContext, layout: DocxLayout, ordinal: number): Span | undefined {
  const p = layout.paragraphs[ordinal];
  if (!p) return undefined;
  const lead = p.text.length - p.text.trimStart().length;
  const len = p.text.trim().length;
  const start = layout.map.toDerived({ paragraph: ordinal, offset: lead });
  if (start === undefined) return undefined;
  return { start: modelOffset(ctx, start), end: modelOffset(ctx, start + Math.max(len, 0)) };
}

/**
 * Where a finding about a section (paper, margins) goes: its first paragraph with text. A section
 * with no text at all (Word's trailing section after a last break) prints nothing worth judging.
 */
export function sectionSpan(ctx: RuleContext, layout: DocxLayout, section: SectionFormat): Span | undefined {
  for (let o = section.firstParagraph; o <= section.lastParagraph; o++) {
    if (layout.paragraphs[o]?.text.trim()) {
      const span = paragraphSpan(ctx, layout, o);
      if (span) return span;
    }
  }
  return undefined;
}

/** The paragraph a model offset falls in. */
export function paragraphAt(ctx: RuleContext, layout: DocxLayout, model: number): ParagraphFormat | undefined {
  const loc = layout.map.toDocx(ctx.doc.toSourceOffset(model));
  return loc && loc.part === 'document' ? layout.paragraphs[loc.paragraph] : undefined;
}

/** Paragraphs a model span covers, in order. */
export function paragraphsIn(ctx: RuleContext, layout: DocxLayout, span: Span): ParagraphFormat[] {
  const first = paragraphAt(ctx, layout, span.start);
  const last = paragraphAt(ctx, layout, Math.max(span.start, span.end - 1));
  if (!first || !last) return [];
  return layout.paragraphs.slice(first.ordinal, last.ordinal + 1).filter((p) => p.text.trim() !== '');
}

/**
 * Runs that draw letters or digits (spaces and punctuation alone do not show a size or a weight);
 * a raised note number ("TỔ CHỨC²") is not the text the decree sizes.
 */
export function inkRuns(p: ParagraphFormat, from = 0, to = Infinity): RunFormat[] {
  return p.runs.filter((r) => r.offset < to && r.offset + r.text.length > from && !r.raised && /[\p{L}\p{N}]/u.test(r.text));
}

// ---------------------------------------------------------------------------------------------
// What a header element must look like, and how it deviates

export interface TextSpec {
  /** Smallest and largest size in points. */
  size: [number, number];
  /** true: must be bold; false: must not be; undefined: either. */
  bold?: boolean;
  italic?: boolean;
}

const sizeText = (s: [number, number]) => (s[0] === s[1] ? `${s[0]}` : `${s[0]}–${s[1]}`);

/**
 * What is wrong with the runs of one element against its spec: sizes out of range, weight and
 * slant. Nothing is said about a property Word's data leaves unresolved.
 */
export function deviations(runs: readonly RunFormat[], spec: TextSpec): Text[] {
  const out: Text[] = [];
  if (runs.length === 0) return out;
  const sizes = [...new Set(runs.map((r) => r.size))];
  const wrong = sizes.filter((s): s is number => s !== undefined && (s < spec.size[0] || s > spec.size[1]));
  if (wrong.length) out.push(t(`cỡ chữ ${wrong.map((s) => viNumber(s, 1)).join(', ')} (phải ${sizeText(spec.size)})`, `size ${wrong.join(', ')} pt (should be ${sizeText(spec.size)})`));
  if (spec.bold === true && runs.some((r) => !r.bold)) out.push(t('chưa in đậm (phải đậm)', 'not bold (should be bold)'));
  if (spec.bold === false && runs.some((r) => r.bold)) out.push(t('in đậm (phải chữ thường, không đậm)', 'bold (should not be)'));
  if (spec.italic === true && runs.some((r) => !r.italic)) out.push(t('chưa in nghiêng (phải nghiêng)', 'not italic (should be italic)'));
  if (spec.italic === false && runs.some((r) => r.italic)) out.push(t('in nghiêng (phải chữ đứng)', 'italic (should be upright)'));
  return out;
}

/**
 * The run formatting that brings runs to their spec: the size nearest the range for the first size
 * outside it, and the weight and slant the spec asks for where a run differs. Undefined when
 * nothing is to change.
 */
export function runSetFor(runs: readonly RunFormat[], spec: TextSpec): RunSet | undefined {
  const set: RunSet = {};
  const wrong = runs.map((r) => r.size).find((s): s is number => s !== undefined && (s < spec.size[0] || s > spec.size[1]));
  if (wrong !== undefined) set.size = wrong < spec.size[0] ? spec.size[0] : spec.size[1];
  if (spec.bold !== undefined && runs.some((r) => r.bold !== spec.bold)) set.bold = spec.bold;
  if (spec.italic !== undefined && runs.some((r) => r.italic !== spec.italic)) set.italic = spec.italic;
  return Object.keys(set).length ? set : undefined;
}

/** "cỡ 13, đậm, đứng": the run formatting a fix sets, in words. */
export function runSetText(set: RunSet): Text {
  const vi: string[] = [];
  const en: string[] = [];
  if (set.font) vi.push(`phông ${set.font}`), en.push(`font ${set.font}`);
  if (set.size !== undefined) vi.push(`cỡ ${viNumber(set.size, 1)}`), en.push(`${set.size} pt`);
  if (set.bold !== undefined) vi.push(set.bold ? 'đậm' : 'bỏ đậm'), en.push(set.bold ? 'bold' : 'not bold');
  if (set.italic !== undefined) vi.push(set.italic ? 'nghiêng' : 'đứng (bỏ nghiêng)'), en.push(set.italic ? 'italic' : 'upright');
  return t(vi.join(', '), en.join(', '));
}

/** A fix that sets run formatting on one stretch of a paragraph, titled by what it sets. */
export function runFix(p: ParagraphFormat, from: number, to: number, set: RunSet): LayoutFix {
  const what = runSetText(set);
  return { title: t(`Định dạng chữ: ${what.vi}`, `Character format: ${what.en}`), runs: [{ paragraph: p.ordinal, from, to, set }] };
}

/** Join deviation texts into one message part: "cỡ chữ 14 (phải 12–13); chưa in đậm". */
export function joinTexts(parts: readonly Text[]): Text {
  return t(parts.map((p) => p.vi).join('; '), parts.map((p) => p.en).join('; '));
}

/** Related places for the other paragraphs with the same problem (the finding sits on the first). */
export function relatedParagraphs(ctx: RuleContext, layout: DocxLayout, ordinals: readonly number[], message: Text, max = 30): RelatedPlace[] {
  const out: RelatedPlace[] = [];
  for (const o of ordinals.slice(0, max)) {
    const span = paragraphSpan(ctx, layout, o);
    if (span) out.push({ message, span });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Finding the parts of the document

const NATIONAL_NAME = /^CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM$/u;
const MOTTO = /^Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc$/iu;
const RECIPIENTS = /^Nơi\s+nhận\s*:/iu;

function norm(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A part of the header: a paragraph, or the stretch [from, to) of it the part's words take. */
export interface HeaderPiece {
  p: ParagraphFormat;
  from: number;
  to: number;
}

/** The header block's parts: only those the document makes recognisable. */
export interface HeaderParts {
  nationalName?: HeaderPiece;
  motto?: HeaderPiece;
  /** The issuing body's lines: a parent body first when there is one, the issuing body last. */
  issuer: HeaderPiece[];
  number?: HeaderPiece;
  placeDate?: HeaderPiece;
  docType?: HeaderPiece;
  subject: HeaderPiece[];
}

const whole = (p: ParagraphFormat): HeaderPiece => ({ p, from: 0, to: p.text.length });

/**
 * The pieces of paragraphs a model span covers: "KẾ HOẠCH" and its trích yếu, or "Số: …" and the
 * place and date, often share one paragraph (a line break, a tab); each part is judged on its own runs.
 */
function piecesOf(ctx: RuleContext, layout: DocxLayout, span: Span): HeaderPiece[] {
  const a = layout.map.toDocx(ctx.doc.toSourceOffset(span.start));
  const b = layout.map.toDocx(ctx.doc.toSourceOffset(span.end));
  if (!a || !b || a.part !== 'document' || b.part !== 'document') return [];
  const out: HeaderPiece[] = [];
  for (let o = a.paragraph; o <= b.paragraph; o++) {
    const p = layout.paragraphs[o];
    if (!p || p.text.trim() === '') continue;
    out.push({ p, from: o === a.paragraph ? a.offset : 0, to: o === b.paragraph ? b.offset : p.text.length });
  }
  return out;
}

/** Header parts searched among the first paragraphs only: a quốc hiệu quoted in the body is not one. */
const HEADER_WINDOW = 30;

export function headerParts(ctx: RuleContext, layout: DocxLayout): HeaderParts {
  const first = layout.paragraphs.slice(0, HEADER_WINDOW);
  const h = ctx.doc.header;
  const national = first.find((p) => NATIONAL_NAME.test(norm(p.text)));
  const motto = first.find((p) => MOTTO.test(norm(p.text)));
  // Without a quốc hiệu on a line of its own this is not an administrative header the parser's
  // guesses can be trusted on (a form's or a decree appendix's title read as the issuing body).
  if (!national) return { motto: motto && whole(motto), issuer: [], subject: [] };
  const pieces = (span: Span | undefined) => (span ? piecesOf(ctx, layout, span).filter((x) => x.p.ordinal < HEADER_WINDOW) : []);
  const one = (span: Span | undefined) => {
    const found = pieces(span);
    return found.length === 1 ? found[0] : undefined;
  };
  const docType = one(h.docType);
  // The trích yếu: only when it comes right after the type line.
  const subject = docType ? pieces(h.subject).filter((x) => x.p.ordinal >= docType.p.ordinal && x.p.ordinal <= docType.p.ordinal + 4) : [];
  // The issuing body stands above the type line and is not the quốc hiệu's line.
  const issuer = pieces(h.issuer).filter((x) => (!docType || x.p.ordinal < docType.p.ordinal) && !/CỘNG\s+H(?:ÒA|OÀ)/u.test(x.p.text.normalize('NFC')));
  const place = h.place && h.date ? one({ start: h.place.start, end: Math.max(h.place.end, h.date.end) }) : undefined;
  return {
    nationalName: national && whole(national),
    motto: motto && whole(motto),
    issuer: issuer.length <= 3 ? issuer : [],
    number: one(h.number),
    placeDate: place,
    docType,
    subject,
  };
}

/** The "Nơi nhận:" paragraph and the list under it (the same table cell, or the "-" lines after it). */
export function recipientsBlock(layout: DocxLayout): { label: ParagraphFormat; labelEnd: number; list: { p: ParagraphFormat; from: number }[] } | undefined {
  const ps = layout.paragraphs;
  // The last one: a quoted "Nơi nhận:" in the body is not the block.
  let label: ParagraphFormat | undefined;
  for (let i = ps.length - 1; i >= 0 && !label; i--) if (RECIPIENTS.test(ps[i].text.trimStart())) label = ps[i];
  if (!label) return undefined;
  const text = label.text;
  const lead = text.length - text.trimStart().length;
  const labelEnd = lead + (RECIPIENTS.exec(text.trimStart())?.[0].length ?? 0);
  const list: { p: ParagraphFormat; from: number }[] = [];
  // Items written in the label's own paragraph after a line break.
  if (/\S/.test(text.slice(labelEnd))) list.push({ p: label, from: labelEnd });
  for (let i = label.ordinal + 1; i < ps.length && list.length < 40; i++) {
    const p = ps[i];
    const item = /^\s*[-–+•]/.test(p.text);
    if (label.inTable ? p.cell !== label.cell : !item) break;
    if (p.text.trim() !== '') list.push({ p, from: 0 });
  }
  return { label, labelEnd, list };
}

/**
 * Body paragraphs: outside tables, after the header block (the trích yếu, or the type line) and
 * before Nơi nhận, a sentence long (a short line is a heading or a signature), prose rather than
 * a form's dotted fill-in line, not a heading (all bold, or "I. …"), not list-numbered (Word then
 * draws its own label and indent).
 */
export function bodyParagraphs(ctx: RuleContext, layout: DocxLayout): ParagraphFormat[] {
  const header = headerParts(ctx, layout);
  const headerEnd = header.subject.length ? header.subject[header.subject.length - 1].p.ordinal : header.docType?.p.ordinal;
  if (headerEnd === undefined) return []; // without a recognised header, body text is not told apart
  const end = recipientsBlock(layout)?.label.ordinal ?? layout.paragraphs.length;
  return layout.paragraphs.slice(headerEnd + 1, end).filter((p) => {
    const ink = inkRuns(p);
    return !p.inTable && !p.numbered && p.text.trim().length >= BODY_MIN_CHARS && mostlyWords(p.text) && ink.length > 0 &&
      !ink.every((r) => r.bold) && !/^\s*(PHỤ\s+LỤC\b|[IVXL]+\.\s)/u.test(p.text);
  });
}

/** Prose, not a form's fill-in line ("Họ tên: ………………"): letters make most of what is not a space. */
function mostlyWords(text: string): boolean {
  const ink = text.replace(/\s+/g, '');
  const letters = ink.replace(/[^\p{L}]/gu, '');
  return letters.length * 2 >= ink.length;
}

/** Shorter paragraphs are headings, captions or signature lines rather than body text. */
export const BODY_MIN_CHARS = 40;
/** About one line of 14 pt text on the ND30 page: only a paragraph that wraps shows its justification. */
export const WRAPPING_CHARS = 90;

// ---------------------------------------------------------------------------------------------
// The signature block (ô 7a–7c)

/** "TM.", "KT.", "Q.", "TL.", "TUQ." before the body or the head's title (II.7.b). */
const AUTHORITY = /^(TM|KT|Q|TL|TUQ)\s*\.\s*\S/u;
/** A head's title written without an authority prefix, when the block sits beside Nơi nhận. */
const HEAD_TITLE = /^(CHỦ\s+TỊCH|PHÓ\s+CHỦ\s+TỊCH|GIÁM\s+ĐỐC|PHÓ\s+GIÁM\s+ĐỐC|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|TRƯỞNG\s+BAN|PHÓ\s+TRƯỞNG\s+BAN|BÍ\s+THƯ|CHÁNH\s+VĂN\s+PHÒNG|CỤC\s+TRƯỞNG|HIỆU\s+TRƯỞNG|THỦ\s+TRƯỞNG)(?![\p{L}])/u;
/** The signer's name: two to six words, each capitalised, in ordinary case (II.7.c–đ). */
const PERSON_NAME = /^(\p{Lu}[\p{Ll}]*\.?\s+){1,5}\p{Lu}[\p{Ll}]+$/u;
/** Lines that stand for the signature itself: "(Đã ký)", "[daky]", "(ký, đóng dấu)". */
const SIGNATURE_MARK = /^[([].*[)\]]$/u;

export interface SignatureBlock {
  /** Quyền hạn and chức vụ lines, in order (ô 7a, 7b above the name). */
  titles: ParagraphFormat[];
  /** The signer's name (ô 7b), when one is written. */
  name?: ParagraphFormat;
}

export const isUpper = (s: string) => /\p{L}/u.test(s) && s === s.toLocaleUpperCase('vi');

/**
 * The signature block, only when it is plainly one: after the header, a line opening with an
 * authority prefix ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), or a head's title opening the table
 * cell right after Nơi nhận's; then the capitalised title lines under it and, after the room left
 * to sign, the signer's name. The nearest such line after the body's start wins (an appendix
 * may quote another block).
 */
export function signatureBlock(ctx: RuleContext, layout: DocxLayout): SignatureBlock | undefined {
  const header = headerParts(ctx, layout);
  if (!header.nationalName) return undefined; // not an administrative document we recognise
  const ps = layout.paragraphs;
  const recipients = recipientsBlock(layout);
  const from = (header.subject.at(-1) ?? header.docType ?? header.placeDate ?? header.motto ?? header.nationalName).p.ordinal + 1;
  let start: ParagraphFormat | undefined;
  for (let i = from; i < ps.length && !start; i++) {
    const text = norm(ps[i].text);
    if (AUTHORITY.test(text) && text.length <= 80) start = ps[i];
  }
  if (!start && recipients?.label.inTable) {
    const cell = ps.find((p) => p.cell === recipients.label.cell + 1 && p.text.trim() !== '');
    if (cell && cell.ordinal > recipients.label.ordinal && HEAD_TITLE.test(norm(cell.text))) start = cell;
  }
  if (!start) return undefined;
  const titles: ParagraphFormat[] = [];
  let name: ParagraphFormat | undefined;
  for (let i = start.ordinal; i < ps.length && i < start.ordinal + 14; i++) {
    const p = ps[i];
    if (start.inTable ? p.cell !== start.cell : p.inTable) break;
    if (recipients && p === recipients.label) break;
    const text = norm(p.text);
    if (text === '' || SIGNATURE_MARK.test(text)) continue;
    if (text.length > 80) break;
    const upper = isUpper(text) || inkRuns(p).every((r) => r.caps);
    if ((upper || p === start) && !name) {
      // Titles run on until the room to sign (an empty line or a mark) or the name.
      if (titles.length && titles[titles.length - 1].ordinal < i - 1) break;
      titles.push(p);
      continue;
    }
    if (PERSON_NAME.test(text) && titles.length) name = p;
    break;
  }
  return titles.length ? { titles, name } : undefined;
}

export { norm as normalizedText };
