// Layout rules (KH10xx) on real and generated .docx: a real form with known deviations (read and
// judged by hand), ND30 pages built here with one deviation each, and the export's own pages,
// which must raise none.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readDocx } from '../../server/src/core/docx';
import { readLayout } from '../../server/src/core/docx/format';
import { exportPlanDocx } from '../../server/src/core/docx/export';
import { checkPlan } from '../../server/src/core/check';
import { corpusFiles, readCorpus, FIXTURES, ROOT } from '../helpers';
import { buildDocx, escapeXml, W } from './build';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';

/** Layout findings of a .docx: rule and the paragraph ordinal it is anchored on. */
function layoutFindings(bytes: Uint8Array): { rule: string; paragraph: number; message: string }[] {
  const docx = readDocx(bytes);
  const { findings } = checkPlan(docx.text, undefined, { layout: readLayout(bytes, docx), today: { year: 2026, month: 6, day: 1 } });
  return findings.filter((f) => f.category === 'layout').map((f) => ({ rule: f.rule, paragraph: docx.map.toDocx(f.start)?.paragraph ?? -1, message: f.message }));
}

// -- a generated ND30 page ----------------------------------------------------------------------

interface RunOpts { size?: number; bold?: boolean; italic?: boolean; font?: string }
interface ParaOpts { jc?: string; firstLine?: number; after?: number; line?: number; bottomBorder?: boolean }
const run = (text: string, o: RunOpts = {}) =>
  `<w:r><w:rPr>${o.font ? `<w:rFonts w:ascii="${o.font}" w:hAnsi="${o.font}"/>` : ''}${o.bold ? '<w:b/>' : ''}${o.italic ? '<w:i/>' : ''}${o.size ? `<w:sz w:val="${o.size * 2}"/>` : ''}</w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
const para = (runs: string, o: ParaOpts = {}) =>
  `<w:p><w:pPr>${o.bottomBorder ? '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>' : ''}` +
  `<w:spacing w:after="${o.after ?? 0}" w:line="${o.line ?? 240}" w:lineRule="auto"/>${o.firstLine !== undefined ? `<w:ind w:firstLine="${o.firstLine}"/>` : ''}<w:jc w:val="${o.jc ?? 'center'}"/></w:pPr>${runs}</w:p>`;
const cell = (ps: string) => `<w:tc>${ps}</w:tc>`;

const BODY = 'Tổ chức quán triệt, tuyên truyền sâu rộng nội dung Nghị quyết đến cán bộ, công chức, viên chức và Nhân dân trên địa bàn tỉnh.';

interface Page {
  page?: { w: number; h: number; top: number; bottom: number; left: number; right: number };
  nationalName?: RunOpts;
  docType?: RunOpts;
  body?: { run?: RunOpts; para?: ParaOpts };
  recipientsLabel?: RunOpts;
  recipients?: RunOpts;
}

/** An ND30 page (A4, 20/20/30/15 mm, Times New Roman by docDefaults), with parts overridden. */
function nd30Page(o: Page = {}): Uint8Array {
  const pg = o.page ?? { w: 11906, h: 16838, top: 1134, bottom: 1134, left: 1701, right: 850 };
  const body =
    `<w:tbl><w:tblPr/><w:tr>${cell(para(run('ỦY BAN NHÂN DÂN TỈNH LÀO CAI', { size: 12, bold: true }), { bottomBorder: true }) + para(run('Số: 21/KH-UBND', { size: 13 })))}` +
    cell(para(run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', o.nationalName ?? { size: 12, bold: true })) + para(run('Độc lập - Tự do - Hạnh phúc', { size: 13, bold: true }), { bottomBorder: true }) +
      para(run('Lào Cai, ngày 20 tháng 01 năm 2026', { size: 13, italic: true }))) + '</w:tr></w:tbl>' +
    para(run('KẾ HOẠCH', o.docType ?? { size: 14, bold: true })) +
    para(run('Chuyển đổi số tỉnh Lào Cai năm 2026', { size: 14, bold: true }), { bottomBorder: true }) +
    para(run('I. MỤC ĐÍCH, YÊU CẦU', { size: 14, bold: true }), { jc: 'both', firstLine: 720, after: 120 }) +
    para(run(BODY, o.body?.run ?? { size: 14 }), { jc: 'both', firstLine: 720, after: 120, line: 276, ...o.body?.para }) +
    para(run(BODY, { size: 14 }), { jc: 'both', firstLine: 720, after: 120, line: 276 }) +
    `<w:tbl><w:tblPr/><w:tr>${cell(para(run('Nơi nhận:', o.recipientsLabel ?? { size: 12, bold: true, italic: true }), { jc: 'left' }) + para(run('- Như trên;', o.recipients ?? { size: 11 }), { jc: 'left' }))}` +
    cell(para(run('TM. ỦY BAN NHÂN DÂN', { size: 14, bold: true }))) + '</w:tr></w:tbl>';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}` +
    `<w:sectPr><w:pgSz w:w="${pg.w}" w:h="${pg.h}"/><w:pgMar w:top="${pg.top}" w:right="${pg.right}" w:bottom="${pg.bottom}" w:left="${pg.left}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const styles = '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>';
  return buildDocx({ body: '', styles, extra: { 'word/document.xml': document } });
}

// Paragraph ordinals of the generated page.
const P = { issuer: 0, number: 1, nationalName: 2, motto: 3, placeDate: 4, docType: 5, subject: 6, heading: 7, body: 8, recipientsLabel: 10, recipients: 11 };

describe('layout rules (KH10xx) on .docx', () => {
  it('a generated ND30 page raises none', () => {
    assert.deepStrictEqual(layoutFindings(nd30Page()), []);
  });

  const cases: { name: string; page: Page; rule: string; paragraph: number; says: RegExp }[] = [
    { name: 'Letter paper', page: { page: { w: 12240, h: 15840, top: 1134, bottom: 1134, left: 1701, right: 850 } }, rule: 'KH1001', paragraph: 0, says: /216 × 279 mm, không phải A4/ },
    { name: 'Word default margins', page: { page: { w: 11906, h: 16838, top: 1440, bottom: 1440, left: 1440, right: 1440 } }, rule: 'KH1002', paragraph: 0, says: /: lề trái 25,4 mm \(phải 30–35 mm\); lề phải 25,4 mm \(phải 15–20 mm\)\./ },
    { name: 'Arial body', page: { body: { run: { size: 14, font: 'Arial' } } }, rule: 'KH1003', paragraph: P.body, says: /Phông chữ "Arial"/ },
    { name: 'quốc hiệu 14 not bold', page: { nationalName: { size: 14 } }, rule: 'KH1004', paragraph: P.nationalName, says: /^Quốc hiệu: cỡ chữ 14 \(phải 12–13\); chưa in đậm/ },
    { name: 'document type italic', page: { docType: { size: 14, bold: true, italic: true } }, rule: 'KH1004', paragraph: P.docType, says: /^Tên loại văn bản: in nghiêng/ },
    { name: 'body 12 pt', page: { body: { run: { size: 12 } } }, rule: 'KH1005', paragraph: P.body, says: /cỡ chữ 12 \(phải 13–14\)/ },
    { name: 'body left-aligned', page: { body: { para: { jc: 'left' } } }, rule: 'KH1005', paragraph: P.body, says: /canh trái, chưa canh đều hai lề/ },
    { name: 'no first-line indent', page: { body: { para: { firstLine: 0 } } }, rule: 'KH1005', paragraph: P.body, says: /dòng đầu không lùi vào/ },
    { name: 'no space after', page: { body: { para: { after: 0 } } }, rule: 'KH1005', paragraph: P.body, says: /cách đoạn sau 0 pt \(tối thiểu 6 pt\)/ },
    { name: 'double line spacing', page: { body: { para: { line: 480 } } }, rule: 'KH1005', paragraph: P.body, says: /giãn dòng 2 dòng/ },
    { name: 'Nơi nhận 14 upright', page: { recipientsLabel: { size: 14, bold: true } }, rule: 'KH1006', paragraph: P.recipientsLabel, says: /^"Nơi nhận": cỡ chữ 14 \(phải 12\); chưa in nghiêng/ },
    { name: 'recipients 13', page: { recipients: { size: 13 } }, rule: 'KH1006', paragraph: P.recipients, says: /^Danh sách nơi nhận: cỡ chữ 13 \(phải 11\)/ },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.rule} on paragraph ${c.paragraph}, nothing else`, () => {
      const found = layoutFindings(nd30Page(c.page));
      assert.deepStrictEqual(found.map((f) => [f.rule, f.paragraph]), [[c.rule, c.paragraph]], JSON.stringify(found));
      assert.match(found[0].message, c.says);
    });
  }

  it('a real form (Mẫu 16, TT 28/2015) gets the deviations it has, each on its paragraph', () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, 'docx', 'tt28-2015-mau-16.docx'));
    // Read by hand in the document's XML: Letter page 12240×15840; the quốc hiệu in 14 pt; the text
    // from "Theo Quyết định số…" (p13) in Calibri; p14 "Tôi thông báo…" and the next prose 0 pt apart (Word's 1-inch top and bottom, 25.4 mm, are within half a millimetre and not reported); p21 indented 360 twips.
    assert.deepStrictEqual(layoutFindings(bytes).map((f) => `${f.rule}@${f.paragraph}`), ['KH1001@0', 'KH1004@1', 'KH1003@13', 'KH1005@14', 'KH1005@21']);
  });

  it('the other real fixtures: only what their sectPr says (Letter paper, 1-inch or narrower margins); no header guessed from a title', () => {
    const found = (name: string) => layoutFindings(fs.readFileSync(path.join(FIXTURES, 'docx', name))).map((f) => `${f.rule}@${f.paragraph}`);
    // Mẫu TK1-TS: five sections — A4 with 26 mm left and 9.4 mm right (p0), landscape (not judged),
    // A4 27/10 mm (p122), A4 28.4/32.3 mm top/bottom (p162), and a trailing Letter section holding
    // one empty paragraph (prints nothing: not judged).
    assert.deepStrictEqual(found('bhxh-mau-tk1-ts.docx'), ['KH1002@0', 'KH1002@122', 'KH1002@162']);
    // A Letter page with Word's 1-inch margins; its title "BẢNG TUYÊN BỐ…" is not an issuing body.
    assert.deepStrictEqual(found('vinhlong-tuyen-bo-ky-thuat.docx'), ['KH1001@0', 'KH1002@0']);
    // Phụ lục II of the decree itself: A4, 25/20/35/20 mm; its title is not judged as a header.
    assert.deepStrictEqual(found('review/nd30-phu-luc-ii.docx'), []);
  });

  it('the export (kehoach export) raises no layout finding on the examples and the corpus plans', () => {
    const plans = [
      ...['ke-hoach-chuan.kehoach.txt', 'ke-hoach-mau.kehoach.txt'].map((f) => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8')),
      ...corpusFiles().map(readCorpus),
    ];
    for (const text of plans) assert.deepStrictEqual(layoutFindings(exportPlanDocx(text)), []);
  });

  it('page numbers shown on page 1 (the export without "different first page"): KH1007 on the first paragraph', () => {
    const files = unzipSync(exportPlanDocx(fs.readFileSync(path.join(ROOT, 'examples', 'ke-hoach-chuan.kehoach.txt'), 'utf8')));
    const xml = strFromU8(files['word/document.xml']);
    assert.ok(xml.includes('<w:titlePg/>'));
    files['word/document.xml'] = strToU8(xml.replace('<w:titlePg/>', ''));
    const found = layoutFindings(zipSync(files));
    assert.deepStrictEqual(found.map((f) => [f.rule, f.paragraph]), [['KH1007', 0]]);
    assert.match(found[0].message, /trang đầu có hiện số trang/);
  });

  it('layout rules stay silent on plain text (no Word formatting to judge)', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'ke-hoach-mau.kehoach.txt'), 'utf8');
    assert.deepStrictEqual(checkPlan(text).findings.filter((f) => f.category === 'layout'), []);
  });
});
