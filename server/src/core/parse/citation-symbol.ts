// Số/ký hiệu of cited documents: "94/NQ-CP", "30/2020/NĐ-CP", "43-NQ/TW", "27- CTr/TU",
// "134 /KH-UBND", "1289/UBND-TH" (công văn), "Nghị quyết số /NQ-CP" (number left blank).
// The header engineer's parseDocumentNumber (parse/docNumber.ts) reads the plan's own number;
// this scanner finds symbols in running text, where spaces and case vary more.

import type { DocumentNumber } from '../model';

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

/** Party issuers end in TW/TU (Trung ương, Tỉnh ủy) or are a Party committee (ĐU, HU, QU, ĐUK). */
export function isPartyIssuer(code: string): boolean {
  const u = code.toUpperCase();
  return /(?:TW|TU)$/.test(u) || /^(?:ĐU|HU|QU|ĐUK|ĐĐ|BCSĐ|TƯ)$/.test(u);
}

/** State issuers: Government, Prime Minister, People's Committees and Councils, National Assembly, ministries. */
export function isStateIssuer(code: string): boolean {
  const u = code.toUpperCase();
  if (isPartyIssuer(u)) return false;
  return /^(?:CP|TTG|UBND|HĐND|VPCP|NHNN|TTCP|KTNN|TANDTC|VKSNDTC|UBTVQH\d*|QH\d*|B[A-ZĐ]{1,8}|S[A-ZĐ]{1,8})$/.test(u);
}

// number (maybe blank) + separators with at most one stray space + type + issuer.
// Party form: 43-NQ/TW.  State form: 94/NQ-CP, 30/2020/NĐ-CP, 04/TTr-BKHCN-BTTTT.
const L = '[\\p{L}]';
const W = '[\\p{L}\\p{N}&]';
export const SYMBOL_RE = new RegExp(
  [
    // 1–3 party
    `(?<![\\p{L}\\p{N}/.-])(\\d{1,5}) ?- ?(${L}{1,5}) ?/ ?(\\p{Lu}${W}{0,9})(?![\\p{L}\\p{N}])`,
    // 4–7 state (number may be blank only after "số", checked by the caller)
    `(?<![\\p{L}\\p{N}/.-])(\\d{1,5})? ?/ ?(?:(\\d{4}) ?/ ?)?(\\p{Lu}${W}{0,9})((?: ?- ?\\p{Lu}${W}{0,9}){0,3})(?![\\p{L}\\p{N}])`,
  ].join('|'),
  'gu',
);

export interface SymbolMatch {
  number: DocumentNumber;
  /** A state-form symbol whose number is blank ("số /NQ-CP"). */
  blank: boolean;
}

/** Read one SYMBOL_RE match into a DocumentNumber (model offsets). */
export function symbolFromMatch(m: RegExpExecArray): SymbolMatch | undefined {
  const raw = m[0];
  const start = m.index;
  const end = start + raw.length;
  if (m[1] !== undefined) {
    const type = canonicalType(m[2]) ?? m[2];
    const issuer = canonicalIssuer(m[3]);
    return { number: { start, end, raw, number: m[1], type, issuer, form: 'party' }, blank: false };
  }
  const num = m[4] ?? '';
  const year = m[5] !== undefined ? +m[5] : undefined;
  const first = m[6];
  const rest = (m[7] ?? '').split('-').map((s) => s.trim()).filter((s) => s.length > 0);
  let type: string;
  let issuer: string;
  if (rest.length === 0) {
    // "146/2025/QH15": a law, number/year/issuer with no type.
    if (year === undefined) return undefined;
    type = '';
    issuer = canonicalIssuer(first);
  } else if (canonicalType(first)) {
    type = canonicalType(first)!;
    issuer = canonicalIssuer(rest[0]);
  } else if (isStateIssuer(first) || isPartyIssuer(first)) {
    // Công văn: số/ISSUER-UNIT ("1289/UBND-TH").
    type = 'CV';
    issuer = canonicalIssuer(first);
  } else {
    return undefined;
  }
  const dn: DocumentNumber = { start, end, raw, number: num, type, issuer, form: num === '' ? 'malformed' : 'state' };
  if (year !== undefined) dn.year = year;
  return { number: dn, blank: num === '' };
}

/** Every symbol in a text (offsets relative to `text`, plus `offset`). Blank numbers are reported only after "số". */
export function findSymbols(text: string, offset = 0): SymbolMatch[] {
  const out: SymbolMatch[] = [];
  SYMBOL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SYMBOL_RE.exec(text)) !== null) {
    const s = symbolFromMatch(m);
    if (!s) continue;
    if (s.blank) {
      // "Nghị quyết số /NQ-CP": only when "số" stands right before the blank.
      if (!/số\s*:?\s*$/iu.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    }
    s.number.start += offset;
    s.number.end += offset;
    out.push(s);
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

/** A key that identifies the document whatever the spelling of its symbol: number, year, type, issuer. */
export function symbolKey(n: DocumentNumber): string {
  return `${n.number}|${n.year ?? ''}|${n.type.toUpperCase()}|${n.issuer.toUpperCase()}`;
}
