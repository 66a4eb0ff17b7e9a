// Reporting duties: who reports to whom, and when (or no time at all).
//
// We start from each "báo cáo", take the clause around it (bounded by ";", ". ", a table cell
// or a new paragraph) and decide whether it assigns a duty. What is not a duty (DOMAIN.md §3):
// "(báo cáo)" in Nơi nhận, "Báo cáo" as a document type, event-driven escalation ("nếu có khó
// khăn … báo cáo UBND tỉnh xem xét, quyết định", "báo cáo kịp thời những khó khăn"), products
// ("xây dựng báo cáo tổng kết"), "báo cáo viên", technical MRV ("đo đạc, báo cáo, thẩm định").

import type { AgencyRef, ColumnRole, OutlineItem, PlanDocument, ReportingClause, Span, Spanned, TableCell, TimeExpression } from '../model';
import { findAgencyMentions } from './agencyMentions';
import { parseTimeExpression } from './time';
import { isFrameTitle, isTopicsTitle } from './taskShape';

const BAO_CAO_RE = /(?<![\p{L}])báo\s+cáo(?![\p{L}])/giu;
/** The clause is an escalation or a request for a decision, not a periodic duty. */
const EVENT_RE = new RegExp(
  '(?<![\\p{L}])(?:' + [
    '(?:nếu|trường hợp)\\s+(?:có(?!\\s*\\))|phát sinh|gặp|thấy|cần)',
    'khi\\s+có\\s+(?:khó khăn|vướng mắc|phát sinh)',
    // reporting when something happens: "báo cáo ngay … khi phát sinh đơn thư", "phát hiện sai sót … để báo cáo … xử lý"
    'khi\\s+(?:phát\\s+sinh|xảy\\s+ra)', 'báo\\s+cáo\\s+ngay', 't[uù][yỳ]\\s+(?:theo\\s+)?tình\\s+hình', 'phát\\s+hiện[^.;]{0,160}?để\\s+báo\\s+cáo',
    'vướng mắc(?:\\s+phát sinh)?\\s+cần',
    'kịp\\s+thời\\s+báo\\s+cáo', 'báo\\s+cáo\\s+kịp\\s+thời', 'chủ\\s+động\\s+báo\\s+cáo',
    'xem\\s+xét,?\\s+(?:quyết\\s+định|giải\\s+quyết|phê\\s+duyệt|cho\\s+ý\\s+kiến)', 'xin\\s+ý\\s+kiến',
    // escalation beyond one's remit, approval, funding requests
    'trường\\s+hợp\\s+vượt', 'vượt\\s+thẩm\\s+quyền', 'kịp\\s+thời\\s+(?:[\\p{L}]+,?\\s+){0,3}báo\\s+cáo',
    'báo\\s+cáo,?\\s+(?:và\\s+)?(?:đề\\s+xuất|kiến\\s+nghị)', '(?:để|trình)\\s+(?:cấp\\s+có\\s+thẩm\\s+quyền\\s+)?phê\\s+duyệt',
    'cấp\\s+có\\s+thẩm\\s+quyền\\s+(?:xem\\s+xét|phê\\s+duyệt|quyết\\s+định)', 'xin\\s+chủ\\s+trương',
    '(?:bố\\s+trí|cấp|bổ\\s+sung)\\s+kinh\\s+phí',
  ].join('|') + ')',
  'iu',
);
/** Words before "báo cáo" that make it a noun (a report to write or a document), not a duty. */
const NOUN_BEFORE_RE = /(?<![\p{L}])(?:xây dựng|hoàn thiện|hoàn chỉnh|lập|ban hành|chuẩn bị|dự thảo|soạn thảo|tại|theo|của|các|những|một|nội dung|việc|chế độ|thông tin,?|đo đạc,?|mẫu|hệ thống|số liệu|dữ liệu|tỷ lệ|thời điểm|(?:trong|mỗi|tại|của|cuối|đầu) kỳ|trên cơ sở|là|bản|mục tiêu|nghe(?:\s+[^,.;]{0,60})?|đã(?:\s+kịp thời)?|đã có)\s+$/iu;
/** Words after "báo cáo" that make it a noun: "báo cáo thành tích" (a dossier part), "báo cáo điện tử". */
const NOUN_AFTER_RE = /^\s*(?:viên|thành tích|điện tử|tài chính|số liệu thống kê)(?![\p{L}])/iu;
/** A product or result field ("- Kết quả: Báo cáo …", "Sản phẩm: …"): what the task delivers, not a duty. */
const PRODUCT_FIELD_RE = /^[\s\-+•*–\\]*(?:Kết quả|Sản phẩm)(?:\s+[\p{L}]+){0,3}\s*:/u;
/** A meeting's agenda ("Trình tự tổ chức hội nghị:", "NỘI DUNG, TRÌNH TỰ, THỦ TỤC"): someone reports at the meeting. */
const AGENDA_RE = /trình tự|chương trình (?:của )?(?:hội nghị|cuộc họp|buổi)|diễn biến (?:hội nghị|cuộc họp)/iu;
/** A contact line ("đồng chí …, số ĐT: 0904…"). */
const CONTACT_RE = /(?:số\s+)?(?:ĐT|điện thoại|Điện thoại)\s*[:.]?\s*\d{3,}/u;
/** A time given by an event or by reference to another document: "Kết thúc cuộc bầu cử, …", "theo các mốc thời gian tại Quyết định …". */
const EVENT_TIME_RE = /(?<![\p{L}])(?:kết thúc|sau khi|trước khi|ngay sau|sau mỗi|trước mỗi|khi kết thúc)(?![\p{L}])[^.;]{0,80}|(?<![\p{L}])theo (?:các )?(?:mốc thời gian|thời gian|tiến độ|thời hạn)[^.;]{0,30}?(?:tại|theo|của)\s+(?:Quyết định|Kế hoạch|Công văn|Nghị quyết|Thông báo|Hướng dẫn|Chỉ thị)[^.;]{0,60}/iu;
const PURPOSE_RE = /(?<![\p{L}])để\s+(?:tổng hợp\s*,?\s*(?:và\s+)?)?$/iu;
const CONSOLIDATE_RE = /(?<![\p{L}])(?<!để\s+)tổng\s+hợp(?![\p{L}])/iu;
const ON_DEMAND_RE = /(?<![\p{L}])(?:đột xuất|khi có yêu cầu|theo yêu cầu)(?![\p{L}])/iu;
const LABEL_RE = /^[ \t]*(?:[-+•*–]|\d+(?:\.\d+)*[.)-]|[a-zđ]\)|[IVX]+\.|[A-Z]\.)[ \t]*/u;

