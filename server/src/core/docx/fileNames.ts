// Where the Word writers put their output, by default: beside the input, named after it.

/** PLAN.kehoach.txt (or .kehoach.md, .kh.txt, .txt) → PLAN.docx. */
export function exportFileName(file: string): string {
  return file.replace(/(\.kehoach|\.kh)?\.(txt|md)$/i, '') + '.docx';
}

/** X.docx → X.reviewed.docx. */
export function reviewFileName(file: string): string {
  return file.replace(/\.(docx|docm|dotx)$/i, '') + '.reviewed.docx';
}
