// The outline: sections and numbered items as a tree, plus the preamble, "Nơi nhận:", the
// signature block and where the appendices start.
//
// Levels follow the drafter's styles as they appear: a style first seen under another becomes its
// child (a stack of styles; meeting a style already on the stack closes the levels above it), so
// "1.1." nests under "1." and "a)" under whichever it follows. Text copied from PDF arrives hard-
// wrapped: a line that does not start with a label continues the paragraph or body above it.

import type { Line, OutlineItem, PlanDocument, SectionKind, Span } from '../model';
import { lineIndexAt } from '../text/lines';
import { isUpperText, levelFamily, matchLabel, skipMarkup, stripEnds, type LabelMatch } from './numbering';
import { DOC_TYPES } from './header';
import { tablesOf } from './tables';
import { collapseSpaces } from '../text/spaces';

export interface OutlineResult {
  items: OutlineItem[];
  preamble?: Span;
  recipients?: Span;
  signature?: Span;
  appendix?: Span;
}

const RECIPIENTS = /^N[ơo]i\s+nh[ậâa]n\s*(:|$)/iu; // the colon (or nothing): not "Nơi nhận hồ sơ …"
const SIGNATURE = /^(TM|T\/M|KT|Q|TL|TUQ)\s*\.?\s+[\p{Lu}]/u;
const SIGNATURE_INLINE = /(?:\s{3,}|\|\s*|:\s*)((?:TM|T\/M|KT|TL|TUQ)\s*\.?\s+[\p{Lu}])/u;
const APPENDIX = /^PH[ỤU]\s*L[ỤU]C\b/u;
const PAGE_NOISE = /^(=+\s*Trang\s+\d+\s*=+|\d{1,3}|-\s*\d{1,3}\s*-)$/u;

function isUpper(s: string): boolean {
  return isUpperText(s);
}

function trimmedEnd(line: Line): number {
  return line.start + line.text.trimEnd().length;
}

function contentOf(line: Line): string {
  return line.text.trim();
}

/** Natural seniority of styles (ND30: mục I. > khoản 1. > điểm a) > dashes); equal ranks nest as seen. */
function rankOf(key: string): number {
  if (key === 'upper-letter') return 0;
  if (key === 'roman') return 1;
  if (key === 'arabic') return 2;
  if (key.startsWith('decimal')) return 1 + Math.max(2, Number(key.slice(7)) || 2);
  if (key === 'letter') return 8;
  return 9; // dash, plus, bullet
}

/** Section kinds by title: "MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN" … */
export function sectionKindOf(title: string): SectionKind | undefined {
  if (title.length > 120) return undefined; // a sentence, not a section heading
  const t = collapseSpaces(title.toLowerCase());
  if (t.length > 80) return undefined;
  if (/^mục đích\s*(,|và|-|;)\s*yêu cầu/.test(t)) return 'purpose-requirements';
  if (/^mục đích/.test(t)) return 'purpose';
  if (/^yêu cầu/.test(t)) return 'requirements';
  if (/^(quan đi\S*m( chỉ đạo)?\s*(,|và)\s*)?mục tiêu/.test(t)) return 'objectives';
  if (/^(các )?(nhiệm vụ|giải pháp|nội dung)/.test(t)) return 'tasks';
  if (/^t[ổô] chức thực hiện/.test(t)) return 'organization'; // "TÔ CHỨC": OCR drops the hook
  if (/^(kinh phí|nguồn kinh phí|vốn đầu tư|nguồn vốn)/.test(t)) return 'funding';
  if (/^(chế độ (thông tin,? )?báo cáo|thông tin,? báo cáo)/.test(t)) return 'reporting';
  return undefined;
}

/** A first sentence ends at ". ", "! ", "? " or ": " (not "..." or "4.0"). */
function sentenceEnd(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const c = text[k];
    if (c !== '.' && c !== '!' && c !== '?' && c !== ':') continue;
    const next = k + 1 < to ? text[k + 1] : '\n';
    if (!/\s/.test(next)) continue;
    if (c === '.' && (text[k - 1] === '.' || /\b(TP|Tp|TX|Q|P|v\.v)$/.test(text.slice(Math.max(from, k - 4), k)))) continue;
    return k;
  }
  return -1;
}

