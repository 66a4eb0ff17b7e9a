// The Word reader on structure (tables, footnotes, tracked changes, fields) and on real .docx files:
// the derived text, paragraph ordinals, and the offset map both ways.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readDocx, type DocxDocument } from '../../server/src/core/docx';
import { parsePlan } from '../../server/src/core/parse';
import { main } from '../../server/src/cli/main';
import { abstractNum, buildDocx, lvl, num, p, table, tc } from './build';
import { FIXTURES } from '../helpers';

const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, 'docx', name));
const run = (xml: string) => `<w:r><w:t xml:space="preserve">${xml}</w:t></w:r>`;
const para = (inner: string) => `<w:p>${inner}</w:p>`;

/** Every character of every paragraph's text is found at its mapped derived offset, and maps back. */
function assertMapRoundTrips(docx: DocxDocument): void {
  let checked = 0;
  for (const par of docx.body.paragraphs) {
    for (let k = 0; k < par.text.length; k++) {
      const at = docx.map.toDerived({ paragraph: par.ordinal, offset: k });
      if (at === undefined) continue; // a cell covered by a vertical merge is not in the text
      const ch = par.text[k];
      const shown = docx.text[at];
      assert.ok(shown === ch || (/[\n\r\t]/.test(ch) && shown === ' ') || (ch === '|' && shown === '¦'), `paragraph ${par.ordinal} offset ${k}: ${JSON.stringify(ch)} shown as ${JSON.stringify(shown)}`);
      assert.deepStrictEqual(docx.map.toDocx(at), { part: 'document', paragraph: par.ordinal, offset: k });
      checked++;
    }
  }
  assert.ok(checked > 0);
}

