// Số/ký hiệu of a document: "94/NQ-CP" (state), "43-NQ/TW" (Party), "30/2020/NĐ-CP" (legal
// normative, with the year), "146/2025/QH15" (a law: year and issuer, no type). Drafters type
// stray spaces ("134 /KH-UBND", "27- CTr/TU"), which we accept: the raw text keeps them for rules
// that want to flag the spacing.

import type { DocumentNumber } from '../model';

// Type abbreviations are short and may mix case (CTr, QĐi, QyĐ, TTg); issuers likewise (TTg, QH15).
const TYPE = String.raw`[A-ZĐ][A-Za-zĐđ]{0,4}`;
const ISSUER = String.raw`[A-ZĐ][A-Za-zĐđ0-9]{0,9}`;
const NUM = String.raw`\d{0,6}`; // may be empty: "Nghị quyết số /NQ-CP" (number left blank)
const SP = String.raw`[ \t]{0,2}`;

// Order matters: the year forms before the plain state form.
const FORMS: { re: RegExp; form: DocumentNumber['form']; build: (m: RegExpExecArray) => Omit<DocumentNumber, 'start' | 'end' | 'raw' | 'form'> }[] = [
  {
    // 30/2020/NĐ-CP
    re: new RegExp(String.raw`(${NUM})${SP}\/${SP}((?:19|20)\d\d)${SP}\/${SP}(${TYPE})${SP}-${SP}(${ISSUER})(?![\p{L}\d])`, 'yu'),
    form: 'state',
    build: (m) => ({ number: m[1], year: +m[2], type: m[3], issuer: m[4] }),
  },
  {
    // 146/2025/QH15 — a law: number/year/issuer
    re: new RegExp(String.raw`(${NUM})${SP}\/${SP}((?:19|20)\d\d)${SP}\/${SP}(QH\d{1,2}|UBTVQH\d{1,2})(?![\p{L}\d])`, 'yu'),
    form: 'state',
    build: (m) => ({ number: m[1], year: +m[2], type: '', issuer: m[3] }),
  },
  {
    // 94/NQ-CP, 134 /KH-UBND
    re: new RegExp(String.raw`(${NUM})${SP}\/${SP}(${TYPE})${SP}-${SP}(${ISSUER})(?![\p{L}\d])`, 'yu'),
    form: 'state',
    build: (m) => ({ number: m[1], type: m[2], issuer: m[3] }),
  },
  {
    // 43-NQ/TW, 27- CTr/TU, and the slip 94-NQ/CP (Party shape, state issuer: the shape decides)
    re: new RegExp(String.raw`(\d{1,6})${SP}[-–]${SP}(${TYPE})${SP}\/${SP}(${ISSUER})(?![\p{L}\d])`, 'yu'),
    form: 'party',
    build: (m) => ({ number: m[1], type: m[2], issuer: m[3] }),
  },
];

/** Match a document number starting exactly at `index` of `text`; undefined when there is none. */
export function matchDocumentNumberAt(text: string, index: number): DocumentNumber | undefined {
  for (const f of FORMS) {
    f.re.lastIndex = index;
    const m = f.re.exec(text);
    if (!m) continue;
    const raw = m[0];
    const parts = f.build(m);
    // A number with neither digits nor a known shape is still worth keeping as 'malformed'
    // (the blank "/NQ-CP" in the 03/NQ-CP appendix header).
    const form: DocumentNumber['form'] = parts.number === '' ? 'malformed' : f.form;
    return { start: index, end: index + raw.length, raw, form, ...parts };
  }
  return undefined;
}

/**
 * Parse a raw số/ký hiệu ("94/NQ-CP", "43-NQ/TW", "30/2020/NĐ-CP", " 27- CTr/TU").
 * `offset` is where `raw` starts in the document text; the span covers the number without the
 * surrounding blanks. Returns undefined when `raw` does not start with a document number.
 */
export function parseDocumentNumber(raw: string, offset = 0): DocumentNumber | undefined {
  if (typeof raw !== 'string' || raw.length === 0) return undefined;
  let i = 0;
  while (i < raw.length && (raw[i] === ' ' || raw[i] === '\t')) i++;
  const m = matchDocumentNumberAt(raw, i);
  if (!m) return undefined;
  return { ...m, start: m.start + offset, end: m.end + offset };
}

/** Every document number in a text (linear: one sticky attempt per digit/slash run start). */
export function findDocumentNumbers(text: string, from = 0, to = text.length): DocumentNumber[] {
  const out: DocumentNumber[] = [];
  const candidates = /\d+|\//g; // numbers, or the blank-number form "/NQ-CP"
  candidates.lastIndex = from;
  let c: RegExpExecArray | null;
  while ((c = candidates.exec(text)) !== null && c.index < to) {
    const prev = c.index > 0 ? text[c.index - 1] : ' ';
    if (/[\p{L}\d/]/u.test(prev)) continue;
    if (c[0] === '/' && !/^\/[ \t]{0,2}[A-ZĐ]/.test(text.slice(c.index, c.index + 4))) continue;
    const m = matchDocumentNumberAt(text, c.index);
    if (m && m.end <= to) {
      out.push(m);
      candidates.lastIndex = m.end;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Across documents: whose numbering a body uses, the key that identifies a directive, and its
// canonical spelling. (There is one grammar, above: citations, the header, parents and the
// registry all read numbers through it.)

/**
 * Party issuers end in TW/TU (Trung ương, Tỉnh ủy) or are a Party committee (ĐU, HU, QU, ĐUK). The
 * Front's "MTTW" (Mặt trận Trung ương) ends in TW too but the Front numbers its documents the State
 * way ("04/TT-MTTW-BTT"): it is not a Party issuer.
 */
export function isPartyIssuer(code: string): boolean {
  const u = code.toUpperCase();
  if (u.startsWith('MT')) return false;
  return /(?:TW|TU)$/.test(u) || /^(?:ĐU|HU|QU|ĐUK|ĐĐ|BCSĐ|TƯ)$/.test(u);
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

/** The canonical spelling: party "34-NQ/TU", state "94/NQ-CP" / "30/2020/NĐ-CP". */
export function canonicalSymbol(n: { number: string; type: string; issuer: string; year?: number }): string {
  // Party bodies (…/TW, …/TU, …/HU, …/ĐU) number their documents "số-TYPE/ISSUER".
  if (!n.year && isPartyIssuer(n.issuer)) return `${n.number}-${n.type}/${n.issuer}`;
  // A law has no type: "83/2025/QH15".
  const typed = n.type ? `${n.type}-${n.issuer}` : n.issuer;
  return n.year ? `${n.number}/${n.year}/${typed}` : `${n.number}/${typed}`;
}
