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
import { defaultConfig, mergeConfig } from '../../server/src/core/config';
import { reviewPlanDocx } from '../../server/src/core/docx/review';
import { corpusFiles, readCorpus, FIXTURES, ROOT } from '../helpers';
import { buildDocx, escapeXml, W } from './build';
import { textWidthTwips } from '../../server/src/core/docx/textWidth';
import { DOMParser, XMLSerializer, type Element as XElement, type Node as XNode } from '@xmldom/xmldom';
import { parsePlan } from '../../server/src/core/parse';
import { headerParts, recipientsBlock, signatureBlock } from '../../server/src/core/rules/layout-common';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';

/** Layout findings of a .docx: rule and the paragraph ordinal it is anchored on. */
function layoutFindings(bytes: Uint8Array): { rule: string; paragraph: number; message: string }[] {
  const docx = readDocx(bytes);
  const { findings } = checkPlan(docx.text, undefined, { layout: readLayout(bytes, docx), today: { year: 2026, month: 6, day: 1 } });
  const layout = findings.filter((f) => f.category === 'layout');
  // Every layout finding says how to fix it (applied in the reviewer's copy where Word can track it).
  for (const f of layout) assert.ok(f.layoutFix?.title, `${f.rule} carries a fix description`);
  return layout.map((f) => ({ rule: f.rule, paragraph: docx.map.toDocx(f.start)?.paragraph ?? -1, message: f.message }));
}

// -- a generated ND30 page ----------------------------------------------------------------------

interface RunOpts { size?: number; bold?: boolean; italic?: boolean; font?: string }
interface ParaOpts { jc?: string; firstLine?: number; after?: number; line?: number; bottomBorder?: boolean; left?: number; right?: number; extra?: string }
const run = (text: string, o: RunOpts = {}) =>
  `<w:r><w:rPr>${o.font ? `<w:rFonts w:ascii="${o.font}" w:hAnsi="${o.font}"/>` : ''}${o.bold ? '<w:b/>' : ''}${o.italic ? '<w:i/>' : ''}${o.size ? `<w:sz w:val="${o.size * 2}"/>` : ''}</w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
const para = (runs: string, o: ParaOpts = {}) =>
  `<w:p><w:pPr>${o.bottomBorder ? '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>' : ''}` +
  `<w:spacing w:after="${o.after ?? 0}" w:line="${o.line ?? 240}" w:lineRule="auto"/>` +
  `${o.firstLine !== undefined || o.left !== undefined ? `<w:ind${o.left !== undefined ? ` w:left="${o.left}" w:right="${o.right ?? o.left}"` : ''}${o.firstLine !== undefined ? ` w:firstLine="${o.firstLine}"` : ''}/>` : ''}` +
  `<w:jc w:val="${o.jc ?? 'center'}"/></w:pPr>${runs}${o.extra ?? ''}</w:p>`;
/** A table cell `width` twips wide (Word's default cell margins, 108 each side, apply). */
const cell = (ps: string, width?: number) => `<w:tc>${width ? `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>` : ''}${ps}</w:tc>`;
/** An empty paragraph whose bottom border is a rule `length` twips long, centred in a column `room` wide. */
const rule = (room: number, length: number) => para('', { bottomBorder: true, left: Math.round((room - length) / 2) });
/** A DrawingML line shape `length` twips long (EMU = twips × 635). */
const drawnLine = (length: number) =>
  `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="${length * 635}" cy="0"/>` +
  `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:spPr><a:prstGeom prst="line"/></wps:spPr></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
/** A VML straight line `pt` points long. */
const vmlLine = (pt: number) => `<w:r><w:pict><v:line xmlns:v="urn:schemas-microsoft-com:vml" from="0,0" to="${pt}pt,0"/></w:pict></w:r>`;
/** A picture (not a line): a VML rectangle. */
const vmlBox = `<w:r><w:pict><v:rect xmlns:v="urn:schemas-microsoft-com:vml" style="width:120pt;height:30pt"/></w:pict></w:r>`;

const BODY = 'Tổ chức quán triệt, tuyên truyền sâu rộng nội dung Nghị quyết đến cán bộ, công chức, viên chức và Nhân dân trên địa bàn tỉnh.';
const ISSUER = 'ỦY BAN NHÂN DÂN TỈNH LÀO CAI';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const SUBJECT = 'Chuyển đổi số tỉnh Lào Cai năm 2026';
/** Column widths of the header table and the text width of the page (A4, 30 and 15 mm margins). */
const LEFT = 3700, RIGHT = 5655, PAGE_TEXT = 11906 - 1701 - 850, CELL_ROOM = (w: number) => w - 216;
const widthOf = (text: string, size: number) => textWidthTwips(text, size, true);

