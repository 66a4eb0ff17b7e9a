// The reviewer's copy of a .docx: the original document with one Word comment per finding,
// anchored on exactly the text the finding is about; a layout finding's formatting fix (size,
// bold, italic, font, alignment, indent, spacing, paper, margins) is also applied, as a tracked
// change the drafter accepts or rejects (core/docx/fixLayout.ts). No word is ever removed.
//
// Findings come from checking the reader's derived text; the reader's map takes a derived offset
// back to (paragraph ordinal, offset in the paragraph's text). Here that place is found again in
// word/document.xml by walking the paragraph's text pieces (paragraphPieces, the reader's own
// walk), splitting a run where the anchor falls inside it, and inserting commentRangeStart /
// commentRangeEnd and a commentReference run. word/comments.xml is created (or appended to), with
// its relationship and content type. Every other part of the package is copied unchanged.

import { unzipSync } from 'fflate';
import { XMLSerializer } from '@xmldom/xmldom';
import { checkPlan, type CheckOptions, type Finding } from '../check';
import type { LintConfig } from '../config';
import type { Locale } from '../i18n';
import { DEFAULT_ZIP_LIMITS, paragraphPieces, parseXmlPart, partParagraphs, readDocx, readZipEntries, type DocxDocument, type TextPiece, type ZipLimits } from './index';
import { isW, wAttr, wChild, type XmlDocument, type XmlElement } from './xml';
import { CONTENT_TYPE, NS, REL_TYPE, escapeXml, zipPackage } from './ooxml';
import { readLayout } from './format';
import { appliable, type LayoutFix } from './layoutFix';
import { LayoutFixer, maxAnnotationId, sectionElements } from './fixLayout';

export interface ReviewNote {
  /** Derived-text offsets of the text the note is about. */
  start: number;
  end: number;
  /** The comment's paragraphs. */
  paragraphs: string[];
  /** A layout finding's formatting fix: applied as a tracked change, and the comment says so. */
  layoutFix?: LayoutFix<string>;
  /** What the comment adds when the fix was applied (in the note's language). */
  appliedText?: string;
}

export interface ReviewOptions {
  author?: string;
  initials?: string;
  /** ISO date-time stamped on each comment (none when absent, so tests are stable). */
  date?: string;
  limits?: ZipLimits;
}

/** The comment for a finding: message, rule, and the suggested fix when there is one. */
export function findingNote(f: Finding, locale: Locale): ReviewNote {
  const vi = locale === 'vi';
  const paragraphs = [f.messages ? (vi ? f.messages.vi : f.messages.en) : f.message, `${vi ? 'Quy tắc' : 'Rule'}: ${f.rule} (${f.alias})`];
  const fix = f.fixes.find((x) => x.preferred) ?? f.fixes[0];
  const title = fix?.title ?? f.layoutFix?.title;
  if (title) paragraphs.push(`${vi ? 'Gợi ý sửa' : 'Suggested fix'}: ${title}`);
  return {
    start: f.start,
    end: f.end,
    paragraphs,
    ...(f.layoutFix && appliable(f.layoutFix)
      ? { layoutFix: f.layoutFix, appliedText: vi ? 'Đã sửa định dạng trong bản này (theo dõi thay đổi: chấp nhận hoặc từ chối)' : 'Formatting fixed in this copy (tracked changes: accept or reject)' }
      : {}),
  };
}

/**
 * Check a .docx and write the reviewer's copy: the findings of its derived text, one comment
 * each. Throws DocxReadError when the document cannot be read.
 */
export function reviewPlanDocx(bytes: Uint8Array, config: LintConfig, options: ReviewOptions & CheckOptions = {}): { bytes: Uint8Array; findings: Finding[] } {
  const docx = readDocx(bytes, options.limits);
  // The Word file's formatting too: the layout rules (KH10xx) comment on it and fix what they can.
  const layout = readLayout(bytes, docx, options.limits);
  const { findings } = checkPlan(docx.text, config, { ...options, layout });
  return { bytes: reviewDocx(bytes, findings.map((f) => findingNote(f, config.locale)), options, docx), findings };
}

