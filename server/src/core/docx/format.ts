// The formatting of a .docx as Word resolves it — page size and margins of each section, and for
// each body paragraph its alignment, indents, spacing, borders and the fonts, sizes, bold and
// italic of its text runs — for the layout rules (Nghị định 30/2020/NĐ-CP, Phụ lục I).
//
// Properties resolve as Word does: direct formatting, then the run's character style, then the
// paragraph's style chain (basedOn), then docDefaults. Table styles and toggling of bold/italic
// between style levels are not modelled; where a value cannot be resolved it stays undefined and
// the rules say nothing about it.
//
// Pure: bytes in, data out. Paragraph ordinals are the reader's (every w:p of the body, 0-based).

import { paragraphPieces, type RunContext } from './runs';
import { partParagraphs } from './document';
import { childElements, parseXmlPart, isW, wAttr, wChild, wChildren, wDescendants, wInt, wOn, wVal, type XmlDocument, type XmlElement } from './xml';
import { readZipEntries, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip';
import type { DocxDocument } from './index';
import type { DocxTextMap } from './derived';

/** One stretch of visible text and how Word draws it. */
export interface RunFormat {
  text: string;
  /** Offset of the text in the paragraph's text. */
  offset: number;
  /** The font Word uses for this text (ascii font for ASCII letters, hAnsi for Vietnamese ones). */
  font?: string;
  /** In points. */
  size?: number;
  bold: boolean;
  italic: boolean;
  /** w:caps: shown in capitals whatever the letters. */
  caps: boolean;
  underline: boolean;
  /** Superscript or subscript (a note number): not text whose size or weight the decree sets. */
  raised: boolean;
}

export interface ParagraphFormat {
  ordinal: number;
  /** The visible text (as the reader gives it). */
  text: string;
  inTable: boolean;
  /** Index of the table cell holding it (paragraphs of one cell share it), -1 outside tables. */
  cell: number;
  /** Index of the table row holding it (cells of one row share it), -1 outside tables. */
  row: number;
  /** Word's alignment: 'both' (justified), 'left', 'center', 'right', 'distribute' … ('left' when unset). */
  jc: string;
  /** First-line indent in twips (negative = hanging). */
  firstLine: number;
  before: number;
  after: number;
  /** Line spacing: w:line and its rule ('auto' = 240ths of a line). */
  line?: number;
  lineRule: string;
  /** w:contextualSpacing: no space between paragraphs of the same style. */
  contextualSpacing: boolean;
  /** Automatic numbering (Word adds the label and its own indent). */
  numbered: boolean;
  bottomBorder: boolean;
  topBorder: boolean;
  /** A drawing or VML shape anchored in this paragraph (the rule under a header line is often one). */
  hasShape: boolean;
  /** The shapes in it, each read as a horizontal line of a known length or not (see shapes()). */
  shapes: ShapeFormat[];
  /** Left and right indents in twips (a bordered paragraph's border spans the width between them). */
  indentLeft: number;
  indentRight: number;
  /** Width of the table cell holding it, in twips, less the cell's margins (undefined outside tables or when not given). */
  cellWidth?: number;
  runs: RunFormat[];
}

/** A shape in a paragraph: a horizontal line and its length, or something else (a box, a picture, a line we cannot measure). */
export interface ShapeFormat {
  /** Length in twips when the shape is a horizontal line whose length the file states. */
  lineLength?: number;
}

export interface SectionFormat {
  /** Ordinals of the section's first and last paragraphs. */
  firstParagraph: number;
  lastParagraph: number;
  /** Twips. */
  width?: number;
  height?: number;
  landscape: boolean;
  margin: { top?: number; bottom?: number; left?: number; right?: number };
  /** w:titlePg: the first page has its own header and footer. */
  titlePage: boolean;
  /** w:pgNumType w:fmt: 'decimal' (Arabic, Word's default when absent), 'lowerRoman', 'upperLetter' … */
  pageNumberFormat: string;
  /** Header/footer kind → whether its part shows a PAGE field. */
  pageNumberIn: { header: Record<string, PageNumberPlace | undefined>; footer: Record<string, PageNumberPlace | undefined> };
}

export interface PageNumberPlace {
  /** Alignment of the paragraph holding the PAGE field. */
  jc: string;
  /** The paragraph positions the number with tabs (its alignment then says little). */
  tabbed: boolean;
  /** How the number itself is drawn (the field's result run, else its instruction's run). */
  size?: number;
  italic: boolean;
}

export interface DocxLayout {
  paragraphs: ParagraphFormat[];
  sections: SectionFormat[];
  /** Derived text ↔ .docx places (the reader's map), to anchor findings. */
  map: DocxTextMap;
}

const STANDARD = {
  document: 'word/document.xml',
  styles: 'word/styles.xml',
  theme: 'word/theme/theme1.xml',
  rels: 'word/_rels/document.xml.rels',
};

/** Read the layout facts of a .docx the reader has already read (throws on what readDocx throws on). */
export function readLayout(bytes: Uint8Array, docx: DocxDocument, limits: ZipLimits = DEFAULT_ZIP_LIMITS): DocxLayout {
  const mainPart = docx.mainPart;
  const entries = readZipEntries(bytes, [mainPart, STANDARD.styles, STANDARD.theme, STANDARD.rels], limits);
  const parse = (name: string): XmlDocument | undefined => {
    const b = entries.get(name);
    return b ? parseXmlPart(b, name) : undefined;
  };
  const document = parse(mainPart);
  const root = document?.documentElement as XmlElement | undefined;
  const body = wChild(root, 'body');
  if (!body) return { paragraphs: [], sections: [], map: docx.map };
  const styles = new Styles(parse(STANDARD.styles), themeFonts(parse(STANDARD.theme)));
  const cells = new Map<XmlElement, number>();
  const rows = new Map<XmlElement, number>();
  const paragraphs = partParagraphs(body).map((p, ordinal) => paragraphFormat(p, ordinal, styles, cells, rows));
  const rels = relationships(parse(STANDARD.rels));
  const partPlaces = new Map<string, PageNumberPlace | undefined>();
  const placeOf = (target: string): PageNumberPlace | undefined => {
    if (!partPlaces.has(target)) {
      const name = `word/${target.replace(/^\/?word\//, '').replace(/^\//, '')}`;
      const bytesOf = readZipEntries(bytes, [name], limits).get(name);
      partPlaces.set(target, bytesOf ? pageNumberPlace(parseXmlPart(bytesOf, name), styles) : undefined);
    }
    return partPlaces.get(target);
  };
  const sections = readSections(body, paragraphs.length, rels, placeOf);
  return { paragraphs, sections, map: docx.map };
}

// ---------------------------------------------------------------------------------------------
// Styles

interface ThemeFonts {
  minor?: string;
  major?: string;
}

function themeFonts(theme: XmlDocument | undefined): ThemeFonts {
  const out: ThemeFonts = {};
  const root = theme?.documentElement as XmlElement | undefined;
  if (!root) return out;
  const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
  for (const kind of ['minor', 'major'] as const) {
    const font = root.getElementsByTagNameNS(A, `${kind}Font`)[0];
    const latin = font?.getElementsByTagNameNS(A, 'latin')[0];
    const face = latin?.getAttribute('typeface');
    if (face) out[kind] = face;
  }
  return out;
}

/** Styles by id (paragraph and character alike), their basedOn chains, and docDefaults. */
class Styles {
  private readonly byId = new Map<string, XmlElement>();
  readonly defaultParagraph?: string;
  readonly defaultRPr?: XmlElement;
  readonly defaultPPr?: XmlElement;
  /** The default table style's cell margins (Word's "Normal Table"). */
  readonly tableCellMargins?: XmlElement;

  constructor(doc: XmlDocument | undefined, readonly theme: ThemeFonts) {
    const root = doc?.documentElement as XmlElement | undefined;
    let def: string | undefined;
    for (const s of wChildren(root, 'style')) {
      const id = wAttr(s, 'styleId');
      if (!id) continue;
      this.byId.set(id, s);
      if (!def && wAttr(s, 'type') === 'paragraph' && /^(1|true|on)$/i.test(wAttr(s, 'default') ?? '')) def = id;
    }
    this.defaultParagraph = def;
    const table = wChildren(root, 'style').find((st) => wAttr(st, 'type') === 'table' && /^(1|true|on)$/i.test(wAttr(st, 'default') ?? ''));
    this.tableCellMargins = wChild(wChild(table, 'tblPr'), 'tblCellMar');
    const defaults = wChild(root, 'docDefaults');
    this.defaultRPr = wChild(wChild(defaults, 'rPrDefault'), 'rPr');
    this.defaultPPr = wChild(wChild(defaults, 'pPrDefault'), 'pPr');
  }

  /** The style and its ancestors, nearest first (cycles stop the walk). */
  chain(id: string | undefined): XmlElement[] {
    const out: XmlElement[] = [];
    const seen = new Set<string>();
    while (id && !seen.has(id) && out.length < 20) {
      seen.add(id);
      const s = this.byId.get(id);
      if (!s) break;
      out.push(s);
      id = wVal(wChild(s, 'basedOn'));
    }
    return out;
  }
}

/** The first layer (nearest first) that has the child `name`, and that child. */
function firstWith(layers: (XmlElement | undefined)[], name: string): XmlElement | undefined {
  for (const l of layers) {
    const c = wChild(l, name);
    if (c) return c;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and runs

const NO_NOTES: RunContext = { noteMark: () => '' };

function paragraphFormat(p: XmlElement, ordinal: number, styles: Styles, cells?: Map<XmlElement, number>, rows?: Map<XmlElement, number>): ParagraphFormat {
  const pPr = wChild(p, 'pPr');
  const styleId = wVal(wChild(pPr, 'pStyle')) ?? styles.defaultParagraph;
  const styleChain = styles.chain(styleId);
  const pLayers = [pPr, ...styleChain.map((s) => wChild(s, 'pPr')), styles.defaultPPr];
  const spacing = (attr: string): string | undefined => {
    for (const l of pLayers) {
      const v = wAttr(wChild(l, 'spacing'), attr);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  const ind = (attr: string): number | undefined => {
    for (const l of pLayers) {
      const v = wAttr(wChild(l, 'ind'), attr);
      if (v !== undefined) return Number.parseInt(v, 10);
    }
    return undefined;
  };
  const hanging = ind('hanging');
  const firstLine = ind('firstLine');
  const border = (side: string): boolean => {
    const b = wChild(firstWith(pLayers, 'pBdr'), side);
    const v = wVal(b);
    return !!b && v !== undefined && v !== 'nil' && v !== 'none';
  };
  const pieces = paragraphPieces(p, NO_NOTES);
  const pStyleRPr = styleChain.map((s) => wChild(s, 'rPr'));
  const runs: RunFormat[] = [];
  let offset = 0;
  for (const piece of pieces) {
    const r = piece.node.parentNode as XmlElement | null;
    if (piece.kind === 'text' && piece.text && r && isW(r, 'r')) runs.push(runFormat(piece.text, offset, r, pStyleRPr, styles));
    offset += piece.text.length;
  }
  return {
    ordinal,
    text: pieces.map((x) => x.text).join(''),
    inTable: hasAncestor(p, 'tc'),
    cell: cellOf(p, cells),
    row: rowOf(p, rows),
    jc: wVal(firstWith(pLayers, 'jc')) ?? 'left',
    firstLine: hanging !== undefined && hanging > 0 ? -hanging : firstLine ?? 0,
    before: Number.parseInt(spacing('before') ?? '0', 10) || 0,
    after: Number.parseInt(spacing('after') ?? '0', 10) || 0,
    line: spacing('line') !== undefined ? Number.parseInt(spacing('line')!, 10) : undefined,
    lineRule: spacing('lineRule') ?? 'auto',
    contextualSpacing: wOn(firstWith(pLayers, 'contextualSpacing')),
    numbered: (() => {
      const numId = wVal(wChild(firstWith(pLayers.slice(0, -1), 'numPr'), 'numId'));
      return numId !== undefined && numId !== '0';
    })(),
    bottomBorder: border('bottom'),
    topBorder: border('top'),
    hasShape: hasShape(p),
    shapes: shapes(p),
    indentLeft: ind('left') ?? ind('start') ?? 0,
    indentRight: ind('right') ?? ind('end') ?? 0,
    cellWidth: cellWidth(p, styles),
    runs,
  };
}

function runFormat(text: string, offset: number, r: XmlElement, paragraphStyleRPr: (XmlElement | undefined)[], styles: Styles): RunFormat {
  const rPr = wChild(r, 'rPr');
  const charChain = styles.chain(wVal(wChild(rPr, 'rStyle'))).map((s) => wChild(s, 'rPr'));
  const layers = [rPr, ...charChain, ...paragraphStyleRPr, styles.defaultRPr];
  const on = (name: string) => wOn(firstWith(layers, name));
  const sz = wInt(firstWith(layers, 'sz'));
  const u = wVal(firstWith(layers, 'u'));
  return {
    text,
    offset,
    font: fontFor(text, layers, styles.theme),
    size: sz !== undefined ? sz / 2 : undefined,
    bold: on('b'),
    italic: on('i'),
    caps: on('caps'),
    underline: u !== undefined && u !== 'none',
    raised: /^(superscript|subscript)$/.test(wVal(firstWith(layers, 'vertAlign')) ?? ''),
  };
}

/**
 * The font of a run's text: Word draws ASCII characters in the ascii font and other Latin letters
 * (Vietnamese ones) in hAnsi; each attribute resolves on its own through the layers, a theme font
 * attribute standing in for a named one at the same layer.
 */
function fontFor(text: string, layers: (XmlElement | undefined)[], theme: ThemeFonts): string | undefined {
  const slot = /[^\x00-\x7f]/.test(text) ? 'hAnsi' : 'ascii';
  for (const l of layers) {
    const f = wChild(l, 'rFonts');
    if (!f) continue;
    const themed = wAttr(f, `${slot}Theme`);
    if (themed) return /^major/.test(themed) ? theme.major : theme.minor;
    const named = wAttr(f, slot);
    if (named) return named;
  }
  return undefined;
}

/** The index of the nearest table cell around a paragraph (cells numbered as first met). */
function cellOf(p: XmlElement, cells: Map<XmlElement, number> | undefined): number {
  for (const n of ancestors(p)) {
    if (!isW(n, 'tc')) continue;
    if (!cells) return -1;
    let i = cells.get(n);
    if (i === undefined) cells.set(n, (i = cells.size));
    return i;
  }
  return -1;
}

/** The index of the nearest table row around a paragraph (rows numbered as first met). */
function rowOf(p: XmlElement, rows: Map<XmlElement, number> | undefined): number {
  const tr = ancestors(p).find((n) => isW(n, 'tr'));
  if (!tr || !rows) return -1;
  let i = rows.get(tr);
  if (i === undefined) rows.set(tr, (i = rows.size));
  return i;
}

function ancestors(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.parentNode; n && n.nodeType === 1; n = n.parentNode) out.push(n as XmlElement);
  return out;
}

function hasAncestor(el: XmlElement, name: string): boolean {
  return ancestors(el).some((n) => isW(n, name));
}

/** Word's own left and right cell margin when neither the table nor its style sets one (0.075"). */
const WORD_CELL_MARGIN = 108;

/** The text width of the table cell around a paragraph: tcW (or the grid's columns) less the cell margins. */
function cellWidth(p: XmlElement, styles: Styles): number | undefined {
  const tc = ancestors(p).find((n) => isW(n, 'tc'));
  if (!tc) return undefined;
  const tcPr = wChild(tc, 'tcPr');
  const tcW = wChild(tcPr, 'tcW');
  let width = tcW && (wAttr(tcW, 'type') ?? 'dxa') === 'dxa' ? Number.parseInt(wAttr(tcW, 'w') ?? '', 10) : Number.NaN;
  const tr = tc.parentNode as XmlElement | null;
  const tbl = tr?.parentNode as XmlElement | null;
  if (!(width > 0) && tr && tbl && isW(tbl, 'tbl')) {
    // The grid columns the cell spans.
    const cols = wChildren(wChild(tbl, 'tblGrid'), 'gridCol').map((g) => Number.parseInt(wAttr(g, 'w') ?? '', 10));
    let at = 0;
    for (const c of wChildren(tr, 'tc')) {
      const span = wInt(wChild(wChild(c, 'tcPr'), 'gridSpan')) ?? 1;
      if (c === tc) {
        width = cols.slice(at, at + span).reduce((a, b) => a + b, 0);
        break;
      }
      at += span;
    }
  }
  if (!(width > 0)) return undefined;
  const margin = (side: string, alt: string): number => {
    for (const mar of [wChild(tcPr, 'tcMar'), wChild(wChild(tbl ?? undefined, 'tblPr'), 'tblCellMar'), styles.tableCellMargins]) {
      const m = wChild(mar, side) ?? wChild(mar, alt);
      const v = m && (wAttr(m, 'type') ?? 'dxa') === 'dxa' ? Number.parseInt(wAttr(m, 'w') ?? '', 10) : Number.NaN;
      if (Number.isFinite(v)) return v;
    }
    return WORD_CELL_MARGIN;
  };
  return width - margin('left', 'start') - margin('right', 'end');
}

/** EMUs in a twip (914400 per inch, 1440 twips per inch). */
const EMU_PER_TWIP = 635;

/**
 * The shapes of a paragraph, each read as a horizontal line with its length when the file says
 * so plainly: a DrawingML line (preset "line" or a straight connector, or a shape with no height)
 * not rotated off the horizontal, or a VML v:line / straight connector with lengths in units.
 * mc:AlternateContent counts once (its Choice; the Fallback is the same shape for old readers).
 */
function shapes(p: XmlElement): ShapeFormat[] {
  const out: ShapeFormat[] = [];
  const walk = (el: XmlElement) => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as XmlElement;
      if (e.localName === 'AlternateContent') {
        const choice = childElements(e).find((x) => x.localName === 'Choice') ?? childElements(e).find((x) => x.localName === 'Fallback');
        if (choice) walk(choice);
      } else if (isW(e, 'drawing')) out.push({ lineLength: drawingLine(e) });
      else if (isW(e, 'pict')) out.push(...vmlShapes(e));
      else walk(e);
    }
  };
  walk(p);
  return out;
}

function descendants(root: XmlElement, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      if ((c as XmlElement).localName === localName) out.push(c as XmlElement);
      walk(c as XmlElement);
    }
  };
  walk(root);
  return out;
}