interface Page {
  page?: { w: number; h: number; top: number; bottom: number; left: number; right: number };
  nationalName?: RunOpts;
  docType?: RunOpts;
  body?: { run?: RunOpts; para?: ParaOpts };
  recipientsLabel?: RunOpts;
  recipients?: RunOpts;
  /** The paragraphs under the issuer, the motto and the trích yếu (default: a rule of the right length). */
  issuerRule?: string;
  mottoRule?: string;
  subjectRule?: string;
  /** Run formats of the signature's titles and name; the name's paragraph. */
  signatureTitle?: RunOpts;
  signerName?: RunOpts;
  signerPara?: ParaOpts;
  /** The signature's cell left of Nơi nhận's. */
  signatureFirst?: boolean;
  /** The page-number header part (a PAGE field); none when absent. */
  pageNumber?: { rPr: string; fmt?: string };
}

/** Nơi nhận (left) and the signature (right) as a borderless table; the other way round when asked. */
function closing(o: Page, title: RunOpts): string {
  const recipients = cell(para(run('Nơi nhận:', o.recipientsLabel ?? { size: 12, bold: true, italic: true }), { jc: 'left' }) + para(run('- Như trên;', o.recipients ?? { size: 11 }), { jc: 'left' }), 4490);
  const signature = cell(para(run('TM. ỦY BAN NHÂN DÂN', title)) + para(run('KT. CHỦ TỊCH', title)) + para(run('PHÓ CHỦ TỊCH', title)) + para('') + para('') +
    para(run('Nguyễn Văn Minh', o.signerName ?? { size: 14, bold: true }), o.signerPara), 4865);
  return `<w:tbl><w:tblPr/><w:tr>${o.signatureFirst ? signature + recipients : recipients + signature}</w:tr></w:tbl>`;
}