/**
 * The reviewer's copy: `bytes` (a .docx the reader read as `docx`) with one comment per note.
 * Throws DocxReadError when the package cannot be read; never returns a half-written file.
 */
export function reviewDocx(bytes: Uint8Array, notes: readonly ReviewNote[], options: ReviewOptions = {}, docx: DocxDocument = readDocx(bytes, options.limits)): Uint8Array {
  const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
  // Entry names in their order (no inflating here), then every entry read with the reader's limits.
  const names: string[] = [];
  unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
  const entries = readZipEntries(bytes, names, limits);

  const main = docx.mainPart;
  const document = parseXmlPart(entries.get(main)!, main);
  const body = wChild(document.documentElement as XmlElement, 'body') ?? (document.documentElement as XmlElement);
  const paragraphs = partParagraphs(body);

  const relsPath = main.replace(/([^/]+)$/, '_rels/$1.rels');
  const rels = entries.get(relsPath) ? parseXmlPart(entries.get(relsPath)!, relsPath) : undefined;
  const existingTarget = rels ? commentsTarget(rels) : undefined;
  const commentsPath = existingTarget ? resolvePart(main, existingTarget) : main.replace(/[^/]+$/, 'comments.xml');
  const existingComments = entries.get(commentsPath) ? parseXmlPart(entries.get(commentsPath)!, commentsPath) : undefined;

  let nextId = existingComments ? maxCommentId(existingComments) + 1 : 0;
  // Formatting fixes first, on the untouched document (the comments' anchoring splits runs after).
  const fixer = new LayoutFixer(document, paragraphs, sectionElements(body, paragraphs), {
    author: options.author ?? 'kehoach',
    date: options.date,
    firstId: Math.max(maxAnnotationId(document.documentElement as XmlElement), nextId + notes.length) + 1,
  });
  const applied = notes.map((note) => !!note.layoutFix && fixer.apply(note.layoutFix));
  const comments: string[] = [];
  const anchorer = new Anchorer(document, paragraphs, docx);
  for (const [k, note] of notes.entries()) {
    const id = nextId++;
    const placed = anchorer.anchor(note, id);
    const said = applied[k] && note.appliedText ? [...note.paragraphs, note.appliedText] : note.paragraphs;
    const text = placed ? said : [...said, 'Không tìm được vị trí chính xác trong văn bản, ghi chú đặt ở đầu văn bản (exact place not found: note put at the start)'];
    comments.push(commentXml(id, text, options));
  }

  const serializer = new XMLSerializer();
  const changed = new Map<string, Uint8Array>();
  const encode = (s: string) => new TextEncoder().encode(s);
  changed.set(main, encode(serializer.serializeToString(document)));
  changed.set(commentsPath, encode(existingComments ? appendComments(existingComments, comments) : newCommentsXml(comments)));
  if (!existingTarget) {
    changed.set(relsPath, encode(addCommentsRelationship(rels, commentsPath, main)));
    const types = parseXmlPart(entries.get('[Content_Types].xml')!, '[Content_Types].xml');
    if (addCommentsContentType(types, commentsPath)) changed.set('[Content_Types].xml', encode(serializer.serializeToString(types)));
  } else if (!existingComments) {
    const types = parseXmlPart(entries.get('[Content_Types].xml')!, '[Content_Types].xml');
    if (addCommentsContentType(types, commentsPath)) changed.set('[Content_Types].xml', encode(serializer.serializeToString(types)));
  }

  const out: [string, Uint8Array][] = names.map((n) => [n, changed.get(n) ?? entries.get(n)!]);
  for (const [n, data] of changed) if (!names.includes(n)) out.push([n, data]);
  return zipPackage(out);
}

// ---------------------------------------------------------------------------------------------
// Anchoring in document.xml

/** A place between two nodes: insert before `before`, or at the end of `parent`. */
interface Point {
  parent: XmlElement;
  before: XmlElement | null;
}

/** Where a run may sit: range markers are valid next to a run in any of these. */
const RUN_CONTAINERS = new Set(['p', 'hyperlink', 'ins', 'moveTo', 'smartTag', 'fldSimple', 'sdtContent', 'customXml', 'dir', 'bdo']);

