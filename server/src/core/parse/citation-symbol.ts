// Số/ký hiệu of cited documents: "94/NQ-CP", "30/2020/NĐ-CP", "43-NQ/TW", "27- CTr/TU",
// "134 /KH-UBND", "1289/UBND-TH" (công văn), "Nghị quyết số /NQ-CP" (number left blank).
// Symbols are found by the header engineer's docNumber.ts; here they get canonical spellings
// and the Party/State classification the citation rules need.

import type { DocumentNumber } from '../model';
import { findDocumentNumbers, isPartyIssuer, numberKey } from './docNumber';

export { isPartyIssuer };

/** Type abbreviations (ND30 Phụ lục III and Party usage), keyed by upper case. */
const TYPE_CODES: Record<string, string> = {
  NQ: 'NQ', 'QĐ': 'QĐ', CT: 'CT', KH: 'KH', CTR: 'CTr', KL: 'KL', HD: 'HD', 'ĐA': 'ĐA', TB: 'TB', BC: 'BC',
  'QYĐ': 'QyĐ', 'QĐI': 'QĐi', QC: 'QC', 'NĐ': 'NĐ', TT: 'TT', TTLT: 'TTLT', TTR: 'TTr', CV: 'CV', TC: 'TC',
  GM: 'GM', GP: 'GP', PA: 'PA', BB: 'BB', 'HĐ': 'HĐ', 'CĐ': 'CĐ', TKR: 'TKr', HDLN: 'HDLN', NQLT: 'NQLT',
};

/** Canonical spelling of a type code ("CTR" → "CTr"), or undefined when it is not a type. */
export function canonicalType(code: string): string | undefined {
  return TYPE_CODES[code.toUpperCase()];
}

/** Canonical issuer code: upper case except the fixed mixed-case ones. */
export function canonicalIssuer(code: string): string {
  const u = code.toUpperCase();
  if (u === 'TTG') return 'TTg';
  return u;
}


/** State issuers: Government, Prime Minister, People's Committees and Councils, National Assembly, ministries. */
export function isStateIssuer(code: string): boolean {
  const u = code.toUpperCase();
  if (isPartyIssuer(u)) return false;
  return /^(?:CP|TTG|UBND|HĐND|VPCP|NHNN|TTCP|KTNN|TANDTC|VKSNDTC|UBTVQH\d*|QH\d*|B[A-ZĐ]{1,8}|S[A-ZĐ]{1,8})$/.test(u);
}

const JOINT_ISSUERS = /^(?:-[A-ZĐ][A-Za-zĐđ0-9]{0,9}(?: (?:UBND|HĐND|MTTQ|ĐU|TU|CP))?)+(?![\p{L}\p{N}])/u;

/** Joint issuers and units written right after a symbol's issuer ("-BTT" after "16/KH-MTTQ"), or ''. */
export function jointIssuersAt(text: string, end: number): string {
  const more = JOINT_ISSUERS.exec(text.slice(end, end + 40));
  return more ? more[0] : '';
}

export interface SymbolMatch {
  number: DocumentNumber;
  /** A symbol whose number is blank ("số /NQ-CP"). */
  blank: boolean;
}

/**
 * Every symbol in a text, read by the header engineer's findDocumentNumbers (docNumber.ts), with
 * type and issuer in canonical spelling ("55-CTR/TU" → type "CTr"; the raw text keeps what was
 * written). A công văn symbol "1289/UBND-TH" has no type: type "CV", issuer "UBND". A blank number
 * counts only right after "số" ("Nghị quyết số /NQ-CP").
 */
export function findSymbols(text: string): SymbolMatch[] {
  const out: SymbolMatch[] = [];
  for (const dn of findDocumentNumbers(text)) {
    const blank = dn.number === '';
    if (blank && !/số\s*:?\s*$/iu.test(text.slice(Math.max(0, dn.start - 8), dn.start))) continue;
    let type = dn.type;
    let issuer = dn.issuer;
    if (type !== '') {
      const t = canonicalType(type);
      if (t) type = t;
      else if (isStateIssuer(type) || isPartyIssuer(type)) {
        issuer = type;
        type = 'CV';
      } else continue;
    }
    // Joint issuers and units after the issuer ("04/TTr-BKHCN-BTTTT", "83/BKHCN-BTTTT-VP") belong to
    // the symbol, also a joint issuer written in two words ("65-KH/BDVTU-BCSĐ UBND": Ban cán sự
    // đảng UBND), so the date after it is the symbol's.
    const extra = jointIssuersAt(text, dn.end);
    out.push({ number: { ...dn, end: dn.end + extra.length, raw: dn.raw + extra, type, issuer: canonicalIssuer(issuer), ...(extra ? { joint: extra } : {}) }, blank });
  }
  return out;
}

/** The symbol written in its correct form ("94-NQ/CP" → "94/NQ-CP"; "43/NQ-TW" → "43-NQ/TW"). */
export function formatSymbol(n: DocumentNumber, form: 'state' | 'party', typeAsWritten?: string, issuerAsWritten?: string): string {
  const type = typeAsWritten ?? n.type;
  const issuer = issuerAsWritten ?? n.issuer;
  if (form === 'party') return `${n.number}-${type}/${issuer}`;
  return n.year !== undefined ? `${n.number}/${n.year}/${type}-${issuer}` : `${n.number}/${type}-${issuer}`;
}

/** A key that identifies the document whatever the spelling of its symbol: number, year, type, issuer (numberKey: the one key). */
export const symbolKey: (n: DocumentNumber) => string = numberKey;

/** Parse a symbol string ("94/NQ-CP", "43-NQ/TW", the miswritten "94-NQ/CP") into its parts, or undefined. */
export function parseSymbol(symbol: string): DocumentNumber | undefined {
  return findSymbols(symbol.normalize('NFC'))[0]?.number;
}
