// Paragraph styles from word/styles.xml: what the reader needs from them — a style's name (for
// heading levels), its outline level, and the numbering it carries (pStyle → numPr), each looked up
// through the basedOn chain as Word does.

import { wAttr, wChild, wChildren, wInt, wVal, type XmlDocument, type XmlElement } from './xml';

export interface ParagraphStyle {
  id: string;
  name?: string;
  basedOn?: string;
  /** w:pPr/w:numPr of the style itself (numId "0" switches inherited numbering off). */
  numId?: string;
  ilvl?: number;
  /** w:outlineLvl, 0-based (9 = body text). */
  outlineLevel?: number;
  isDefault: boolean;
}

export class StyleSheet {
  private readonly styles = new Map<string, ParagraphStyle>();
  readonly defaultParagraphStyle?: string;

  constructor(doc?: XmlDocument) {
    let def: string | undefined;
    const root = doc?.documentElement as XmlElement | undefined;
    for (const s of wChildren(root, 'style')) {
      if (wAttr(s, 'type') !== 'paragraph') continue;
      const id = wAttr(s, 'styleId');
      if (!id) continue;
      const pPr = wChild(s, 'pPr');
      const numPr = wChild(pPr, 'numPr');
      const style: ParagraphStyle = {
        id,
        name: wVal(wChild(s, 'name')),
        basedOn: wVal(wChild(s, 'basedOn')),
        numId: wVal(wChild(numPr, 'numId')),
        ilvl: wInt(wChild(numPr, 'ilvl')),
        outlineLevel: wInt(wChild(pPr, 'outlineLvl')),
        isDefault: /^(1|true|on)$/i.test(wAttr(s, 'default') ?? ''),
      };
      if (style.isDefault && !def) def = id;
      this.styles.set(id, style);
    }
    this.defaultParagraphStyle = def;
  }

  get(id: string | undefined): ParagraphStyle | undefined {
    return id === undefined ? undefined : this.styles.get(id);
  }

  /** The style and its ancestors, nearest first (a cycle in basedOn stops the walk). */
  chain(id: string | undefined): ParagraphStyle[] {
    const out: ParagraphStyle[] = [];
    const seen = new Set<string>();
    for (let s = this.get(id); s && !seen.has(s.id) && out.length < 20; s = this.get(s.basedOn)) {
      seen.add(s.id);
      out.push(s);
    }
    return out;
  }

  /** The numbering a style gives its paragraphs: the nearest numId in the chain, and the nearest ilvl. */
  numbering(id: string | undefined): { numId?: string; ilvl?: number } {
    const chain = this.chain(id);
    return { numId: chain.find((s) => s.numId !== undefined)?.numId, ilvl: chain.find((s) => s.ilvl !== undefined)?.ilvl };
  }

  /** Heading level 1–9 from the style name ("heading 2", as Word names its built-in styles) or outline level. */
  headingLevel(id: string | undefined): number | undefined {
    for (const s of this.chain(id)) {
      const m = /^heading\s*([1-9])$/i.exec(s.name ?? '');
      if (m) return Number(m[1]);
      if (s.outlineLevel !== undefined && s.outlineLevel >= 0 && s.outlineLevel < 9) return s.outlineLevel + 1;
    }
    return undefined;
  }
}
