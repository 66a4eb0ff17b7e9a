// Small builders for WordprocessingML (OOXML) as text, shared by the Word writers (export, review).
//
// We write the XML ourselves: a .docx we produce is a handful of parts with a fixed shape, and
// building the strings directly keeps the output readable (one paragraph per line, so goldens
// can be read) and free of a DOM round trip. Lengths are in twips (1/20 pt) unless named
// otherwise; font sizes in points (Word stores half-points, converted here).

import { zipSync, type Zippable } from 'fflate';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

export const REL_TYPE = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  settings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings',
  header: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
} as const;

export const CONTENT_TYPE = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  document: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  styles: 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
  settings: 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml',
  header: 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
  comments: 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
} as const;

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Millimetres to twips. */
export function mm(value: number): number {
  return Math.round((value * 1440) / 25.4);
}

/** Centimetres to twips. */
export function cm(value: number): number {
  return mm(value * 10);
}

/**
 * Escape text for XML content or a double-quoted attribute, dropping the characters XML 1.0
 * cannot hold at all (C0 controls other than tab/newline/CR, lone surrogates, U+FFFE/FFFF):
 * a NUL pasted from a binary file must not make Word refuse the whole document.
 */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
}

/** `<w:rPr>` for a run style, or '' when the run takes the paragraph's defaults. */
export function runProps(style: RunStyle): string {
  const parts: string[] = [];
  if (style.bold) parts.push('<w:b/><w:bCs/>');
  if (style.italic) parts.push('<w:i/><w:iCs/>');
  if (style.size !== undefined) {
    const half = Math.round(style.size * 2);
    parts.push(`<w:sz w:val="${half}"/><w:szCs w:val="${half}"/>`);
  }
  return parts.length ? `<w:rPr>${parts.join('')}</w:rPr>` : '';
}

/** One run of text; tabs become `<w:tab/>` (Word ignores a literal tab inside `<w:t>`). */
export function run(text: string, style: RunStyle = {}): string {
  const rPr = runProps(style);
  const pieces = text.split('\t').map((piece) => (piece ? `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>` : ''));
  return `<w:r>${rPr}${pieces.join('<w:tab/>')}</w:r>`;
}

export interface ParagraphStyle {
  align?: 'left' | 'center' | 'right' | 'both';
  /** First-line indent (twips). */
  firstLine?: number;
  /** Left and right indents (twips). */
  left?: number;
  right?: number;
  /** Space before and after (twips). */
  before?: number;
  after?: number;
  /** Line spacing in 240ths of a line ('auto'), or exact twips ('exact'). */
  line?: { value: number; rule: 'auto' | 'exact' | 'atLeast' };
  /** A solid rule under the paragraph (the lines under the issuing body, the motto, the subject). */
  bottomBorder?: boolean;
  keepNext?: boolean;
  /** The run style the paragraph mark carries (keeps an empty paragraph's height as intended). */
  markStyle?: RunStyle;
  /** A `<w:sectPr>` ending the section at this paragraph. */
  sectPr?: string;
}

export function paragraphProps(style: ParagraphStyle): string {
  const parts: string[] = [];
  if (style.keepNext) parts.push('<w:keepNext/>');
  if (style.bottomBorder) parts.push('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>');
  if (style.before !== undefined || style.after !== undefined || style.line) {
    const attrs: string[] = [];
    if (style.before !== undefined) attrs.push(`w:before="${style.before}"`);
    if (style.after !== undefined) attrs.push(`w:after="${style.after}"`);
    if (style.line) attrs.push(`w:line="${style.line.value}" w:lineRule="${style.line.rule}"`);
    parts.push(`<w:spacing ${attrs.join(' ')}/>`);
  }
  if (style.left !== undefined || style.right !== undefined || style.firstLine !== undefined) {
    const attrs: string[] = [];
    if (style.left !== undefined) attrs.push(`w:left="${style.left}"`);
    if (style.right !== undefined) attrs.push(`w:right="${style.right}"`);
    if (style.firstLine !== undefined) attrs.push(`w:firstLine="${style.firstLine}"`);
    parts.push(`<w:ind ${attrs.join(' ')}/>`);
  }
  if (style.align) parts.push(`<w:jc w:val="${style.align}"/>`);
  if (style.markStyle) parts.push(runProps(style.markStyle));
  if (style.sectPr) parts.push(style.sectPr);
  return parts.length ? `<w:pPr>${parts.join('')}</w:pPr>` : '';
}

