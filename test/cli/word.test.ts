// `kehoach export` and `kehoach review` on the command line: the files they write, their names,
// and nothing written (exit 2, a clear message) when the input is bad.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { readDocx } from '../../server/src/core/docx';
import { defaultOutput } from '../../server/src/cli/word';
import { FIXTURES, ROOT } from '../helpers';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('CLI: kehoach export / review', function () {
  this.timeout(60000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-word-'));
  const plan = path.join(dir, 'ke-hoach-mau.kehoach.txt');
  fs.copyFileSync(path.join(ROOT, 'examples', 'ke-hoach-mau.kehoach.txt'), plan);

  it('names the outputs after the input', () => {
    assert.strictEqual(defaultOutput('a/ke-hoach.kehoach.txt', 'export'), 'a/ke-hoach.docx');
    assert.strictEqual(defaultOutput('plan.txt', 'export'), 'plan.docx');
    assert.strictEqual(defaultOutput('a/X.docx', 'review'), 'a/X.reviewed.docx');
  });

  it('exports a plan to PLAN.docx that reads back as the plan', async () => {
    const r = await run(['export', plan]);
    assert.strictEqual(r.code, 0, r.err);
    const docx = path.join(dir, 'ke-hoach-mau.docx');
    assert.strictEqual(r.out.trim(), docx);
    const text = readDocx(new Uint8Array(fs.readFileSync(docx))).text;
    assert.match(text, /^Số: 58\/KH-UBND$/m);
    assert.match(text, /^I\. MỤC ĐÍCH, YÊU CẦU$/m);
  });

  it('writes the reviewer\'s copy of a .docx with -o, and says how many comments', async () => {
    const out = path.join(dir, 'copy.docx');
    const r = await run(['review', path.join(FIXTURES, 'docx', 'review', 'nd30-phu-luc-ii.docx'), '-o', out, '--date', '2026-01-10']);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /copy\.docx: 2 góp ý \(2 comments\)/);
    assert.ok(fs.existsSync(out));
  });

  it('refuses bad input with exit 2 and writes nothing', async () => {
    const cases: [string, string[]][] = [
      ['a text file given to review', ['review', plan, '-o', path.join(dir, 'nope1.docx')]],
      ['a missing file', ['review', path.join(dir, 'missing.docx'), '-o', path.join(dir, 'nope2.docx')]],
      ['a .docx given to export', ['export', path.join(FIXTURES, 'docx', 'review', 'nd30-phu-luc-ii.docx'), '-o', path.join(dir, 'nope3.docx')]],
      ['an output that is the input', ['export', plan, '-o', plan]],
      ['no file', ['review']],
    ];
    for (const [label, args] of cases) {
      const r = await run(args);
      assert.strictEqual(r.code, 2, `${label}: exit ${r.code}`);
      assert.match(r.err, /kehoach: /, label);
      assert.ok(!/\n\s+at .+:\d+:\d+\)/.test(r.err), `${label}: stack trace`);
    }
    const legacy = path.join(dir, 'old.docx');
    fs.writeFileSync(legacy, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    const r = await run(['review', legacy]);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /Word 97–2003/);
    assert.deepStrictEqual(fs.readdirSync(dir).filter((f) => f.startsWith('nope') || f.includes('.reviewed') || f.endsWith('.tmp')), []);
  });
});
