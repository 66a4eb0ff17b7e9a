// The body of word/document.xml as paragraphs and tables, in order, each paragraph with its
// ordinal (index among all w:p of the body in document order, table cells and text boxes included,
// 0-based — the convention the review writer uses to find it again), style, list label and text.

import { ListCounter, NumberingDefinitions, type ListLabel } from './numbering';
import { paragraphPieces, piecesText, type RunContext, type TextPiece } from './runs';
import { StyleSheet } from './styles';
import { isW, wAttr, wChild, wDescendants, wInt, wVal, type XmlDocument, type XmlElement } from './xml';

export interface DocxParagraph {
  /** Index among all w:p of the part (document.xml body, or footnotes.xml), 0-based. */
  ordinal: number;
  /** The visible text, without the list label. Offsets "in the paragraph" count into this. */
  text: string;
  pieces: TextPiece[];
  styleId?: string;
  styleName?: string;
  /** 1–9 for a heading (style "heading N", or an outline level). */
  headingLevel?: number;
  /** The automatic number or bullet Word shows before the text. */
  list?: ListLabel;
}

export interface DocxTableCell {
  paragraphs: DocxParagraph[];
  /** Grid columns this cell spans (w:gridSpan). */
  span: number;
  /** w:vMerge: 'restart' opens a vertically merged cell, 'continue' is covered by the one above. */
  vMerge?: 'restart' | 'continue';
}

export type DocxBlock = { kind: 'paragraph'; paragraph: DocxParagraph } | { kind: 'table'; rows: DocxTableCell[][] };

export interface DocxFootnote {
  /** The number shown in the text ("[n]"): footnotes are numbered in order of first reference. */
  number: number;
  id: string;
  kind: 'footnote' | 'endnote';
  paragraphs: DocxParagraph[];
}

export interface DocxBody {
  blocks: DocxBlock[];
  /** Every paragraph read, in document order (table cells included), by ordinal. */
  paragraphs: DocxParagraph[];
  footnotes: DocxFootnote[];
}

/** The w:p elements of a part in document order: their index is the paragraph ordinal. */
export function partParagraphs(root: XmlElement): XmlElement[] {
  return wDescendants(root, 'p');
}

interface Parts {
  document: XmlDocument;
  styles?: XmlDocument;
  numbering?: XmlDocument;
  footnotes?: XmlDocument;
  endnotes?: XmlDocument;
}

