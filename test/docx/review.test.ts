// The reviewer's copy: one Word comment per finding, anchored on exactly its text; every other part
// of the package unchanged. A golden on a real .docx (Phụ lục II of Nghị định 30, see
// test/fixtures/docx/SOURCES.md) and generated documents for the awkward cases: an anchor across
// runs of different formatting, a finding on a label Word draws from numbering.xml, a document
// that already has comments, bad input.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync, strFromU8 } from 'fflate';
import { reviewPlanDocx } from '../../server/src/core/docx/review';
import { readDocx, DocxReadError } from '../../server/src/core/docx';
import { defaultConfig, type LintConfig } from '../../server/src/core/config';
import type { Finding } from '../../server/src/core/check';
import { FIXTURES, UPDATE_GOLDEN } from '../helpers';
import { W, buildDocx, abstractNum, lvl, num, p } from './build';

const DIR = path.join(FIXTURES, 'docx', 'review');
const REAL = path.join(DIR, 'nd30-phu-luc-ii.docx');
const CONFIG: LintConfig = { ...defaultConfig(), planDate: '2026-01-10' };

type El = import('@xmldom/xmldom').Element;
const parse = (bytes: Uint8Array) => new DOMParser().parseFromString(strFromU8(bytes), 'text/xml');

/**
 * The text each comment covers, by id: the document walked in order, every w:t, tab and break
 * between a commentRangeStart and its commentRangeEnd, paragraph ends as newlines.
 */
function anchoredTexts(documentXml: Uint8Array): Map<string, string> {
  const doc = parse(documentXml);
  const open = new Map<string, string>();
  const done = new Map<string, string>();
  const add = (s: string) => open.forEach((v, k) => open.set(k, v + s));
  const walk = (el: El) => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as El;
      if (e.namespaceURI !== W) continue;
      const id = e.getAttributeNS(W, 'id') ?? '';
      if (e.localName === 'commentRangeStart') open.set(id, '');
      else if (e.localName === 'commentRangeEnd') (done.set(id, open.get(id) ?? ''), open.delete(id));
      else if (e.localName === 't') add(e.textContent ?? '');
      else if (e.localName === 'tab') add('\t');
      else if (e.localName === 'br') add('\n');
      else if (e.localName === 'del' || e.localName === 'instrText') continue;
      else {
        walk(e);
        if (e.localName === 'p') add('\n');
      }
    }
  };
  walk(doc.documentElement as El);
  return done;
}

