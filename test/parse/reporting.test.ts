// findReportingClauses on the real plans: dated and undated duties, via and recipient, the
// consolidating agency, and what is not a duty (Nơi nhận, escalation, products, MRV).

import * as assert from 'assert';
import { parsePlan } from '../../server/src/core/parse';
import { corpusFiles, readCorpus } from '../helpers';

const TQ147 = 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt';
const TN = 'thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt';
const LC134 = 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt';
const CTR01 = 'tuyenquang_01-ctr-tu_2020_chuong-trinh-hanh-dong.txt';

describe('parse/reporting findReportingClauses', () => {
  it('147/KH-UBND: agencies by 15/12 via Sở Nội vụ; Sở Nội vụ consolidates by 20/12; Nơi nhận and escalation are not duties', () => {
    const doc = parsePlan(readCorpus(TQ147));
    assert.strictEqual(doc.reporting.length, 2);
    const [a, b] = doc.reporting;
    assert.deepStrictEqual(
      [a.via?.value, a.recipient?.value, a.time?.kind, a.time?.period, a.time?.date?.day, a.time?.date?.month, a.consolidates, a.reporter?.collective],
      ['Sở Nội vụ', 'Ủy ban nhân dân tỉnh', 'deadline', 'annual', 15, 12, false, true],
    );
    assert.deepStrictEqual(
      [b.reporter?.name, b.recipient?.value, b.time?.raw, b.consolidates, b.via],
      ['Sở Nội vụ', 'Ủy ban nhân dân tỉnh', 'trước ngày 20/12 hằng năm', true, undefined],
    );
    // Both sit in section IV's items.
    assert.ok(a.item >= 0 && b.item >= 0);
  });

  it('Thái Nguyên: the undated consolidation of Sở Nội vụ has no time; "báo cáo kịp thời những khó khăn" is not a duty', () => {
    const doc = parsePlan(readCorpus(TN));
    const raws = doc.reporting.map((r) => r.raw);
    assert.ok(!raws.some((r) => /kịp thời những khó khăn/u.test(r)));
    assert.ok(!raws.some((r) => /chủ động báo cáo việc sơ kết/u.test(r)));
    const noiVu = doc.reporting.find((r) => r.reporter?.name === 'Sở Nội vụ')!;
    assert.ok(noiVu.consolidates);
    assert.deepStrictEqual([noiVu.time?.kind, noiVu.time?.period], ['period', 'regular']);
    const units = doc.reporting.find((r) => r.via?.value === 'Sở Nội vụ')!;
    assert.deepStrictEqual([units.time?.kind, units.time?.date?.raw, units.recipient?.value, units.consolidates], ['deadline', '10/12', 'UBND tỉnh', false]);
  });

  it('134/KH-UBND: monthly reports via Sở Công Thương, an ad-hoc report, and an approval request that is not a duty', () => {
    const doc = parsePlan(readCorpus(LC134));
    const monthly = doc.reporting.find((r) => r.via?.value === 'Sở Công Thương')!;
    assert.deepStrictEqual([monthly.time?.kind, monthly.time?.period, monthly.time?.raw], ['deadline', 'monthly', 'trước ngày 20 hằng tháng']);
    assert.ok(doc.reporting.some((r) => /đột xuất khi có yêu cầu/u.test(r.raw) && r.time === undefined));
    assert.ok(!doc.reporting.some((r) => /xem\s+xét phê duyệt/u.test(r.raw)));
    const cong = doc.reporting.find((r) => r.reporter?.name === 'Sở Công Thương')!;
    assert.ok(cong.consolidates, 'the standing agency "có trách nhiệm tổng hợp … định kỳ báo cáo"');
  });

  it('01-CTr/TU (a blank line after every line): the clause runs across the wrap', () => {
    const doc = parsePlan(readCorpus(CTR01));
    assert.strictEqual(doc.reporting.length, 1);
    const r = doc.reporting[0];
    assert.strictEqual(r.recipient?.value, 'Ban Thường vụ Tỉnh ủy, Ban Chấp hành Đảng bộ tỉnh');
    assert.strictEqual(r.time?.period, 'semiannual');
  });

  it('does not take technical or noun uses of "báo cáo" for duties', () => {
    const text = [
      'I. MỤC ĐÍCH',
      '1. Sở Nông nghiệp và Môi trường xây dựng hệ thống đo đạc, báo cáo, thẩm định phát thải khí nhà kính.',
      '2. Sở Nội vụ xây dựng báo cáo tổng kết 10 năm thực hiện Nghị quyết.',
      '3. Bồi dưỡng đội ngũ báo cáo viên các cấp.',
      '4. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định./.',
      'Nơi nhận:',
      '- Thường trực Tỉnh ủy; (báo cáo)',
    ].join('\n');
    assert.deepStrictEqual(parsePlan(text).reporting.map((r) => r.raw), []);
  });

  it('never throws on the corpus or on odd input, spans match the text', () => {
    for (const f of corpusFiles()) {
      const doc = parsePlan(readCorpus(f));
      for (const r of doc.reporting) assert.strictEqual(doc.text.slice(r.start, r.end), r.raw, f);
    }
    assert.doesNotThrow(() => parsePlan('báo cáo '.repeat(20000)));
    assert.doesNotThrow(() => parsePlan('báo cáo'));
  });
});
