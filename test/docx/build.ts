// Builds small .docx files from XML strings for tests (fflate's zipSync): the body as WordprocessingML,
// numbering.xml and styles.xml as given. Word opens files built like this.

import { zipSync, strToU8 } from 'fflate';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface DocxParts {
  /** The inside of <w:body>. */
  body: string;
  /** The inside of <w:numbering>. */
  numbering?: string;
  /** The inside of <w:styles>. */
  styles?: string;
  /** The inside of <w:footnotes> (separators are added). */
  footnotes?: string;
  /** Extra or replacement zip entries, raw. */
  extra?: Record<string, Uint8Array | string>;
  /** Leave word/document.xml out. */
  noDocument?: boolean;
}

const xml = (root: string, inner: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:${root} xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${inner}</w:${root}>`;

export function buildDocx(parts: DocxParts): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        (parts.numbering !== undefined ? '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' : '') +
        (parts.styles !== undefined ? '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' : '') +
        (parts.footnotes !== undefined ? '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>' : '') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        (parts.numbering !== undefined ? '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' : '') +
        (parts.styles !== undefined ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : '') +
        (parts.footnotes !== undefined ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>' : '') +
        '</Relationships>',
    ),
  };
  if (!parts.noDocument) files['word/document.xml'] = strToU8(xml('document', `<w:body>${parts.body}<w:sectPr/></w:body>`));
  if (parts.numbering !== undefined) files['word/numbering.xml'] = strToU8(xml('numbering', parts.numbering));
  if (parts.styles !== undefined) files['word/styles.xml'] = strToU8(xml('styles', parts.styles));
  if (parts.footnotes !== undefined) {
    files['word/footnotes.xml'] = strToU8(
      xml('footnotes', '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>' + parts.footnotes),
    );
  }
  for (const [name, data] of Object.entries(parts.extra ?? {})) files[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(files);
}

/** A paragraph: optional numbering (numId, ilvl) and style, one run of text. */
export function p(text: string, opts: { numId?: number; ilvl?: number; style?: string } = {}): string {
  const numPr = opts.numId !== undefined ? `<w:numPr>${opts.ilvl !== undefined ? `<w:ilvl w:val="${opts.ilvl}"/>` : ''}<w:numId w:val="${opts.numId}"/></w:numPr>` : '';
  const style = opts.style ? `<w:pStyle w:val="${opts.style}"/>` : '';
  const pPr = style || numPr ? `<w:pPr>${style}${numPr}</w:pPr>` : '';
  return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One numbering level. */
export function lvl(ilvl: number, numFmt: string, lvlText: string, extra: { start?: number; restart?: number; isLgl?: boolean; pStyle?: string; suff?: string } = {}): string {
  return (
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${extra.start ?? 1}"/><w:numFmt w:val="${numFmt}"/>` +
    (extra.restart !== undefined ? `<w:lvlRestart w:val="${extra.restart}"/>` : '') +
    (extra.pStyle ? `<w:pStyle w:val="${extra.pStyle}"/>` : '') +
    (extra.isLgl ? '<w:isLgl/>' : '') +
    (extra.suff ? `<w:suff w:val="${extra.suff}"/>` : '') +
    `<w:lvlText w:val="${lvlText}"/><w:lvlJc w:val="left"/></w:lvl>`
  );
}

export function abstractNum(id: number, levels: string): string {
  return `<w:abstractNum w:abstractNumId="${id}">${levels}</w:abstractNum>`;
}

export function num(numId: number, abstractId: number, overrides = ''): string {
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
}

/** A table cell holding paragraphs (given as XML), optionally spanning columns or vertically merged. */
export function tc(paragraphs: string, opts: { span?: number; vMerge?: 'restart' | 'continue' } = {}): string {
  const pr = (opts.span ? `<w:gridSpan w:val="${opts.span}"/>` : '') + (opts.vMerge ? `<w:vMerge${opts.vMerge === 'restart' ? ' w:val="restart"' : ''}/>` : '');
  return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${paragraphs}</w:tc>`;
}

export function table(rows: string[][]): string {
  return `<w:tbl><w:tblPr/>${rows.map((r) => `<w:tr>${r.join('')}</w:tr>`).join('')}</w:tbl>`;
}
