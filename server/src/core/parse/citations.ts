// Citations of directives: type word, số/ký hiệu, date, issuer, short name.
// One pass over the symbols in the text; each citation looks a bounded distance around its
// symbol, so the step stays linear in the size of the plan.

import type { Citation, DateMention, DocumentNumber, PlanDocument, Span, Spanned } from '../model';
import { dateAtOrAfter } from './dates';
import { findSymbols } from './citation-symbol';

/** Type words, longest first so "Chương trình hành động" wins over "Chương trình". Words may wrap across lines. */
export const TYPE_WORDS = [
  'Chương trình hành động', 'Chương trình', 'Nghị quyết', 'Kết luận', 'Chỉ thị', 'Quyết định', 'Kế hoạch',
  'Nghị định', 'Thông tư liên tịch', 'Thông tư', 'Hướng dẫn', 'Công văn', 'Văn bản', 'Đề án', 'Luật', 'Quy định',
  'Thông báo', 'Tờ trình', 'Báo cáo', 'Thông tri', 'Pháp lệnh', 'Quy chế',
];
const wordsRe = (w: string) => w.split(' ').join('\\s+');
const TYPE_ALT = TYPE_WORDS.map(wordsRe).join('|');
/** A type word (+ "số", "số:") right before a symbol. */
const TYPE_BEFORE_RE = new RegExp(`(?<![\\p{L}])(${TYPE_ALT})(?:\\s+(?:số|Số|SỐ)\\s*:?)?\\s*$`, 'iu');
/** "Số:" at the start of a line with no type word: the document's own number, not a citation. */
const OWN_NUMBER_RE = /(?:^|\n)[ \t*]*(?:Số|SỐ)\s*:?\s*$/u;
const ISSUER_STOP_RE = new RegExp(
  `(?:\\s+(?:về|ban hành|thực hiện|quy định|hướng dẫn|ngày|tại|để|nhằm|đối với|trong|đã|đang|với|phê duyệt|khóa|khoá|hội nghị|lần thứ|kèm theo|là|thì|mà|được|đến|giai đoạn|nhiệm kỳ)(?![\\p{L}])|\\s+và\\s+(?=${TYPE_ALT}|các(?![\\p{L}]))|\\s*[;,(.:)\\[\\]"“”|]|\\s*$)`,
  'iu',
);
const SHORT_NAME_RE = /\(\s*(?:sau đây\s+)?gọi tắt là\s*:?\s*([^()]{2,120}?)\s*\)|\(\s*\*([^*()]{2,120}?)\*\s*\)/giu;

/** Where the clause holding `pos` starts: after ";", after ". ", or at a new paragraph (bounded look-back). */
export function clauseStart(text: string, pos: number, limit = 800): number {
  const from = Math.max(0, pos - limit);
  for (let i = pos - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 59 /* ; */) return i + 1;
    if (c === 46 /* . */ && /\s/.test(text[i + 1] ?? '') && !/\d/.test(text[i - 1] ?? '')) return i + 1;
    if (c === 10 /* \n */) {
      // A hard wrap inside a paragraph continues the clause; a line after ".", ";" or ":" or a
      // labelled line starts a new one.
      let j = i - 1;
      while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j--;
      const prev = text[j] ?? '\n';
      const next = text.slice(i + 1, i + 12);
      if (prev === '\n' || /[.;:]/.test(prev) || /^\s*(?:[-+•*]\s|\d+(?:\.\d+)*[.)-]\s|[a-zđ]\)\s|[IVX]+\.\s|\[\d+\])/u.test(next)) return i + 1;
      // A heading in capitals (the trích yếu) or a short last line ends a paragraph.
      const ls = text.lastIndexOf('\n', j) + 1;
      const prevLine = text.slice(ls, j + 1).trim();
      if (prevLine.length < 40 || (/\p{Lu}{3}/u.test(prevLine) && prevLine === prevLine.toLocaleUpperCase('vi'))) return i + 1;
    }
  }
  return from;
}