function commentsOf(commentsXml: Uint8Array): { id: string; author: string; initials: string; text: string }[] {
  const doc = parse(commentsXml);
  return (Array.from(doc.getElementsByTagNameNS(W, 'comment')) as El[]).map((c) => ({
    id: c.getAttributeNS(W, 'id') ?? '',
    author: c.getAttributeNS(W, 'author') ?? '',
    initials: c.getAttributeNS(W, 'initials') ?? '',
    text: (Array.from(c.getElementsByTagNameNS(W, 'p')) as El[]).map((p) => (Array.from(p.getElementsByTagNameNS(W, 't')) as El[]).map((t) => t.textContent).join('')).join('\n'),
  }));
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** readDocx, once per byte array (reading a large .docx is the slow part of these tests). */
const readCache = new WeakMap<Uint8Array, ReturnType<typeof readDocx>>();
function read(bytes: Uint8Array): ReturnType<typeof readDocx> {
  let d = readCache.get(bytes);
  if (!d) readCache.set(bytes, (d = readDocx(bytes)));
  return d;
}

/**
 * Each finding's comment covers the finding's text: the derived text's characters that are in the
 * .docx (a list label Word draws and the reader's separators are not); a finding on a label alone
 * covers its paragraph's text.
 */
function assertAnchors(out: Uint8Array, findings: Finding[], original: Uint8Array): void {
  const docx = read(original);
  const files = unzipSync(out);
  const anchored = anchoredTexts(files['word/document.xml']);
  const comments = commentsOf(files['word/comments.xml']);
  findings.forEach((f, i) => {
    // comments are written in the findings' order, after any the document already had
    const c = comments[comments.length - findings.length + i];
    assert.ok(c && c.text.startsWith(f.message) && c.text.includes(`${f.rule} (${f.alias})`), `comment ${i} is not the one for ${f.rule} ${f.message}`);
    let want = '';
    for (let k = f.start; k < f.end; k++) {
      const loc = docx.map.toDocx(k);
      want += loc && !loc.label ? docx.text[k] : ' ';
    }
    if (squash(want) === '') {
      const loc = docx.map.toDocx(f.start)!;
      want = docx.body.paragraphs.find((p) => p.ordinal === loc.paragraph)!.text;
    }
    assert.strictEqual(squash(anchored.get(c!.id) ?? ''), squash(want), `comment ${i} (${f.rule}) covers the wrong text`);
  });
}

describe("Word review: the reviewer's copy", function () {
  this.timeout(60000);
  const original = new Uint8Array(fs.readFileSync(REAL));
  const { bytes: reviewed, findings } = reviewPlanDocx(original, CONFIG);
  const before = unzipSync(original);
  const after = unzipSync(reviewed);

  it('matches the golden document.xml and comments.xml of a real .docx', () => {
    for (const part of ['word/document.xml', 'word/comments.xml']) {
      const golden = path.join(DIR, `nd30-phu-luc-ii.reviewed.${path.basename(part)}`);
      if (UPDATE_GOLDEN) fs.writeFileSync(golden, after[part]);
      assert.strictEqual(strFromU8(after[part]), fs.readFileSync(golden, 'utf8'), part);
    }
  });

  it('adds one comment per finding, by kehoach, with the message, the rule and the fix', () => {
    assert.ok(findings.length >= 2, `expected findings in the real document, got ${findings.length}`);
    const comments = commentsOf(after['word/comments.xml']);
    assert.strictEqual(comments.length, findings.length);
    assert.deepStrictEqual(new Set(comments.map((c) => c.id)).size, comments.length, 'comment ids are unique');
    for (const c of comments) {
      assert.strictEqual(c.author, 'kehoach');
      assert.strictEqual(c.initials, 'KH');
      assert.match(c.text, /\nQuy tắc: KH\d{3,4} \([a-z-]+\)/);
    }
    const defunct = comments.find((c) => c.text.includes('KH801'))!;
    assert.match(defunct.text, /Gợi ý sửa: /, 'a fixable finding carries its fix');
  });

  it('anchors each comment on exactly the text of its finding', () => {
    assertAnchors(reviewed, findings, original);
    const anchored = anchoredTexts(after['word/document.xml']);
    assert.ok([...anchored.values()].includes('Bộ Tài nguyên và Môi trường'));
  });

  it('leaves the text unchanged and copies every other part byte for byte', () => {
    assert.strictEqual(readDocx(reviewed).text, readDocx(original).text);
    const changed = ['word/document.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml', 'word/comments.xml'];
    assert.deepStrictEqual(Object.keys(after).filter((n) => !changed.includes(n)), Object.keys(before).filter((n) => !changed.includes(n)), 'same parts, same order');
    for (const name of Object.keys(before)) {
      if (changed.includes(name)) continue;
      assert.ok(Buffer.from(after[name]).equals(Buffer.from(before[name])), `${name} changed`);
    }
    assert.match(strFromU8(after['[Content_Types].xml']), /PartName="\/word\/comments\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.comments\+xml"/);
    assert.match(strFromU8(after['word/_rels/document.xml.rels']), /relationships\/comments" Target="comments\.xml"/);
    // the relationships the original had are all still there
    for (const id of strFromU8(before['word/_rels/document.xml.rels']).match(/Id="[^"]+"/g) ?? []) assert.ok(strFromU8(after['word/_rels/document.xml.rels']).includes(id));
  });

  it('appends to the comments a document already has (a second review of the reviewed copy)', () => {
    const again = reviewPlanDocx(reviewed, CONFIG);
    const files = unzipSync(again.bytes);
    const comments = commentsOf(files['word/comments.xml']);
    assert.strictEqual(comments.length, 2 * findings.length);
    assert.strictEqual(new Set(comments.map((c) => c.id)).size, comments.length);
    assert.deepStrictEqual(comments.slice(0, findings.length), commentsOf(after['word/comments.xml']), 'the first comments are kept as they were');
    assert.strictEqual((strFromU8(files['[Content_Types].xml']).match(/comments\.xml/g) ?? []).length, 1);
    assert.strictEqual((strFromU8(files['word/_rels/document.xml.rels']).match(/relationships\/comments"/g) ?? []).length, 1);
    assertAnchors(again.bytes, again.findings, reviewed);
  });

  it('splits runs so the anchor covers exactly the text, keeping each run its formatting', () => {
    const body =
      p('KẾ HOẠCH') + p('Thử nghiệm') + p('I. NHIỆM VỤ') +
      '<w:p><w:r><w:t xml:space="preserve">1. Giao Sở </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Kế hoạch và</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> Đầu tư chủ trì xây dựng kế hoạch.</w:t></w:r></w:p>';
    const bytes = buildDocx({ body });
    const { bytes: out, findings: fs2 } = reviewPlanDocx(bytes, CONFIG);
    const defunct = fs2.filter((f) => f.rule === 'KH801');
    assert.strictEqual(defunct.length, 1);
    assertAnchors(out, fs2, bytes);
    const xml = strFromU8(unzipSync(out)['word/document.xml']);
    const id = /<w:commentRangeStart w:id="(\d+)"\/><w:r><w:t xml:space="preserve">Sở <\/w:t><\/w:r>/.exec(xml);
    assert.ok(id, 'the range starts at "Sở", after the split "1. Giao "');
    assert.ok(xml.includes(`<w:r><w:rPr><w:b/></w:rPr><w:t>Kế hoạch và</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> Đầu tư</w:t></w:r><w:commentRangeEnd w:id="${id![1]}"/>`), 'bold run kept, italic run split after "Đầu tư"');
    assert.ok(xml.includes(`<w:r><w:commentReference w:id="${id![1]}"/></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> chủ trì xây dựng kế hoạch.</w:t></w:r>`));
    assert.strictEqual(readDocx(out).text, readDocx(bytes).text);
  });

  it("anchors a finding on a label Word draws (numbering.xml's \"e)\" after \"d)\") on the item's text", () => {
    const numbering = abstractNum(1, lvl(0, 'lowerLetter', '%1)')) + num(7, 1);
    const items = ['Một;', 'Hai;', 'Ba;', 'Bốn;', 'Năm;', 'Sáu.'].map((s) => p(s, { numId: 7, ilvl: 0 })).join('');
    const bytes = buildDocx({ body: p('KẾ HOẠCH') + p('Thử nghiệm') + p('I. NHIỆM VỤ') + p('1. Các nội dung') + items, numbering });
    const derived = readDocx(bytes).text;
    assert.match(derived, /d\) Bốn;\ne\) Năm;/, 'the reader shows what Word shows');
    const { bytes: out, findings: fs2 } = reviewPlanDocx(bytes, CONFIG);
    const letter = fs2.find((f) => f.rule === 'KH102');
    assert.ok(letter, 'KH102 on "e)"');
    const comments = commentsOf(unzipSync(out)['word/comments.xml']);
    const c = comments.find((x) => x.text.includes('KH102'))!;
    assert.strictEqual(anchoredTexts(unzipSync(out)['word/document.xml']).get(c.id), 'Năm;');
  });

  it('anchors every finding of every real .docx fixture, text unchanged, other parts intact', () => {
    const dir = path.join(FIXTURES, 'docx');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.docx')).map((f) => path.join(dir, f));
    assert.ok(files.length >= 1);
    for (const file of [...files, REAL]) {
      const bytes = new Uint8Array(fs.readFileSync(file));
      const derived = read(bytes).text;
      const out = reviewPlanDocx(bytes, CONFIG);
      assert.strictEqual(readDocx(out.bytes).text, derived, `${path.basename(file)}: text changed`);
      assert.strictEqual(commentsOf(unzipSync(out.bytes)['word/comments.xml']).length, out.findings.length);
      assertAnchors(out.bytes, out.findings, bytes);
    }
  });

  it('refuses what is not a .docx with a clear error, and writes nothing', () => {
    assert.throws(() => reviewPlanDocx(new TextEncoder().encode('KẾ HOẠCH\nkhông phải Word'), CONFIG), (e: unknown) => e instanceof DocxReadError && /không phải tài liệu Word/.test((e as Error).message));
    const noDocument = buildDocx({ body: '', noDocument: true });
    assert.throws(() => reviewPlanDocx(noDocument, CONFIG), DocxReadError);
  });
});
