// The derived plan text of a .docx — what the checker reads — and the map between its offsets and
// places in the .docx (paragraph ordinal, offset in the paragraph's text).
//
//  - One line per paragraph: the list label as text ("đ) " never appears where Word shows "e) "),
//    then the paragraph's text (a line break inside a paragraph stays a new line).
//  - A table whose first row names columns the appendix parser knows ("TT", "Nội dung", "Cơ quan
//    chủ trì" …) becomes a pipe table, one row per line ("1 | … | Sở Y tế | Quý II"): merged cells
//    (gridSpan) leave empty cells so columns line up, a cell covered by a vertical merge is empty.
//    Other tables (the two-column header, the signature block) give one line per cell paragraph,
//    row by row — what a copy from Word gives, and what the header parser reads.
//  - Footnotes and endnotes after the body, one "[n] text" line each, as citation rules read them.

import { columnRole } from '../parse/tables';
import type { DocxBody, DocxParagraph, DocxTableCell } from './document';

export type DocxPart = 'document' | 'footnotes' | 'endnotes';

export interface DocxLocation {
  part: DocxPart;
  /** Paragraph ordinal in its part (see partParagraphs). */
  paragraph: number;
  /** UTF-16 offset in the paragraph's text (DocxParagraph.text). */
  offset: number;
  /** The derived offset falls in a list label or a note mark Word draws, not in the paragraph's text. */
  label?: boolean;
}

interface Segment {
  /** Derived-text range. */
  start: number;
  end: number;
  part: DocxPart;
  paragraph: number;
  /** Offset in the paragraph at `start`; a label segment maps every offset to this one. */
  offset: number;
  label: boolean;
}

export class DocxTextMap {
  constructor(private readonly segments: readonly Segment[]) {}

  /** Where a derived-text offset comes from; undefined for separators the reader added (" | ", newlines). */
  toDocx(derived: number): DocxLocation | undefined {
    const s = this.find(derived) ?? this.find(derived - 1); // an end offset belongs to the text before it
    if (!s) return undefined;
    const loc: DocxLocation = { part: s.part, paragraph: s.paragraph, offset: s.label ? s.offset : s.offset + Math.min(derived, s.end) - s.start };
    if (s.label) loc.label = true;
    return loc;
  }

  /** The derived-text offset of a place in the .docx (undefined for a paragraph not in the text). */
  toDerived(loc: { part?: DocxPart; paragraph: number; offset: number }): number | undefined {
    const part = loc.part ?? 'document';
    let best: Segment | undefined;
    for (const s of this.segments) {
      if (s.part !== part || s.paragraph !== loc.paragraph || s.label) continue;
      if (loc.offset >= s.offset && loc.offset <= s.offset + (s.end - s.start)) return s.start + loc.offset - s.offset;
      best ??= s;
    }
    return best?.start;
  }

  private find(derived: number): Segment | undefined {
    let lo = 0, hi = this.segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.segments[mid];
      if (derived < s.start) hi = mid - 1;
      else if (derived >= s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  }
}

/** Tables whose first row names at least two appendix columns are written as pipe tables. */
function isAppendixTable(rows: DocxTableCell[][]): boolean {
  const first = rows[0];
  if (!first || first.length < 2 || rows.length < 2) return false;
  const roles = first.map((c) => columnRole(c.paragraphs.map((p) => p.text).join(' ').trim()));
  return roles.filter((r) => r !== undefined).length >= 2 && roles.some((r) => r === 'content' || r === 'index');
}

export function deriveText(body: DocxBody): { text: string; map: DocxTextMap } {
  let text = '';
  const segments: Segment[] = [];
  const push = (s: string, seg?: Omit<Segment, 'start' | 'end'>) => {
    if (s === '') return;
    if (seg) segments.push({ ...seg, start: text.length, end: text.length + s.length });
    text += s;
  };
  // `inline`: inside a pipe row, where a line break or a pipe in the text would break the row;
  // they are replaced one for one, so offsets still map.
  // `from`: characters of the paragraph's text left out at its start (a note's leading space).
  const paragraph = (p: DocxParagraph, part: DocxPart, inline: boolean, from = 0) => {
    if (p.list && p.list.text) push(p.list.text + p.list.suffix, { part, paragraph: p.ordinal, offset: 0, label: true });
    const body = inline ? p.text.replace(/[\n\r\t]/g, ' ').replace(/\|/g, '¦') : p.text;
    push(body.slice(from), { part, paragraph: p.ordinal, offset: from, label: false });
  };
  const line = (p: DocxParagraph) => {
    paragraph(p, 'document', false);
    push('\n');
  };

  for (const block of body.blocks) {
    if (block.kind === 'paragraph') {
      line(block.paragraph);
      continue;
    }
    if (!isAppendixTable(block.rows)) {
      for (const row of block.rows) for (const cell of row) if (cell.vMerge !== 'continue') cell.paragraphs.forEach(line);
      continue;
    }
    for (const row of block.rows) {
      row.forEach((cell, k) => {
        if (k > 0) push(' | ');
        if (cell.vMerge !== 'continue') {
          cell.paragraphs.forEach((p, i) => {
            if (i > 0 && text[text.length - 1] !== ' ') push(' ');
            paragraph(p, 'document', true);
          });
        }
        for (let extra = 1; extra < cell.span; extra++) push(' | ');
      });
      push('\n');
    }
  }

  if (body.footnotes.length) {
    push('\n');
    for (const note of body.footnotes) {
      const part: DocxPart = note.kind === 'footnote' ? 'footnotes' : 'endnotes';
      note.paragraphs.forEach((p, i) => {
        // Word puts a space between the note mark and the text: "[1] text", not "[1]  text".
        const lead = i === 0 ? p.text.length - p.text.trimStart().length : 0;
        if (i === 0) push(`[${note.number}] `, { part, paragraph: p.ordinal, offset: lead, label: true });
        paragraph(p, part, false, lead);
        push('\n');
      });
    }
  }
  return { text, map: new DocxTextMap(segments) };
}