function spanned(text: string, start: number, end: number): Spanned {
  return { start, end, value: text.slice(start, end) };
}

function within(pos: number, s: Span | undefined): boolean {
  return !!s && pos >= s.start && pos < s.end;
}

/** Preamble fallback while the outline parser has nothing: from the start to the first section heading. */
function preambleFallback(doc: PlanDocument): Span | undefined {
  if (doc.preamble) return doc.preamble;
  if (doc.items.length > 0) return undefined;
  const m = /^[ \t]*(?:I|A)[.)][ \t]+\S/mu.exec(doc.text);
  return m ? { start: 0, end: m.index } : undefined;
}

/** A full or numeric date right at `pos` (after optional ", " and "ngày"). */
function dateRightAfter(text: string, dates: readonly DateMention[], pos: number): DateMention | undefined {
  const gap = /^[\s,(]*(?:ngày\s+)?/iu.exec(text.slice(pos, pos + 40));
  const at = pos + (gap ? gap[0].length : 0);
  const d = dateAtOrAfter(dates, pos);
  if (!d || (d.form !== 'full' && d.form !== 'dmy')) return undefined;
  // The full form starts at "ngày"; the numeric form right after it.
  if (d.start === at || (d.form === 'full' && d.start >= pos && d.start <= at)) return d;
  return undefined;
}

/** Citations of directives: type word, số/ký hiệu, date, issuer, short name. */
export function findCitations(doc: PlanDocument): Citation[] {
  const out: Citation[] = [];
  const text = doc.text;
  if (!text) return out;
  const own = doc.header.number;
  const preamble = preambleFallback(doc);
  for (const sym of findSymbols(text)) {
    try {
      const c = citationAt(doc, sym.number, own, preamble);
      if (c) out.push(c);
    } catch {
      // a helper's bug must not take the whole parse down
    }
  }
  attachShortNames(text, out);
  markParentCues(doc, out);
  return out;
}


/** The citation around one symbol, or undefined for the plan's own number. */
function citationAt(doc: PlanDocument, n: DocumentNumber, own: DocumentNumber | undefined, preamble: Span | undefined): Citation | undefined {
  const text = doc.text;
  if (own && n.start < own.end && n.end > own.start) return undefined;
  const before = text.slice(Math.max(0, n.start - 60), n.start);
  const tw = TYPE_BEFORE_RE.exec(before);
  if (!tw && OWN_NUMBER_RE.test(text.slice(Math.max(0, n.start - 12), n.start))) return undefined;
  const citation: Citation = { start: n.start, end: n.end, raw: n.raw, number: n, inPreamble: false };
  if (tw) {
    const s = n.start - before.length + tw.index;
    citation.typeWord = spanned(text, s, s + tw[1].length);
    citation.start = s;
  }
  let end = n.end;
  let date = dateRightAfter(text, doc.dates, end);
  if (date) end = date.end;
  // Issuer: "của <issuer>" up to "về", "ban hành", ";", "(" …
  const ofm = /^[\s,]*của\s+/iu.exec(text.slice(end, end + 20));
  if (ofm) {
    const is = end + ofm[0].length;
    const window = text.slice(is, is + 120);
    const stop = ISSUER_STOP_RE.exec(window);
    let ie = is + (stop ? stop.index : window.length);
    // trim trailing blanks
    while (ie > is && /\s/.test(text[ie - 1])) ie--;
    if (ie > is) {
      citation.issuer = spanned(text, is, ie);
      end = ie;
      // "… của Tỉnh uỷ Lào Cai ngày 27/12/2025": the date after the issuer.
      if (!date) {
        date = dateRightAfter(text, doc.dates, ie);
        if (date) end = date.end;
      }
    }
  }
  if (date) citation.date = date;
  citation.end = end;
  citation.raw = text.slice(citation.start, end);
  citation.inPreamble = within(citation.start, doc.header.subject) || within(citation.start, preamble);
  return citation;
}

/** "(sau đây gọi tắt là …)", "(gọi tắt là …)", "(*…*)": the short name of the first citation of its clause. */
function attachShortNames(text: string, cits: Citation[]): void {
  if (cits.length === 0) return;
  SHORT_NAME_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let floor = 0;
  let ci = 0;
  while ((m = SHORT_NAME_RE.exec(text)) !== null) {
    const open = m.index;
    const from = Math.max(clauseStart(text, open), floor);
    while (ci < cits.length && cits[ci].start < from) ci++;
    const target = cits[ci];
    if (target && target.start < open && !target.shortName) {
      const inner = m[1] ?? m[2];
      const innerStart = open + m[0].indexOf(inner);
      target.shortName = { start: innerStart, end: innerStart + inner.length, value: inner };
    }
    floor = open + m[0].length;
  }
}


// ---------------------------------------------------------------------------------------------
// Parent cues: the directives a plan says it carries out (its parents, found by their numbers).

// Words that make a citation a parent: the plan implements it ("Thực hiện", "Triển khai thực hiện",
// "Căn cứ", "Cụ thể hóa").
const PARENT_CUE = /thực\s+hiện|triển\s+khai|căn\s+cứ|cụ\s+thể\s+h[oó]a/iu;

/** Types of directives a plan carries out. Decrees, laws, circulars, letters, reports and notices
 * (NĐ, L, TT, TTLT, CV, TTr, BC, TB) cited after "Căn cứ" are legal bases, not parents. */
const DIRECTIVE_TYPES = new Set(['NQ', 'QĐ', 'CT', 'KH', 'CTR', 'KL', 'HD', 'ĐA', 'QYĐ', 'QC', 'PA', 'NQLT', 'HĐ', 'BB']);

/** Mark the citations in the trích yếu and preamble that a cue word before them, in their sentence, makes parents. */
function markParentCues(doc: PlanDocument, cits: Citation[]): void {
  const region = parentCueRegion(doc);
  const text = doc.text.slice(region.start, region.end);
  for (const c of cits) {
    const n = c.number;
    if (n.start < region.start || n.end > region.end || n.number === '') continue;
    if (!DIRECTIVE_TYPES.has(n.type.toLocaleUpperCase('vi'))) continue;
    // Within a sentence, every directive cited after a cue counts ("Căn cứ … Nghị định …; Nghị quyết số 34-NQ/TU …").
    const rel = n.start - region.start;
    const sentenceStart = Math.max(text.lastIndexOf('.', rel - 1) + 1, 0);
    if (PARENT_CUE.test(text.slice(Math.max(sentenceStart, rel - 400), rel))) c.parentCue = true;
  }
}

/** From the document type line to the first section: the trích yếu and the preamble. */
function parentCueRegion(doc: PlanDocument): Span {
  let start = doc.header.subject?.start ?? doc.header.docType?.start ?? doc.header.end;
  let end = doc.preamble?.end ?? (doc.items.length > 0 ? doc.items[0].start : 0);
  if (end <= start) {
    // No parse: from the document type line ("KẾ HOẠCH") to the first Roman section.
    const lines = doc.lines;
    let i = 0;
    for (; i < Math.min(lines.length, 60); i++) if (/^\s*(KẾ HOẠCH|NGHỊ QUYẾT|CHƯƠNG TRÌNH|CHỈ THỊ|QUYẾT ĐỊNH|KẾT LUẬN)\b/u.test(lines[i].text)) break;
    if (i >= Math.min(lines.length, 60)) i = 0;
    start = lines[i]?.start ?? 0;
    let j = i + 1;
    for (; j < lines.length; j++) if (/^\s*(?:[IVX]{1,4}\s?[.\-–]|[A-Z]\.)\s+\p{Lu}/u.test(lines[j].text) || /^\s*Điều\s+1\b/u.test(lines[j].text)) break;
    end = j < lines.length ? lines[j].start : doc.text.length;
  }
  return { start, end: Math.min(end, start + 20000, doc.text.length) };
}