export function readBody(parts: Parts): DocxBody {
  const styles = new StyleSheet(parts.styles);
  const defs = new NumberingDefinitions(parts.numbering, styles);
  const counter = new ListCounter(defs);
  const body = wChild(parts.document.documentElement as XmlElement, 'body') ?? (parts.document.documentElement as XmlElement);
  const ordinals = new Map<XmlElement, number>();
  partParagraphs(body).forEach((p, i) => ordinals.set(p, i));

  // Notes are numbered in the order the text first refers to them, footnotes and endnotes alike.
  const noteNumbers = new Map<string, number>();
  const ctx: RunContext = {
    noteMark(kind, id) {
      const key = `${kind}:${id}`;
      let n = noteNumbers.get(key);
      if (n === undefined) noteNumbers.set(key, (n = noteNumbers.size + 1));
      return `[${n}]`;
    },
  };

  const readParagraph = (p: XmlElement, ordinal: number, numbered: boolean): DocxParagraph => {
    const pPr = wChild(p, 'pPr');
    const styleId = wVal(wChild(pPr, 'pStyle')) ?? styles.defaultParagraphStyle;
    const pieces = paragraphPieces(p, ctx);
    const para: DocxParagraph = { ordinal, text: piecesText(pieces), pieces, styleId, styleName: styles.get(styleId)?.name };
    const outline = wInt(wChild(pPr, 'outlineLvl'));
    para.headingLevel = outline !== undefined && outline >= 0 && outline < 9 ? outline + 1 : styles.headingLevel(styleId);
    if (para.headingLevel === undefined) delete para.headingLevel;
    if (numbered) {
      const label = listLabel(pPr, styleId);
      if (label) para.list = label;
    }
    return para;
  };

  // Direct numPr wins over the style's; numId "0" turns numbering off. The level comes from the
  // paragraph, else the style chain, else the level linked to the style, else 0.
  const listLabel = (pPr: XmlElement | undefined, styleId: string | undefined): ListLabel | undefined => {
    const numPr = wChild(pPr, 'numPr');
    const fromStyle = styles.numbering(styleId);
    const numId = wVal(wChild(numPr, 'numId')) ?? fromStyle.numId;
    if (numId === undefined || numId === '0') return undefined;
    const ilvl = wInt(wChild(numPr, 'ilvl')) ?? fromStyle.ilvl ?? defs.levelForStyle(numId, styleId) ?? 0;
    return counter.next(numId, Math.max(0, Math.min(8, ilvl)));
  };

  const paragraphs: DocxParagraph[] = [];
  const blocks: DocxBlock[] = [];

  const readTable = (tbl: XmlElement): DocxTableCell[][] => {
    const rows: DocxTableCell[][] = [];
    for (const tr of blockChildren(tbl, 'tr')) {
      const row: DocxTableCell[] = [];
      for (const tc of blockChildren(tr, 'tc')) {
        const tcPr = wChild(tc, 'tcPr');
        const vm = wChild(tcPr, 'vMerge');
        const cell: DocxTableCell = { paragraphs: [], span: Math.max(1, wInt(wChild(tcPr, 'gridSpan')) ?? 1) };
        if (vm) cell.vMerge = wVal(vm) === 'restart' ? 'restart' : 'continue';
        // A nested table's paragraphs are read into the cell, in order.
        for (const p of cellParagraphs(tc)) {
          const para = readParagraph(p, ordinals.get(p) ?? -1, true);
          paragraphs.push(para);
          cell.paragraphs.push(para);
        }
        row.push(cell);
      }
      rows.push(row);
    }
    return rows;
  };

  for (const el of blockChildren(body)) {
    if (isW(el, 'p')) {
      const para = readParagraph(el, ordinals.get(el) ?? -1, true);
      paragraphs.push(para);
      blocks.push({ kind: 'paragraph', paragraph: para });
    } else if (isW(el, 'tbl')) {
      blocks.push({ kind: 'table', rows: readTable(el) });
    }
  }

  const footnotes = readNotes(parts, noteNumbers, (p, ordinal) => readParagraph(p, ordinal, false));
  return { blocks, paragraphs, footnotes };
}

/**
 * The block-level children of a container (body, table, row, cell), looking through content
 * controls, custom XML and inserted blocks; deleted blocks are left out.
 */
function blockChildren(container: XmlElement, only?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (!isW(c)) continue;
      const name = c.localName;
      if (name === 'sdt') walk(wChild(c, 'sdtContent') ?? c);
      else if (name === 'customXml' || name === 'ins' || name === 'moveTo' || name === 'sdtContent') walk(c);
      else if (only ? name === only : name === 'p' || name === 'tbl') out.push(c);
    }
  };
  walk(container);
  return out;
}

/** The paragraphs of a table cell, nested tables' paragraphs included, in order. */
function cellParagraphs(tc: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const el of blockChildren(tc)) {
    if (isW(el, 'p')) out.push(el);
    else for (const tr of blockChildren(el, 'tr')) for (const inner of blockChildren(tr, 'tc')) out.push(...cellParagraphs(inner));
  }
  return out;
}

function readNotes(
  parts: Parts,
  numbers: Map<string, number>,
  read: (p: XmlElement, ordinal: number) => DocxParagraph,
): DocxFootnote[] {
  const notes: DocxFootnote[] = [];
  for (const kind of ['footnote', 'endnote'] as const) {
    const part = kind === 'footnote' ? parts.footnotes : parts.endnotes;
    const root = part?.documentElement as XmlElement | undefined;
    if (!root) continue;
    const ordinals = new Map<XmlElement, number>();
    partParagraphs(root).forEach((p, i) => ordinals.set(p, i));
    for (let c = root.firstChild; c; c = c.nextSibling) {
      if (!isW(c, kind)) continue;
      const id = wAttr(c, 'id');
      const type = wAttr(c, 'type');
      if (id === undefined || (type && type !== 'normal')) continue; // separators
      const number = numbers.get(`${kind}:${id}`);
      if (number === undefined) continue; // never referenced: Word does not show it
      const paragraphs = blockChildren(c, 'p').map((p) => read(p, ordinals.get(p) ?? -1));
      notes.push({ number, id, kind, paragraphs });
    }
  }
  return notes.sort((a, b) => a.number - b.number);
}
