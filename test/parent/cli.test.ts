import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CORPUS } from '../helpers';
import { runCoverage } from '../../server/src/cli/coverage';

const L34 = path.join(CORPUS, 'laocai_34-nq-tu_2025_ocr.txt');
const L134 = path.join(CORPUS, 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCoverage(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('kehoach coverage (CLI module)', () => {
  it('text: a summary line and one entry per parent task', async () => {
    const r = await run([L134, '--parent', L34]);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /^34-NQ\/TU: 18 nhiệm vụ — \d+ đã cụ thể hóa, \d+ một phần, \d+ chưa cụ thể hóa\n/);
    assert.match(r.out, /\[đã cụ thể hóa\] II\.3 3\. Hoàn thành việc điều chỉnh quy hoạch tỉnh/);
    assert.match(r.out, /thời hạn cấp trên: 31\/01\/2026/);
  });

  it('markdown: a pipe table with the seven columns and a row per task', async () => {
    const r = await run([L134, '--parent', L34, '--format', 'markdown']);
    assert.strictEqual(r.code, 0, r.err);
    const rows = r.out.split('\n').filter((l) => l.startsWith('| '));
    assert.strictEqual(rows[0], '| Nhiệm vụ cấp trên | Nội dung | Thời hạn cấp trên | Mục trong kế hoạch | Cơ quan chủ trì | Thời hạn | Tình trạng |');
    assert.strictEqual(rows.length, 1 + 18);
    assert.ok(rows.some((l) => l.startsWith('| IV.1 |') && l.includes('(kế hoạch này)')));
  });

  it('csv: quoted fields, CRLF, English headers with --locale en', async () => {
    const r = await run([L134, '--parent', L34, '--format=csv', '--locale', 'en']);
    assert.strictEqual(r.code, 0, r.err);
    const lines = r.out.split('\r\n').filter((l) => l);
    assert.strictEqual(lines[0], '"Parent task","Content","Parent deadline","Plan items","Lead agency","Deadline","Status","Score"');
    assert.strictEqual(lines.length, 1 + 18);
    const ii4 = lines.find((l) => l.startsWith('"II.4"'));
    assert.ok(ii4 && ii4.includes('"31/03/2026"'), ii4);
  });

  it('json: parent, plan and per-task matches with lines', async () => {
    const r = await run([L134, '--parent', L34, '--format', 'json']);
    assert.strictEqual(r.code, 0, r.err);
    const data = JSON.parse(r.out);
    assert.strictEqual(data.length, 1);
    assert.strictEqual(data[0].parent.symbol, '34-NQ/TU');
    assert.strictEqual(data[0].plan.symbol, '134/KH-UBND');
    const ii4 = data[0].tasks.find((t: { label: string }) => t.label === 'II.4');
    assert.deepStrictEqual(ii4.deadline, { year: 2026, month: 3, day: 31 });
    assert.ok(ii4.matches.length > 0 && ii4.matches.every((m: { line: number }) => typeof m.line === 'number'));
  });

  it('without --parent: finds the parent in the plan’s folder by the number the plan cites', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-cov-'));
    try {
      fs.copyFileSync(L134, path.join(dir, 'kh134.txt'));
      fs.copyFileSync(L34, path.join(dir, 'nq34.txt'));
      fs.writeFileSync(path.join(dir, 'other.txt'), 'Số: 99/KH-UBND\nKẾ HOẠCH\nkhác\n');
      const r = await run([path.join(dir, 'kh134.txt'), '--format', 'json']);
      assert.strictEqual(r.code, 0, r.err);
      assert.strictEqual(JSON.parse(r.out)[0].parent.symbol, '34-NQ/TU');
      fs.unlinkSync(path.join(dir, 'nq34.txt'));
      const none = await run([path.join(dir, 'kh134.txt')]);
      assert.strictEqual(none.code, 2);
      assert.match(none.err, /không tìm thấy văn bản cấp trên \(kế hoạch trích dẫn 34-NQ\/TU\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without --parent: takes the parents listed in .kehoach.json, relative to it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-cov-'));
    try {
      fs.mkdirSync(path.join(dir, 'plans'));
      fs.mkdirSync(path.join(dir, 'parents'));
      fs.copyFileSync(L134, path.join(dir, 'plans', 'kh134.txt'));
      fs.copyFileSync(L34, path.join(dir, 'parents', 'nq34.txt'));
      fs.writeFileSync(path.join(dir, '.kehoach.json'), JSON.stringify({ parents: ['parents/nq34.txt'] }));
      const r = await run([path.join(dir, 'plans', 'kh134.txt'), '--format', 'json']);
      assert.strictEqual(r.code, 0, r.err);
      assert.strictEqual(JSON.parse(r.out)[0].parent.symbol, '34-NQ/TU');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bad usage and unreadable files exit 2 with a message', async () => {
    assert.strictEqual((await run([])).code, 2);
    assert.strictEqual((await run([L134, '--format', 'xml'])).code, 2);
    assert.strictEqual((await run([L134, '--bogus'])).code, 2);
    const missing = await run([L134, '--parent', path.join(CORPUS, 'nope.txt')]);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /không tìm thấy tệp/);
  });
});
