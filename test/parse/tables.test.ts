// Appendix tables: one cell per line (147/KH-UBND, with merged cells) and pipe tables (03/NQ-CP).

import * as assert from 'assert';
import { parsePlan } from '../../server/src/core/parse';
import { readCorpus } from '../helpers';

describe('parseTables', () => {
  it('reads the 147 appendix pasted one cell per line, merged rows included', () => {
    const doc = parsePlan(readCorpus('tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt'));
    assert.strictEqual(doc.tables.length, 1);
    const t = doc.tables[0];
    assert.strictEqual(t.layout, 'cell-per-line');
    assert.deepStrictEqual(t.columns.map((c) => c.role), ['index', 'content', 'lead', 'coordinators', 'time']);
    const col = (r: string) => t.columns.findIndex((c) => c.role === r);
    const own = t.rows.filter((r) => r.continues === undefined);
    // 18 rows in the original table: 1–4, eight without a number, 13–18
    assert.strictEqual(own.length, 18);
    assert.deepStrictEqual(own.map((r) => r.index?.value ?? '-').join(' '), '1 2 3 4 - - - - - - - - 13 14 15 16 17 18');
    const leads = own.map((r) => r.cells[col('lead')].text);
    assert.strictEqual(leads[1], 'Sở Thông tin và Truyền thông');
    assert.strictEqual(leads[4], 'Sở Nông nghiệp và Phát triển nông thôn');
    assert.strictEqual(leads[10], 'Sở Văn hóa, Thể thao và Du lịch'); // a lead cell wrapped over two lines
    // merged rows point at their row: "Triển khai … giảm nghèo bền vững" belongs to Sở Lao động
    const poverty = t.rows.find((r) => r.cells[col('content')].text.includes('giảm nghèo bền vững'))!;
    assert.ok(poverty.continues !== undefined);
    assert.strictEqual(t.rows[poverty.continues].cells[col('lead')].text, 'Sở Lao động, Thương binh và Xã hội');
    assert.strictEqual(own[0].cells[col('time')].text, 'Hằng năm');
    assert.ok(own[1].cells[col('coordinators')].text.split('\n').length === 3);
    // spans point at the text
    const c = own[1].cells[col('lead')];
    assert.strictEqual(doc.text.slice(c.start, c.end), 'Sở Thông tin và Truyền thông');
  });
  it('reads the pipe tables of 03/NQ-CP with group rows and continuation lines', () => {
    const doc = parsePlan(readCorpus('chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt'));
    assert.strictEqual(doc.tables.length, 2);
    const [t1, t2] = doc.tables;
    assert.strictEqual(t1.title?.value, 'PHỤ LỤC I');
    assert.deepStrictEqual(t2.columns.map((c) => c.role), ['index', 'content', 'lead', 'coordinators', 'product', 'time']);
    const groups = t2.rows.filter((r) => r.group).map((r) => r.index?.value);
    assert.deepStrictEqual(groups, ['I.', 'II.', 'III.', 'IV.', 'V.', 'VI.', 'VII.']);
    const tasks = t2.rows.filter((r) => !r.group && r.continues === undefined);
    assert.strictEqual(tasks.length, 140);
    assert.strictEqual(tasks[6].cells[5].text, '01/2025');
    const cont = t2.rows.filter((r) => r.continues !== undefined);
    assert.ok(cont.length >= 2);
    assert.strictEqual(t2.rows[cont[0].continues!].index?.value, '108.');
  });
  it('finds no table in a plan without one', () => {
    assert.deepStrictEqual(parsePlan(readCorpus('laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt')).tables, []);
  });
});
