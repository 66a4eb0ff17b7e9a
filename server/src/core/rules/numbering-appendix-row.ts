// KH105: task rows of an appendix table are numbered in sequence. Rows pasted without their TT
// cell (eight of them in the 147/KH-UBND appendix, between 4 and 13) cannot be cited ("nhiệm vụ
// số 5 tại Phụ lục") and hide whether a row was lost. Rows whose cells were merged with the row
// above (see TableRow.continues) and group rows ("I. | Nâng cao …") are not numbered tasks.

import type { AppendixTable, PlanDocument, TableRow } from '../model';
import type { Edit, Rule } from '../rule';
import { t } from '../i18n';
import { lineIndexAt } from '../text/lines';

function numberOf(r: TableRow): number | undefined {
  const v = r.index?.value.replace(/\.$/, '');
  return v && /^\d{1,4}$/.test(v) ? Number(v) : undefined;
}

function insertNumber(doc: PlanDocument, table: AppendixTable, row: TableRow, n: number): Edit {
  if (table.layout === 'pipe') return { start: row.start, end: row.start, text: `${n} ` };
  // one cell per line: the TT cell is a line of its own before the content
  const line = doc.lines[lineIndexAt(doc.lines, row.start)];
  const eol = /\r\n/.test(doc.text) ? '\r\n' : /\r/.test(doc.text) && !/\n/.test(doc.text) ? '\r' : '\n';
  return { start: line.start, end: line.start, text: `${n}${eol}` };
}

export const numberingAppendixRow: Rule = {
  id: 'KH105',
  alias: 'appendix-row-number',
  category: 'numbering',
  defaultSeverity: 'warning',
  fixable: true,
  description: t('Dòng nhiệm vụ trong bảng phụ lục thiếu số thứ tự hoặc đánh số không liên tục', 'An appendix task row has no number, or the rows are not numbered in sequence'),
  rationale: t(
    'Mỗi nhiệm vụ trong phụ lục cần một số thứ tự (cột TT) để được viện dẫn và theo dõi; số phải liên tục. ' +
      'Dòng thiếu số thường do dán bảng từ Word làm mất ô TT. Sửa: điền số thứ tự còn thiếu.',
    'Each task in an appendix table needs a number (the TT column) so it can be cited and tracked, and the numbers must run in sequence. ' +
      'Rows without one usually lost their TT cell when the table was pasted from Word. Fix: fill in the missing numbers.',
  ),
  check(ctx) {
    const doc = ctx.doc;
    for (const table of doc.tables) {
      if (!table.columns.some((c) => c.role === 'index')) continue;
      const rows = new Set(table.rows.filter((r) => !r.group && r.continues === undefined && !(r.index && /\d\.\d/.test(r.index.value))));
      // numbers expected for unnumbered rows: consistent only if the next numbered row agrees
      let prev: number | undefined;
      let prevRow: TableRow | undefined;
      let pending: TableRow[] = [];
      const flushPending = (next: number | undefined) => {
        const fixable = prev !== undefined && next !== undefined && next === prev + pending.length + 1;
        pending.forEach((r, k) => {
          const n = fixable ? prev! + k + 1 : undefined;
          ctx.report({
            span: { start: r.start, end: Math.min(r.end, doc.lines[lineIndexAt(doc.lines, r.start)].end) },
            message: n !== undefined
              ? t(`Dòng nhiệm vụ trong phụ lục thiếu số thứ tự (số ${n})`, `An appendix task row has no number (it should be ${n})`)
              : t('Dòng nhiệm vụ trong phụ lục thiếu số thứ tự', 'An appendix task row has no number'),
            fixes: n !== undefined ? [{ title: t(`Điền số thứ tự ${n}`, `Insert number ${n}`), edits: [insertNumber(doc, table, r, n)], preferred: true }] : [],
          });
        });
        pending = [];
      };
      for (const r of table.rows) {
        if (r.group) {
          // a group row may restart the numbering at 1
          continue;
        }
        if (!rows.has(r)) continue;
        const n = numberOf(r);
        if (r.index === undefined) { pending.push(r); continue; }
        if (n === undefined) continue;
        const hadPending = pending.length > 0;
        if (hadPending) flushPending(n);
        if (prev !== undefined && prevRow && !hadPending) {
          if (n === prev && r !== prevRow) {
            ctx.report({
              span: r.index,
              message: t(`Số thứ tự ${n} trong phụ lục bị trùng`, `Appendix row number ${n} is used twice`),
              related: [{ message: t('Dòng đã dùng số này', 'The row that already uses this number'), span: prevRow.index ?? prevRow }],
            });
          } else if (n > prev + 1) {
            ctx.report({
              span: r.index,
              message: t(`Số thứ tự trong phụ lục bị bỏ sót: sau ${prev} là ${n}`, `Appendix row numbers skip: ${n} follows ${prev}`),
              related: [{ message: t('Dòng đứng trước', 'The previous row'), span: prevRow.index ?? prevRow }],
            });
          }
        }
        prev = n;
        prevRow = r;
      }
      if (pending.length) flushPending(undefined);
    }
  },
};