interface Closing {
  recipients?: Span;
  signature?: Span;
  /** Line index after the block. */
  next: number;
}

/** "Nơi nhận:" then "- …" lines; a signature may sit in the right column of the same lines. */
function readRecipients(lines: Line[], at: number): Closing {
  const first = lines[at];
  const recipients: Span = { start: first.contentStart, end: trimmedEnd(first) };
  let signature: Span | undefined;
  const noteSignature = (line: Line) => {
    // the right column starts within the first few hundred characters; cutting keeps it linear
    const head = line.text.slice(0, 300);
    const m = SIGNATURE_INLINE.exec(head);
    if (m) {
      const s = line.start + m.index + m[0].length - m[1].length;
      if (!signature) signature = { start: s, end: trimmedEnd(line) };
    }
    if (signature) {
      // right-column text (after a wide gap) belongs to the signature
      const gap = /\S(\s{5,})\S/.exec(head);
      if (gap && line.start + gap.index > signature.start - 200) signature.end = Math.max(signature.end, trimmedEnd(line));
    }
  };
  noteSignature(first);
  let i = at + 1;
  let seenLuu = false;
  let last = at;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const s = contentOf(line);
    if (s === '' || s === '`') continue;
    const dash = /^[-–]/.test(s);
    const indentedCont = !dash && line.contentStart - line.start >= 1 && !/[.;]$/.test(lines[last].text.slice(0, 300).split(/\s{3,}/)[0].trimEnd()) && !seenLuu;
    if (!dash && !indentedCont) break;
    if (seenLuu && !dash) break;
    if (seenLuu && s.length > 40) break;
    if (/^[-–]\s*Lưu(?![\p{L}\d])/u.test(s)) seenLuu = true;
    noteSignature(line);
    recipients.end = trimmedEnd(line);
    last = i;
  }
  return { recipients, signature, next: last + 1 };
}

function isNameLine(s: string): boolean {
  // "Hoàng Việt Phương", "Chẩu Văn Lâm": 2–6 capitalised words, no digits, not all capitals.
  if (s.length > 40 || /\d/.test(s)) return false;
  const words = s.split(/\s+/);
  return words.length >= 2 && words.length <= 6 && words.every((w) => /^[\p{Lu}][\p{Ll}]*$/u.test(w)) && !isUpper(s);
}

/** "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / "[đã ký]" / name. */
function readSignature(lines: Line[], at: number, startOffset: number): { span: Span; next: number } {
  const span: Span = { start: startOffset, end: trimmedEnd(lines[at]) };
  let last = at;
  if (isNameLine(contentOf(lines[at]).split(/\)\s*/).pop() ?? '')) return { span, next: at + 1 };
  for (let i = at + 1; i < lines.length && i <= at + 30; i++) {
    const raw = contentOf(lines[i]);
    const s = stripEnds(raw, ' *_|');
    if (s === '') continue;
    if (isUpper(s) && s.length <= 60 && !APPENDIX.test(s)) { span.end = trimmedEnd(lines[i]); last = i; continue; }
    if (/^[[(]?\s*đã\s+ký\s*[\])]?$/iu.test(s)) { span.end = trimmedEnd(lines[i]); last = i; continue; }
    if (isNameLine(s)) { span.end = trimmedEnd(lines[i]); last = i; break; }
    break;
  }
  return { span, next: last + 1 };
}

/** Lines that look like a label the parser could not read: OCR "Š. Tập trung", "1 Đổi mới". */
export function findSuspectLabels(doc: PlanDocument): Span[] {
  const out: Span[] = [];
  const { text, lines } = doc;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.contentStart >= line.end) continue;
    const prev = i > 0 ? lines[i - 1].text.trimEnd() : '';
    const paragraphStart = prev === '' || /[.:;!?]$/.test(prev);
    if (!paragraphStart) continue;
    if (matchLabel(text, line.contentStart, line.end)) continue;
    const s = text.slice(line.contentStart, Math.min(line.end, line.contentStart + 12));
    if (/^([^\s\d\p{Ll}]\.|\d{1,2})\s+\p{Lu}\p{Ll}/u.test(s) && !/^\d{1,2}\s+(Điều|Luật|Nghị|Khoản)/u.test(s)) {
      out.push({ start: line.contentStart, end: line.contentStart + s.search(/\s/) });
    }
  }
  return out;
}

