// Outline parsing on corpus text: levels by style, titles across PDF wraps, closing blocks,
// appendix start, and labels that are not labels.

import * as assert from 'assert';
import { parsePlan } from '../../server/src/core/parse';
import { matchLabel } from '../../server/src/core/parse/numbering';
import { findSuspectLabels } from '../../server/src/core/parse/outline';
import { readCorpus } from '../helpers';

const label = (s: string) => matchLabel(s, 0, s.length)?.label;

describe('matchLabel', () => {
  it('recognises each style', () => {
    const cases: [string, string, number | undefined][] = [
      ['I. MỤC ĐÍCH, YÊU CẦU', 'roman', 1],
      ['IV- TỔ CHỨC THỰC HIỆN', 'roman', 4],
      ['A. MỤC ĐÍCH, YÊU CẦU', 'upper-letter', 1],
      ['C- TỔ CHỨC THỰC HIỆN', 'upper-letter', 3],
      ['1. Mục đích', 'arabic', 1],
      ['12. Đề án về tiếp tục đổi mới', 'arabic', 12],
      ['1- Ban Thường vụ Tỉnh ủy chỉ đạo', 'arabic-dash', 1],
      ['2.3. Triển khai hiệu quả', 'decimal', 3],
      ['2.1- Đổi mới mạnh mẽ cơ chế', 'decimal', 1],
      ['đ) Xây dựng nền tảng số', 'letter', 5],
      ['g) Xây dựng kế hoạch', 'letter', 7],
      ['- Cơ quan chủ trì: Sở Nội vụ.', 'dash', undefined],
      ['+ Thành lập mới ít nhất 02 Khu công nghiệp', 'plus', undefined],
      ['**III. NHIỆM VỤ, GIẢI PHÁP**', 'roman', 3],
    ];
    for (const [s, style, value] of cases) {
      const l = label(s);
      assert.ok(l, s);
      assert.deepStrictEqual([l.style, l.value], [style, value], s);
    }
    assert.deepStrictEqual(label('2.3.1. Nội dung')?.parts, [2, 3, 1]);
    assert.strictEqual(label('f) Nội dung')?.value, undefined); // f is not a Vietnamese điểm letter
  });
  it('does not take wrapped numbers for labels', () => {
    for (const s of ['2024. Phấn đấu', '35/2022/NĐ-CP); Nghị định', '16 Điều I Luật số 146/2025/QH15', '30 - 40% doanh nghiệp', '4.0, chuyển đổi số', '7.080 tỷ đồng', '-----', 'T. Hà Nội', 'V. v.', '2021 - 2025']) {
      assert.strictEqual(label(s), undefined, s);
    }
  });
});

