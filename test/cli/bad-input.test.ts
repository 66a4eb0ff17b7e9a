// Bad input for the CLI: every case gets a clear message or findings, never a stack trace.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { decodePlanBytes, guessLegacyEncoding } from '../../server/src/planFile';
import { readCorpus } from '../helpers';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('CLI on bad input', function () {
  this.timeout(60000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-bad-'));
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const plan = readCorpus('thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt');
  const noTrace = (r: { out: string; err: string }) => assert.ok(!/\n\s+at .+\(.*:\d+:\d+\)/.test(r.out + r.err), 'printed a stack trace');

  const cases: [string, () => string, number | 'findings'][] = [
    ['an empty file', () => file('empty.txt', ''), 'findings'],
    ['binary data', () => file('bin.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), 2],
    ['NUL bytes in text', () => file('nul.txt', 'KẾ HOẠCH\u0000\u0000\nI. MỤC ĐÍCH\n'), 'findings'],
    ['a 1 MB single line', () => file('oneline.txt', plan.replace(/\r?\n/g, ' ').repeat(25).slice(0, 1 << 20)), 'findings'],
    ['UTF-16 LE with BOM', () => file('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plan, 'utf16le')])), 'findings'],
    ['mixed line endings', () => file('mixed.txt', plan.split('\n').map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('')), 'findings'],
    ['NFD throughout', () => file('nfd.txt', plan.normalize('NFD')), 'findings'],
    ['a missing file', () => path.join(dir, 'nope.txt'), 2],
    ['a directory', () => dir, 2],
  ];
  for (const [label, make, expected] of cases) {
    it(`answers ${label} clearly`, async () => {
      const r = await run(['check', make()]);
      noTrace(r);
      if (expected === 'findings') assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.err}`);
      else {
        assert.strictEqual(r.code, expected);
        assert.match(r.err, /kehoach: .+: .+/);
      }
    });
  }

  it('says a file is empty, has NUL characters or was read as UTF-16, and checks it anyway', async () => {
    const empty = await run(['check', file('empty-note.txt', '\r\n  \n')]);
    assert.strictEqual(empty.code, 0);
    assert.match(empty.err, /empty-note\.txt: tệp rỗng/);
    const nul = await run(['check', file('nul-note.txt', 'KẾ HOẠCH\u0000\u0000\nI. MỤC ĐÍCH\n')]);
    assert.match(nul.err, /có 2 ký tự NUL/);
    const utf16 = await run(['check', file('utf16-note.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plan, 'utf16le')]))]);
    assert.match(utf16.err, /UTF-16 LE/);
    assert.match(utf16.out, /KH101/, 'the UTF-16 plan is checked like the UTF-8 one (its III. twice)');
    const clean = await run(['check', file('plain.txt', plan)]);
    assert.strictEqual(clean.err, '');
  });

  it('refuses a file over the size limit with a message, and checks a 10 MB one', async () => {
    const big = file('big.txt', plan.repeat(Math.ceil((10 << 20) / Buffer.byteLength(plan))));
    const r = await run(['check', '--format', 'json', big]);
    noTrace(r);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    assert.ok(JSON.parse(r.out).files[0].findings.length >= 0);
  });

  it('names the legacy encoding of TCVN3, VNI and Windows-1258 files', async () => {
    const tcvn3 = Buffer.from('Uû ban nh©n d©n tØnh ban hµnh KÕ ho¹ch thùc hiÖn NghÞ quyÕt sè 94/NQ-CP', 'latin1');
    const vni = Buffer.from('UÛy ban nhaân daân tænh ban haønh Keá hoaïch thöïc hieän Nghò quyeát soá 94/NQ-CP', 'latin1');
    const cp1258 = Buffer.from('Ky\u00ecn ho\u00f2ach th\u00fd\u00f2c hi\u00ea\u00f2n Ngh\u00ec quy\u00ea\u00ect', 'latin1');
    assert.strictEqual(guessLegacyEncoding(tcvn3), 'tcvn3');
    assert.strictEqual(guessLegacyEncoding(vni), 'vni');
    assert.strictEqual(guessLegacyEncoding(cp1258), 'windows-1258');
    const r = await run(['check', file('tcvn3.txt', tcvn3)]);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /TCVN3/);
    assert.match(r.err, /Unicode/);
  });

  it('says invalid UTF-8 is not UTF-8', () => {
    const r = decodePlanBytes(Buffer.from([0x4b, 0xe1, 0xba, 0x20, 0xff, 0xfe, 0x41]));
    assert.strictEqual(r.text, undefined);
    assert.match(r.error ?? '', /UTF-8/);
  });

  it('rejects bad usage with exit 2 and the usage text', async () => {
    for (const args of [[], ['check'], ['check', '--format', 'xml', 'a.txt'], ['check', '--date', '2026-13-45', 'a.txt'], ['frobnicate']]) {
      const r = await run(args);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.match(r.out + r.err, /kehoach check/);
    }
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));
});
