// XML parts of a .docx parsed with @xmldom/xmldom. xmldom never resolves external entities and
// does not expand entities declared in an internal DTD; Word never writes a DOCTYPE, so a part that
// declares one is refused outright (no "billion laughs", no file or network access).

import { DOMParser } from '@xmldom/xmldom';
import { DocxReadError } from './errors';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** ISO 29500 "strict" documents use another namespace for the same vocabulary. */
export const W_STRICT_NS = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
export const MATH_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

// xmldom's DOM types, minimal: what the reader touches.
export type XmlElement = import('@xmldom/xmldom').Element;
export type XmlDocument = import('@xmldom/xmldom').Document;

/** Decode a part's bytes: UTF-8 (BOM or not) or UTF-16 with a BOM. */
function decodePart(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

function badXml(part: string, why: string): DocxReadError {
  return new DocxReadError('bad-xml', `phần ${part} của tệp .docx không đọc được: ${why}`, `part ${part} of the .docx cannot be read: ${why}`);
}

export function parseXmlPart(bytes: Uint8Array, part: string): XmlDocument {
  const text = decodePart(bytes);
  if (/<!DOCTYPE/i.test(text)) throw badXml(part, 'có khai báo DOCTYPE / declares a DOCTYPE');
  let fatal: string | undefined;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level === 'fatalError') fatal = message;
    },
  });
  let doc: XmlDocument;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (e) {
    throw badXml(part, (e as Error).message.split('\n')[0]);
  }
  if (fatal || !doc.documentElement) throw badXml(part, fatal ?? 'không có phần tử gốc / no root element');
  return doc;
}

/** A WordprocessingML element (transitional or strict namespace) with this local name. */
export function isW(node: unknown, name?: string): node is XmlElement {
  const el = node as XmlElement;
  return !!el && el.nodeType === 1 && (el.namespaceURI === W_NS || el.namespaceURI === W_STRICT_NS) && (name === undefined || el.localName === name);
}

/** Whether an element is in the WordprocessingML namespace. */
export function inWordNs(el: XmlElement): boolean {
  return el.namespaceURI === W_NS || el.namespaceURI === W_STRICT_NS;
}

export function childElements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as XmlElement);
  return out;
}

export function wChild(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (let c = el.firstChild; c; c = c.nextSibling) if (isW(c, name)) return c;
  return undefined;
}

export function wChildren(el: XmlElement | undefined, name: string): XmlElement[] {
  if (!el) return [];
  const out: XmlElement[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (isW(c, name)) out.push(c);
  return out;
}

/** A w: attribute (w:val, w:id …), whichever namespace the document uses. */
export function wAttr(el: XmlElement | undefined, name: string): string | undefined {
  if (!el) return undefined;
  const v = el.getAttributeNS(W_NS, name) || el.getAttributeNS(W_STRICT_NS, name) || el.getAttribute(`w:${name}`);
  return v === null || v === '' ? undefined : v;
}

export function wVal(el: XmlElement | undefined): string | undefined {
  return wAttr(el, 'val');
}

/** An on/off property (<w:b/>, <w:vanish w:val="0"/>): present and not switched off. */
export function wOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const v = wVal(el);
  return v === undefined || !/^(0|false|off)$/i.test(v);
}

export function wInt(el: XmlElement | undefined): number | undefined {
  const v = wVal(el);
  if (v === undefined) return undefined;
  const n = parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** Every w:<name> element below `root`, in document order. */
export function wDescendants(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      if (isW(c, name)) out.push(c as XmlElement);
      walk(c as XmlElement);
    }
  };
  walk(root);
  return out;
}