describe('docx reader: structure', () => {
  it('tables with column headers become pipe tables the appendix parser reads; merged cells keep columns', () => {
    const header = ['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian'].map((h) => tc(p(h)));
    const group = [tc(p('I')), tc(p('Tuyên truyền'), { span: 3 })];
    const row1 = [tc(p('1')), tc(p('Tổ chức hội nghị') + p('quán triệt | phổ biến')), tc(p('Sở Tư pháp'), { vMerge: 'restart' }), tc(p('Quý II/2025'))];
    const row2 = [tc(p('2')), tc(p('Biên soạn tài liệu')), tc(p(''), { vMerge: 'continue' }), tc(p('Quý III/2025'))];
    const docx = readDocx(buildDocx({ body: p('PHỤ LỤC') + table([header, group, row1, row2]) + p('Nơi nhận:') }));
    assert.deepStrictEqual(docx.text.split('\n').slice(0, 6), [
      'PHỤ LỤC',
      'TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian',
      'I | Tuyên truyền |  | ',
      '1 | Tổ chức hội nghị quán triệt ¦ phổ biến | Sở Tư pháp | Quý II/2025',
      '2 | Biên soạn tài liệu |  | Quý III/2025',
      'Nơi nhận:',
    ]);
    const tables = parsePlan(docx.text).tables;
    assert.strictEqual(tables.length, 1);
    assert.deepStrictEqual(tables[0].rows.map((r) => r.index?.value), ['I', '1', '2']);
    // Ordinals count every w:p, cell paragraphs included: PHỤ LỤC 0, 4 header cells 1–4, group 5–6,
    // row 1 is 7–11 (two paragraphs in the content cell), row 2 is 12–15, Nơi nhận 16.
    assert.strictEqual(docx.body.paragraphs.find((x) => x.text === 'Nơi nhận:')?.ordinal, 16);
    assert.deepStrictEqual(docx.map.toDocx(docx.text.indexOf('phổ biến')), { part: 'document', paragraph: 9, offset: 'quán triệt | '.length });
    assertMapRoundTrips(docx);
  });

  it('other tables (the two-column header) give one line per cell paragraph, row by row, as a copy from Word does', () => {
    const header = table([
      [tc(p('ỦY BAN NHÂN DÂN') + p('TỈNH THÁI NGUYÊN')), tc(p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') + p('Độc lập - Tự do - Hạnh phúc'))],
      [tc(p('Số: 12/KH-UBND')), tc(p('Thái Nguyên, ngày 5 tháng 3 năm 2025'))],
    ]);
    const docx = readDocx(buildDocx({ body: header + p('KẾ HOẠCH') }));
    assert.deepStrictEqual(docx.text.split('\n').slice(0, 7), ['ỦY BAN NHÂN DÂN', 'TỈNH THÁI NGUYÊN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 12/KH-UBND', 'Thái Nguyên, ngày 5 tháng 3 năm 2025', 'KẾ HOẠCH']);
    const doc = parsePlan(docx.text);
    assert.strictEqual(doc.header.number?.number, '12');
    assert.strictEqual(doc.header.docType?.value, 'KẾ HOẠCH');
  });

  it('footnotes: "[n]" where referenced, "[n] text" lines after the body, numbered in order of reference', () => {
    const ref = (id: number) => `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
    const note = (id: number, text: string) => `<w:footnote w:id="${id}"><w:p><w:r><w:footnoteRef/></w:r>${run(' ' + text)}</w:p></w:footnote>`;
    const body = para(run('Căn cứ Nghị định số 30/2020/NĐ-CP') + ref(7) + run('; Chỉ thị 05') + ref(3));
    const docx = readDocx(buildDocx({ body, footnotes: note(3, 'Chỉ thị số 05-CT/TW ngày 15/5/2016.') + note(7, 'Nghị định số 30/2020/NĐ-CP ngày 05/3/2020.') }));
    assert.strictEqual(docx.text, 'Căn cứ Nghị định số 30/2020/NĐ-CP[1]; Chỉ thị 05[2]\n\n[1] Nghị định số 30/2020/NĐ-CP ngày 05/3/2020.\n[2] Chỉ thị số 05-CT/TW ngày 15/5/2016.\n');
    const at = docx.text.indexOf('ngày 05/3/2020');
    assert.deepStrictEqual(docx.map.toDocx(at), { part: 'footnotes', paragraph: 3, offset: ' Nghị định số 30/2020/NĐ-CP '.length });
  });

  it('tracked changes read as accepted; comments, field codes and hidden text are not read; tabs and breaks kept', () => {
    const body = para(
      run('Sở ') +
        '<w:ins w:id="1" w:author="A"><w:r><w:t>Nội vụ</w:t></w:r></w:ins>' +
        '<w:del w:id="2" w:author="A"><w:r><w:delText>Tư pháp</w:delText></w:r></w:del>' +
        '<w:commentRangeStart w:id="0"/>' + run(' chủ trì') + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' +
        '<w:moveFrom w:id="3" w:author="A"><w:r><w:t> (cũ)</w:t></w:r></w:moveFrom>' +
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>' +
        '<w:r><w:tab/><w:t>trang</w:t></w:r>' +
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
        '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>/9</w:t></w:r></w:fldSimple>' +
        '<w:r><w:br/><w:t>dòng sau</w:t></w:r>',
    ) + '<w:moveTo w:id="4" w:author="A"><w:p><w:r><w:t>đoạn chuyển đến</w:t></w:r></w:p></w:moveTo>';
    const docx = readDocx(buildDocx({ body }));
    assert.strictEqual(docx.text, 'Sở Nội vụ chủ trì\ttrang3/9\ndòng sau\nđoạn chuyển đến\n');
    assertMapRoundTrips(docx);
  });

  it('heading levels from the style name or outline level', () => {
    const styles = '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Muc"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>';
    const docx = readDocx(buildDocx({ body: p('MỤC ĐÍCH', { style: 'Heading1' }) + p('Yêu cầu', { style: 'Muc' }) + p('Thân'), styles }));
    assert.deepStrictEqual(docx.body.paragraphs.map((x) => x.headingLevel), [1, 2, undefined]);
  });

  it('labels map to the start of their paragraph, marked as label', () => {
    const numbering = abstractNum(1, lvl(0, 'upperRoman', '%1.')) + num(1, 1);
    const docx = readDocx(buildDocx({ body: p('Mở đầu') + p('MỤC ĐÍCH', { numId: 1 }), numbering }));
    assert.strictEqual(docx.text, 'Mở đầu\nI. MỤC ĐÍCH\n');
    assert.deepStrictEqual(docx.map.toDocx(7), { part: 'document', paragraph: 1, offset: 0, label: true });
    assert.deepStrictEqual(docx.map.toDocx(10), { part: 'document', paragraph: 1, offset: 0 });
    assert.strictEqual(docx.map.toDerived({ paragraph: 1, offset: 0 }), 10);
  });
});

describe('docx reader: real documents', () => {
  it('Mẫu TK1-TS (BHXH): auto-numbered fields as the printed form shows them', () => {
    const docx = readDocx(fixture('bhxh-mau-tk1-ts.docx'));
    const labels = docx.body.paragraphs.filter((x) => x.list && x.ordinal < 30).map((x) => x.list!.text);
    // The form's own field numbers: [10]–[12] continue from start 10; [14.x] come from "[14.%1]".
    assert.deepStrictEqual(labels, ['I.', '[10]', '[10.1]', '[10.2]', '[11]', 'II.', '[12]', '[14.1]', '[14.3]', '[14.5]', '[15]', '[17]', '[18]', '[19]']);
    assert.ok(docx.text.includes('\n[10.1] Nhận sổ BHXH, thẻ BHYT bản điện tử'));
    assert.ok(docx.text.includes('\nStt | Họ và tên | Mã số BHXH | Ngày tháng năm sinh'), 'the member table as a pipe table');
    assertMapRoundTrips(docx);
  });

  it('Mẫu số 16 (TT 28/2015): quốc hiệu and tiêu ngữ on their own lines, typed labels kept', () => {
    const docx = readDocx(fixture('tt28-2015-mau-16.docx'));
    const lines = docx.text.split('\n');
    assert.ok(lines.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    assert.ok(lines.includes('Độc lập - Tự do - Hạnh phúc'));
    assert.ok(lines.some((l) => l.startsWith('   (1) Đơn vị thứ nhất')));
    assert.strictEqual(docx.body.paragraphs.filter((x) => x.list).length, 0);
    assertMapRoundTrips(docx);
  });

  it('Vĩnh Long technical statement: "2.1.1." from two numIds, as Word shows it', () => {
    const docx = readDocx(fixture('vinhlong-tuyen-bo-ky-thuat.docx'));
    const lines = docx.text.split('\n');
    for (const l of ['1. Giới thiệu chung về dự án, gói thầu', '2. Yêu cầu về kỹ thuật', '2.1. PHẦN MỀM HỆ THỐNG PHÒNG HỌP KHÔNG GIẤY TỜ VNPT-ECABINET', '2.1.1. Danh mục, thông số kỹ thuật']) {
      assert.ok(lines.includes(l), l);
    }
    assertMapRoundTrips(docx);
  });

  it('kehoach check --format json on a real .docx: each finding names a paragraph whose text is at that place', async () => {
    let out = '';
    const file = path.join(FIXTURES, 'docx', 'bhxh-mau-tk1-ts.docx');
    const code = await main(['check', '--format', 'json', '--no-parents', file], { out: (s) => (out += s), err: () => undefined });
    assert.ok(code === 0 || code === 1);
    const docx = readDocx(fixture('bhxh-mau-tk1-ts.docx'));
    const lineStarts = [0];
    for (let i = 0; i < docx.text.length; i++) if (docx.text[i] === '\n') lineStarts.push(i + 1);
    const findings = JSON.parse(out).files[0].findings as { range: { start: { line: number; character: number } }; docx: { paragraph: number; offset: number; label?: boolean } | null }[];
    assert.ok(findings.length > 0);
    for (const f of findings) {
      const at = lineStarts[f.range.start.line] + f.range.start.character;
      assert.ok(f.docx, 'every finding on text maps to a paragraph');
      if (f.docx.label) continue;
      const par = docx.body.paragraphs.find((x) => x.ordinal === f.docx!.paragraph)!;
      assert.strictEqual(par.text[f.docx.offset], docx.text[at]);
    }
  });
});

describe('docx reader: the example', () => {
  it('examples/ke-hoach-mau.docx (its points numbered by Word) reads back as exactly the example plan', () => {
    const root = path.resolve(FIXTURES, '..', '..');
    const docx = readDocx(fs.readFileSync(path.join(root, 'examples', 'ke-hoach-mau.docx')));
    assert.strictEqual(docx.text, fs.readFileSync(path.join(root, 'examples', 'ke-hoach-mau.kehoach.txt'), 'utf8'));
    assert.deepStrictEqual(docx.body.paragraphs.filter((x) => x.list).map((x) => x.list!.text), ['a)', 'b)', 'c)', 'd)', 'e)', 'f)']);
  });
});