class Anchorer {
  private readonly ns: string;
  private readonly prefix: string;
  private readonly ordinals = new Map<XmlElement, number>();
  private readonly readerPieces = new Map<number, TextPiece[]>();

  constructor(
    private readonly document: XmlDocument,
    private readonly paragraphs: XmlElement[],
    private readonly docx: DocxDocument,
  ) {
    const root = document.documentElement as XmlElement;
    this.ns = root.namespaceURI ?? NS.w;
    this.prefix = root.prefix ?? 'w';
    paragraphs.forEach((p, i) => this.ordinals.set(p, i));
    for (const x of docx.body.paragraphs) this.readerPieces.set(x.ordinal, x.pieces);
  }

  /**
   * Mark the note's text with comment `id`; false when it could only be put at the start of the
   * document (its text is in a footnote, or the map has no place for it).
   */
  anchor(note: ReviewNote, id: number): boolean {
    const map = this.docx.map;
    let from = map.toDocx(note.start);
    let to = map.toDocx(Math.max(note.end, note.start));
    // The reader's separators (" | ", newlines) have no place in the .docx: step inside the range.
    for (let k = note.start; !from && k < note.end; k++) from = map.toDocx(k);
    for (let k = note.end; !to && k > note.start; k--) to = map.toDocx(k);
    if (!from || !to || from.part !== 'document' || to.part !== 'document' || !this.paragraphs[from.paragraph] || !this.paragraphs[to.paragraph]) {
      const first = this.paragraphs[0];
      if (!first) return false;
      const start = this.pointAt(first, 0, 'start');
      this.insertMarkers(start, start, id);
      return false;
    }
    const startP = this.paragraphs[from.paragraph];
    const endP = this.paragraphs[to.paragraph];
    let endOffset = to.offset;
    // A finding on a list label Word draws (or an empty range): cover the paragraph's text.
    if (from.paragraph === to.paragraph && endOffset <= from.offset) endOffset = this.textLength(endP);
    // Split at the end first: the start's nodes stay where they are.
    const end = this.pointAt(endP, endOffset, 'end');
    const start = this.pointAt(startP, from.offset, 'start');
    this.insertMarkers(start, end, id);
    return true;
  }

  private pieces(p: XmlElement): TextPiece[] {
    // A note mark's text ("[12]") is numbered over the whole document: take the reader's, in order
    // (splitting runs adds text pieces but never note marks).
    const own = paragraphPieces(p, { noteMark: () => '[0]' });
    const marks = (this.readerPieces.get(this.ordinals.get(p) ?? -1) ?? []).filter((x) => x.kind === 'footnote');
    let k = 0;
    return own.map((piece) => (piece.kind === 'footnote' ? { ...piece, text: marks[k++]?.text ?? piece.text } : piece));
  }

  private textLength(p: XmlElement): number {
    return this.pieces(p).reduce((n, piece) => n + piece.text.length, 0);
  }

  /**
   * The point at `offset` in the paragraph's text. A 'start' point sits before the character at
   * `offset`; an 'end' point after the character before it. A run is split when the point falls
   * inside its text.
   */
  private pointAt(p: XmlElement, offset: number, side: 'start' | 'end'): Point {
    const pieces = this.pieces(p);
    let at = 0;
    for (const piece of pieces) {
      const len = piece.text.length;
      const inside = side === 'start' ? offset < at + len : offset <= at + len;
      if (len > 0 && inside && offset >= at) {
        const k = offset - at;
        if (side === 'start' && k === 0) return this.before(piece.node, p);
        if (side === 'end' && k === len) return this.after(piece.node, p);
        if (piece.kind === 'text' && isW(piece.node, 't')) return this.splitText(piece.node, k, p);
        // an atomic piece (a note mark, a symbol, math): the anchor takes all of it
        return side === 'start' ? this.before(piece.node, p) : this.after(piece.node, p);
      }
      at += len;
    }
    // Past the text (or an empty paragraph): after the last piece, or at the paragraph's end.
    const last = pieces[pieces.length - 1];
    if (last && side === 'end') return this.after(last.node, p);
    if (last && offset > 0) return this.after(last.node, p);
    if (pieces[0]) return this.before(pieces[0].node, p);
    return { parent: p, before: null };
  }

