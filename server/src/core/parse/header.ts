// Header: issuer, "Số: …", place and date, the document type line and the trích yếu.
//
// Pasted headers come in many shapes: two columns on one line separated by spaces
// ("ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI …"), pipes ("Số: 20-NQ/TW | Hà Nội, ngày …"),
// one column after another, or missing altogether (the 147/KH-UBND paste starts at " KẾ HOẠCH").

import type { DateMention, Header, Line, PlanDocument, Spanned } from '../model';
import { matchDocumentNumberAt } from './docNumber';
import { isUpperText, matchLabel, stripEnds } from './numbering';

/** Document type words, longest first (so "CHƯƠNG TRÌNH HÀNH ĐỘNG" wins over "CHƯƠNG TRÌNH"). */
export const DOC_TYPES = [
  'CHƯƠNG TRÌNH HÀNH ĐỘNG', 'CHƯƠNG TRÌNH', 'KẾ HOẠCH', 'NGHỊ QUYẾT', 'QUYẾT ĐỊNH', 'CHỈ THỊ', 'KẾT LUẬN',
  'HƯỚNG DẪN', 'ĐỀ ÁN', 'THÔNG BÁO', 'BÁO CÁO', 'QUY ĐỊNH', 'QUY CHẾ', 'CÔNG ĐIỆN', 'THÔNG TƯ', 'NGHỊ ĐỊNH',
  'LUẬT', 'PHÁP LỆNH',
] as const;

/** The ký hiệu type code that goes with a document type line ("KẾ HOẠCH" → "KH"). */
export const DOC_TYPE_CODES: Record<string, string[]> = {
  'CHƯƠNG TRÌNH HÀNH ĐỘNG': ['CTr', 'CTHĐ', 'NQ'],
  'CHƯƠNG TRÌNH': ['CTr'],
  'KẾ HOẠCH': ['KH'],
  'NGHỊ QUYẾT': ['NQ'],
  'QUYẾT ĐỊNH': ['QĐ'],
  'CHỈ THỊ': ['CT'],
  'KẾT LUẬN': ['KL'],
  'HƯỚNG DẪN': ['HD'],
  'ĐỀ ÁN': ['ĐA'],
  'THÔNG BÁO': ['TB'],
  'BÁO CÁO': ['BC'],
  'QUY ĐỊNH': ['QyĐ', 'QĐi'],
  'QUY CHẾ': ['QC'],
  'CÔNG ĐIỆN': ['CĐ'],
  'THÔNG TƯ': ['TT'],
  'NGHỊ ĐỊNH': ['NĐ'],
};

export const NATIONAL_MOTTO = /(CỘNG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI|Đ[ẢÁA]NG\s+CỘNG\s+S[ẢA]N|Độc\s+lập\s*-\s*Tự\s+do|ĐỘC\s+LẬP)/u;
const PREAMBLE_START = /^(Căn\s+cứ|Thực\s+hiện|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Trên\s+cơ\s+sở|Nhằm|Để)(?![\p{L}\d])/u;
export const SEPARATOR = /^[\s*\-–—_=.]+$/; // anchored both ends: one linear attempt
const HEADER_SCAN_LINES = 40;

function trimmedEndOf(line: Line): number {
  return line.start + line.text.trimEnd().length;
}

function isUpper(s: string): boolean {
  return isUpperText(s);
}

/** Strip markdown emphasis/heading marks around a header line. */
function bare(s: string): string {
  return stripEnds(stripEnds(s, ' #*_>', 'start'), ' *_', 'end');
}

/** Columns of a header line: split on pipes, tabs and runs of 3+ spaces. */
export function columnsOf(line: Line): Spanned[] {
  const out: Spanned[] = [];
  // Header columns sit in the first few hundred characters; a longer line is body text pasted
  // high up, and cutting it keeps this scan linear however many spaces a paste holds.
  const lineText = line.text.slice(0, 300).trimEnd();
  const re = /[^|\t]+?(?=[ \u00a0]{3,}|\t|\||$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(lineText)) !== null) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    const lead = m[0].length - m[0].trimStart().length;
    const v = m[0].trim();
    if (v) out.push({ start: line.start + m.index + lead, end: line.start + m.index + lead + v.length, value: v });
  }
  return out;
}

/** "KẾ HOẠCH" (alone, or followed by the subject in capitals) at the start of a line. */
function docTypeOf(line: Line): Spanned | undefined {
  const s = bare(line.text);
  if (s.length === 0 || s.length > 400) return undefined;
  for (const dt of DOC_TYPES) {
    if (!s.startsWith(dt)) continue;
    const after = s.slice(dt.length);
    if (after !== '' && !/^[\s:]/.test(after)) continue;
    if (!isUpper(s.slice(0, Math.min(s.length, 60)))) continue;
    const at = line.text.indexOf(dt);
    return { start: line.start + at, end: line.start + at + dt.length, value: dt };
  }
  return undefined;
}

