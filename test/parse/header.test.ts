// Header parsing on real header shapes from the corpus: two columns on one line, pipes, OCR'd
// single-line headers, and a paste with no header at all.

import * as assert from 'assert';
import { parsePlan } from '../../server/src/core/parse';
import { parseDocumentNumber, findDocumentNumbers } from '../../server/src/core/parse/docNumber';
import { readCorpus, corpusFiles } from '../helpers';

describe('parseDocumentNumber', () => {
  const cases: [string, string, string, string, 'state' | 'party' | 'malformed', number?][] = [
    ['94/NQ-CP', '94', 'NQ', 'CP', 'state'],
    ['43-NQ/TW', '43', 'NQ', 'TW', 'party'],
    ['30/2020/NĐ-CP', '30', 'NĐ', 'CP', 'state', 2020],
    ['55-CTr/TU', '55', 'CTr', 'TU', 'party'],
    ['114-KL/TW', '114', 'KL', 'TW', 'party'],
    ['36-HD/VPTW', '36', 'HD', 'VPTW', 'party'],
    ['27- CTr/TU', '27', 'CTr', 'TU', 'party'],
    ['134 /KH-UBND', '134', 'KH', 'UBND', 'state'],
    ['33/CT-TTg', '33', 'CT', 'TTg', 'state'],
    ['20-QĐi/TU', '20', 'QĐi', 'TU', 'party'],
    ['94-NQ/CP', '94', 'NQ', 'CP', 'party'], // the slip in the 147 file: Party shape
    ['/NQ-CP', '', 'NQ', 'CP', 'malformed'], // blank number in the 03/NQ-CP appendix header
  ];
  for (const [raw, number, type, issuer, form, year] of cases) {
    it(`reads ${raw}`, () => {
      const n = parseDocumentNumber(raw, 100);
      assert.ok(n, raw);
      assert.deepStrictEqual([n.number, n.type, n.issuer, n.form, n.year], [number, type, issuer, form, year]);
      assert.strictEqual(n.start, 100);
      assert.strictEqual(n.end, 100 + raw.length);
    });
  }
  it('reads a law number without a type: 146/2025/QH15', () => {
    const n = parseDocumentNumber('146/2025/QH15');
    assert.deepStrictEqual([n?.number, n?.year, n?.type, n?.issuer], ['146', 2025, '', 'QH15']);
  });
  it('rejects what is not a number', () => {
    for (const raw of ['', 'Nghị quyết', '2021 - 2025', '15/12/2024', '4.0']) assert.strictEqual(parseDocumentNumber(raw), undefined, raw);
  });
  it('finds every number in a citation sentence (147 line 2)', () => {
    const s = 'Nghị quyết số 43-NQ/TW ngày 24/11/2023, Nghị quyết số 94/NQ-CP ngày 19/6/2024 và Chương trình hành động số 27- CTr/TU';
    assert.deepStrictEqual(findDocumentNumbers(s).map((n) => n.raw), ['43-NQ/TW', '94/NQ-CP', '27- CTr/TU']);
  });
});