  /** The run (or other content element) holding `node`, as a direct child of a run container. */
  private host(node: XmlElement, p: XmlElement): XmlElement {
    let el = node;
    while (el.parentNode && el.parentNode !== p) {
      const parent = el.parentNode as XmlElement;
      if (isW(el, 'r') && isW(parent) && RUN_CONTAINERS.has(parent.localName ?? '')) return el;
      el = parent;
    }
    return el;
  }

  /** Before `node`: before its run when it opens the run, else the run is split there. */
  private before(node: XmlElement, p: XmlElement): Point {
    const run = this.host(node, p);
    if (!isW(run, 'r') || node.parentNode !== run || this.firstContent(run) === node) {
      return { parent: run.parentNode as XmlElement, before: run };
    }
    const tail = this.splitRunBefore(run, node);
    return { parent: tail.parentNode as XmlElement, before: tail };
  }

  /** After `node`: after its run when it closes the run, else the run is split there. */
  private after(node: XmlElement, p: XmlElement): Point {
    const run = this.host(node, p);
    const next = nextElement(node);
    if (!isW(run, 'r') || node.parentNode !== run || !next) {
      return { parent: run.parentNode as XmlElement, before: nextElement(run) };
    }
    const tail = this.splitRunBefore(run, next);
    return { parent: tail.parentNode as XmlElement, before: tail };
  }

  /** Split a w:t at character `k` (0 < k < length) and the run there; the point between. */
  private splitText(t: XmlElement, k: number, p: XmlElement): Point {
    const text = t.textContent ?? '';
    // k counts UTF-16 units of the piece; the piece is this w:t's whole text.
    const second = this.document.createElementNS(t.namespaceURI ?? this.ns, t.nodeName);
    second.setAttribute('xml:space', 'preserve');
    second.appendChild(this.document.createTextNode(text.slice(k)));
    while (t.firstChild) t.removeChild(t.firstChild);
    t.appendChild(this.document.createTextNode(text.slice(0, k)));
    t.setAttribute('xml:space', 'preserve');
    t.parentNode!.insertBefore(second, t.nextSibling);
    return this.before(second, p);
  }

  /** Move `node` and what follows it in `run` into a new run with the same properties, placed after `run`. */
  private splitRunBefore(run: XmlElement, node: XmlElement): XmlElement {
    const tail = run.cloneNode(false) as XmlElement;
    const rPr = wChild(run, 'rPr');
    if (rPr) tail.appendChild(rPr.cloneNode(true));
    let c: XmlElement | null = node;
    while (c) {
      const next = c.nextSibling as XmlElement | null;
      tail.appendChild(c);
      c = next;
    }
    run.parentNode!.insertBefore(tail, run.nextSibling);
    return tail;
  }

  private firstContent(run: XmlElement): XmlElement | null {
    for (let c = run.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && !isW(c, 'rPr')) return c as XmlElement;
    return null;
  }

  private element(name: string, attrs: Record<string, string> = {}): XmlElement {
    const el = this.document.createElementNS(this.ns, `${this.prefix}:${name}`);
    for (const [k, v] of Object.entries(attrs)) el.setAttributeNS(this.ns, `${this.prefix}:${k}`, v);
    return el;
  }

  private insertMarkers(start: Point, end: Point, id: number): void {
    const attrs = { id: String(id) };
    const rangeEnd = this.element('commentRangeEnd', attrs);
    end.parent.insertBefore(rangeEnd, end.before);
    const reference = this.element('r');
    reference.appendChild(this.element('commentReference', attrs));
    end.parent.insertBefore(reference, rangeEnd.nextSibling);
    // An empty range (both points the same): the start goes before the end marker, not after it.
    const rangeStart = this.element('commentRangeStart', attrs);
    if (start.parent === end.parent && start.before === end.before) end.parent.insertBefore(rangeStart, rangeEnd);
    else start.parent.insertBefore(rangeStart, start.before);
  }
}

