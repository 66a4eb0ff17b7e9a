// The open documents as the server holds them: vscode-languageserver-textdocument's documents,
// except that a change inserting a large text (a paste) replaces the content as a whole. The
// library updates its line table eagerly for an incremental change — for a 5 MB paste ~40 ms of
// the main thread, on top of reading the message — whereas a whole-content update builds it
// lazily, on first use; a document that large is checked in the analysis worker, and the main
// thread may never need its lines.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';

/** Inserted text from which a change replaces the content instead of patching the line table. */
export const LARGE_CHANGE_CHARS = 64 * 1024;

export const PLAN_DOCUMENTS: TextDocumentsConfiguration<TextDocument> = {
  create: TextDocument.create,
  update(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    if (!changes.some((c) => c.text.length >= LARGE_CHANGE_CHARS)) return TextDocument.update(doc, changes, version);
    let current = doc;
    let text = doc.getText();
    for (const c of changes) {
      if (!('range' in c)) {
        text = c.text;
      } else {
        // (ranges may come reversed; the library orders them too)
        const a = current.offsetAt(c.range.start);
        const b = current.offsetAt(c.range.end);
        text = text.slice(0, Math.min(a, b)) + c.text + text.slice(Math.max(a, b));
      }
      // A document over the new text, for the next change's positions (its lines computed only if there is one).
      current = TextDocument.create(doc.uri, doc.languageId, version, text);
    }
    return TextDocument.update(doc, [{ text }], version);
  },
};
