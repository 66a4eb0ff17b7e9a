// Which files are Word documents, and where the Word writers put their output by default: beside
// the input, named after it. (No reader here: the CLI asks this before loading the Word reader.)

/** Whether a file name is a Word document the reader reads. */
export function isDocxPath(file: string): boolean {
  return /\.(docx|docm|dotx)$/i.test(file);
}

/** A .docx above this size is not read (the text of a plan is a few hundred KB; images make the rest). */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

/** PLAN.kehoach.txt (or .kehoach.md, .kh.txt, .txt) → PLAN.docx. */
export function exportFileName(file: string): string {
  return file.replace(/(\.kehoach|\.kh)?\.(txt|md)$/i, '') + '.docx';
}

/** X.docx → X.reviewed.docx. */
export function reviewFileName(file: string): string {
  return file.replace(/\.(docx|docm|dotx)$/i, '') + '.reviewed.docx';
}