/** Sections and numbered items as a tree. */
export function parseOutline(doc: PlanDocument): OutlineResult {
  try {
    return parseOutlineUnsafe(doc);
  } catch {
    return { items: [] }; // must never throw on a paste, whatever it holds
  }
}

function parseOutlineUnsafe(doc: PlanDocument): OutlineResult {
  const { text, lines } = doc;
  const result: OutlineResult = { items: [] };
  if (lines.length === 0) return result;
  const items: OutlineItem[] = [];

  // Lines inside appendix tables are cells, not items.
  const tableLines = new Uint8Array(lines.length);
  const tableStarts: number[] = [];
  for (const t of tablesOf(doc)) {
    const a = lineIndexAt(lines, t.start), b = lineIndexAt(lines, t.end);
    for (let k = a; k <= b; k++) tableLines[k] = 1;
    tableStarts.push(lines[a].contentStart);
  }

  // Offsets where an item's body must stop (closing blocks, appendix headings, tables).
  const boundaries: number[] = [...tableStarts];
  const headerEnd = doc.header.end;
  let i = doc.header.end > 0 ? lineIndexAt(lines, headerEnd) + 1 : 0;
  const bodyStartLine = i;

  interface Level { key: string; item: number }
  let stack: Level[] = [];
  let lastClosingEnd = -1;
  let afterClosingLine = -1;
  let attachedDocument = false;

  while (i < lines.length) {
    const line = lines[i];
    if (line.contentStart >= line.end) { i++; continue; }
    if (tableLines[i]) { stack = []; i++; continue; }
    const cs = skipMarkup(text, line.contentStart, line.end);
    const s = stripEnds(text.slice(cs, trimmedEnd(line)), '*_', 'end');

    // Nơi nhận (and a signature beside it)
    if (RECIPIENTS.test(s)) {
      const c = readRecipients(lines, i);
      boundaries.push(line.contentStart);
      if (!result.recipients) result.recipients = c.recipients;
      let next = c.next;
      if (c.signature) {
        if (!result.signature) result.signature = c.signature;
        // the name may follow below the recipients ("Hoàng Giang")
        while (next < lines.length && contentOf(lines[next]) === '') next++;
        if (next < lines.length && isNameLine(contentOf(lines[next]))) {
          if (result.signature === c.signature) result.signature.end = trimmedEnd(lines[next]);
          next++;
        }
      } else {
        // the signature usually follows the recipients
        let k = next;
        while (k < lines.length && contentOf(lines[k]) === '') k++;
        if (k < lines.length) {
          const ks = contentOf(lines[k]).replace(/^[*_|\s]+/, '');
          if (SIGNATURE.test(ks)) {
            const sig = readSignature(lines, k, lines[k].start + lines[k].text.indexOf(ks.slice(0, 3)));
            if (!result.signature) result.signature = sig.span;
            next = sig.next;
          }
        }
      }
      stack = [];
      lastClosingEnd = lines[Math.max(i, next - 1)].end;
      afterClosingLine = next;
      i = next;
      continue;
    }
    // A signature without (or before) Nơi nhận: "TM. ỦY BAN NHÂN DÂN", "| T/M BỘ CHÍNH TRỊ".
    {
      const sigText = s.replace(/^\|\s*/, '');
      // "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH": the title is in capitals ("Q. Hoàn Kiếm" is not one)
      // (the title is cut out only for lines that look like a signature: most lines do not)
      const sigTitle = () => sigText.replace(/^\S+\s*/, '').slice(0, 20);
      if (SIGNATURE.test(sigText) && isUpper(sigTitle()) && (items.length > 0 || i > bodyStartLine + 3)) {
        const at = line.start + line.text.indexOf(sigText.slice(0, 3));
        const sig = readSignature(lines, i, at);
        boundaries.push(line.contentStart);
        if (!result.signature) result.signature = sig.span;
        // Nơi nhận right below a signature belongs to the same closing block
        let k = sig.next;
        while (k < lines.length && contentOf(lines[k]) === '') k++;
        if (k < lines.length && RECIPIENTS.test(contentOf(lines[k]))) {
          const c = readRecipients(lines, k);
          if (!result.recipients) result.recipients = c.recipients;
          k = c.next;
        } else k = sig.next;
        stack = [];
        lastClosingEnd = lines[k - 1].end;
        afterClosingLine = k;
        i = k;
        continue;
      }
    }
    // PHỤ LỤC …
    if (APPENDIX.test(s) && isUpper(s.slice(0, 40)) && !s.startsWith('(')) {
      boundaries.push(line.contentStart);
      if (!result.appendix) result.appendix = { start: line.contentStart, end: text.length };
      stack = [];
      i++;
      continue;
    }
    // A new document type heading after a closing block (03/NQ-CP: the attached programme).
    // (only after a closing block: a capitals line "BÁO CÁO …" inside the body is just a heading)
    if (afterClosingLine >= 0 && i > bodyStartLine && DOC_TYPES.some((d) => s.startsWith(d)) && isUpper(s.slice(0, 60)) && s.length <= 200) {
      boundaries.push(line.contentStart);
      if (afterClosingLine >= 0 && !result.appendix) {
        // first non-blank line after the closing block → an attached document, not an annex
        let k = afterClosingLine;
        while (k < lines.length && contentOf(lines[k]) === '') k++;
        if (k === i) attachedDocument = true;
      }
      stack = [];
      i++;
      continue;
    }
    // Pipe rows outside a recognised table are not items.
    if ((s.match(/\|/g) ?? []).length >= 2) { i++; continue; }

    const lab = matchLabel(text, line.contentStart, line.end);
    if (!lab) { i++; continue; }
    const built = buildItem(doc, lines, i, lab, tableLines);
    const item = built.item;
    item.index = items.length;
    // Level by the style stack.
    const key = levelFamily(lab.label);
    const at = stack.findIndex((l) => l.key === key);
    if (at >= 0) stack = stack.slice(0, at);
    else {
      // A senior style never nests under a junior one: "VI." after "- …" closes the dashes.
      const r = rankOf(key);
      while (stack.length && rankOf(stack[stack.length - 1].key) > r) stack.pop();
    }
    const parent = stack.length ? stack[stack.length - 1].item : -1;
    item.parent = parent;
    item.depth = stack.length;
    if (parent >= 0) items[parent].children.push(item.index);
    stack.push({ key, item: item.index });
    items.push(item);
    i = built.nextLine;
  }

  // Annex after the last closing block without a PHỤ LỤC heading (01-CTr/TU: "C. DỰ KIẾN …").
  if (!result.appendix && afterClosingLine >= 0 && !attachedDocument) {
    const firstAfter = items.find((it) => it.start >= lastClosingEnd);
    if (firstAfter) {
      const l = lines[lineIndexAt(lines, firstAfter.start)];
      let k = afterClosingLine;
      while (k < lines.length && contentOf(lines[k]) === '') k++;
      const startLine = Math.min(k, l.index);
      result.appendix = { start: lines[startLine].contentStart, end: text.length };
    }
  }

  // Bodies: from the title to the next item or boundary.
  const stops = [...boundaries, ...items.map((it) => it.start)].sort((a, b) => a - b);
  let p = 0;
  for (const it of items) {
    const from = it.body.start;
    while (p < stops.length && stops[p] <= it.start) p++;
    let q = p;
    while (q < stops.length && stops[q] < from) q++;
    let end = q < stops.length ? stops[q] : text.length;
    // trim trailing blanks
    while (end > from && /\s/.test(text[end - 1])) end--;
    let start = from;
    while (start < end && /\s/.test(text[start])) start++;
    it.body = { start, end: Math.max(start, end) };
    it.end = Math.max(it.title.end, it.body.end);
  }

  // Section kinds: top-level sections always; "1. Mục đích" / "2. Yêu cầu" below them.
  for (const it of items) {
    const kind = sectionKindOf(it.title.value);
    if (it.depth === 0) it.sectionKind = kind ?? 'other';
    else if (it.depth === 1 && kind && ['purpose', 'requirements', 'purpose-requirements', 'objectives'].includes(kind)) it.sectionKind = kind;
  }

  // Preamble: after the header (trích yếu) up to the first section or closing block.
  {
    const firstStop = Math.min(items.length ? items[0].start : text.length, ...boundaries.filter((b) => b >= headerEnd));
    let s = headerEnd;
    while (s < firstStop && /\s/.test(text[s])) s++;
    let e = firstStop;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) result.preamble = { start: s, end: e };
  }
  result.items = items;
  return result;
}