function isBoundaryNewline(text: string, i: number, soft: boolean): boolean {
  // A hard wrap inside a paragraph continues the clause; a blank line, a line after ". ; :",
  // or a labelled line starts a new one.
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r' || (soft && text[j] === '\n'))) j--;
  const prev = text[j] ?? '\n';
  if (prev === '\n' || /[.;:]/.test(prev)) return true;
  let k = i + 1;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k++;
  if (text[k] === '\n') {
    // PDF text with a blank line after every line (the 01-CTr/TU file): a blank line is a wrap.
    if (!soft) return true;
    while (k < text.length && /\s/.test(text[k])) k++;
  }
  return /^(?:[-+•*–]\s|\d+(?:\.\d+)*[.)-]\s|[a-zđ]\)\s|[IVX]+\.\s|[A-Z]\.\s)/u.test(text.slice(k, k + 12));
}

/** The clause around `pos`: bounded by ";", ". ", "|", a TAB (a Word table row pasted as text) and paragraph breaks (bounded look-around). */
export function clauseAround(text: string, pos: number, soft = false, limit = 700): Span {
  let start = Math.max(0, pos - limit);
  for (let i = pos - 1; i >= Math.max(0, pos - limit); i--) {
    const c = text[i];
    if (c === ';' || c === '|' || c === '\t' || (c === '.' && /\s/.test(text[i + 1] ?? ' ') && !/\d/.test(text[i - 1] ?? ''))) { start = i + 1; break; }
    if (c === '\n' && isBoundaryNewline(text, i, soft)) { start = i + 1; break; }
    if (i === 0) start = 0;
  }
  let end = Math.min(text.length, pos + limit);
  for (let i = pos; i < Math.min(text.length, pos + limit); i++) {
    const c = text[i];
    if (c === ';' || c === '|' || c === '\t' || (c === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1])) && !/\d/.test(text[i + 1] ?? ''))) { end = i + (c === '.' ? 1 : 0); break; }
    if (c === '\n' && isBoundaryNewline(text, i, soft)) { end = i; break; }
    if (i === text.length - 1) end = text.length;
  }
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

