// findDates on phrases from the corpus: every form, validity, ND30's leading zeros, and what is
// not a date (document numbers, ratios, year ranges).

import * as assert from 'assert';
import { findDates, lastDayOf, isLeapYear } from '../../server/src/core/parse/dates';
import { corpusFiles, readCorpus } from '../helpers';

function one(text: string) {
  const ds = findDates(text);
  assert.strictEqual(ds.length, 1, `expected one date in ${JSON.stringify(text)}, got ${JSON.stringify(ds.map((d) => d.raw))}`);
  return ds[0];
}

describe('parse/dates findDates', () => {
  it('reads the full form of a header date (134/KH-UBND)', () => {
    const text = '      Số: 134 /KH-UBND                   Lào Cai, ngày 26 tháng 3 năm 2026';
    const d = one(text);
    assert.deepStrictEqual([d.form, d.day, d.month, d.year, d.valid, d.nd30Form], ['full', 26, 3, 2026, true, true]);
    assert.strictEqual(text.slice(d.start, d.end), 'ngày 26 tháng 3 năm 2026');
  });

  it('reads a full date wrapped across a line break (134/KH-UBND preamble)', () => {
    const text = 'Nghị quyết số 34-NQ/TU\nngày 27 tháng 12 năm\n2025 của Ban thường vụ Tỉnh ủy';
    const d = one(text);
    assert.deepStrictEqual([d.form, d.day, d.month, d.year], ['full', 27, 12, 2025]);
  });

  it('judges ND30 leading zeros: days < 10 and months 1–2 take one, other months do not', () => {
    assert.strictEqual(one('Hà Nội, ngày 09 tháng 01 năm 2025').nd30Form, true);
    assert.strictEqual(one('Hà Nội, ngày 9 tháng 01 năm 2025').nd30Form, false);
    assert.strictEqual(one('Hà Nội, ngày 09 tháng 1 năm 2025').nd30Form, false);
    assert.strictEqual(one('Lào Cai, ngày 26 tháng 03 năm 2026').nd30Form, false);
    assert.strictEqual(one('Tuyên Quang, ngày 18 tháng 11 năm 2020').nd30Form, true);
  });

  it('reads numeric dates with / and -, and upper-case trích yếu', () => {
    const d = one('Nghị quyết số 94/NQ-CP ngày 19/6/2024 của Chính phủ');
    assert.deepStrictEqual([d.form, d.raw, d.day, d.month, d.year], ['dmy', '19/6/2024', 19, 6, 2024]);
    assert.deepStrictEqual([one('ký ngày 15-12-2024').form, one('ký ngày 15-12-2024').month], ['dmy', 12]);
    const up = one('NGHỊ QUYẾT SỐ 43-NQ/TW NGÀY 24/11/2023 HỘI NGHỊ LẦN THỨ TÁM');
    assert.strictEqual(up.raw, '24/11/2023');
  });

  it('reads day/month only after a date word, not a bare ratio', () => {
    const d = one('báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ để tổng hợp)  trước ngày 15/12 hằng năm.');
    assert.deepStrictEqual([d.form, d.day, d.month, d.year], ['dm', 15, 12, undefined]);
    assert.strictEqual(findDates('phấn đấu 1/3 số xã đạt chuẩn').length, 0);
    const dm = one('trước ngày 15 tháng 6 và');
    assert.deepStrictEqual([dm.form, dm.day, dm.month], ['dm', 15, 6]);
  });

  it('reads months, quarters and years', () => {
    const my = one('ban hành kế hoạch thực hiện Nghị quyết (rong tháng 01/2026).');
    assert.deepStrictEqual([my.form, my.month, my.year], ['my', 1, 2026]);
    assert.deepStrictEqual([one('trong tháng 01 năm 2025.').form, one('trong tháng 01 năm 2025.').month], ['my', 1]);
    const q = one('Thời gian hoàn thành dự thảo đề án: Quý I/2021');
    assert.deepStrictEqual([q.form, q.quarter, q.year], ['quarter', 1, 2021]);
    const q4 = one('hoàn thành trong quý IV năm 2026.');
    assert.deepStrictEqual([q4.form, q4.quarter, q4.year], ['quarter', 4, 2026]);
    assert.deepStrictEqual(lastDayOf(q4), { year: 2026, month: 12, day: 31 });
    const y = one('Tuyên Quang trở thành tỉnh phát triển khá vào năm 2025;');
    assert.deepStrictEqual([y.form, y.year], ['year', 2025]);
    // A bare month/year in a time column (03/NQ-CP appendix).
    const cell = one('| Bộ Khoa học và Công nghệ | | 12/2025');
    assert.deepStrictEqual([cell.form, cell.month, cell.year], ['my', 12, 2025]);
  });

  it('does not take document numbers or year ranges for dates', () => {
    assert.deepStrictEqual(findDates('Căn cứ Nghị định số 35/2022/NĐ-CP và Luật số 146/2025/QH15').map((d) => d.raw), []);
    assert.deepStrictEqual(findDates('giai đoạn 2021-2025; Chương trình hành động số 55-CTr/TU; số 94/NQ-CP').map((d) => d.raw), []);
  });

  it('marks impossible dates invalid and respects leap years', () => {
    assert.strictEqual(one('trước ngày 31/02/2025').valid, false);
    assert.strictEqual(one('trước ngày 32/1/2025').valid, false);
    assert.strictEqual(one('trong tháng 13/2025').valid, false);
    assert.strictEqual(one('trước ngày 29/02/2024').valid, true);
    assert.strictEqual(one('trước ngày 29/02/2025').valid, false);
    assert.strictEqual(one('trước ngày 29/02 hằng năm').valid, true);
    assert.ok(isLeapYear(2000) && !isLeapYear(1900));
  });

  it('never throws and stays fast on every corpus file and on odd input', () => {
    for (const f of corpusFiles()) {
      const text = readCorpus(f);
      const t0 = Date.now();
      const ds = findDates(text);
      assert.ok(Date.now() - t0 < 200, `${f} took too long`);
      for (const d of ds) assert.strictEqual(text.slice(d.start, d.end), d.raw);
    }
    assert.deepStrictEqual(findDates(''), []);
    assert.doesNotThrow(() => findDates('\u0000\uFFFF ngày ngày 1/ /1 tháng năm'.repeat(1000)));
    const big = 'ngày 05 tháng 9 năm 2024, trước 15/12; '.repeat(3000);
    const t0 = Date.now();
    assert.strictEqual(findDates(big).length, 6000);
    assert.ok(Date.now() - t0 < 500);
  });

  it('finds the real dates of the 147/KH-UBND appendix line', () => {
    const text = '(Kèm theo Kế hoạch số 147/KH-UBND ngày 01/8/2024 của Ủy ban nhân dân tỉnh)';
    const d = one(text);
    assert.deepStrictEqual([d.day, d.month, d.year], [1, 8, 2024]);
  });
});
