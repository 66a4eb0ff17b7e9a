// Reading a Word document (.docx): the plan text Word shows — automatic numbering materialised as
// labels, tables, footnotes — and a map from that text back to paragraphs of the .docx.
//
//   const docx = readDocx(bytes);          // throws DocxReadError with a bilingual message
//   checkPlan(docx.text, config);          // findings in derived-text offsets
//   docx.map.toDocx(finding.start);        // → { part: 'document', paragraph, offset }
//
// Pure: bytes in, model out (no file system).

import { DocxReadError } from './errors';
import { readBody, type DocxBody } from './document';
import { deriveText, type DocxTextMap } from './derived';
import { looksLikeZip, readZipEntries, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip';
import { parseXmlPart, type XmlDocument } from './xml';

export { DocxReadError, type DocxErrorCode } from './errors';
export type { DocxBody, DocxBlock, DocxParagraph, DocxTableCell, DocxFootnote } from './document';
export { partParagraphs } from './document';
export { DocxTextMap, type DocxLocation, type DocxPart } from './derived';
export { paragraphPieces, piecesText, type TextPiece, type PieceKind } from './runs';
export { formatNumber, type ListLabel } from './numbering';
export { parseXmlPart, W_NS } from './xml';
export { readZipEntries, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip';

export interface DocxDocument {
  /** The derived plan text (one line per paragraph, labels as text). */
  text: string;
  map: DocxTextMap;
  body: DocxBody;
  /** The zip path of the main document part (normally word/document.xml). */
  mainPart: string;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes are an OLE compound file (legacy .doc, or an encrypted Office document). */
function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** An encrypted Office document is an OLE file with an "EncryptedPackage" stream (names are UTF-16LE). */
function hasEncryptedPackage(bytes: Uint8Array): boolean {
  const name = 'EncryptedPackage';
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    if (bytes[i] !== needle[0]) continue;
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** Why bytes that are not a zip cannot be a .docx. */
function notDocx(bytes: Uint8Array): DocxReadError {
  if (isOle(bytes) && hasEncryptedPackage(bytes)) {
    return new DocxReadError('encrypted', 'tài liệu Word được đặt mật khẩu (mã hóa): hãy gỡ mật khẩu trong Word (Tệp › Thông tin › Bảo vệ tài liệu) rồi kiểm tra lại', 'the Word document is password-protected (encrypted): remove the password in Word (File › Info › Protect Document) and check it again');
  }
  if (isOle(bytes)) {
    return new DocxReadError('legacy-doc', 'đây là tệp Word 97–2003 (.doc), chưa đọc được: hãy mở trong Word và lưu dạng .docx (Lưu thành › Tài liệu Word)', 'this is a Word 97–2003 file (.doc), which is not read: open it in Word and save it as .docx (Save As › Word Document)');
  }
  if (bytes.length === 0) return new DocxReadError('not-zip', 'tệp rỗng, không phải tài liệu Word', 'the file is empty, not a Word document');
  return new DocxReadError('not-zip', 'tệp không phải tài liệu Word .docx (không phải tệp nén ZIP)', 'the file is not a Word .docx document (not a ZIP archive)');
}

const STANDARD = {
  rels: '_rels/.rels',
  document: 'word/document.xml',
  documentRels: 'word/_rels/document.xml.rels',
  styles: 'word/styles.xml',
  numbering: 'word/numbering.xml',
  footnotes: 'word/footnotes.xml',
  endnotes: 'word/endnotes.xml',
};

/** The main part named by the package relationships ("officeDocument"), if any. */
function mainPartFromRels(rels: Uint8Array | undefined): string | undefined {
  if (!rels) return undefined;
  const root = parseXmlPart(rels, STANDARD.rels).documentElement;
  if (!root) return undefined;
  for (let c = root.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    const el = c as unknown as { getAttribute(n: string): string | null };
    if (/\/officeDocument$/.test(el.getAttribute('Type') ?? '')) return (el.getAttribute('Target') ?? '').replace(/^\//, '');
  }
  return undefined;
}

/** Read a .docx. Throws DocxReadError (bilingual message, `code`) when it cannot. */
export function readDocx(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): DocxDocument {
  if (!looksLikeZip(bytes)) throw notDocx(bytes);
  const entries = readZipEntries(bytes, Object.values(STANDARD), limits);
  let mainPart = STANDARD.document;
  let main = entries.get(mainPart);
  if (!main) {
    const target = mainPartFromRels(entries.get(STANDARD.rels));
    if (target && /^(xl|ppt)\//.test(target)) {
      const kind = target.startsWith('xl/') ? 'Excel' : 'PowerPoint';
      throw new DocxReadError('no-document', `đây là tệp ${kind}, không phải tài liệu Word`, `this is a ${kind} file, not a Word document`);
    }
    if (target) {
      main = readZipEntries(bytes, [target], limits).get(target);
      mainPart = target;
    }
  }
  if (!main) {
    throw new DocxReadError('no-document', 'tệp nén không có phần nội dung word/document.xml: không phải tài liệu Word hợp lệ', 'the archive has no word/document.xml: not a valid Word document');
  }
  const parse = (name: string): XmlDocument | undefined => {
    const b = entries.get(name);
    return b ? parseXmlPart(b, name) : undefined;
  };
  const body = readBody({
    document: parseXmlPart(main, mainPart),
    styles: parse(STANDARD.styles),
    numbering: parse(STANDARD.numbering),
    footnotes: parse(STANDARD.footnotes),
    endnotes: parse(STANDARD.endnotes),
  });
  const { text, map } = deriveText(body);
  return { text, map, body, mainPart };
}

/** Read a .docx, or say why not (never throws for bad input). */
export function tryReadDocx(bytes: Uint8Array, limits?: ZipLimits): DocxDocument | DocxReadError {
  try {
    return readDocx(bytes, limits);
  } catch (e) {
    if (e instanceof DocxReadError) return e;
    return new DocxReadError('bad-xml', `không đọc được tệp .docx: ${(e as Error).message}`, `the .docx cannot be read: ${(e as Error).message}`);
  }
}

export { isDocxPath, MAX_DOCX_BYTES } from './fileNames';