function inside(pos: number, s: Span | undefined): boolean {
  return !!s && pos >= s.start && pos < s.end;
}

/** The deepest outline item containing `pos` (items in document order; parents before children). */
function itemAt(items: readonly OutlineItem[], pos: number): number {
  let lo = 0, hi = items.length - 1, last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start <= pos) { last = mid; lo = mid + 1; } else hi = mid - 1;
  }
  for (let i = last; i >= 0; i = items[i].parent) {
    if (pos < items[i].end) return i;
    if (items[i].parent === i) break;
  }
  return -1;
}

/** A run of agency mentions joined by ", " / " và " starting at the first one. */
function joinRun(text: string, refs: AgencyRef[], from: number): Spanned | undefined {
  const first = refs[from];
  if (!first) return undefined;
  let end = first.end;
  for (let i = from + 1; i < refs.length; i++) {
    if (!/^\s*(?:,|và|;)?\s*$/u.test(text.slice(end, refs[i].start))) break;
    end = refs[i].end;
  }
  // The name reader may run on into the object ("Ban Bí thư kết quả"): stop there.
  const tail = /\s+(?:kết quả|tình hình|tiến độ|về|việc)(?![\p{L}])/iu.exec(text.slice(first.start, end));
  if (tail && tail.index > 0) end = first.start + tail.index;
  return { start: first.start, end, value: text.slice(first.start, end).replace(/\s+/g, ' ') };
}

/** Whether a "báo cáo" at `at` assigns a duty (not a noun, a document type or a list entry). */
function isDutyWord(doc: PlanDocument, at: number, len: number): boolean {
  const text = doc.text;
  const word = text.slice(at, at + len);
  if (inside(at, doc.recipients)) return false;
  if (word === word.toLocaleUpperCase('vi')) return false; // "CHẾ ĐỘ BÁO CÁO" heading
  const after = text.slice(at + len, at + len + 12);
  if (NOUN_AFTER_RE.test(after) || /^\s*(?:số|:)/iu.test(after) || /^\s*\)/u.test(after)) return false;
  const before = text.slice(Math.max(0, at - 24), at);
  if (/\(\s*$/u.test(before)) return false; // "(báo cáo)" in Nơi nhận
  if (NOUN_BEFORE_RE.test(before)) return false;
  // "Báo cáo" capitalised in mid-sentence is a document's title ("theo Báo cáo chính trị").
  if (word[0] === 'B' && /[\p{Ll},]\s*$/u.test(before)) return false;
  for (const c of doc.citations) if (c.typeWord && at >= c.typeWord.start && at < c.typeWord.end) return false;
  return true;
}

