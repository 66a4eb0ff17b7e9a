// findCitations on the real plans: symbols in both shapes, dates, issuers, short names, the
// plan's own number, and the blank number of the 03/NQ-CP appendix.

import * as assert from 'assert';
import { parsePlan } from '../../server/src/core/parse';
import { findSymbols, isPartyIssuer, isStateIssuer } from '../../server/src/core/parse/citation-symbol';
import { corpusFiles, readCorpus } from '../helpers';

const TQ147 = 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt';
const LC134 = 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt';
const CP03 = 'chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt';
const TN = 'thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt';

function cits(text: string) {
  return parsePlan(text).citations;
}

describe('parse/citations findCitations', () => {
  it('reads type word, symbol, date and issuer (Thái Nguyên preamble)', () => {
    const text = 'Thực hiện Nghị quyết số 94/NQ-CP ngày 19/6/2024 của Chính phủ về Ban hành Chương trình hành động; Chương trình hành động số 51-CTr/TU, ngày 04/01/2024 của Ban Chấp hành Đảng bộ tỉnh Thái Nguyên về thực hiện';
    const [a, b] = cits(text);
    assert.deepStrictEqual([a.typeWord?.value, a.number.raw, a.number.form, a.date?.raw, a.issuer?.value], ['Nghị quyết', '94/NQ-CP', 'state', '19/6/2024', 'Chính phủ']);
    assert.deepStrictEqual([b.typeWord?.value, b.number.raw, b.number.form, b.date?.raw, b.issuer?.value], ['Chương trình hành động', '51-CTr/TU', 'party', '04/01/2024', 'Ban Chấp hành Đảng bộ tỉnh Thái Nguyên']);
    assert.strictEqual(a.raw, 'Nghị quyết số 94/NQ-CP ngày 19/6/2024 của Chính phủ');
  });

  it('keeps issuers short: stops at "(khóa …)", "về", "ban hành", ";"', () => {
    const text = 'Thực hiện có hiệu quả Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng (khóa XIII) về tiếp tục xây dựng; Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ  về tiếp tục; Nghị quyết số 94/NQ-CP ngày 19/6/2024 của Chính phủ ban hành Chương trình';
    assert.deepStrictEqual(cits(text).map((c) => c.issuer?.value), ['Ban Chấp hành Trung ương Đảng', 'Thủ tướng Chính phủ', 'Chính phủ']);
  });

  it('reads the party shape with stray spaces and the upper-case trích yếu (147/KH-UBND)', () => {
    const cs = cits(readCorpus(TQ147));
    const raws = new Set(cs.map((c) => c.number.raw));
    for (const r of ['94-NQ/CP', '94/NQ-CP', '55-CTR/TU', '27- CTr/TU', '25- NQ/TW']) assert.ok(raws.has(r), r);
    const upper = cs.find((c) => c.number.raw === '55-CTR/TU')!;
    assert.strictEqual(upper.number.type, 'CTr', 'type compared case-insensitively');
    assert.strictEqual(upper.issuer?.value, 'BAN CHẤP HÀNH ĐẢNG BỘ TỈNH');
    assert.ok(upper.inPreamble);
  });

  it('attaches "(sau đây gọi tắt là …)" to the citation it abbreviates, not one in its subject', () => {
    const cs = cits(readCorpus(TQ147));
    const named = cs.filter((c) => c.shortName).map((c) => [c.number.raw, c.shortName!.value]);
    assert.deepStrictEqual(named, [
      ['43-NQ/TW', 'Nghị quyết số 43-NQ/TW'],
      ['94/NQ-CP', 'Nghị quyết số 94-NQ/CP'],
      ['55-CTr/TU', 'Chương trình hành động số 55-CTr/TU'],
    ]);
    const tn = cits(readCorpus(TN)).filter((c) => c.shortName).map((c) => [c.number.raw, c.shortName!.value]);
    assert.deepStrictEqual(tn.slice(0, 2), [['94/NQ-CP', 'Nghị quyết số 94/NQ-CP'], ['51-CTr/TU', 'Chương trình hành động số 51-CTr/TU']]);
  });

  it('reads wrapped citations, a date after the issuer, and skips the plan\'s own "Số:" (134/KH-UBND)', () => {
    const cs = cits(readCorpus(LC134));
    assert.ok(!cs.some((c) => c.number.raw.startsWith('134')), 'own number is not a citation');
    const first = cs[0];
    assert.deepStrictEqual([first.number.raw, first.issuer?.value, first.date?.raw], ['34-NQ/TU', 'Tỉnh uỷ Lào Cai', '27/12/2025']);
    const nd = cs.find((c) => c.number.raw === '35/2022/NĐ-CP' && c.date)!;
    assert.deepStrictEqual([nd.date!.raw, nd.issuer?.value.replace(/\s+/g, ' '), nd.number.year], ['ngày 28 tháng 5 năm 2022', 'Chính phủ', 2022]);
    assert.strictEqual(nd.shortName?.value.replace(/\s+/g, ' '), 'Nghị định số 35/2022/NĐ-CP');
    const qd = cs.find((c) => c.number.raw === '1955/QĐ-UBND')!;
    assert.deepStrictEqual([qd.typeWord?.value, qd.date?.raw], ['Quyết định', '19/6/2026']);
    const cv = cs.find((c) => c.number.raw === '1289/UBND-TH')!;
    assert.deepStrictEqual([cv.number.type, cv.number.issuer], ['CV', 'UBND']);
  });

  it('reads the blank number of the 03/NQ-CP appendix header as malformed', () => {
    const cs = cits(readCorpus(CP03));
    const blank = cs.filter((c) => c.number.number === '');
    assert.strictEqual(blank.length, 2);
    for (const b of blank) {
      assert.strictEqual(b.number.form, 'malformed');
      assert.deepStrictEqual([b.typeWord?.value, b.date?.raw, b.issuer?.value], ['Nghị quyết', 'ngày 01 tháng 01 năm 2025', 'Chính phủ']);
    }
    const joint = cs.find((c) => c.number.raw === '04/TTr-BKHCN-BTTTT')!;
    assert.strictEqual(joint.date?.raw, 'ngày 02 tháng 01 năm 2025');
  });

  it('classifies issuers as Party or State', () => {
    for (const c of ['TW', 'TU', 'ĐU', 'VPTW']) assert.ok(isPartyIssuer(c) && !isStateIssuer(c), c);
    for (const c of ['CP', 'TTg', 'UBND', 'HĐND', 'BNV', 'QH15']) assert.ok(isStateIssuer(c) && !isPartyIssuer(c), c);
    assert.deepStrictEqual(findSymbols('tỷ lệ 1/3 số xã, giai đoạn 2021-2025, ngày 15/12/2024').length, 0);
  });

  it('parses every corpus file without throwing, with spans that match the text', () => {
    for (const f of corpusFiles()) {
      const doc = parsePlan(readCorpus(f));
      for (const c of doc.citations) {
        assert.strictEqual(doc.text.slice(c.start, c.end), c.raw, f);
        assert.strictEqual(doc.text.slice(c.number.start, c.number.end), c.number.raw, f);
        assert.ok(c.start <= c.number.start && c.number.end <= c.end, f);
      }
    }
    assert.doesNotThrow(() => parsePlan('Nghị quyết số /'.repeat(5000)));
  });
});