function nextElement(node: XmlElement): XmlElement | null {
  for (let c = node.nextSibling; c; c = c.nextSibling) if (c.nodeType === 1) return c as XmlElement;
  return null;
}

// ---------------------------------------------------------------------------------------------
// comments.xml, relationships, content types

function commentXml(id: number, paragraphs: string[], options: ReviewOptions): string {
  const author = escapeXml(options.author ?? 'kehoach');
  const initials = escapeXml(options.initials ?? 'KH');
  const date = options.date ? ` w:date="${escapeXml(options.date)}"` : '';
  const paras = paragraphs.map(
    (s, i) => `<w:p>${i === 0 ? '<w:r><w:annotationRef/></w:r>' : ''}<w:r><w:t xml:space="preserve">${escapeXml(s)}</w:t></w:r></w:p>`,
  );
  return `<w:comment w:id="${id}" w:author="${author}"${date} w:initials="${initials}">${paras.join('')}</w:comment>`;
}

function newCommentsXml(comments: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${NS.w}">\n${comments.join('\n')}\n</w:comments>\n`;
}

/** Add our comments to an existing comments.xml (its own comments untouched). */
function appendComments(existing: XmlDocument, comments: string[]): string {
  const root = existing.documentElement as XmlElement;
  const wrapper = parseXmlPart(new TextEncoder().encode(`<w:comments xmlns:w="${root.namespaceURI ?? NS.w}">${comments.join('')}</w:comments>`), 'comments');
  for (let c = wrapper.documentElement!.firstChild; c; c = c.nextSibling) root.appendChild(existing.importNode(c, true));
  return new XMLSerializer().serializeToString(existing);
}

function maxCommentId(comments: XmlDocument): number {
  let max = -1;
  const root = comments.documentElement as XmlElement;
  for (let c = root.firstChild; c; c = c.nextSibling) {
    if (!isW(c, 'comment')) continue;
    const n = parseInt(wAttr(c as XmlElement, 'id') ?? '', 10);
    if (Number.isFinite(n)) max = Math.max(max, n);
  }
  return max;
}

function relationshipElements(rels: XmlDocument): XmlElement[] {
  const out: XmlElement[] = [];
  const root = rels.documentElement as XmlElement;
  for (let c = root.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as XmlElement).localName === 'Relationship') out.push(c as XmlElement);
  return out;
}

function commentsTarget(rels: XmlDocument): string | undefined {
  const rel = relationshipElements(rels).find((r) => /\/comments$/.test(r.getAttribute('Type') ?? '') && r.getAttribute('TargetMode') !== 'External');
  return rel?.getAttribute('Target') ?? undefined;
}

/** A relationship target relative to the part that owns it ("comments.xml" → "word/comments.xml"). */
function resolvePart(owner: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = owner.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function addCommentsRelationship(rels: XmlDocument | undefined, commentsPath: string, main: string): string {
  const target = commentsPath.slice(main.replace(/[^/]+$/, '').length);
  if (!rels) {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}"><Relationship Id="rId1" Type="${REL_TYPE.comments}" Target="${escapeXml(target)}"/></Relationships>\n`;
  }
  const ids = new Set(relationshipElements(rels).map((r) => r.getAttribute('Id')));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const root = rels.documentElement as XmlElement;
  const rel = rels.createElementNS(root.namespaceURI ?? NS.rel, 'Relationship');
  rel.setAttribute('Id', `rId${n}`);
  rel.setAttribute('Type', REL_TYPE.comments);
  rel.setAttribute('Target', target);
  root.appendChild(rel);
  return new XMLSerializer().serializeToString(rels);
}

/** Add the content type override for the comments part; false when one is already there. */
function addCommentsContentType(types: XmlDocument, commentsPath: string): boolean {
  const root = types.documentElement as XmlElement;
  const partName = `/${commentsPath}`;
  for (let c = root.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as XmlElement).localName === 'Override' && (c as XmlElement).getAttribute('PartName') === partName) return false;
  }
  const override = types.createElementNS(root.namespaceURI ?? NS.ct, 'Override');
  override.setAttribute('PartName', partName);
  override.setAttribute('ContentType', CONTENT_TYPE.comments);
  root.appendChild(override);
  return true;
}
