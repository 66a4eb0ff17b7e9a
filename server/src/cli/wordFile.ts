// Telling a Word file by its name or first bytes, without loading the Word reader (cli/docx.ts
// and the zip and XML libraries it pulls in): a plain-text check never needs them.

/** A .docx above this size is not read (the text of a plan is a few hundred KB; images make the rest). */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** Whether bytes are a Word container (zip or OLE compound file), whatever the file is called. */
export function looksLikeWordFile(bytes: Uint8Array): boolean {
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
  return zip || (bytes.length >= 4 && OLE.every((b, i) => bytes[i] === b));
}