/** The agency heading the paragraph: "3. Giao Sở Nội vụ …", "1. Sở Công Thương" + bullets. */
function paragraphSubject(doc: PlanDocument, clauseStart: number, lineIdx: (pos: number) => number): AgencyRef | undefined {
  const text = doc.text;
  const lines = doc.lines;
  let li = lineIdx(clauseStart);
  // Walk back to the first line of the paragraph (a labelled line or one after a full stop).
  for (let n = 0; n < 30 && li > 0; n++) {
    const line = lines[li];
    if (LABEL_RE.test(line.text) && /\S/.test(line.text) && line.text.trim().length > 1) break;
    const prev = lines[li - 1].text.trimEnd();
    if (prev === '' && !/^\s*\p{Ll}/u.test(line.text)) break;
    if (/[.:]$/.test(prev)) break;
    li--;
  }
  const first = lines[li];
  const label = LABEL_RE.exec(first.text);
  const bodyStart = first.start + (label ? label[0].length : 0);
  const lead = /^(?:Giao|Đề nghị|Yêu cầu|Giao cho)\s+/u.exec(text.slice(bodyStart, bodyStart + 12));
  const s0 = bodyStart + (lead ? lead[0].length : 0);
  const refs = findAgencyMentions(text.slice(s0, Math.min(first.end + 200, s0 + 240)), s0);
  if (refs[0] && refs[0].start <= s0 + 1) return refs[0];
  // No subject: the nearest numbered heading above, when it is an agency ("2. Sở Nội vụ").
  const isBullet = /^[ \t]*[-+•*–]/u.test(first.text) || !label;
  if (!isBullet) return undefined;
  for (let k = li - 1, n = 0; k >= 0 && n < 80; k--, n++) {
    const t = lines[k].text;
    const hl = /^[ \t]*(?:\d+(?:\.\d+)*[.)-]|[IVX]+\.|[A-Z]\.)[ \t]+/u.exec(t);
    if (!hl) continue;
    const titleStart = lines[k].start + hl[0].length;
    const title = t.slice(hl[0].length).replace(/[.:\s]+$/u, '');
    const r = findAgencyMentions(title, titleStart);
    if (r[0] && r[0].start === titleStart && r[0].end - titleStart >= title.length - 2) return r[0];
    return undefined;
  }
  return undefined;
}

/** The appendix-table cell holding `pos`, with its row's time cell. */
function tableCellAt(doc: PlanDocument, pos: number): { cell: TableCell; role?: ColumnRole; time?: TableCell } | undefined {
  for (const t of doc.tables) {
    if (pos < t.start || pos >= t.end) continue;
    const timeCol = t.columns.findIndex((c) => c.role === 'time');
    for (const row of t.rows) {
      if (pos < row.start || pos >= row.end) continue;
      const ci = row.cells.findIndex((c) => pos >= c.start && pos < c.end);
      const cell = row.cells[ci];
      if (!cell) return undefined;
      const role = t.columns[ci]?.role;
      const src = row.continues !== undefined ? t.rows[row.continues] ?? row : row;
      const time = timeCol >= 0 ? (row.cells[timeCol]?.text.trim() ? row.cells[timeCol] : src.cells[timeCol]) : undefined;
      return { cell, role, ...(time && time.text.trim() ? { time } : {}) };
    }
  }
  return undefined;
}

/** Reporting duties: who reports to whom, and when (or no time at all). */
export function findReportingClauses(doc: PlanDocument): ReportingClause[] {
  const out: ReportingClause[] = [];
  const text = doc.text;
  if (!text) return out;
  const contextYear = doc.header.date?.year;
  const lineStarts = doc.lines;
  const lineIdx = (pos: number): number => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid].start <= pos) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  // Text pasted from PDF with a blank line after every line: blank lines are wraps, not paragraphs.
  const blank = doc.lines.filter((l) => l.contentStart === l.end).length;
  const soft = doc.lines.length > 20 && blank > doc.lines.length * 0.35;
  let lastClauseEnd = -1;
  BAO_CAO_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BAO_CAO_RE.exec(text)) !== null) {
    if (m.index < lastClauseEnd) continue;
    const rc = (() => {
      try {
        return clauseAt(doc, m, soft, contextYear, lineIdx);
      } catch {
        return undefined; // a helper's bug must not take the whole parse down
      }
    })();
    if (rc === undefined) { lastClauseEnd = m.index + m[0].length; continue; }
    lastClauseEnd = Math.max(rc.end, m.index + m[0].length);
    if (rc.keep) out.push(rc.clause);
  }
  return out;
}

