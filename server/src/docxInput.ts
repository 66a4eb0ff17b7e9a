// The plan in a Word file: the Word reader's derived text and the formatting the layout rules read.
// Apart from planFile.ts so that a plain-text check never loads the reader (zip and XML libraries).

import { tryReadDocx, DocxReadError } from './core/docx';
import { readLayout } from './core/docx/format';
import type { DocxDocument } from './core/docx';
import type { DocxLayout } from './core/docx/format';

/** The plan in a Word file, or why it cannot be read. */
export function docxInput(bytes: Uint8Array): { error: string } | { text: string; docx: DocxDocument; layout: DocxLayout } {
  const docx = tryReadDocx(bytes);
  if (docx instanceof DocxReadError) return { error: docx.message };
  return { text: docx.text, docx, layout: readLayout(bytes, docx) };
}