/** Title (the first line/sentence, across hard wraps) and where the body starts. */
function buildItem(doc: PlanDocument, lines: Line[], at: number, lab: LabelMatch, tableLines: Uint8Array): { item: OutlineItem; nextLine: number } {
  const { text } = doc;
  const line = lines[at];
  // Paragraph: the label line and the wrapped lines that continue it.
  let lastLine = at;
  // Whether the label line is a capitals heading: the same for every continuation tried.
  const upperHeading = isUpper(text.slice(lab.textStart, trimmedEnd(line)));
  for (let k = at + 1; k < lines.length && k <= at + 12; k++) {
    let n = k;
    let blank = false;
    while (n < lines.length && (lines[n].contentStart >= lines[n].end || PAGE_NOISE.test(contentOf(lines[n])))) { n++; blank = true; }
    if (n >= lines.length || tableLines[n]) break;
    const prevText = lines[lastLine].text.trimEnd();
    if (/[.!?:;]["”’)]?$/.test(prevText)) break;
    const next = lines[n];
    if (matchLabel(text, next.contentStart, next.end)) break;
    const ns = contentOf(next);
    if (RECIPIENTS.test(ns) || SIGNATURE.test(ns) || APPENDIX.test(ns)) break;
    const c = ns[0];
    const lowerOrDigit = /[\p{Ll}\d]/u.test(c);
    // PDF wraps leave continuation lines flush left while paragraphs start indented.
    const indent = next.contentStart - next.start;
    const newParagraph = indent > 0 && indent >= line.contentStart - line.start;
    // "1 Đổi mới …" (an OCR'd label without its dot) starts a paragraph, it does not continue one.
    const digitLabel = /^\d{1,2}\s+\p{Lu}/u.test(ns);
    if (upperHeading) {
      // a capitals heading continues only on capitals (a wrapped "NHIỆM VỤ VÀ / GIẢI PHÁP")
      if (blank || !isUpper(ns) || ns.length >= 120) break;
    } else {
      const continues = (lowerOrDigit && !digitLabel) || (!blank && !newParagraph && prevText.length >= 50 && !isUpper(ns));
      if (!continues) break;
    }
    lastLine = n;
    k = n;
  }
  const paraEnd = trimmedEnd(lines[lastLine]);
  let tStart = lab.textStart;
  while (tStart < paraEnd && /[\s*_]/.test(text[tStart])) tStart++;
  const titleLineText = text.slice(tStart, trimmedEnd(line));
  let tEnd: number;
  let bodyFrom: number;
  if (isUpper(titleLineText)) {
    // capitals heading: the whole paragraph
    tEnd = paraEnd;
    bodyFrom = paraEnd;
  } else {
    const se = sentenceEnd(text, tStart, paraEnd);
    if (se >= 0) { tEnd = se; bodyFrom = se + 1; } else { tEnd = paraEnd; bodyFrom = paraEnd; }
  }
  // drop trailing markup and punctuation from the title
  while (tEnd > tStart && /[\s*_.:;,]/.test(text[tEnd - 1])) tEnd--;
  const rawTitle = text.slice(tStart, tEnd);
  const value = collapseSpaces(rawTitle);
  const item: OutlineItem = {
    start: lab.label.start,
    end: tEnd,
    index: 0,
    depth: 0,
    label: lab.label,
    title: { start: tStart, end: Math.max(tStart, tEnd), value },
    body: { start: bodyFrom, end: bodyFrom },
    parent: -1,
    children: [],
    upperCase: isUpper(value),
  };
  // The continuation lines were consumed by the title only up to the sentence end; resume the
  // scan on the line after the label line so labels inside the paragraph are never skipped.
  return { item, nextLine: at + 1 };
}
