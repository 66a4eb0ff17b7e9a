// Applies layout fixes (core/docx/layoutFix.ts) to a parsed word/document.xml as Word's tracked
// formatting changes: each changed w:rPr, w:pPr or w:sectPr keeps its former self in a
// w:rPrChange / w:pPrChange / w:sectPrChange, so the reviewer's copy shows "Formatted: …" in the
// margin and the drafter can accept or reject each one. Only formatting changes: no text node is
// touched. Elements are placed in the schema's order (Word refuses a file whose w:rPr is out of
// order). An element that already carries a tracked change is left alone (the comment still says
// what to do).

import { paragraphPieces, type RunContext } from './runs';
import { isW, wChild, type XmlDocument, type XmlElement } from './xml';
import { NS } from './ooxml';
import type { LayoutFix, ParagraphSet, RunSet, SectionSet } from './layoutFix';

const R_ORDER = ['rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow', 'emboss', 'imprint', 'noProof', 'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position', 'sz', 'szCs', 'highlight', 'u', 'effect', 'bdr', 'shd', 'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout', 'specVanish', 'oMath', 'rPrChange'];
const P_ORDER = ['pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers', 'pBdr', 'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi', 'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange'];
const S_ORDER = ['headerReference', 'footerReference', 'footnotePr', 'endnotePr', 'type', 'pgSz', 'pgMar', 'paperSrc', 'pgBorders', 'lnNumType', 'pgNumType', 'cols', 'formProt', 'vAlign', 'noEndnote', 'titlePg', 'textDirection', 'bidi', 'rtlGutter', 'docGrid', 'printerSettings', 'sectPrChange'];

const NO_NOTES: RunContext = { noteMark: () => '' };

export interface RevisionInfo {
  author: string;
  date?: string;
  /** The first w:id to use (ids must not clash with the document's other annotations). */
  firstId: number;
}

export class LayoutFixer {
  private readonly ns: string;
  private readonly prefix: string;
  private nextId: number;
  /** Properties elements this fixer has already recorded a change on (later fixes add to it). */
  private readonly ours = new Set<XmlElement>();

  constructor(private readonly document: XmlDocument, private readonly paragraphs: XmlElement[], private readonly sections: XmlElement[], private readonly info: RevisionInfo) {
    const root = document.documentElement as XmlElement;
    this.ns = root.namespaceURI ?? NS.w;
    this.prefix = root.prefix ?? 'w';
    this.nextId = info.firstId;
  }

  /** Apply what can be applied; true when anything was. */
  apply(fix: LayoutFix<unknown>): boolean {
    let done = false;
    for (const r of fix.runs ?? []) done = this.runs(r.paragraph, r.from, r.to, r.set) || done;
    for (const p of fix.paragraphs ?? []) done = this.paragraph(p.paragraph, p.set) || done;
    for (const s of fix.sections ?? []) done = this.section(s.section, s.set) || done;
    return done;
  }

  private runs(ordinal: number, from: number, to: number, set: RunSet): boolean {
    const p = this.paragraphs[ordinal];
    if (!p) return false;
    const runs = new Set<XmlElement>();
    let at = 0;
    for (const piece of paragraphPieces(p, NO_NOTES)) {
      const len = piece.text.length;
      const r = piece.node.parentNode as XmlElement | null;
      if (piece.kind === 'text' && len > 0 && at < to && at + len > from && r && isW(r, 'r')) runs.add(r);
      at += len;
    }
    let done = false;
    for (const r of runs) {
      const rPr = this.ensureFirst(r, 'rPr');
      if (!this.mayChange(rPr, 'rPrChange')) continue;
      const before = this.snapshot(rPr, 'rPr', ['rPrChange']);
      if (set.font) {
        const f = this.child(rPr, 'rFonts', R_ORDER);
        for (const a of ['asciiTheme', 'hAnsiTheme', 'cstheme']) f.removeAttributeNS(this.ns, a);
        for (const a of ['ascii', 'hAnsi', 'cs']) this.attr(f, a, set.font);
      }
      if (set.bold !== undefined) this.toggle(rPr, 'b', set.bold);
      if (set.italic !== undefined) this.toggle(rPr, 'i', set.italic);
      if (set.size !== undefined) {
        this.attr(this.child(rPr, 'sz', R_ORDER), 'val', String(Math.round(set.size * 2)));
        this.attr(this.child(rPr, 'szCs', R_ORDER), 'val', String(Math.round(set.size * 2)));
      }
      this.record(rPr, 'rPrChange', before, R_ORDER);
      done = true;
    }
    return done;
  }

