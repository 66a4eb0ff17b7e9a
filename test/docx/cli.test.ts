// The CLI on Word files: parents given or found as .docx, a plan given as .docx, import to stdout
// and to a file, and --fix leaving a .docx alone.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { CORPUS } from '../helpers';
import { buildDocx, p } from './build';

const L34 = path.join(CORPUS, 'laocai_34-nq-tu_2025_ocr.txt');
const L134 = path.join(CORPUS, 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** A text file as a .docx: one paragraph per line (characters XML 1.0 cannot hold dropped). */
function asDocx(text: string): Uint8Array {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').split('\n');
  return buildDocx({ body: lines.map((l) => p(l)).join('') });
}

async function parentRules(args: string[]): Promise<string[]> {
  const r = await run(['check', '--format', 'json', ...args]);
  assert.ok(r.code === 0 || r.code === 1, r.err);
  return (JSON.parse(r.out).files[0].findings as { rule: string; category: string }[]).filter((f) => f.category === 'parent').map((f) => f.rule);
}

describe('kehoach CLI on Word files', function () {
  this.timeout(60000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-docx-cli-'));
  const parentDocx = path.join(dir, 'nghi-quyet-34.docx');
  const planDocx = path.join(dir, 'ke-hoach-134.docx');
  before(() => {
    fs.writeFileSync(parentDocx, asDocx(fs.readFileSync(L34, 'utf8')));
    fs.writeFileSync(planDocx, asDocx(fs.readFileSync(L134, 'utf8')));
  });

  it('a parent given as .docx gives the same parent findings as its text (KH904)', async () => {
    assert.deepStrictEqual(await parentRules(['--parent', L34, L134]), ['KH904']);
    assert.deepStrictEqual(await parentRules(['--parent', parentDocx, L134]), ['KH904']);
  });

  it('a plan given as .docx finds its .docx parent beside it by the number it cites', async () => {
    assert.deepStrictEqual(await parentRules([planDocx]), ['KH904']);
    assert.deepStrictEqual(await parentRules(['--no-parents', planDocx]), []);
  });

  it('import: to stdout, or to a file with -o', async () => {
    const r = await run(['import', planDocx]);
    assert.strictEqual(r.code, 0);
    assert.ok(r.out.startsWith(fs.readFileSync(L134, 'utf8').split('\n')[0].replace(/\r$/, '')));
    const out = path.join(dir, 'ke-hoach-134.kehoach.txt');
    assert.strictEqual((await run(['import', planDocx, '-o', out])).code, 0);
    assert.strictEqual(fs.readFileSync(out, 'utf8'), r.out);
    assert.strictEqual((await run(['import'])).code, 2);
    assert.strictEqual((await run(['import', planDocx, '-o', planDocx])).code, 2, 'never overwrites the .docx');
  });

  it('--fix does not touch a .docx', async () => {
    const before = fs.readFileSync(planDocx);
    const r = await run(['check', '--fix', '--no-parents', planDocx]);
    assert.ok(r.code === 0 || r.code === 1);
    assert.match(r.err, /không sửa tệp Word/);
    assert.ok(fs.readFileSync(planDocx).equals(before));
  });

  it('SARIF names the paragraph of each finding', async () => {
    const r = await run(['check', '--format', 'sarif', '--no-parents', planDocx]);
    const results = JSON.parse(r.out).runs[0].results as { locations: { logicalLocations?: { name: string }[] }[]; properties?: { docx?: { paragraph: number } } }[];
    assert.ok(results.length > 0);
    for (const res of results) {
      assert.match(res.locations[0].logicalLocations?.[0].name ?? '', /^paragraph \d+$/);
      assert.strictEqual(typeof res.properties?.docx?.paragraph, 'number');
    }
  });
});
