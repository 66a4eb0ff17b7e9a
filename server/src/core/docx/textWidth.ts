// Approximate printed width of a line in Times New Roman, for the rules Nghị định 30 draws under
// the motto (as long as the line) and under the issuing body and the trích yếu (1/3 to 1/2 of
// the line). Widths are the standard Times-Roman / Times-Bold advance widths (1/1000 em) of the
// base letter; Vietnamese marks sit above or below and do not widen a letter.

const ROMAN_LOWER = [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444];
const ROMAN_UPPER = [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611];
const BOLD_LOWER = [500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444];
const BOLD_UPPER = [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667];

function charWidth(ch: string, bold: boolean): number {
  const base = ch.normalize('NFD').charAt(0).replace('đ', 'd').replace('Đ', 'D');
  const code = base.charCodeAt(0);
  if (code >= 97 && code <= 122) return (bold ? BOLD_LOWER : ROMAN_LOWER)[code - 97];
  if (code >= 65 && code <= 90) return (bold ? BOLD_UPPER : ROMAN_UPPER)[code - 65];
  if (code >= 48 && code <= 57) return 500;
  if (base === ' ' || base === '.' || base === ',') return 250;
  if (base === '-' || base === '(' || base === ')') return 333;
  return 500;
}

/** Width of `text` set in Times New Roman at `sizePt`, in twips. */
export function textWidthTwips(text: string, sizePt: number, bold: boolean): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch, bold);
  return Math.round((units / 1000) * sizePt * 20);
}