/** The clause around one "báo cáo"; keep=false when it assigns no duty. */
function clauseAt(
  doc: PlanDocument, m: RegExpExecArray, soft: boolean, contextYear: number | undefined, lineIdx: (pos: number) => number,
): { end: number; keep: boolean; clause: ReportingClause } {
  const text = doc.text;
  const skip = (end: number) => ({ end, keep: false, clause: { start: 0, end: 0, raw: '', consolidates: false, item: -1 } });
  {
    const cell = tableCellAt(doc, m.index);
    const clause = cell ? { start: cell.cell.start, end: cell.cell.end } : clauseAround(text, m.index, soft);
    const ctext = text.slice(clause.start, clause.end);
    if (EVENT_RE.test(ctext)) return skip(clause.end);
    // Every "báo cáo" of the clause: the duty is the first that is a verb.
    const words: { at: number; len: number; purpose: boolean }[] = [];
    const re = /(?<![\p{L}])báo\s+cáo(?![\p{L}])/giu;
    let w: RegExpExecArray | null;
    while ((w = re.exec(ctext)) !== null) {
      const at = clause.start + w.index;
      if (!isDutyWord(doc, at, w[0].length)) continue;
      words.push({ at, len: w[0].length, purpose: PURPOSE_RE.test(text.slice(Math.max(clause.start, at - 30), at)) });
    }
    if (words.length === 0) return skip(clause.end);
    // A table cell that names a product ("| Báo cáo thực hiện |", "Các Báo cáo thực hiện"), or a
    // product or time column.
    if (cell && /^(?:các\s+)?báo\s+cáo/iu.test(ctext.trim())) return skip(clause.end);
    if (cell && (cell.role === 'product' || cell.role === 'time')) return skip(clause.end);
    // A cell of a Word table pasted as TAB-separated text that names a product ("Báo cáo kết quả …").
    if (!cell && (text[clause.start - 1] === '\t' || text[clause.end] === '\t') && /^(?:các\s+)?báo\s+cáo/iu.test(ctext)) return skip(clause.end);
    if (!cell && notADuty(doc, clause, words[0].at)) return skip(clause.end);

    const duty = words.find((x) => !x.purpose) ?? words[0];
    const purpose = words.find((x) => x.purpose);
    const mentions = findAgencyMentions(ctext, clause.start);

    // via: "(qua Sở Nội vụ …)", or "gửi (về) X … để tổng hợp, báo cáo" / "báo cáo … về X … để tổng hợp".
    let via: Spanned | undefined;
    const viaCue = /(?<![\p{L}])(?:qua|gửi\s+về|gửi|về)\s+$/iu;
    for (let i = 0; i < mentions.length; i++) {
      const r = mentions[i];
      const cue = viaCue.exec(text.slice(Math.max(clause.start, r.start - 10), r.start));
      if (!cue) continue;
      const isQua = /^qua/iu.test(cue[0]);
      if (isQua || (purpose && r.start < purpose.at)) {
        via = joinRun(text, mentions, i);
        break;
      }
    }
    // recipient: the agencies right after the duty's "báo cáo" (or after "với"/"lên"/"cho"); with a
    // purpose ("để tổng hợp, báo cáo UBND tỉnh") the final recipient is the purpose's.
    const target = purpose && via ? purpose : duty;
    let recipient: Spanned | undefined;
    for (let i = 0; i < mentions.length; i++) {
      const r = mentions[i];
      if (r.start < target.at + target.len) continue;
      const gap = text.slice(target.at + target.len, r.start);
      if (/^\s*(?:(?:kết quả|tình hình|tiến độ)[^,;]{0,40}?\s+)?(?:với|lên|cho|về)?\s*$/iu.test(gap)) {
        if (via && r.start >= via.start && r.start < via.end) continue;
        recipient = joinRun(text, mentions, i);
      }
      break;
    }
    // reporter: an agency before the duty in the clause (not the via, not an object of "tham mưu"),
    // else the paragraph's subject or its agency heading.
    let reporter: AgencyRef | undefined;
    for (const r of mentions) {
      if (r.start >= duty.at) break;
      if (via && r.start >= via.start && r.start < via.end) continue;
      const pre = text.slice(Math.max(clause.start, r.start - 14), r.start);
      if (/(?:tham mưu|giúp|với|cho|đề xuất|qua|về|gửi|thuộc|của|Chủ tịch|Thủ trưởng)\s*$/iu.test(pre)) continue;
      reporter = r;
      break;
    }
    if (!reporter) reporter = paragraphSubject(doc, clause.start, lineIdx);

    // Time: the clause up to a purpose ("… trước ngày 10/12 để tổng hợp, báo cáo …").
    const timeEnd = purpose && purpose.at > duty.at ? text.lastIndexOf('để', purpose.at) : clause.end;
    const tEnd = timeEnd > clause.start ? timeEnd : clause.end;
    // In a table row the time is the row's time cell.
    const time = cell
      ? (cell.time ? parseTimeExpression(text.slice(cell.time.start, cell.time.end), cell.time, doc.dates, contextYear) : undefined)
      : parseTimeExpression(text.slice(clause.start, tEnd), { start: clause.start, end: tEnd }, doc.dates, contextYear);

    const timeOrElse = time ?? timeFromContext(doc, clause, cell?.time);
    const before = text.slice(clause.start, duty.at + duty.len + 1);
    const consolidates = CONSOLIDATE_RE.test(before) && !(via && purpose);
    const rc: ReportingClause = {
      start: clause.start,
      end: clause.end,
      raw: ctext,
      consolidates,
      item: itemAt(doc.items, duty.at),
    };
    if (reporter) rc.reporter = reporter;
    if (recipient) rc.recipient = recipient;
    if (via) rc.via = via;
    if (timeOrElse) rc.time = timeOrElse;
    return { end: clause.end, keep: true, clause: rc };
  }
}

