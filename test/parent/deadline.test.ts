// Deadlines in parents and plans: a cue (OCR-tolerant) and a date read by the parser's date reader
// (parse/dates.ts), so a parent deadline and a plan's time cell read dates the same way.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CORPUS } from '../helpers';
import { parsePlan } from '../../server/src/core/parse';
import { findDeadlines } from '../../server/src/core/parent/deadline';
import { tableTasks } from '../../server/src/core/parent/extract';

const ymd = (d: { date: { year: number; month: number; day: number } }) => `${d.date.day}/${d.date.month}/${d.date.year}`;

describe('parent deadlines (the parser’s dates)', () => {
  it('real clauses: the last day a month, quarter or year allows; OCR’d cues; a date without a cue is no deadline', () => {
    // laocai_34-nq-tu_2025_ocr.txt and laocai_134 (test/fixtures/corpus/README.md).
    assert.deepStrictEqual(findDeadlines('quyết đề tô chức thực hiện (hoàn thành trong tháng 01/2026).').map(ymd), ['31/1/2026']);
    assert.deepStrictEqual(findDeadlines('quy hoạch, hoàn thành trong quý IV năm 2026. Việc di dời').map(ymd), ['31/12/2026']);
    assert.deepStrictEqual(findDeadlines('báo cáo UBND tỉnh trước ngày 29 tháng 02 năm 2024; tỷ lệ 1/3 số xã hoàn thành trong Quý I/2021.').map(ymd), ['29/2/2024', '31/3/2021']);
    assert.deepStrictEqual(findDeadlines('hoàn thiện hồ sơ frong Quý 1/2026').map(ymd), ['31/3/2026']);
    assert.deepStrictEqual(findDeadlines('triển khai từ 01/01/2026 trên toàn tỉnh'), []);
    assert.deepStrictEqual(findDeadlines('trước ngày 31/02/2026'), [], 'no such day');
  });

  it('a plan’s time cell is read by the parser’s time reader: "12/2025" and "2025-2026" are deadlines', () => {
    const plan = parsePlan(fs.readFileSync(path.join(CORPUS, 'chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt'), 'utf8'));
    const rows = tableTasks(plan).filter((r) => r.deadline && /^\d{1,2}\/\d{4}$/.test(r.deadline.raw.trim()));
    assert.ok(rows.length >= 10, `${rows.length} rows with a month/year time cell`);
    // A range of years ends with its last year, as the parser reads a time column (parse/time.ts).
    const ranges = tableTasks(plan).filter((r) => r.label === 'PL2.47' || r.label === 'PL2.72').map((r) => `${r.label} ${r.deadline?.raw} ${r.deadline && ymd(r.deadline)}`);
    assert.deepStrictEqual(ranges, ['PL2.47 2025 - 2026 31/12/2026', 'PL2.72 2025-2026 31/12/2026']);
    for (const r of rows) {
      const [m, y] = r.deadline!.raw.trim().split('/').map(Number);
      assert.strictEqual(r.deadline!.date.year, y);
      assert.strictEqual(r.deadline!.date.month, m);
    }
  });
});
