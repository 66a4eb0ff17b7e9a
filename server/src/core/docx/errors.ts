// Why a .docx cannot be read, in plain words (Vietnamese first), with a code callers can test.

import { t, type Text } from '../i18n';

export type DocxErrorCode =
  | 'not-zip' // neither a zip nor an OLE file: not a Word document at all
  | 'legacy-doc' // a Word 97–2003 .doc (OLE compound file)
  | 'encrypted' // a password-protected document (OLE file holding an EncryptedPackage)
  | 'truncated' // a damaged or cut-off zip
  | 'too-large' // over a size or entry-count limit (zip bomb)
  | 'no-document' // a zip without word/document.xml
  | 'bad-xml' // a part that is not well-formed XML, or declares a DOCTYPE
  | 'unsupported';

export class DocxReadError extends Error {
  readonly text: Text;
  constructor(readonly code: DocxErrorCode, vi: string, en: string) {
    super(`${vi} (${en})`);
    this.text = t(vi, en);
  }
}