/**
 * A "báo cáo" that assigns no reporting duty by where it stands: a product field ("- Kết quả: Báo
 * cáo …"), a contact line, an item of the Mục đích / Yêu cầu / Mục tiêu parts or of an activity's
 * topics ("Nội dung kiểm tra"), a step of a meeting's agenda ("Trình tự tổ chức hội nghị: … Báo cáo
 * về số cử tri có mặt").
 */
function notADuty(doc: PlanDocument, clause: Span, at: number): boolean {
  const text = doc.text;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (PRODUCT_FIELD_RE.test(text.slice(lineStart, at))) return true;
  if (CONTACT_RE.test(text.slice(clause.start, clause.end))) return true;
  for (let i = itemAt(doc.items, at), guard = 0; i >= 0 && guard < 64; i = doc.items[i].parent, guard++) {
    const it = doc.items[i];
    const k = it.sectionKind;
    if (k === 'purpose' || k === 'requirements' || k === 'purpose-requirements' || k === 'objectives') return true;
    if (isFrameTitle(it.title.value) || isTopicsTitle(it.title.value)) return true;
    if (AGENDA_RE.test(it.title.value)) return true; // "3. Trình tự tổ chức hội nghị" + its steps
  }
  return headingsAbove(doc, lineStart, 2).some((h) => AGENDA_RE.test(h));
}

/** The nearest lines above `pos` that read as headings: capitals, ending with ":", or bold Markdown. */
function headingsAbove(doc: PlanDocument, pos: number, count: number): string[] {
  const out: string[] = [];
  const text = doc.text;
  let e = pos - 1;
  for (let n = 0; e > 0 && n < 30 && out.length < count; n++) {
    const s = text.lastIndexOf('\n', e - 1) + 1;
    const line = text.slice(s, e).trim();
    e = s - 1;
    if (!line) continue;
    const letters = line.replace(/[^\p{L}]/gu, '');
    if (/:\s*\**$/u.test(line) || /^\*\*.*\*\*$/u.test(line) || (letters.length >= 4 && letters === letters.toLocaleUpperCase('vi'))) out.push(line);
  }
  return out;
}

/** Where an item's subtree ends (its last descendant's end). */
function subtreeEnd(doc: PlanDocument, i: number): number {
  let it = doc.items[i];
  let end = Math.max(it.end, it.body.end);
  for (let guard = 0; it.children.length && guard < 64; guard++) {
    it = doc.items[it.children[it.children.length - 1]];
    end = Math.max(end, it.end, it.body.end);
  }
  return end;
}