  private paragraph(ordinal: number, set: ParagraphSet): boolean {
    const p = this.paragraphs[ordinal];
    if (!p) return false;
    const pPr = this.ensureFirst(p, 'pPr');
    if (!this.mayChange(pPr, 'pPrChange')) return false;
    const before = this.snapshot(pPr, 'pPr', ['rPr', 'sectPr', 'pPrChange']);
    if (set.jc) this.attr(this.child(pPr, 'jc', P_ORDER), 'val', set.jc);
    if (set.firstLine !== undefined) {
      const ind = this.child(pPr, 'ind', P_ORDER);
      for (const a of ['hanging', 'hangingChars', 'firstLineChars']) ind.removeAttributeNS(this.ns, a);
      this.attr(ind, 'firstLine', String(set.firstLine));
    }
    if (set.after !== undefined) {
      const spacing = this.child(pPr, 'spacing', P_ORDER);
      for (const a of ['afterAutospacing', 'afterLines']) spacing.removeAttributeNS(this.ns, a);
      this.attr(spacing, 'after', String(set.after));
    }
    this.record(pPr, 'pPrChange', before, P_ORDER);
    return true;
  }

  private section(index: number, set: SectionSet): boolean {
    const s = this.sections[index];
    if (!s || !this.mayChange(s, 'sectPrChange')) return false;
    const before = this.snapshot(s, 'sectPr', ['headerReference', 'footerReference', 'sectPrChange']);
    if (set.width !== undefined || set.height !== undefined) {
      const pgSz = this.child(s, 'pgSz', S_ORDER);
      if (set.width !== undefined) this.attr(pgSz, 'w', String(set.width));
      if (set.height !== undefined) this.attr(pgSz, 'h', String(set.height));
    }
    if (set.margin) {
      const pgMar = this.child(s, 'pgMar', S_ORDER);
      for (const [side, v] of Object.entries(set.margin)) if (v !== undefined) this.attr(pgMar, side, String(v));
    }
    this.record(s, 'sectPrChange', before, S_ORDER);
    return true;
  }

  // -- XML helpers ---------------------------------------------------------------------------

  private el(name: string): XmlElement {
    return this.document.createElementNS(this.ns, `${this.prefix}:${name}`);
  }

  private attr(el: XmlElement, name: string, value: string): void {
    el.setAttributeNS(this.ns, `${this.prefix}:${name}`, value);
  }

  /** The properties element opening `parent` (w:rPr of a run, w:pPr of a paragraph), made when absent. */
  private ensureFirst(parent: XmlElement, name: string): XmlElement {
    const found = wChild(parent, name);
    if (found) return found;
    const el = this.el(name);
    parent.insertBefore(el, parent.firstChild);
    return el;
  }

  /** The child `name` of `parent`, made at its place in the schema's order when absent. */
  private child(parent: XmlElement, name: string, order: string[]): XmlElement {
    const found = wChild(parent, name);
    if (found) return found;
    const el = this.el(name);
    const rank = order.indexOf(name);
    let before: XmlElement | null = null;
    for (let c = parent.firstChild; c && !before; c = c.nextSibling) {
      if (c.nodeType === 1 && isW(c) && order.indexOf((c as XmlElement).localName ?? '') > rank) before = c as XmlElement;
    }
    parent.insertBefore(el, before);
    return el;
  }

  /** w:b / w:i on or explicitly off (off must be said: a style may turn it on). */
  private toggle(rPr: XmlElement, name: string, on: boolean): void {
    const el = this.child(rPr, name, R_ORDER);
    if (on) el.removeAttributeNS(this.ns, 'val');
    else this.attr(el, 'val', '0');
  }

  /** A copy of a properties element as it was, without the children a change record may not hold. */
  private snapshot(el: XmlElement, name: string, without: string[]): XmlElement {
    const copy = this.el(name);
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1 && without.includes((c as XmlElement).localName ?? '')) continue;
      copy.appendChild(c.cloneNode(true));
    }
    return copy;
  }

  /** Whether a properties element may be changed: not already under someone else's tracked change. */
  private mayChange(el: XmlElement, record: string): boolean {
    return this.ours.has(el) || !wChild(el, record);
  }

  /** Record the former properties, once per element: a second fix on it adds to the same record. */
  private record(el: XmlElement, name: string, before: XmlElement, order: string[]): void {
    if (this.ours.has(el)) return;
    this.ours.add(el);
    const change = this.child(el, name, order);
    this.attr(change, 'id', String(this.nextId++));
    this.attr(change, 'author', this.info.author);
    if (this.info.date) this.attr(change, 'date', this.info.date);
    change.appendChild(before);
  }
}

/** The sectPr elements of a body in the layout's order: paragraph-level ones outside tables, then the body's own. */
export function sectionElements(body: XmlElement, paragraphs: XmlElement[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const p of paragraphs) {
    const s = wChild(wChild(p, 'pPr'), 'sectPr');
    let inTable = false;
    for (let n = p.parentNode; n && n.nodeType === 1; n = n.parentNode) if (isW(n, 'tc')) inTable = true;
    if (s && !inTable) out.push(s);
  }
  const final = wChild(body, 'sectPr');
  if (final) out.push(final);
  return out;
}

/** The largest w:id in a part (bookmarks, comments, revisions), so new revision ids do not clash. */
export function maxAnnotationId(root: XmlElement): number {
  let max = -1;
  const walk = (el: XmlElement) => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as XmlElement;
      const id = Number.parseInt(e.getAttributeNS(e.namespaceURI ?? NS.w, 'id') || '', 10);
      if (Number.isFinite(id)) max = Math.max(max, id);
      walk(e);
    }
  };
  walk(root);
  return max;
}
