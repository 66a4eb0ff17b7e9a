// parseTimeExpression on time cells and deadline phrases from the corpus.

import * as assert from 'assert';
import { parseTimeExpression } from '../../server/src/core/parse/time';
import { findDates } from '../../server/src/core/parse/dates';

/** Parse a phrase as if it stood at offset 100 of a document that contains only it. */
function parse(text: string, year?: number) {
  const base = 100;
  const dates = findDates(text).map((d) => ({ ...d, start: d.start + base, end: d.end + base }));
  const te = parseTimeExpression(text, { start: base, end: base + text.length }, dates, year);
  if (te) assert.strictEqual(text.slice(te.start - base, te.end - base), te.raw, 'span matches raw');
  return te;
}

describe('parse/time parseTimeExpression', () => {
  it('reads period cells: Hằng năm, hàng năm, 6 tháng, hằng quý, hằng tháng', () => {
    assert.deepStrictEqual([parse('Hằng năm')?.kind, parse('Hằng năm')?.period], ['period', 'annual']);
    assert.strictEqual(parse('hàng năm')?.period, 'annual');
    assert.strictEqual(parse('- Định kỳ 6 tháng và hằng năm báo cáo kết quả thực hiện')?.period, 'semiannual');
    assert.strictEqual(parse('hằng quý')?.period, 'quarterly');
    assert.strictEqual(parse('hằng tháng')?.period, 'monthly');
  });

  it('reads Thường xuyên as continuous and "định kỳ" alone as a period without frequency', () => {
    assert.strictEqual(parse('Thường xuyên')?.kind, 'continuous');
    const r = parse('định kỳ tổng hợp báo cáo UBND tỉnh và Bộ Nội vụ theo quy định.');
    assert.deepStrictEqual([r?.kind, r?.period], ['period', 'regular']);
  });

  it('reads deadlines with a full date (Thái Nguyên: trước ngày 15/8/2024)', () => {
    const r = parse('Thời gian hoàn thành trước ngày 15/8/2024.');
    assert.strictEqual(r?.kind, 'deadline');
    assert.strictEqual(r?.raw, 'hoàn thành trước ngày 15/8/2024');
    assert.deepStrictEqual(r?.resolved, { year: 2024, month: 8, day: 15 });
    assert.deepStrictEqual(parse('báo cáo 6 tháng trước 30/6/2024')?.resolved, { year: 2024, month: 6, day: 30 });
  });

  it('resolves a yearly deadline with the context year (147/KH-UBND)', () => {
    const r = parse('Kết quả triển khai thực hiện định kỳ báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ để tổng hợp)  trước ngày 15/12 hằng năm.', 2024);
    assert.deepStrictEqual([r?.kind, r?.period, r?.raw], ['deadline', 'annual', 'trước ngày 15/12 hằng năm']);
    assert.deepStrictEqual(r?.resolved, { year: 2024, month: 12, day: 15 });
    assert.strictEqual(parse('trước ngày 15/12 hằng năm')?.resolved, undefined, 'no year, no resolved day');
  });

  it('reads recurring deadlines by day of month or quarter', () => {
    const m = parse('báo cáo tháng chậm nhất ngày 15 hằng tháng');
    assert.deepStrictEqual([m?.kind, m?.period], ['deadline', 'monthly']);
    const l = parse('định kỳ\ntrước 25 hằng tháng báo cáo tiến độ');
    assert.deepStrictEqual([l?.kind, l?.period, l?.raw], ['deadline', 'monthly', 'trước 25 hằng tháng']);
    const q = parse('báo cáo quý trước ngày 20 tháng cuối quý');
    assert.deepStrictEqual([q?.kind, q?.period], ['deadline', 'quarterly']);
  });

  it('reads the period of a named report: "báo cáo năm", "báo cáo quý", not "báo cáo tháng 6"', () => {
    const y = parse('báo cáo năm trước ngày 10/12.');
    assert.deepStrictEqual([y?.kind, y?.period, y?.raw], ['deadline', 'annual', 'trước ngày 10/12']);
    assert.strictEqual(parse('báo cáo quý trước ngày 20 tháng cuối quý')?.period, 'quarterly');
    assert.strictEqual(parse('gửi báo cáo tháng 6 năm 2024 trước ngày 15/6/2024')?.period, undefined);
  });

  it('reads "trong" spans: quarter, month, year', () => {
    const q = parse('hoàn thành trong quý IV năm 2026.');
    assert.deepStrictEqual([q?.kind, q?.resolved], ['during', { year: 2026, month: 12, day: 31 }]);
    const m = parse('tổ chức thực hiện kế hoạch trong tháng 01 năm 2025.');
    assert.deepStrictEqual([m?.kind, m?.resolved], ['during', { year: 2025, month: 1, day: 31 }]);
    const y = parse('Xây dựng phương án giá dịch vụ, hoàn thành trong năm 2026.');
    assert.deepStrictEqual([y?.kind, y?.resolved], ['during', { year: 2026, month: 12, day: 31 }]);
  });

  it('reads short time cells: Quý I/2021, Năm 2025, ranges, month/year', () => {
    const q = parse('Quý I/2021');
    assert.deepStrictEqual([q?.kind, q?.date?.quarter, q?.resolved], ['during', 1, { year: 2021, month: 3, day: 31 }]);
    assert.deepStrictEqual(parse('Năm 2025')?.resolved, { year: 2025, month: 12, day: 31 });
    const r = parse('2026 - 2030');
    assert.deepStrictEqual([r?.kind, r?.resolved], ['range', { year: 2030, month: 12, day: 31 }]);
    assert.strictEqual(parse('2024-2025')?.kind, 'range');
    assert.deepStrictEqual(parse('6/2025')?.resolved, { year: 2025, month: 6, day: 30 });
    assert.deepStrictEqual(parse('2025 và những năm tiếp theo')?.resolved, { year: 2025, month: 12, day: 31 });
  });

  it('does not read a programme period inside a long task body as its deadline', () => {
    const body = 'Triển khai thực hiện có hiệu quả Chương trình mục tiêu quốc gia về giảm nghèo bền vững giai đoạn 2021-2025 và các chương trình của tỉnh';
    assert.strictEqual(parse(body), undefined);
  });

  it('returns undefined for empty or odd input and does not throw', () => {
    assert.strictEqual(parse(''), undefined);
    assert.strictEqual(parse('   '), undefined);
    assert.doesNotThrow(() => parseTimeExpression('trước ngày', { start: 0, end: 10 }, [], 2024));
    assert.doesNotThrow(() => parseTimeExpression('trước '.repeat(20000), { start: 0, end: 120000 }, [], 2024));
  });
});