function drawingLine(drawing: XmlElement): number | undefined {
  const extent = descendants(drawing, 'extent')[0];
  const cx = Number.parseInt(extent?.getAttribute('cx') ?? '', 10);
  const cy = Number.parseInt(extent?.getAttribute('cy') ?? '', 10);
  if (!(cx > 0) || !Number.isFinite(cy)) return undefined;
  const geometry = descendants(drawing, 'prstGeom')[0]?.getAttribute('prst') ?? '';
  const rot = Number.parseInt(descendants(drawing, 'xfrm')[0]?.getAttribute('rot') ?? '0', 10) || 0;
  const level = rot % 10800000 === 0; // 0° or 180°
  const isLine = /^(line|straightConnector1)$/.test(geometry) || (geometry !== '' && cy === 0);
  return isLine && level && cy * 20 <= cx ? Math.round(cx / EMU_PER_TWIP) : undefined;
}

/** A VML length ("150pt", "2.5in", "3cm", "20mm") in twips; unitless or unknown units give undefined. */
function vmlLength(v: string | undefined): number | undefined {
  const m = /^\s*(-?\d+(?:\.\d+)?)(pt|in|cm|mm)\s*$/.exec(v ?? '');
  if (!m) return v !== undefined && /^\s*-?0(\.0+)?\s*$/.test(v) ? 0 : undefined;
  const n = Number.parseFloat(m[1]);
  return n * { pt: 20, in: 1440, cm: 1440 / 2.54, mm: 144 / 2.54 }[m[2] as 'pt' | 'in' | 'cm' | 'mm'];
}