/** The time of each outline task by its item (built once per document: clauses are many). */
const TIMED = new WeakMap<PlanDocument, Map<number, TimeExpression>>();
function timedTasks(doc: PlanDocument): Map<number, TimeExpression> {
  let m = TIMED.get(doc);
  if (!m) {
    m = new Map();
    for (const t of doc.tasks) if (t.source === 'outline' && t.item !== undefined && t.time && !m.has(t.item)) m.set(t.item, t.time);
    TIMED.set(doc, m);
  }
  return m;
}

/**
 * A time for a clause that gives none itself: the event or document it is timed by ("Kết thúc cuộc
 * bầu cử, …", "theo các mốc thời gian tại Quyết định …"), its task's "Thời gian hoàn thành:" field, or
 * a "Thời gian/Thời hạn/Định kỳ …" line right after it.
 */
function timeFromContext(doc: PlanDocument, clause: Span, timeCell?: TableCell): TimeExpression | undefined {
  const text = doc.text;
  for (const span of [clause, timeCell].filter((x): x is Span => !!x)) {
    const m = EVENT_TIME_RE.exec(text.slice(span.start, span.end));
    if (m) return { start: span.start + m.index, end: span.start + m.index + m[0].length, raw: m[0], kind: 'deadline' };
  }
  const item = itemAt(doc.items, clause.start);
  if (item >= 0) {
    // an item titled by its moment: "b) Trước khi tiến hành kiểm tra: …"
    const title = doc.items[item].title;
    const m = EVENT_TIME_RE.exec(title.value);
    if (m && m.index === 0) return { start: title.start, end: title.end, raw: title.value, kind: 'deadline' };
    // a heading that names the report ("1.2. Báo cáo kết quả Hội nghị") whose body gives when
    // ("- Gửi biên bản … ngay sau khi kết thúc hội nghị", "… chậm nhất ngày 03/02/2026")
    const it = doc.items[item];
    const treeEnd = subtreeEnd(doc, item);
    if (clause.start >= it.start && clause.end <= title.end + 1 && treeEnd > title.end) {
      const bodyEnd = Math.min(treeEnd, title.end + 400);
      const body = text.slice(title.end, bodyEnd);
      const ev = EVENT_TIME_RE.exec(body);
      if (ev) return { start: title.end + ev.index, end: title.end + ev.index + ev[0].length, raw: ev[0], kind: 'deadline' };
      const tm = parseTimeExpression(body, { start: title.end, end: bodyEnd }, doc.dates, doc.header.date?.year);
      if (tm && tm.kind !== 'continuous' && !(tm.kind === 'period' && tm.period === 'regular')) return tm;
    }
    const parent = doc.items[item].parent;
    const timed = timedTasks(doc);
    const time = timed.get(item) ?? (parent >= 0 ? timed.get(parent) : undefined);
    if (time) return time;
  }
  // the next line: "Thời gian thực hiện: Quý I/2026", "Định kỳ hằng quý …"
  let s = clause.end;
  while (s < text.length && text[s] !== '\n') s++;
  const e = text.indexOf('\n', s + 1);
  const next = text.slice(s + 1, e < 0 ? text.length : e);
  const m = /^[\s\-+•*–\\]*(?:Thời gian|Thời hạn|Kỳ báo cáo|Định kỳ|Hằng|Hàng)[^\n]*/u.exec(next);
  if (m) {
    const at = s + 1 + (m[0].length - m[0].trimStart().length);
    const tm = parseTimeExpression(m[0].trim(), { start: at, end: at + m[0].trim().length }, doc.dates, doc.header.date?.year);
    if (tm && tm.kind !== 'continuous' && !(tm.kind === 'period' && tm.period === 'regular')) return tm;
  }
  return undefined;
}

/** An ad-hoc report ("báo cáo đột xuất khi có yêu cầu"): due when asked, no calendar deadline. */
export function isOnDemand(c: ReportingClause): boolean {
  return ON_DEMAND_RE.test(c.raw);
}