describe('parseHeader', () => {
  it('reads the two-column PDF header of 134/KH-UBND', () => {
    const h = parsePlan(readCorpus('laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt')).header;
    assert.strictEqual(h.issuer?.value, 'ỦY BAN NHÂN DÂN TỈNH LÀO CAI');
    assert.strictEqual(h.number?.raw, '134 /KH-UBND');
    assert.strictEqual(h.number?.type, 'KH');
    assert.strictEqual(h.place?.value, 'Lào Cai');
    assert.deepStrictEqual([h.date?.year, h.date?.month, h.date?.day, h.date?.nd30Form], [2026, 3, 26, true]);
    assert.strictEqual(h.docType?.value, 'KẾ HOẠCH');
    assert.ok(h.subject?.value.startsWith('Thực hiện Nghị quyết số 34-NQ/TU'));
    assert.ok(h.subject?.value.endsWith('trên địa bàn tỉnh Lào Cai năm 2026'), h.subject?.value);
  });
  it('splits issuer and national motto written on one line (03/NQ-CP)', () => {
    const h = parsePlan(readCorpus('chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt')).header;
    assert.strictEqual(h.issuer?.value, 'CHÍNH PHỦ');
    assert.strictEqual(h.number?.raw, '03/NQ-CP');
    assert.strictEqual(h.docType?.value, 'NGHỊ QUYẾT');
    assert.deepStrictEqual([h.date?.year, h.date?.month, h.date?.day], [2025, 1, 9]);
  });
  it('reads an OCR header with number and place on one line (34-NQ/TU)', () => {
    const h = parsePlan(readCorpus('laocai_34-nq-tu_2025_ocr.txt')).header;
    assert.strictEqual(h.number?.raw, '34 -NQ/TU');
    assert.strictEqual(h.number?.form, 'party');
    assert.strictEqual(h.place?.value, 'Lào Cai');
    assert.strictEqual(h.subject?.value, 'CỦA BAN THƯỜNG VỤ TỈNH ỦY về phát triển các khu công nghiệp, cụm công nghiệp');
  });
  it('reads a pipe-separated header line', () => {
    const h = parsePlan('BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM\nSố: 20-NQ/TW | Hà Nội, ngày 01 tháng 11 năm 2012\n\nNGHỊ QUYẾT\nVỀ PHÁT TRIỂN KHOA HỌC VÀ CÔNG NGHỆ\n').header;
    assert.strictEqual(h.issuer?.value, 'BAN CHẤP HÀNH TRUNG ƯƠNG');
    assert.strictEqual(h.number?.raw, '20-NQ/TW');
    assert.strictEqual(h.place?.value, 'Hà Nội');
    assert.strictEqual(h.subject?.value, 'VỀ PHÁT TRIỂN KHOA HỌC VÀ CÔNG NGHỆ');
  });
  it('flags a date not in ND30 form', () => {
    const h = parsePlan('Số: 12/KH-UBND      Lào Cai, ngày 5 tháng 1 năm 2026\nKẾ HOẠCH\nThực hiện …\n').header;
    assert.strictEqual(h.date?.nd30Form, false);
  });
  it('finds no number in the 147 paste, which starts at " KẾ HOẠCH"', () => {
    const h = parsePlan(readCorpus('tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt')).header;
    assert.strictEqual(h.number, undefined);
    assert.strictEqual(h.issuer, undefined);
    assert.strictEqual(h.docType?.value, 'KẾ HOẠCH');
    assert.ok(h.subject?.value.startsWith('THỰC HIỆN NGHỊ QUYẾT SỐ 43-NQ/TW'));
    assert.ok(!h.subject?.value.includes('Thực hiện Nghị quyết'), 'the preamble is not part of the subject');
  });
  it('keeps the Party programme type and its two-line subject (01-CTr/TU)', () => {
    const doc = parsePlan(readCorpus('tuyenquang_01-ctr-tu_2020_chuong-trinh-hanh-dong.txt'));
    assert.strictEqual(doc.header.docType?.value, 'CHƯƠNG TRÌNH HÀNH ĐỘNG');
    assert.strictEqual(doc.header.number?.raw, '01-CTr/TU');
    assert.ok(doc.header.subject?.value.endsWith('nhiệm kỳ 2020 - 2025'));
    assert.ok(doc.preamble && doc.text.slice(doc.preamble.start, doc.preamble.end).startsWith('Thực hiện Nghị quyết Đại hội'));
  });
  it('never throws on odd input', () => {
    for (const s of ['', '\uFEFF', 'Số:', 'KẾ HOẠCH', '\r\r\r', 'Số: /-', '\u0000\u0001binary\uFFFD', 'KẾ HOẠCH\n'.repeat(50)]) {
      assert.doesNotThrow(() => parsePlan(s), JSON.stringify(s));
    }
  });
  it('parses every corpus file', () => {
    for (const f of corpusFiles()) assert.doesNotThrow(() => parsePlan(readCorpus(f)), f);
  });
});
