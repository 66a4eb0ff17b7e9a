// Appendix tables, as drafters paste them:
//  - from Word, one cell per line: "TT" / "Nội dung nhiệm vụ" / "Cơ quan chủ trì" / … then rows
//    (a number line, the content, the lead, coordinators as "- …" lines, the time). Merged cells
//    are pasted once, so a row whose lead/time cells are merged with the row above arrives as a
//    bare content line (147/KH-UBND appendix); such rows point at the row they continue.
//  - as pipe tables: "TT | Tên nhiệm vụ | Cơ quan chủ trì | …", group rows "I. | Nâng cao … | | |".

import { stripEnds } from './numbering';
import { collapseSpaces } from '../text/spaces';
import type { AppendixTable, ColumnRole, Line, PlanDocument, Spanned, TableCell, TableColumn, TableRow } from '../model';

const cache = new WeakMap<PlanDocument, AppendixTable[]>();

/** Appendix tables: pasted one cell per line, or as pipe tables. */
export function parseTables(doc: PlanDocument): AppendixTable[] {
  return tablesOf(doc);
}

/** The tables of a document, computed once (the outline asks first, to skip table lines). */
export function tablesOf(doc: PlanDocument): AppendixTable[] {
  let t = cache.get(doc);
  if (!t) {
    try {
      t = detectTables(doc.text, doc.lines);
    } catch {
      t = []; // never let a malformed paste take the parse down
    }
    cache.set(doc, t);
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Column headers

const HEADER_ROLES: [RegExp, ColumnRole][] = [
  [/^(s\.?\s*tt|tt|số\s*tt|stt)\.?$/i, 'index'],
  [/phối\s*hợp/i, 'coordinators'],
  [/chủ\s*trì|thực\s*hiện\s*chính|cơ\s*quan\s*thực\s*hiện|đơn\s*vị\s*thực\s*hiện/i, 'lead'],
  [/^(thời\s*gian|thời\s*hạn|tiến\s*độ|mốc\s*thời\s*gian)/i, 'time'],
  [/^(sản\s*phẩm|kết\s*quả\s*(đầu\s*ra|dự\s*kiến)?|hình\s*thức\s*văn\s*bản)/i, 'product'],
  [/^(nội\s*dung|tên\s*nhiệm\s*vụ|nhiệm\s*vụ|tên\s*(đề\s*án|dự\s*án|văn\s*bản)|chỉ\s*tiêu|hoạt\s*động|công\s*việc)/i, 'content'],
  [/^(ghi\s*chú|đơn\s*vị(\s*tính)?|kinh\s*phí|nguồn\s*(kinh\s*phí|vốn)|cấp\s*trình|cấp\s*ban\s*hành)/i, 'other'],
];

export function columnRole(header: string): ColumnRole | undefined {
  const h = collapseSpaces(header.replace(/[*_#]/g, ''));
  if (h.length === 0 || h.length > 60) return undefined;
  for (const [re, role] of HEADER_ROLES) if (re.test(h)) return role;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Cell classification for one-cell-per-line tables

const INDEX_LINE = /^(\d{1,3}(?:\.\d{1,2})*)\.?$/;
const ROMAN_LINE = /^([IVX]{1,5})\.?$/;
const TIME_LINE = /^(hằng|hàng)\s+(năm|quý|tháng|tuần)|^thường\s*xuyên|^liên\s*tục|^định\s*kỳ|^(trong\s+)?(năm|quý|tháng)\s+[\dIVX]|^quý\s+[IVX\d]|^trước\s+(ngày|tháng|quý|năm)|^\d{1,2}\/\d{4}$|^(19|20)\d\d(\s*[-–]\s*(19|20)\d\d)?$|^giai\s*đoạn\s+\d|^(từ|đến)\s+(năm|tháng|quý)|^theo\s+(kế\s*hoạch|tiến\s*độ)/i;
const AGENCY_START = /^(Sở|Ban|Bộ|Công an|UBND|Ủy ban|Uỷ ban|Các|Thanh tra|Báo|Đài|Văn phòng|Hội|Liên|Trường|Trung tâm|Cục|Chi cục|Kho bạc|Ngân hàng|Tỉnh đoàn|Đoàn|Mặt trận|Viện|Tòa|Cổng|Bảo hiểm|Đảng|Huyện|Thành|Cơ quan|Chính phủ|Thủ tướng|VTV|VOV|TTXVN|HĐND|Hội đồng|Kiểm toán|Tổng cục|Tập đoàn|Tổng công ty|Công ty|Lực lượng|Bộ Chỉ huy|Bộ đội)(?=[\s,;.:]|$)/u;

function isTimeCell(s: string): boolean {
  return s.length <= 60 && TIME_LINE.test(s);
}

function isAgencyCell(s: string): boolean {
  if (s.length > 110) return false;
  if (!AGENCY_START.test(s)) return false;
  // A task sentence ends with a full stop and runs long; a cell naming agencies does not.
  const words = s.split(/\s+/).length;
  return words <= 18 && !/[.!?]$/.test(s.replace(/\.\.\.$/, ''));
}

function cleanCell(s: string): string {
  return collapseSpaces(s);
}

interface Work {
  start: number;
  end: number;
  index?: Spanned<string>;
  cells: Map<ColumnRole | number, TableCell>;
  group: boolean;
  continues?: number;
  /** The row has received a cell after its content (lead, coordinators, time …). */
  rest: boolean;
}

function extend(cells: Map<ColumnRole | number, TableCell>, key: ColumnRole | number, line: Line, text: string): void {
  const from = line.contentStart;
  const to = line.start + line.text.trimEnd().length;
  const prev = cells.get(key);
  if (prev) {
    // coordinators keep one agency line per line ("- Các sở, ban, ngành;" / "- UBND huyện …")
    prev.text = prev.text + (key === 'coordinators' ? '\n' : ' ') + cleanCell(text.slice(from, to));
    prev.end = to;
  } else {
    cells.set(key, { start: from, end: to, text: cleanCell(text.slice(from, to)) });
  }
}

function finish(w: Work, columns: TableColumn[]): TableRow {
  const cells: TableCell[] = columns.map((c, i) => {
    const cell = w.cells.get(c.role === 'other' ? i : c.role);
    return cell ?? { start: w.start, end: w.start, text: '' };
  });
  const row: TableRow = { start: w.start, end: w.end, cells, group: w.group };
  if (w.index) row.index = w.index;
  if (w.continues !== undefined) row.continues = w.continues;
  return row;
}

function stripMarkup(s: string): string {
  return stripEnds(stripEnds(s, ' *_#', 'start'), ' *_', 'end');
}

/** A line that ends a table: a new appendix, footnotes ("[1] …"), Nơi nhận, a signature. */
function endsTable(s: string): boolean {
  return /^(PHỤ\s*LỤC|\[\d+\]|N[ơo]i\s+nh[ậâa]n|TM\.|KT\.|T\/M)/u.test(s);
}

function parseCellPerLine(text: string, lines: Line[], headerLine: number): { table: AppendixTable; lastLine: number } | undefined {
  // Header cells: "TT" then known column names, one per line (blank lines allowed between).
  const columns: TableColumn[] = [{ header: stripMarkup(lines[headerLine].text), role: 'index' }];
  let i = headerLine + 1;
  for (; i < lines.length && columns.length < 10; i++) {
    const s = stripMarkup(lines[i].text);
    if (s === '') continue;
    const role = columnRole(s);
    if (!role || role === 'index') break;
    columns.push({ header: s, role });
  }
  if (columns.length < 3 || !columns.some((c) => c.role === 'content')) return undefined;
  const has = (r: ColumnRole) => columns.some((c) => c.role === r);
  const order = columns.map((c) => c.role);
  const pos = (r: ColumnRole) => order.indexOf(r);

  const rows: TableRow[] = [];
  let cur: Work | undefined;
  let pending: Line[] = []; // bare content lines after a complete row (see the header comment)
  let lastLine = i - 1;
  const open = (line: Line): Work => ({ start: line.contentStart, end: line.start + line.text.trimEnd().length, cells: new Map(), group: false, rest: false });
  const flush = () => {
    if (cur) pushRow(finish(cur, columns));
    cur = undefined;
  };
  // rows[] only grows; remember the last row that is not a continuation (keeps this linear)
  let lastOwn = -1;
  const pushRow = (r: TableRow) => {
    if (r.continues === undefined) lastOwn = rows.length;
    rows.push(r);
  };
  const lastComplete = () => lastOwn;
  // Bare content lines: all but the last continue the previous row (merged cells); the last
  // one opens the row whose lead/coordinators/time follow — unless `keepLast` is false.
  const resolvePending = (keepLast: boolean): Work | undefined => {
    const lines_ = keepLast ? pending.slice(0, -1) : pending;
    const base = lastComplete();
    for (const l of lines_) {
      const w = open(l);
      extend(w.cells, 'content', l, text);
      if (base >= 0) w.continues = base;
      pushRow(finish(w, columns));
    }
    const last = keepLast ? pending[pending.length - 1] : undefined;
    pending = [];
    if (!last) return undefined;
    const w = open(last);
    extend(w.cells, 'content', last, text);
    return w;
  };

  for (; i < lines.length; i++) {
    const line = lines[i];
    const s = stripMarkup(line.text);
    if (s === '') continue;
    if (endsTable(s) || s.includes(' | ')) break;
    lastLine = i;
    const lineEnd = line.start + line.text.trimEnd().length;
    const idx = INDEX_LINE.exec(s);
    const roman = ROMAN_LINE.exec(s);
    if (idx || roman) {
      flush();
      if (pending.length) resolvePending(false);
      const from = line.contentStart;
      cur = open(line);
      cur.index = { start: from, end: from + (idx ? idx[0] : roman![0]).length, value: idx ? idx[1] : roman![1] };
      cur.group = !!roman;
      continue;
    }
    const dash = /^[-–+•]/.test(s);
    const time = isTimeCell(s);
    const agency = !time && (dash || isAgencyCell(s));
    const leadSoFar = cur?.cells.get('lead');
    if (cur && leadSoFar && !cur.cells.has('coordinators') && !time && s.length <= 60 && /(\svà|,|-)$/.test(leadSoFar.text)) {
      extend(cur.cells, 'lead', line, text); // a lead cell wrapped in Word: "Sở Văn hóa, Thể thao và" / "Du lịch"
      cur.end = lineEnd;
      continue;
    }
    if (!time && !agency) {
      // content
      if (cur && !cur.rest && !cur.cells.has('content')) {
        extend(cur.cells, 'content', line, text);
        cur.end = lineEnd;
      } else if (cur && !cur.rest) {
        extend(cur.cells, 'content', line, text); // content spanning lines under one number
        cur.end = lineEnd;
      } else if (cur && cur.rest && has('product') && pos('product') > pos('time') && cur.cells.has('time') && !cur.cells.has('product')) {
        extend(cur.cells, 'product', line, text);
        cur.end = lineEnd;
      } else {
        flush();
        pending.push(line);
      }
      continue;
    }
    if (!cur || (!cur.cells.has('content') && pending.length)) {
      const w = pending.length ? resolvePending(true) : undefined;
      if (!cur) cur = w ?? open(line);
      else if (w) {
        // an index row without content is not expected; keep the content with it
        cur.cells.set('content', w.cells.get('content')!);
      }
    }
    cur.rest = true;
    cur.end = lineEnd;
    if (time) {
      extend(cur.cells, has('time') ? 'time' : 'other', line, text);
      continue;
    }
    // agency-like line: lead first, then coordinators; "- …" lines are coordinators.
    const lead = cur.cells.get('lead');
    if (dash) {
      extend(cur.cells, has('coordinators') ? 'coordinators' : 'lead', line, text);
    } else if (!lead && !cur.cells.has('coordinators') && has('lead')) {
      extend(cur.cells, 'lead', line, text);
    } else if (lead && !cur.cells.has('coordinators') && /(\svà|,|-)$/.test(lead.text)) {
      extend(cur.cells, 'lead', line, text); // "Sở Văn hóa, Thể thao và" / "Du lịch"
    } else {
      extend(cur.cells, has('coordinators') ? 'coordinators' : 'lead', line, text);
    }
  }
  flush();
  if (pending.length) resolvePending(false);
  if (rows.length === 0) return undefined;
  const hdr = lines[headerLine];
  const table: AppendixTable = {
    start: hdr.contentStart,
    end: rows[rows.length - 1].end,
    layout: 'cell-per-line',
    columns,
    rows,
  };
  return { table, lastLine };
}

// ---------------------------------------------------------------------------------------------
// Pipe tables

function splitPipes(line: Line): TableCell[] {
  const cells: TableCell[] = [];
  const t = line.text;
  let from = 0;
  const push = (a: number, b: number) => {
    let s = a, e = b;
    while (s < e && /\s/.test(t[s])) s++;
    while (e > s && /\s/.test(t[e - 1])) e--;
    cells.push({ start: line.start + s, end: line.start + e, text: t.slice(s, e) });
  };
  for (let k = 0; k < t.length; k++) {
    if (t[k] === '|') {
      push(from, k);
      from = k + 1;
    }
  }
  push(from, t.length);
  // A trailing pipe leaves an empty last cell: "a | b |". (A leading one keeps its empty
  // first cell: "| (5) …" has no TT — it continues the row above.)
  if (cells.length > 1 && t.trimEnd().endsWith('|') && cells[cells.length - 1].text === '') cells.pop();
  return cells;
}

/**
 * A row without a number that is a task of its own: besides its content it fills its own lead cell
 * and another cell (product, time, coordinators). A wrapped cell pasted as a new line fills only the
 * content (or nothing but the cell that wrapped).
 */
function ownTaskRow(columns: TableColumn[], cells: TableCell[]): boolean {
  const filled = (role: ColumnRole) => columns.some((c, k) => c.role === role && cells[k]?.text.replace(/[*_]/g, '').trim() !== '');
  if (!filled('content') || !filled('lead')) return false;
  return filled('product') || filled('time') || filled('coordinators');
}

function parsePipe(lines: Line[], headerLine: number): { table: AppendixTable; lastLine: number } | undefined {
  const headerCells = splitPipes(lines[headerLine]);
  const columns: TableColumn[] = headerCells.map((c) => ({ header: c.text, role: columnRole(c.text) ?? 'other' }));
  if (columns[0]?.role !== 'index' || !columns.some((c) => c.role === 'content')) return undefined;
  const rows: TableRow[] = [];
  let lastOwn = -1;
  let lastLine = headerLine;
  for (let i = headerLine + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.text.trim() === '') {
      // a blank line inside a pipe table is tolerated when the next line is a pipe row
      const next = lines[i + 1];
      if (next && next.text.includes('|')) continue;
      break;
    }
    if (!line.text.includes('|')) break;
    if (/^[\s:|-]+$/.test(line.text)) { lastLine = i; continue; } // Markdown separator row
    lastLine = i;
    const raw = splitPipes(line);
    const first = raw[0];
    const cells: TableCell[] = columns.map((_, k) => raw[k] ?? { start: line.start + line.text.trimEnd().length, end: line.start + line.text.trimEnd().length, text: '' });
    const row: TableRow = { start: line.contentStart, end: line.start + line.text.trimEnd().length, cells, group: false };
    const idx = first.text.replace(/[*_]/g, '').trim();
    if (idx !== '') {
      row.index = { start: first.start, end: first.end, value: idx };
      // "I." / "II" group rows head a group of tasks; "A." likewise.
      row.group = /^([IVX]{1,5}|[A-ZĐ])\.?$/.test(idx);
    } else if (lastOwn >= 0 && !ownTaskRow(columns, cells)) {
      // "| (5) …" continues the row above (a cell with a line break, pasted as a new line)
      row.continues = lastOwn;
    }
    if (row.continues === undefined) lastOwn = rows.length;
    rows.push(row);
  }
  if (rows.length === 0) return undefined;
  return { table: { start: lines[headerLine].contentStart, end: rows[rows.length - 1].end, layout: 'pipe', columns, rows }, lastLine };
}

// ---------------------------------------------------------------------------------------------

/** Find every table in the text; `title` is the nearest "PHỤ LỤC …" heading above it. */
export function detectTables(text: string, lines: Line[]): AppendixTable[] {
  const tables: AppendixTable[] = [];
  let appendixTitle: Spanned | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const s = stripMarkup(line.text);
    if (s === '') continue;
    if (/^PHỤ\s*LỤC\b/u.test(s)) {
      const from = line.contentStart;
      appendixTitle = { start: from, end: line.start + line.text.trimEnd().length, value: s };
      continue;
    }
    let found: { table: AppendixTable; lastLine: number } | undefined;
    if (/^(s\.?\s*tt|tt|stt|số\s*tt)\.?\s*\|/i.test(s)) found = parsePipe(lines, i);
    else if (/^(s\.?\s*tt|tt|stt|số\s*tt)\.?$/i.test(s)) found = parseCellPerLine(text, lines, i);
    if (found) {
      if (appendixTitle) found.table.title = appendixTitle;
      tables.push(found.table);
      i = found.lastLine;
    }
  }
  return tables;
}