function vmlShapes(pict: XmlElement): ShapeFormat[] {
  const out: ShapeFormat[] = [];
  // Direct children only: a group counts as one shape, its parts are not walked.
  for (const e of childElements(pict)) {
    if (e.localName === 'line') {
      const [x1, y1] = (e.getAttribute('from') ?? '0,0').split(',').map(vmlLength);
      const [x2, y2] = (e.getAttribute('to') ?? '0,0').split(',').map(vmlLength);
      const ok = [x1, y1, x2, y2].every((n) => n !== undefined) && Math.abs(y2! - y1!) * 20 <= Math.abs(x2! - x1!);
      out.push({ lineLength: ok ? Math.round(Math.abs(x2! - x1!)) : undefined });
    } else if (['shape', 'rect', 'roundrect', 'oval', 'group', 'polyline', 'image'].includes(e.localName ?? '')) {
      const style = e.getAttribute('style') ?? '';
      const prop = (name: string) => new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`).exec(style)?.[1];
      const connector = e.localName === 'shape' && (/_t32$/.test(e.getAttribute('type') ?? '') || !!e.getAttribute('o:connectortype'));
      const w = vmlLength(prop('width'));
      const h = vmlLength(prop('height'));
      const level = !prop('rotation') || /^\s*(0|180)\s*$/.test(prop('rotation')!);
      out.push({ lineLength: connector && level && w !== undefined && h !== undefined && h * 20 <= w && w > 0 ? Math.round(w) : undefined });
    }
  }
  return out;
}

/** A drawing (DrawingML) or VML shape in the paragraph: a line, a text box, a picture. */
function hasShape(p: XmlElement): boolean {
  let found = false;
  const walk = (el: XmlElement) => {
    for (let c = el.firstChild; c && !found; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as XmlElement;
      if (e.localName === 'AlternateContent' || isW(e, 'drawing') || isW(e, 'pict')) {
        found = true;
        return;
      }
      walk(e);
    }
  };
  walk(p);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Sections, headers and footers

function relationships(doc: XmlDocument | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const root = doc?.documentElement as XmlElement | undefined;
  for (let c = root?.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    const e = c as XmlElement;
    const id = e.getAttribute('Id');
    const target = e.getAttribute('Target');
    if (id && target) out.set(id, target);
  }
  return out;
}

const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Sections in order: a w:sectPr in a paragraph's pPr ends a section; the body's last one ends the document. */
function readSections(body: XmlElement, count: number, rels: Map<string, string>, placeOf: (target: string) => PageNumberPlace | undefined): SectionFormat[] {
  const sections: SectionFormat[] = [];
  let first = 0;
  const ordinalOf = new Map<XmlElement, number>();
  partParagraphs(body).forEach((p, i) => ordinalOf.set(p, i));
  const add = (sectPr: XmlElement, last: number) => {
    sections.push({ ...section(sectPr, first, rels, placeOf), lastParagraph: last });
    first = last + 1;
  };
  for (const [p, i] of ordinalOf) {
    const s = wChild(wChild(p, 'pPr'), 'sectPr');
    if (s && !hasAncestor(p, 'tc')) add(s, i);
  }
  const final = wChild(body, 'sectPr');
  if (final && first < Math.max(count, 1)) add(final, count - 1);
  return sections;
}

function section(s: XmlElement, firstParagraph: number, rels: Map<string, string>, placeOf: (target: string) => PageNumberPlace | undefined): Omit<SectionFormat, 'lastParagraph'> {
  const pgSz = wChild(s, 'pgSz');
  const pgMar = wChild(s, 'pgMar');
  const num = (el: XmlElement | undefined, a: string) => {
    const v = wAttr(el, a);
    return v === undefined ? undefined : Number.parseInt(v, 10);
  };
  const width = num(pgSz, 'w');
  const height = num(pgSz, 'h');
  const refs = (kind: 'header' | 'footer') => {
    const out: Record<string, PageNumberPlace | undefined> = {};
    for (const ref of wChildren(s, `${kind}Reference`)) {
      const type = wAttr(ref, 'type') ?? 'default';
      const id = ref.getAttributeNS(R_NS, 'id') || ref.getAttribute('r:id');
      const target = id ? rels.get(id) : undefined;
      out[type] = target ? placeOf(target) : undefined;
    }
    return out;
  };
  return {
    firstParagraph,
    width,
    height,
    landscape: wAttr(pgSz, 'orient') === 'landscape' || (width !== undefined && height !== undefined && width > height),
    margin: { top: num(pgMar, 'top'), bottom: num(pgMar, 'bottom'), left: num(pgMar, 'left'), right: num(pgMar, 'right') },
    titlePage: wOn(wChild(s, 'titlePg')),
    pageNumberFormat: wAttr(wChild(s, 'pgNumType'), 'fmt') ?? 'decimal',
    pageNumberIn: { header: refs('header'), footer: refs('footer') },
  };
}

/** Where a header or footer part shows the page number (a PAGE field), if it does. */
function pageNumberPlace(part: XmlDocument, styles: Styles): PageNumberPlace | undefined {
  const root = part.documentElement as XmlElement | undefined;
  if (!root) return undefined;
  for (const p of partParagraphs(root)) {
    if (!hasPageField(p)) continue;
    const f = paragraphFormat(p, -1, styles);
    const tabbed = /\t/.test(f.text) || !!firstWith([wChild(p, 'pPr')], 'tabs');
    const run = pageNumberRun(p);
    const styleRPr = styles.chain(wVal(wChild(wChild(p, 'pPr'), 'pStyle')) ?? styles.defaultParagraph).map((s) => wChild(s, 'rPr'));
    const look = run ? runFormat('1', 0, run, styleRPr, styles) : undefined;
    return { jc: f.jc, tabbed, size: look?.size, italic: look?.italic ?? false };
  }
  return undefined;
}

/**
 * The run that shows the page number: inside a w:fldSimple, or the first run with text after a
 * complex field's "separate" (its cached result); else the run holding the instruction.
 */
function pageNumberRun(p: XmlElement): XmlElement | undefined {
  const simple = wDescendants(p, 'fldSimple').find((f) => /^\s*PAGE\b/i.test(wAttr(f, 'instr') ?? ''));
  if (simple) return wDescendants(simple, 'r')[0];
  let instr: XmlElement | undefined;
  let afterSeparate = false;
  for (const r of wDescendants(p, 'r')) {
    const it = wChild(r, 'instrText');
    if (it && /^\s*PAGE\b/i.test(it.textContent ?? '')) instr = r;
    const ch = wAttr(wChild(r, 'fldChar'), 'fldCharType');
    if (instr && ch === 'separate') afterSeparate = true;
    else if (instr && ch === 'end') break;
    else if (afterSeparate && wChild(r, 't')) return r;
  }
  return instr;
}

function hasPageField(p: XmlElement): boolean {
  let found = false;
  const walk = (el: XmlElement) => {
    for (let c = el.firstChild; c && !found; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as XmlElement;
      if (isW(e, 'fldSimple') && /^\s*PAGE\b/i.test(wAttr(e, 'instr') ?? '')) found = true;
      else if (isW(e, 'instrText') && /^\s*PAGE\b/i.test(e.textContent ?? '')) found = true;
      else walk(e);
    }
  };
  walk(p);
  return found;
}