const LOCAL_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;

function localDate(text: string, from: number, to: number): DateMention | undefined {
  const slice = text.slice(from, to);
  const m = LOCAL_DATE.exec(slice);
  if (!m) return undefined;
  const [dRaw, mRaw] = [m[1], m[2]];
  const day = +dRaw, month = +mRaw, year = +m[3];
  const dim = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= dim[month - 1];
  // ND30: days below 10 and months 1–2 take a leading zero; other months do not.
  const nd30Form = (day < 10 ? dRaw.length === 2 : true) && (month <= 2 ? mRaw.length === 2 : mRaw.length === String(month).length);
  return { start: from + m.index, end: from + m.index + m[0].length, raw: m[0], form: 'full', year, month, day, valid, nd30Form };
}

/** Header: issuer, Số: …, place and date, document type, trích yếu. */
export function parseHeader(doc: PlanDocument): Header {
  try {
    return parseHeaderUnsafe(doc);
  } catch {
    return { start: 0, end: 0 };
  }
}

function parseHeaderUnsafe(doc: PlanDocument): Header {
  const { text, lines } = doc;
  const header: Header = { start: 0, end: 0 };
  const limit = Math.min(lines.length, HEADER_SCAN_LINES);

  // 1. The document type line, before the first numbered section.
  let typeLine = -1;
  for (let i = 0; i < limit; i++) {
    const line = lines[i];
    if (line.contentStart >= line.end) continue;
    const lab = matchLabel(text, line.contentStart, line.end);
    if (lab && (lab.label.style === 'roman' || lab.label.style === 'upper-letter')) break;
    const dt = docTypeOf(line);
    if (dt) {
      header.docType = dt;
      typeLine = i;
      break;
    }
  }

  // 2. Issuer, number, place and date: the lines above the type line (or the first lines).
  const topEnd = typeLine >= 0 ? typeLine : Math.min(limit, 12);
  let issuerParts: Spanned[] = [];
  let issuerDone = false;
  let lastHeaderEnd = -1;
  for (let i = 0; i < topEnd; i++) {
    const line = lines[i];
    if (line.contentStart >= line.end) continue;
    if (typeLine < 0) {
      const lab = matchLabel(text, line.contentStart, line.end);
      if (lab) break;
    }
    // Số / ký hiệu, anywhere on the line ("Số: 134 /KH-UBND      Lào Cai, ngày …").
    if (!header.number) {
      const so = /(^|[\s|*])Số\s*[:.]?\s*/u.exec(line.text);
      if (so) {
        const at = line.start + so.index + so[0].length;
        let num = matchDocumentNumberAt(text, at);
        // Hard-wrapped paste (a web page): "Số:" alone, the symbol on the next line ("7360/KH-UBND").
        if (!num && at >= trimmedEndOf(line) && i + 1 < lines.length) num = matchDocumentNumberAt(text, lines[i + 1].contentStart);
        if (num) {
          header.number = num;
          lastHeaderEnd = Math.max(lastHeaderEnd, num.end);
        }
      }
    }
    // Place and date: "Lào Cai, ngày 26 tháng 3 năm 2026".
    if (!header.date) {
      // on the number's line, the place follows the number ("Số 34 -NQ/TU Lào Cai, ngày …")
      const skip = header.number && header.number.start >= line.start && header.number.end <= line.end ? header.number.end - line.start : 0;
      const pd = /([\p{Lu}][\p{L}.]*(?:[ \t][\p{Lu}][\p{L}.]*){0,4})\s*,\s*ngày\s+\d/u.exec(line.text.slice(skip));
      const dm = pd ? line.start + skip + pd.index + pd[0].lastIndexOf('ngày') : -1;
      if (pd) {
        const placeStart = line.start + skip + pd.index;
        header.place = { start: placeStart, end: placeStart + pd[1].length, value: pd[1] };
        const fromDates = doc.dates.find((d) => d.start >= dm && d.start <= line.end && d.form === 'full');
        header.date = fromDates ?? localDate(text, dm, line.end);
        if (header.date) lastHeaderEnd = Math.max(lastHeaderEnd, header.date.end);
      }
    }
    // Issuer: the left column's capitals before the national motto ("CHÍNH PHỦ CỘNG HÒA …").
    if (!issuerDone) {
      const cols = columnsOf(line);
      const first = cols[0];
      if (first && !/^Số(?![\p{L}\d])/u.test(first.value) && !SEPARATOR.test(first.value)) {
        let v = first.value;
        const motto = NATIONAL_MOTTO.exec(v);
        if (motto) v = v.slice(0, motto.index).trim();
        v = stripEnds(v, ' |*', 'end');
        if (v && isUpper(v) && v.length <= 80 && !docTypeOf(line)) {
          issuerParts.push({ start: first.start, end: first.start + v.length, value: v });
          lastHeaderEnd = Math.max(lastHeaderEnd, first.start + v.length);
        } else if (issuerParts.length && !motto) {
          issuerDone = true;
        } else if (issuerParts.length && motto && v === '') {
          issuerDone = true;
        }
      } else if (issuerParts.length) {
        issuerDone = true;
      }
    }
    if (header.number || header.date || issuerParts.length) {
      lastHeaderEnd = Math.max(lastHeaderEnd, line.start + line.text.trimEnd().length);
    }
  }
  if (issuerParts.length > 0) {
    // A number line or the date line is not part of the issuer.
    issuerParts = issuerParts.filter((p) => !/\d/.test(p.value));
    if (issuerParts.length > 0) {
      header.issuer = {
        start: issuerParts[0].start,
        end: issuerParts[issuerParts.length - 1].end,
        value: issuerParts.map((p) => p.value).join(' ').replace(/\s+/g, ' '),
      };
    }
  }

  // 3. Trích yếu: the lines after the type line, while they continue the subject.
  let subjectEnd = -1;
  if (typeLine >= 0) {
    const dt = header.docType!;
    const typeLineObj = lines[typeLine];
    const restOfTypeLine = stripEnds(text.slice(dt.end, typeLineObj.end), ' *_', 'end');
    let startOff = -1;
    let endOff = -1;
    let upperSubject = false;
    let subjectRule = -1;
    if (restOfTypeLine.trim().length > 2) {
      const lead = restOfTypeLine.length - restOfTypeLine.trimStart().length;
      startOff = dt.end + lead;
      endOff = dt.end + restOfTypeLine.length;
      upperSubject = isUpper(restOfTypeLine);
    }
    for (let i = typeLine + 1, count = 0; i < lines.length && count < 10; i++) {
      const line = lines[i];
      const s = bare(line.text);
      if (s === '') continue;
      if (SEPARATOR.test(line.text.trim())) {
        // a decorative rule under the subject ("-----") belongs to the header
        if (startOff >= 0 && /[-–—_=*]{3,}/.test(line.text)) subjectRule = trimmedEndOf(line);
        break;
      }
      if (matchLabel(text, line.contentStart, line.end)) break;
      const firstChar = s[0];
      const lower = firstChar.toLowerCase() === firstChar && firstChar.toUpperCase() !== firstChar;
      const upper = isUpper(s);
      if (startOff < 0) {
        // The first line after the type is the subject — unless the paste lost it and the
        // preamble starts right away with "Căn cứ …;".
        if (/^Căn\s+cứ(?![\p{L}\d])/u.test(s) && /[;.]$/.test(s)) break;
        startOff = line.contentStart;
        endOff = line.start + line.text.trimEnd().length;
        upperSubject = upper;
        count++;
        continue;
      }
      const continues = lower || (upper && upperSubject);
      if (!continues) break;
      if (!lower && PREAMBLE_START.test(s) && !upper) break;
      endOff = line.start + line.text.trimEnd().length;
      count++;
    }
    if (startOff >= 0) {
      const raw = text.slice(startOff, endOff);
      const value = raw.replace(/[*_]+/g, '').replace(/\s+/g, ' ').trim();
      header.subject = { start: startOff, end: endOff, value };
      subjectEnd = Math.max(endOff, subjectRule);
    }
  }

  // The header's span: from its first line to the end of the subject (or what we found).
  const starts: number[] = [];
  if (header.issuer) starts.push(header.issuer.start);
  if (header.number) starts.push(header.number.start);
  if (header.place) starts.push(header.place.start);
  if (header.date) starts.push(header.date.start);
  if (header.docType) starts.push(header.docType.start);
  if (starts.length === 0) return header;
  const firstStart = Math.min(...starts);
  const firstLine = lines.find((l) => l.end >= firstStart);
  header.start = firstLine ? Math.min(firstLine.contentStart, firstStart) : firstStart;
  header.end = Math.max(subjectEnd, header.docType ? header.docType.end : -1, lastHeaderEnd, header.start);
  return header;
}