/** A paragraph from runs already built with `run()`. */
export function paragraph(runs: string | string[], style: ParagraphStyle = {}): string {
  return `<w:p>${paragraphProps(style)}${Array.isArray(runs) ? runs.join('') : runs}</w:p>`;
}

export interface CellSpec {
  /** Paragraphs already built with `paragraph()`; a cell must hold at least one. */
  content: string[];
  /** Vertical merge with the cell above ('continue') or the start of such a merge ('restart'). */
  vMerge?: 'restart' | 'continue';
  /** Vertical alignment in the cell. */
  vAlign?: 'top' | 'center' | 'bottom';
}

export interface TableSpec {
  /** Column widths (twips); the table is as wide as their sum. */
  widths: number[];
  rows: CellSpec[][];
  borders: boolean;
  /** Rows repeated at the top of each page (the header row of an appendix table). */
  headerRows?: number;
}

export function table(spec: TableSpec): string {
  const total = spec.widths.reduce((a, b) => a + b, 0);
  const line = (side: string) => `<w:${side} w:val="${spec.borders ? 'single' : 'nil'}" w:sz="4" w:space="0" w:color="000000"/>`;
  const borders = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(line).join('')}</w:tblBorders>`;
  const tblPr = `<w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/>${borders}<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr>`;
  const grid = `<w:tblGrid>${spec.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const rows = spec.rows.map((cells, r) => {
    const trPr = r < (spec.headerRows ?? 0) ? '<w:trPr><w:tblHeader/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>';
    const tcs = cells.map((cell, c) => {
      const merge = cell.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : cell.vMerge === 'continue' ? '<w:vMerge/>' : '';
      const valign = cell.vAlign ? `<w:vAlign w:val="${cell.vAlign}"/>` : '';
      const content = cell.content.length ? cell.content.join('\n') : paragraph('');
      return `<w:tc><w:tcPr><w:tcW w:w="${spec.widths[c]}" w:type="dxa"/>${merge}${valign}</w:tcPr>\n${content}\n</w:tc>`;
    });
    return `<w:tr>${trPr}\n${tcs.join('\n')}\n</w:tr>`;
  });
  return `<w:tbl>${tblPr}${grid}\n${rows.join('\n')}\n</w:tbl>`;
}

/** `[Content_Types].xml` for the given overrides (part name → content type). */
export function contentTypes(overrides: Record<string, string>): string {
  const lines = [
    `<Types xmlns="${NS.ct}">`,
    `<Default Extension="rels" ContentType="${CONTENT_TYPE.rels}"/>`,
    `<Default Extension="xml" ContentType="${CONTENT_TYPE.xml}"/>`,
    ...Object.entries(overrides).map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`),
    '</Types>',
  ];
  return XML_DECLARATION + lines.join('\n') + '\n';
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function relationships(rels: Relationship[]): string {
  const lines = [`<Relationships xmlns="${NS.rel}">`, ...rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`), '</Relationships>'];
  return XML_DECLARATION + lines.join('\n') + '\n';
}

/**
 * Zip the parts of a package. Entries keep the given order ([Content_Types].xml first, as Word
 * writes it) and a fixed time stamp, so the same input gives the same bytes.
 */
export function zipPackage(parts: [name: string, data: string | Uint8Array][]): Uint8Array {
  const files: Zippable = {};
  const encoder = new TextEncoder();
  for (const [name, data] of parts) files[name] = typeof data === 'string' ? encoder.encode(data) : data;
  // fflate writes DOS times from local time; a local-time date keeps the bytes stable in any zone.
  return zipSync(files, { level: 6, mtime: new Date(1980, 0, 1, 0, 0, 0) });
}