/** An ND30 page (A4, 20/20/30/15 mm, Times New Roman by docDefaults), with parts overridden. */
function nd30Page(o: Page = {}): Uint8Array {
  const pg = o.page ?? { w: 11906, h: 16838, top: 1134, bottom: 1134, left: 1701, right: 850 };
  const title = o.signatureTitle ?? { size: 14, bold: true };
  const body =
    `<w:tbl><w:tblPr/><w:tr>${cell(para(run(ISSUER, { size: 12, bold: true })) + (o.issuerRule ?? rule(CELL_ROOM(LEFT), Math.min(widthOf(ISSUER, 12), CELL_ROOM(LEFT)) * 0.4)) + para(run('Số: 21/KH-UBND', { size: 13 })), LEFT)}` +
    cell(para(run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', o.nationalName ?? { size: 12, bold: true })) + para(run(MOTTO, { size: 13, bold: true })) +
      (o.mottoRule ?? rule(CELL_ROOM(RIGHT), widthOf(MOTTO, 13))) +
      para(run('Lào Cai, ngày 20 tháng 01 năm 2026', { size: 13, italic: true })), RIGHT) + '</w:tr></w:tbl>' +
    para(run('KẾ HOẠCH', o.docType ?? { size: 14, bold: true })) +
    para(run(SUBJECT, { size: 14, bold: true })) +
    (o.subjectRule ?? rule(PAGE_TEXT, widthOf(SUBJECT, 14) * 0.4)) +
    para(run('I. MỤC ĐÍCH, YÊU CẦU', { size: 14, bold: true }), { jc: 'both', firstLine: 720, after: 120 }) +
    para(run(BODY, o.body?.run ?? { size: 14 }), { jc: 'both', firstLine: 720, after: 120, line: 276, ...o.body?.para }) +
    para(run(BODY, { size: 14 }), { jc: 'both', firstLine: 720, after: 120, line: 276 }) +
    closing(o, title);
  const headerRefs = o.pageNumber ? '<w:headerReference w:type="default" r:id="rIdH1"/><w:headerReference w:type="first" r:id="rIdH2"/>' : '';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}` +
    `<w:sectPr>${headerRefs}<w:pgSz w:w="${pg.w}" w:h="${pg.h}"/><w:pgMar w:top="${pg.top}" w:right="${pg.right}" w:bottom="${pg.bottom}" w:left="${pg.left}" w:header="567" w:footer="567" w:gutter="0"/>` +
    `${o.pageNumber?.fmt ? `<w:pgNumType w:fmt="${o.pageNumber.fmt}"/>` : ''}${o.pageNumber ? '<w:titlePg/>' : ''}</w:sectPr></w:body></w:document>`;
  const styles = '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>';
  const hdr = (inner: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="${W}">${inner}</w:hdr>`;
  const extra: Record<string, string> = { 'word/document.xml': document };
  if (o.pageNumber) {
    extra['word/header1.xml'] = hdr(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:rPr>${o.pageNumber.rPr}</w:rPr><w:t>2</w:t></w:r></w:fldSimple></w:p>`);
    extra['word/header2.xml'] = hdr('<w:p/>');
    extra['word/_rels/document.xml.rels'] = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' +
      '<Relationship Id="rIdH2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>';
  }
  return buildDocx({ body: '', styles, extra });
}

// Paragraph ordinals of the generated page.
const P = {
  issuer: 0, issuerRule: 1, number: 2, nationalName: 3, motto: 4, mottoRule: 5, placeDate: 6, docType: 7, subject: 8, subjectRule: 9, heading: 10, body: 11,
  recipientsLabel: 13, recipients: 14, authority: 15, title: 16, name: 20,
};

/**
 * Cuts a .docx into pieces: each holds only the body blocks around paragraphs [first, last] of the
 * original, with its styles, parts and last section (the XML is parsed once).
 */
function docxCutter(bytes: Uint8Array): (first: number, last: number) => Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']);
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const body = doc.getElementsByTagNameNS(W, 'body')[0];
  const ps = Array.from(doc.getElementsByTagNameNS(W, 'p'));
  const top = (n: XNode): XNode => (n.parentNode === body ? n : top(n.parentNode!));
  const kids = Array.from(body.childNodes).filter((n) => n.nodeType === 1);
  const serializer = new XMLSerializer();
  const blocks = kids.map((k) => serializer.serializeToString(k));
  const sectPr = kids.filter((k) => (k as XElement).localName === 'sectPr').map((k) => serializer.serializeToString(k)).join('');
  const open = xml.slice(0, xml.indexOf('<w:body>') + '<w:body>'.length);
  return (first, last) => {
    const from = kids.indexOf(top(ps[first])), to = kids.indexOf(top(ps[last]));
    const cut = `${open}${blocks.slice(from, to + 1).filter((_, i) => (kids[from + i] as XElement).localName !== 'sectPr').join('')}${sectPr}</w:body></w:document>`;
    return zipSync({ ...files, 'word/document.xml': strToU8(cut) }, { level: 0 }); // stored: the test needs a package, not a small one
  };
}

describe('layout rules (KH10xx) on .docx', () => {
  it('a generated ND30 page raises none (with page numbers from page 2, top centre, 14 pt)', () => {
    assert.deepStrictEqual(layoutFindings(nd30Page()), []);
    assert.deepStrictEqual(layoutFindings(nd30Page({ pageNumber: { rPr: '<w:sz w:val="28"/>' } })), []);
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
    { name: 'page number 11 pt italic, lower Roman', page: { pageNumber: { rPr: '<w:i/><w:sz w:val="22"/>', fmt: 'lowerRoman' } }, rule: 'KH1007', paragraph: 0, says: /không phải chữ số Ả Rập \(lowerRoman\); số trang cỡ 11 \(phải 13–14\); số trang in nghiêng/ },
    { name: 'signature titles 12 pt, not bold', page: { signatureTitle: { size: 12 } }, rule: 'KH1008', paragraph: P.authority, says: /^Quyền hạn, chức vụ người ký: cỡ chữ 12 \(phải 13–14\); chưa in đậm.*II\.7\.đ/ },
    { name: 'signer\'s name italic', page: { signerName: { size: 14, bold: true, italic: true } }, rule: 'KH1008', paragraph: P.name, says: /^Họ tên người ký: in nghiêng \(phải chữ đứng\)/ },
    { name: 'signer\'s name left under centred titles', page: { signerPara: { jc: 'left' } }, rule: 'KH1008', paragraph: P.name, says: /^Họ tên người ký: chưa canh giữa so với chức vụ/ },
    { name: 'signature left of Nơi nhận', page: { signatureFirst: true }, rule: 'KH1008', paragraph: P.recipientsLabel, says: /^Khối chữ ký nằm bên trái "Nơi nhận"/ },
    { name: 'issuer ruled across its column (border on its own paragraph)', page: { issuerRule: para('', { bottomBorder: true }) }, rule: 'KH1009', paragraph: P.issuer, says: /^Đường kẻ dưới tên cơ quan ban hành: đường kẻ dài khoảng \d+% dòng chữ \(phải dài 1\/3–1\/2 dòng chữ.*II\.2\.b/ },
    { name: 'no line under the motto', page: { mottoRule: para('') }, rule: 'KH1009', paragraph: P.motto, says: /^Thiếu đường kẻ dưới tiêu ngữ .*II\.1\.b/ },
    { name: 'motto line drawn half as long (DrawingML)', page: { mottoRule: para('', { extra: drawnLine(Math.round(widthOf(MOTTO, 13) / 2)) }) }, rule: 'KH1009', paragraph: P.motto, says: /^Đường kẻ dưới tiêu ngữ: đường kẻ dài khoảng 50% dòng chữ/ },
    { name: 'trích yếu line a VML line as long as the text', page: { subjectRule: para('', { extra: vmlLine(Math.round(widthOf(SUBJECT, 14) / 20)) }) }, rule: 'KH1009', paragraph: P.subject, says: /^Đường kẻ dưới trích yếu: đường kẻ dài khoảng 100% dòng chữ/ },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.rule} on paragraph ${c.paragraph}, nothing else`, () => {
      const found = layoutFindings(nd30Page(c.page));
      assert.deepStrictEqual(found.map((f) => [f.rule, f.paragraph]), [[c.rule, c.paragraph]], JSON.stringify(found));
      assert.match(found[0].message, c.says);
    });
  }

  it('lines drawn in a way not read, or of the right length, are not judged', () => {
    // a picture where the motto's line would be: not a line we can measure; and none elsewhere is "missing"
    assert.deepStrictEqual(layoutFindings(nd30Page({ mottoRule: para('', { extra: vmlBox }), issuerRule: para('') })), []);
    // an underlined motto prints its own line: not "missing"
    const underlined = strFromU8(unzipSync(nd30Page({ mottoRule: para('') }))['word/document.xml']);
    assert.ok(underlined.includes(`<w:b/><w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">${MOTTO}`));
    const files = unzipSync(nd30Page({ mottoRule: para('') }));
    files['word/document.xml'] = strToU8(underlined.replace(`<w:b/><w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">${MOTTO}`, `<w:b/><w:sz w:val="26"/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">${MOTTO}`));
    assert.deepStrictEqual(layoutFindings(zipSync(files)), []);
    // the right lengths drawn as shapes
    assert.deepStrictEqual(layoutFindings(nd30Page({
      mottoRule: para('', { extra: vmlLine(Math.round(widthOf(MOTTO, 13) / 20)) }),
      subjectRule: para('', { extra: drawnLine(Math.round(widthOf(SUBJECT, 14) * 0.4)) }),
    })), []);
  });

  it('the reviewer\'s copy applies the formatting fixes as tracked changes: no layout finding left that it can fix, text unchanged', () => {
    const page = nd30Page({
      page: { w: 12240, h: 15840, top: 1440, bottom: 1440, left: 1440, right: 1440 },
      nationalName: { size: 14 },
      body: { run: { size: 12, font: 'Arial' }, para: { jc: 'left', firstLine: 0, after: 0 } },
      recipients: { size: 13 },
      signatureTitle: { size: 12 },
      signerName: { size: 14, bold: true, italic: true },
    });
    const before = layoutFindings(page);
    assert.deepStrictEqual([...new Set(before.map((f) => f.rule))].sort(), ['KH1001', 'KH1002', 'KH1003', 'KH1004', 'KH1005', 'KH1006', 'KH1008']);
    const { bytes, findings } = reviewPlanDocx(page, mergeConfig(defaultConfig(), {}), { today: { year: 2026, month: 6, day: 1 }, date: '2026-06-01T00:00:00Z' });
    assert.ok(findings.filter((f) => f.category === 'layout').every((f) => f.layoutFix), 'every layout finding carries a fix');
    assert.strictEqual(readDocx(bytes).text, readDocx(page).text, 'not a word changed');
    assert.deepStrictEqual(layoutFindings(bytes), [], 'the fixed copy raises none');
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
    // Tracked: each change keeps what was there (Word shows "Formatted: …", accept or reject).
    assert.match(xml, /<w:sectPrChange w:id="\d+" w:author="kehoach" w:date="2026-06-01T00:00:00Z"><w:sectPr><w:pgSz w:w="12240" w:h="15840"\/><w:pgMar w:top="1440"/);
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"\/><w:pgMar w:top="1440" w:right="1134" w:bottom="1440" w:left="1701"/);
    assert.match(xml, /<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"\/><w:sz w:val="26"\/><w:szCs w:val="26"\/><w:rPrChange [^>]*><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"\/><w:sz w:val="24"\/><\/w:rPr><\/w:rPrChange>/);
    assert.match(xml, /<w:ind w:firstLine="720"\/><w:jc w:val="both"\/><w:pPrChange [^>]*><w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"\/><w:ind w:firstLine="0"\/><w:jc w:val="left"\/><\/w:pPr><\/w:pPrChange>/);
    assert.doesNotMatch(xml, /<w:(del|ins)\b/, 'no text inserted or deleted');
    const comments = strFromU8(unzipSync(bytes)['word/comments.xml']);
    assert.match(comments, /Gợi ý sửa: Bố cục › Kích thước › A4 \(210 × 297 mm\).*Đã sửa định dạng trong bản này/);
  });

  it('the decree\'s own model documents (Phụ lục III, sixteen samples cut out one by one) raise none of the header, body, Nơi nhận, signature and line rules', () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, 'docx', 'nd30-phu-luc-iii.docx'));
    const docx = readDocx(bytes);
    const layout = readLayout(bytes, docx);
    // Each sample opens after a heading "Mẫu 1.4 - …" that carries a drawn rule.
    const heads = layout.paragraphs.filter((p) => !p.inTable && /^Mẫu/.test(p.text) && p.shapes.length > 0).map((p) => p.ordinal);
    assert.strictEqual(heads.length, 16);
    let judged = 0;
    const cut = docxCutter(bytes);
    heads.forEach((head, k) => {
      const sample = cut(head + 1, (heads[k + 1] ?? layout.paragraphs.length) - 1);
      const d = readDocx(sample);
      const l = readLayout(sample, d);
      const { doc, findings } = checkPlan(d.text, undefined, { layout: l, today: { year: 2026, month: 6, day: 1 } });
      // Page and font are the appendix's own (KH1001–KH1003), not the sample's.
      const found = findings.filter((f) => f.category === 'layout' && !['KH1001', 'KH1002', 'KH1003'].includes(f.rule)).map((f) => `${f.rule}: ${f.message}`);
      assert.deepStrictEqual(found, [], `sample after paragraph ${head}`);
      if (headerParts({ doc, layout: l } as never, l).nationalName && recipientsBlock(l)) judged++;
    });
    // Most samples have a quốc hiệu and a Nơi nhận block the rules judged (the others are a telegram, copies).
    assert.ok(judged >= 10, `${judged} samples judged`);
  });

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

  it('the export\'s signature block and header lines are read and judged (so its silence means they conform)', () => {
    const bytes = exportPlanDocx(fs.readFileSync(path.join(ROOT, 'examples', 'ke-hoach-chuan.kehoach.txt'), 'utf8'));
    const docx = readDocx(bytes);
    const layout = readLayout(bytes, docx);
    const sig = signatureBlock({ doc: parsePlan(docx.text), layout } as never, layout);
    assert.deepStrictEqual(sig && [sig.titles.map((p) => p.text), sig.name?.text], [['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], 'Nguyễn Thành Sinh']);
    // The same page with its rules drawn across the whole column (indents dropped): three findings.
    const files = unzipSync(bytes);
    files['word/document.xml'] = strToU8(strFromU8(files['word/document.xml']).replace(/(<w:pBdr><w:bottom [^>]*\/><\/w:pBdr>.*?)<w:ind w:left="\d+" w:right="\d+"\/>/g, '$1'));
    const found = layoutFindings(zipSync(files));
    assert.deepStrictEqual(found.map((f) => f.rule), ['KH1009', 'KH1009', 'KH1009'], JSON.stringify(found));
    assert.match(found.map((f) => f.message).join('\n'), /tên cơ quan ban hành: đường kẻ dài khoảng \d+%[^]*tiêu ngữ: đường kẻ dài khoảng \d+%[^]*trích yếu: đường kẻ dài khoảng \d+%/);
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