describe('parseOutline', () => {
  it('nests 1.1. under 1. under III. (147/KH-UBND)', () => {
    const doc = parsePlan(readCorpus('tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt'));
    const roots = doc.items.filter((i) => i.parent === -1);
    assert.deepStrictEqual(roots.map((r) => r.label?.raw), ['I.', 'II.', 'III.', 'IV.']);
    assert.deepStrictEqual(roots.map((r) => r.sectionKind), ['purpose-requirements', 'objectives', 'tasks', 'organization']);
    const iii = roots[2];
    const first = doc.items[iii.children[0]];
    assert.strictEqual(first.label?.raw, '1.');
    assert.deepStrictEqual(first.children.map((c) => doc.items[c].label?.raw), ['1.1.', '1.2.', '1.3.', '1.4.']);
    const two = doc.items[iii.children[1]];
    assert.strictEqual(two.children.length, 11); // 2.1. … 2.11.
    // 2.3.'s body carries the paragraph on the next line
    const s23 = doc.items[two.children[2]];
    assert.ok(doc.text.slice(s23.body.start, s23.body.end).startsWith('Tạo môi trường sản xuất'));
    // no item in Nơi nhận or in the appendix table
    assert.ok(doc.recipients && doc.signature && doc.appendix);
    assert.ok(doc.items.every((i) => i.start < doc.recipients!.start));
    assert.ok(doc.text.slice(doc.signature.start, doc.signature.end).endsWith('Hoàng Việt Phương'));
    assert.strictEqual(doc.text.slice(doc.appendix.start, doc.appendix.start + 7), 'PHỤ LỤC');
  });
  it('joins PDF hard wraps into titles (134/KH-UBND)', () => {
    const doc = parsePlan(readCorpus('laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt'));
    const titles = doc.items.map((i) => i.title.value);
    assert.ok(titles.includes('Tập trung phát triển bền vững các khu công nghiệp, cụm công nghiệp đã thành lập'));
    assert.ok(titles.includes('Tỷ lệ các khu công nghiệp có công trình xử lý nước thải tập trung đạt chuẩn 100%'));
    // an indented next line is a new paragraph, not the title's continuation
    assert.ok(titles.includes('Các sở, ban, ngành và các đơn vị khác có liên quan'));
    const purpose = doc.items.find((i) => i.title.value === 'Mục đích');
    assert.strictEqual(purpose?.sectionKind, 'purpose');
    assert.strictEqual(purpose?.depth, 1);
    const roots = doc.items.filter((i) => i.parent === -1).map((i) => i.label?.raw);
    assert.deepStrictEqual(roots, ['I.', 'II.', 'III.', 'IV.', 'V.', 'VI.']);
    // "- Ủy ban nhân dân cấp xã: đầu tư …" → the title stops at the colon
    assert.ok(titles.includes('Ủy ban nhân dân cấp xã'));
  });
  it('keeps the second III. of the Thái Nguyên plan as its own section', () => {
    const doc = parsePlan(readCorpus('thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt'));
    const roots = doc.items.filter((i) => i.parent === -1);
    assert.deepStrictEqual(roots.map((r) => r.label?.raw), ['I.', 'II.', 'III.', 'III.']);
    assert.strictEqual(roots[3].sectionKind, 'organization');
    assert.ok(doc.recipients, 'the misspelt "Noi nhận:" is still the recipients block');
  });
  it('reads the Party layout and puts the annex after the signature in the appendix (01-CTr/TU)', () => {
    const doc = parsePlan(readCorpus('tuyenquang_01-ctr-tu_2020_chuong-trinh-hanh-dong.txt'));
    const roots = doc.items.filter((i) => i.parent === -1);
    assert.deepStrictEqual(roots.map((r) => r.label?.raw), ['A.', 'B.', 'C.', 'C.']);
    const c = roots[2];
    assert.deepStrictEqual(c.children.map((k) => doc.items[k].label?.raw), ['1-', '2-', '3-', '4-', '5-', '6-', '7-']);
    assert.ok(doc.appendix && roots[3].start >= doc.appendix.start, 'the second C. is in the annex');
    assert.ok(doc.signature && doc.text.slice(doc.signature.start, doc.signature.end).includes('BÍ THƯ'));
  });
  it('skips pipe rows and starts the programme after the decree (03/NQ-CP)', () => {
    const doc = parsePlan(readCorpus('chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt'));
    const roots = doc.items.filter((i) => i.parent === -1);
    assert.deepStrictEqual(roots.map((r) => r.label?.raw), ['I.', 'II.', 'III.']);
    const letters = doc.items[roots[1].children[0]].children.map((k) => doc.items[k].label?.letter);
    assert.deepStrictEqual(letters, ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p']);
    assert.ok(doc.appendix && doc.text.slice(doc.appendix.start).startsWith('PHỤ LỤC I'));
  });
  it('reports OCR-garbled labels as suspects (34-NQ/TU: "1 Đôi mới", "Š. Tập trung")', () => {
    const doc = parsePlan(readCorpus('laocai_34-nq-tu_2025_ocr.txt'));
    const sus = findSuspectLabels(doc).map((s) => doc.text.slice(s.start, s.end));
    assert.deepStrictEqual(sus, ['1', 'Š.']);
  });
  it('handles CRLF, CR and a BOM the same as LF', () => {
    const lf = 'KẾ HOẠCH\nThực hiện …\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nội dung một\n2. Yêu cầu\nII. TỔ CHỨC THỰC HIỆN\n';
    const shape = (s: string) => parsePlan(s).items.map((i) => `${i.depth}${i.label?.raw}${i.title.value}`);
    assert.deepStrictEqual(shape('\uFEFF' + lf.replace(/\n/g, '\r\n')), shape(lf));
    assert.deepStrictEqual(shape(lf.replace(/\n/g, '\r')), shape(lf));
  });
  it('stays linear on a large input', () => {
    const big = readCorpus('tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt').repeat(8); // ~ 400 KB
    const t0 = Date.now();
    parsePlan(big);
    assert.ok(Date.now() - t0 < 1500, `took ${Date.now() - t0} ms`);
  });
});

describe('outline invariants', () => {
  const check = (name: string, text: string) => {
    const doc = parsePlan(text);
    const n = doc.text.length;
    doc.items.forEach((it, k) => {
      assert.strictEqual(it.index, k, name);
      assert.ok(0 <= it.start && it.start <= it.end && it.end <= n, `${name}: item ${k} span`);
      assert.ok(it.title.start <= it.title.end && it.body.start <= it.body.end && it.body.end <= n, `${name}: item ${k} title/body`);
      if (it.label) assert.strictEqual(doc.text.slice(it.label.start, it.label.end), it.label.raw, `${name}: label ${k}`);
      assert.strictEqual(doc.text.slice(it.title.start, it.title.end).replace(/\s+/g, ' ').trim(), it.title.value, `${name}: title ${k}`);
      if (it.parent >= 0) {
        assert.ok(it.parent < k && doc.items[it.parent].children.includes(k), `${name}: parent of ${k}`);
        assert.strictEqual(it.depth, doc.items[it.parent].depth + 1, `${name}: depth of ${k}`);
      } else assert.strictEqual(it.depth, 0);
    });
    for (const t of doc.tables) {
      for (const r of t.rows) {
        assert.strictEqual(r.cells.length, t.columns.length, `${name}: cells align with columns`);
        if (r.continues !== undefined) assert.ok(r.continues >= 0 && r.continues < t.rows.indexOf(r), `${name}: continues points back`);
      }
    }
  };
  it('hold on every corpus file', () => {
    for (const f of ['bochinhtri_57-nq-tw_2024.txt', 'chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt', 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt', 'laocai_34-nq-tu_2025_ocr.txt', 'thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt', 'tuyenquang_01-ctr-tu_2020_chuong-trinh-hanh-dong.txt', 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt']) {
      check(f, readCorpus(f));
    }
  });
  it('hold on random pastes built from plan fragments', () => {
    const parts = ['I. MỤC ĐÍCH', '1. ', '1.1. ', '2.3.1.', 'a) ', 'đ) ', '- ', '+ ', '• ', 'A. ', '1- ', 'Nơi nhận:', 'TM. ỦY BAN', 'PHỤ LỤC', 'TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Hằng năm', ' | ', '\n', '\r\n', '\r', '  ', 'Sở Nội vụ', 'văn bản.', 'KẾ HOẠCH', 'Số: 1/KH-UBND', '**', '#', '\u0301', '\uFEFF', '2024.', ':', ';'];
    let seed = 7;
    const rnd = (m: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % m; };
    for (let k = 0; k < 300; k++) {
      let s = '';
      const len = rnd(80);
      for (let j = 0; j < len; j++) s += parts[rnd(parts.length)];
      check(`random ${k}`, s);
    }
  });
});
