// Bad .docx input: each gets a clear bilingual message (core) and exit 2 with nothing written (CLI),
// in bounded time and memory.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DOMParser } from '@xmldom/xmldom';
import { readDocx, DocxReadError, type DocxErrorCode } from '../../server/src/core/docx';
import { main } from '../../server/src/cli/main';
import { buildDocx, p } from './build';
import { deflated, oleWith, stored, writeZip } from './rawzip';
import { FIXTURES } from '../helpers';

const W_DOC = (body: string) => `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;

function failure(bytes: Uint8Array): DocxReadError {
  try {
    readDocx(bytes);
  } catch (e) {
    if (e instanceof DocxReadError) return e;
    throw e;
  }
  assert.fail('expected a DocxReadError');
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const good = buildDocx({ body: p('KẾ HOẠCH') + p('Thực hiện nhiệm vụ năm 2025') });
const MB = 1024 * 1024;

/** Each bad input: its bytes, the error code, and a word of the Vietnamese message. */
const CASES: [string, () => Uint8Array, DocxErrorCode, RegExp][] = [
  ['a zip bomb (declared size over the limit)', () => writeZip([deflated('word/document.xml', Buffer.alloc(80 * MB, 0x20))]), 'too-large', /bom nén|giới hạn/],
  ['a zip bomb that lies about its size', () => writeZip([deflated('word/document.xml', Buffer.alloc(80 * MB, 0x20), 4096)]), 'too-large', /giới hạn/],
  ['a zip with too many entries', () => writeZip(Array.from({ length: 6000 }, (_, i) => stored(`x/${i}.xml`, ''))), 'too-large', /mục/],
  ['a truncated .docx', () => good.subarray(0, Math.floor(good.length / 2)), 'truncated', /cắt cụt/],
  ['a .docx with its end cut off a few bytes', () => good.subarray(0, good.length - 8), 'truncated', /cắt cụt/],
  ['an encrypted (password) document', () => oleWith(['EncryptionInfo', 'EncryptedPackage']), 'encrypted', /mật khẩu/],
  ['a legacy Word 97–2003 .doc', () => fs.readFileSync(path.join(FIXTURES, 'docx', 'legacy-word97.doc')), 'legacy-doc', /97–2003/],
  ['a zip without word/document.xml', () => buildDocx({ body: '', noDocument: true }), 'no-document', /document\.xml/],
  ['an Excel file', () => writeZip([stored('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'), stored('xl/workbook.xml', '<workbook/>')]), 'no-document', /Excel/],
  ['not a zip at all', () => Buffer.from('KẾ HOẠCH\nđây là văn bản thường', 'utf8'), 'not-zip', /không phải/],
  ['an empty file', () => new Uint8Array(0), 'not-zip', /rỗng/],
  ['malformed XML', () => writeZip([stored('word/document.xml', W_DOC('<w:p><w:r><w:t>chưa đóng'))]), 'bad-xml', /không đọc được/],
  [
    'a DOCTYPE with nested entities ("billion laughs")',
    () => writeZip([stored('word/document.xml', `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>` + W_DOC('<w:p><w:r><w:t>&c;</w:t></w:r></w:p>').replace(/^<\?xml[^>]*>/, ''))]),
    'bad-xml',
    /DOCTYPE/,
  ],
];

describe('docx reader: bad input', function () {
  this.timeout(30000);
  for (const [label, make, code, words] of CASES) {
    it(`${label}: ${code}, bounded time`, () => {
      const bytes = make();
      const started = Date.now();
      const err = failure(bytes);
      const ms = Date.now() - started;
      assert.strictEqual(err.code, code, err.message);
      assert.match(err.text.vi, words);
      assert.ok(err.text.en.length > 10, 'an English message too');
      // A sanity bound, not a benchmark: a bomb must be refused, not inflated (80 MB would take seconds).
      assert.ok(ms < 3000, `took ${ms} ms`);
    });
  }

  it('xmldom itself does not expand entities from an internal DTD, nor read external ones', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;"><!ENTITY e SYSTEM "file:///etc/hostname">]><r>&b;&e;</r>';
    const doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml');
    const text = doc.documentElement?.textContent ?? '';
    assert.ok(!text.includes('AAAAA'), `expanded: ${text}`);
    assert.ok(text.length < 20, `expanded: ${text}`);
  });

  describe('CLI', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-docx-bad-'));
    for (const [label, make] of CASES) {
      it(`check and import: ${label} → exit 2, a message, nothing written`, async () => {
        const file = path.join(dir, label.replace(/\W+/g, '-') + '.docx');
        fs.writeFileSync(file, make());
        const checked = await run(['check', file]);
        assert.strictEqual(checked.code, 2);
        assert.match(checked.err, /\(.*[a-z].*\)/, 'a bilingual message on stderr');
        assert.ok(!/\n\s+at .+:\d+:\d+/.test(checked.out + checked.err), 'no stack trace');
        const out = path.join(dir, 'out.kehoach.txt');
        const imported = await run(['import', file, '-o', out]);
        assert.strictEqual(imported.code, 2);
        assert.ok(!fs.existsSync(out), 'import -o must not create the output');
        // An existing output is not truncated either.
        fs.writeFileSync(out, 'bản cũ');
        assert.strictEqual((await run(['import', file, '-o', out])).code, 2);
        assert.strictEqual(fs.readFileSync(out, 'utf8'), 'bản cũ');
        fs.unlinkSync(out);
      });
    }
  });
});
