// Document numbers (số/ký hiệu) read leniently, and the key that identifies a directive across
// documents. Parents are cited as "34-NQ/TU", "94/NQ-CP", "30/2020/NĐ-CP" — and miswritten
// ("94-NQ/CP", "134 /KH-UBND", OCR "34 -NQ/TU"), so the key ignores the separators' form.

import type { DocumentNumber } from '../model';

/** Type abbreviations (ND30 Phụ lục III, plus legal forms) accepted in a number. */
const TYPES = new Set(['NQ', 'QĐ', 'CT', 'KH', 'CTR', 'KL', 'HD', 'ĐA', 'TB', 'BC', 'QYĐ', 'NĐ', 'TT', 'L', 'CV', 'TTR', 'QC', 'PA', 'TTLT', 'NQLT', 'HĐ', 'BB']);

// Party form: 34-NQ/TU; state form: 94/NQ-CP, 30/2020/NĐ-CP. Spaces around separators come from
// PDF extraction ("134 /KH-UBND"). Letters are bounded so the scan stays linear.
const NUMBER_RE = /(?<![\p{L}\p{N}])(\d{1,5})\s?(?:\/\s?(\d{4})\s?)?([-/])\s?(\p{Lu}[\p{L}]{0,5})\s?([-/])\s?(\p{Lu}[\p{L}\p{N}]{0,9}(?:-\p{Lu}[\p{L}\p{N}]{0,9}){0,3})/gu;

export interface LooseNumber {
  start: number;
  end: number;
  raw: string;
  number: string;
  year?: number;
  type: string;
  issuer: string;
  form: 'state' | 'party' | 'malformed';
}

/** Every document number in `text` (offsets relative to `text`, plus `offset`). */
export function findNumbers(text: string, offset = 0): LooseNumber[] {
  const out: LooseNumber[] = [];
  NUMBER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_RE.exec(text)) !== null) {
    const [raw, num, year, sep1, type, sep2, issuer] = m;
    if (!TYPES.has(type.toLocaleUpperCase('vi'))) continue;
    const form = sep1 === '-' && sep2 === '/' && !year ? 'party' : sep1 === '/' && sep2 === '-' ? 'state' : 'malformed';
    out.push({ start: offset + m.index, end: offset + m.index + raw.length, raw, number: num, year: year ? +year : undefined, type, issuer, form });
  }
  return out;
}

/**
 * The identity of a directive: number, type and issuer code, case-folded. "94/NQ-CP" and the
 * miswritten "94-NQ/CP" share a key, so a citation can be matched to its document and then told
 * that its form is wrong.
 */
export function numberKey(n: { number: string; type: string; issuer: string; year?: number }): string {
  const num = String(+n.number || n.number);
  return `${num}|${n.year ?? ''}|${n.type.toLocaleUpperCase('vi')}|${n.issuer.toLocaleUpperCase('vi')}`;
}

/** A key for a DocumentNumber from the parser. */
export function keyOfDocumentNumber(n: DocumentNumber): string {
  return numberKey(n);
}

/** The canonical spelling: party "34-NQ/TU", state "94/NQ-CP" / "30/2020/NĐ-CP". */
export function canonicalSymbol(n: { number: string; type: string; issuer: string; year?: number }): string {
  // Party bodies (…/TW, …/TU, …/HU, …/ĐU) number their documents "số-TYPE/ISSUER".
  if (!n.year && isPartyIssuer(n.issuer)) return `${n.number}-${n.type}/${n.issuer}`;
  return n.year ? `${n.number}/${n.year}/${n.type}-${n.issuer}` : `${n.number}/${n.type}-${n.issuer}`;
}

export function isPartyIssuer(issuer: string): boolean {
  return /^(TW|TU|HU|ĐU|QU|ĐUK)$/.test(issuer) || /TW$/.test(issuer);
}

/** Parse a symbol string ("94/NQ-CP", "43-NQ/TW") into its parts, or undefined. */
export function parseSymbol(symbol: string): LooseNumber | undefined {
  const found = findNumbers(symbol.normalize('NFC'));
  return found.length > 0 ? found[0] : undefined;
}
