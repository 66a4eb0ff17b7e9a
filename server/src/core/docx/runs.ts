// The visible text of one w:p, as pieces tied to the XML node each came from, so a caller can go
// from an offset in the paragraph's text back to a w:t (the review writer anchors comments this way).
//
// What counts as visible: w:t in runs (also inside hyperlinks, smart tags, content controls,
// simple fields and inserted or moved-to text — tracked changes read as accepted); tabs; line
// breaks; a field's result (its instruction is skipped); footnote references as "[n]". Deleted and
// moved-from text, hidden (w:vanish) runs, comments, drawings and text boxes are not read.

import { inWordNs, MATH_NS, wAttr, wChild, wOn, type XmlElement } from './xml';

export type PieceKind = 'text' | 'tab' | 'break' | 'footnote' | 'symbol';

export interface TextPiece {
  kind: PieceKind;
  /** The characters this piece adds to the paragraph's text. */
  text: string;
  /** The element it came from (w:t, w:tab, w:br, w:cr, w:footnoteReference, w:sym …). */
  node: XmlElement;
}

/** Elements whose content is never visible text in the accepted document. */
const SKIPPED = new Set(['pPr', 'rPr', 'del', 'moveFrom', 'instrText', 'delText', 'drawing', 'pict', 'object', 'txbxContent', 'commentReference', 'footnoteRef', 'endnoteRef', 'annotationRef', 'fldData', 'sdtPr', 'sdtEndPr']);

export interface RunContext {
  /** The label shown for a footnote or endnote reference, e.g. "[3]". */
  noteMark(kind: 'footnote' | 'endnote', id: string): string;
}

/** Symbol-font characters sit in the private use area; show the common ones plainly. */
function symbolChar(code: string | undefined): string {
  const n = code ? parseInt(code, 16) : NaN;
  if (!Number.isFinite(n)) return '';
  if (n >= 0xf000 && n <= 0xf0ff) return '•';
  return String.fromCharCode(n);
}

export function paragraphPieces(p: XmlElement, ctx: RunContext): TextPiece[] {
  const pieces: TextPiece[] = [];
  // Complex fields: begin … instruction … separate … result … end, possibly nested. Text between
  // begin and separate is the instruction; after separate it is the result Word shows.
  const fields: ('code' | 'result')[] = [];
  const inCode = () => fields.length > 0 && fields[fields.length - 1] === 'code';

  const walk = (el: XmlElement) => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as XmlElement;
      const name = e.localName ?? '';
      if (e.namespaceURI === MATH_NS) {
        if (name === 't') pieces.push({ kind: 'text', text: e.textContent ?? '', node: e });
        else walk(e);
        continue;
      }
      if (!inWordNs(e)) {
        // mc:AlternateContent: read the Fallback only, so nothing is read twice.
        if (name === 'AlternateContent') {
          for (let k = e.firstChild; k; k = k.nextSibling) if (k.nodeType === 1 && (k as XmlElement).localName === 'Fallback') walk(k as XmlElement);
        } else if (name !== 'Choice') walk(e);
        continue;
      }
      if (SKIPPED.has(name)) continue;
      switch (name) {
        case 'p':
          continue; // a paragraph nested in this one (text box): not part of this paragraph
        case 'r':
          if (wOn(wChild(wChild(e, 'rPr'), 'vanish'))) continue;
          walk(e);
          continue;
        case 'fldChar': {
          const type = wAttr(e, 'fldCharType');
          if (type === 'begin') fields.push('code');
          else if (type === 'separate' && fields.length) fields[fields.length - 1] = 'result';
          else if (type === 'end') fields.pop();
          continue;
        }
        case 't':
          if (!inCode()) pieces.push({ kind: 'text', text: e.textContent ?? '', node: e });
          continue;
        case 'tab':
        case 'ptab':
          if (!inCode()) pieces.push({ kind: 'tab', text: '\t', node: e });
          continue;
        case 'br': {
          const type = wAttr(e, 'type');
          // A page or column break ends nothing in the text; a text-wrapping break is a new line.
          if (!inCode() && (type === undefined || type === 'textWrapping')) pieces.push({ kind: 'break', text: '\n', node: e });
          continue;
        }
        case 'cr':
          if (!inCode()) pieces.push({ kind: 'break', text: '\n', node: e });
          continue;
        case 'noBreakHyphen':
          if (!inCode()) pieces.push({ kind: 'text', text: '-', node: e });
          continue;
        case 'sym':
          if (!inCode()) pieces.push({ kind: 'symbol', text: symbolChar(wAttr(e, 'char')), node: e });
          continue;
        case 'footnoteReference':
        case 'endnoteReference': {
          const id = wAttr(e, 'id');
          if (id !== undefined && !inCode()) pieces.push({ kind: 'footnote', text: ctx.noteMark(name === 'footnoteReference' ? 'footnote' : 'endnote', id), node: e });
          continue;
        }
        default:
          walk(e); // ins, moveTo, hyperlink, smartTag, sdt, sdtContent, fldSimple, customXml, dir, bdo …
      }
    }
  };
  walk(p);
  return pieces;
}

/** The paragraph's text: its pieces joined. */
export function piecesText(pieces: readonly TextPiece[]): string {
  let s = '';
  for (const p of pieces) s += p.text;
  return s;
}
