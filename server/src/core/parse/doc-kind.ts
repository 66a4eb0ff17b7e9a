// What kind of document this is: a plan (kế hoạch, chương trình, nghị quyết, đề án … — documents
// that assign work), or a document of another kind checked by mistake or on purpose: a công văn
// ("Kính gửi: …", "V/v …", a symbol "1289/UBND-NC" without a type), a báo cáo, a thông báo, a
// hướng dẫn, a quy chế. Plan rules (sections, tasks, leads, reporting duties) apply to plans only.
//
// Read from the header: the type line ("BÁO CÁO"), else the type part of the number ("/BC-"),
// else the letter's marks near the top. A text without any of these is taken as a plan (the
// editor opened it as one).

import type { DocKind, DocKindInfo, PlanDocument } from '../model';
import { canonicalType } from './citation-symbol';

const BY_TYPE_LINE: Record<string, DocKind> = {
  'KẾ HOẠCH': 'plan',
  'CHƯƠNG TRÌNH HÀNH ĐỘNG': 'plan',
  'CHƯƠNG TRÌNH': 'plan',
  'NGHỊ QUYẾT': 'plan',
  'CHỈ THỊ': 'plan',
  'KẾT LUẬN': 'plan',
  'ĐỀ ÁN': 'plan',
  'QUYẾT ĐỊNH': 'decision',
  'BÁO CÁO': 'report',
  'THÔNG BÁO': 'notice',
  'HƯỚNG DẪN': 'guidance',
  'QUY CHẾ': 'regulation',
  'QUY ĐỊNH': 'regulation',
  'CÔNG ĐIỆN': 'letter',
  'THÔNG TƯ': 'regulation',
  'NGHỊ ĐỊNH': 'regulation',
  // a law or ordinance of the Quốc hội / UBTVQH ("Luật số: 83/2025/QH15" + "LUẬT"): normative, never a plan
  'LUẬT': 'regulation',
  'PHÁP LỆNH': 'regulation',
};

const BY_TYPE_CODE: Record<string, DocKind> = {
  KH: 'plan', CTr: 'plan', NQ: 'plan', CT: 'plan', KL: 'plan', 'ĐA': 'plan', 'QĐ': 'decision',
  BC: 'report', TB: 'notice', HD: 'guidance', QC: 'regulation', 'QyĐ': 'regulation', 'QĐi': 'regulation', 'CĐ': 'letter',
};

/** A subject that issues (or approves) a plan-like document. */
const ISSUES_PLAN = /kế hoạch|chương trình|đề án/iu;
/** A body with this many articles is laid out as a normative text, not as a plan. */
const MIN_ARTICLES = 3;
const ARTICLE_LINE = /^\s*[|*_#]*\s*Điều\s+\d+\s*[.:]/u;

function articleCount(doc: PlanDocument): number {
  let n = 0;
  for (const line of doc.lines) if (ARTICLE_LINE.test(line.text) && ++n >= MIN_ARTICLES) break;
  return n;
}

/** Lines at the top where a letter's "V/v …" and "Kính gửi:" stand. */
const LETTER_SCAN_LINES = 30;
const LETTER_MARK = /^\s*[|*_]*\s*(?:V\/v|Về việc)\b|^\s*[|*_]*\s*Kính\s+gửi\s*:/iu;

export function detectDocKind(doc: PlanDocument): DocKindInfo {
  const h = doc.header;
  if (h.docType) {
    const kind = BY_TYPE_LINE[h.docType.value.replace(/\s+/g, ' ').trim()] ?? 'plan';
    const issuesPlan = ISSUES_PLAN.test(h.subject?.value ?? '');
    // A decision that issues a plan ("Quyết định ban hành Kế hoạch …") carries the plan.
    if (kind === 'decision' && issuesPlan) return { kind: 'plan', from: 'type-line', span: h.docType };
    // A resolution laid out in articles ("Điều 1.", "Điều 2.", …) that issues no plan is a
    // normative text (a UBTVQH or HĐND resolution): its clauses are rules, not assigned tasks.
    if (kind === 'plan' && !issuesPlan && articleCount(doc) >= MIN_ARTICLES) return { kind: 'regulation', from: 'articles', span: h.docType };
    return { kind, from: 'type-line', span: h.docType };
  }
  if (h.number && h.number.type) {
    const code = canonicalType(h.number.type);
    if (code && BY_TYPE_CODE[code]) return { kind: BY_TYPE_CODE[code], from: 'number', span: h.number };
    // "Số: 1289/UBND-NC": an issuer where the type stands, the number of a công văn.
    if (!code) return { kind: 'letter', from: 'number', span: h.number };
  }
  const lines = doc.lines;
  for (let i = 0; i < Math.min(lines.length, LETTER_SCAN_LINES); i++) {
    if (LETTER_MARK.test(lines[i].text)) return { kind: 'letter', from: 'letter-marks', span: { start: lines[i].start, end: lines[i].end } };
  }
  return { kind: 'plan', from: 'default' };
}

/** Vietnamese and English names of each kind, for hover, outline and messages. */
export const DOC_KIND_NAMES: Record<DocKind, { vi: string; en: string }> = {
  plan: { vi: 'kế hoạch', en: 'plan' },
  decision: { vi: 'quyết định', en: 'decision' },
  report: { vi: 'báo cáo', en: 'report' },
  notice: { vi: 'thông báo', en: 'notice' },
  guidance: { vi: 'hướng dẫn', en: 'guidance' },
  regulation: { vi: 'quy chế, quy định', en: 'regulation' },
  letter: { vi: 'công văn', en: 'official letter' },
};
