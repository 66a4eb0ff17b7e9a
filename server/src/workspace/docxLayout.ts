// The Word formatting behind a kehoach-docx virtual document (client/src/docx.ts opens a .docx as
// its derived plan text): the server reads the .docx again and hands its layout to the core, so
// the layout rules (KH10xx) show in the editor as on the command line. The layout is used only
// when the .docx still derives exactly the text the editor shows (the file may have changed since
// it was opened); otherwise the layout rules stay silent for that version.

import { promises as fsp } from 'fs';
import { fileURLToPath } from 'url';
import { tryReadDocx, DocxReadError, MAX_DOCX_BYTES } from '../core/docx';
import { readLayout, type DocxLayout } from '../core/docx/format';
import { readFileLimited } from '../fileRead';

/** The .docx path of a kehoach-docx URI (its query keeps the .docx's own URI; else its path less ".kehoach.txt"). */
export function docxPathOf(uri: string): string | undefined {
  const m = /^kehoach-docx:([^?#]*?)(?:\.kehoach\.txt)?(?:\?([^#]*))?(?:#.*)?$/.exec(uri);
  if (!m) return undefined;
  try {
    const query = m[2] ? decodeURIComponent(m[2]) : undefined;
    if (query?.startsWith('file:')) return fileURLToPath(query);
    return /\.doc[xm]$/i.test(decodeURIComponent(m[1])) ? decodeURIComponent(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** By file: the text and the file's size and time it was read at (a formatting-only save changes the layout, not the text). */
const cache = new Map<string, { key: string; layout: DocxLayout | undefined }>();

/** The layout for a kehoach-docx document showing `text`, or undefined (not such a URI, unreadable, or out of date). */
export async function docxLayoutFor(uri: string, text: string): Promise<DocxLayout | undefined> {
  const file = docxPathOf(uri);
  if (!file) return undefined;
  let key: string;
  try {
    const st = await fsp.stat(file);
    key = `${st.size}:${st.mtimeMs}:${text.length}:${text}`;
  } catch {
    return undefined;
  }
  const hit = cache.get(file);
  if (hit && hit.key === key) return hit.layout;
  const read = await readFileLimited(file, { maxBytes: MAX_DOCX_BYTES });
  if (!read.ok) return undefined;
  const bytes = new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
  const docx = tryReadDocx(bytes);
  if (docx instanceof DocxReadError || docx.text !== text) return undefined;
  let layout: DocxLayout | undefined;
  try {
    layout = readLayout(bytes, docx);
  } catch {
    layout = undefined; // the text was read; its formatting could not be: no layout findings
  }
  if (cache.size > 8) cache.clear();
  cache.set(file, { key, layout });
  return layout;
}
