// The CLI as a child process against hostile workspaces (issue 14): it always finishes within a
// bound, says what it skipped, never quotes a file outside the project, and `--fix` applies only
// mechanical fixes unless asked, keeping the BOM and line endings.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, readCorpus } from '../helpers';
import { DEV_ZERO, linkTo, makeFifo, sparse } from './hostile-fs';

const BIN = path.join(ROOT, 'bin', 'kehoach.js');
/** Generous for a loaded CI machine; the bug this guards against is "forever". */
const BOUND_MS = 30000;

function kehoach(args: string[], cwd: string): { code: number | null; out: string; err: string; ms: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: BOUND_MS, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '', ms: Date.now() - started };
}

const PLAN = 'ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 12/KH-UBND\nTuyên Quang, ngày 05 tháng 3 năm 2025\n\nKẾ HOẠCH\nThực hiện Nghị quyết số 34-NQ/TU\n\nI. MỤC ĐÍCH\n1. Một\n1. Hai\n';

describe('safety: the CLI on a hostile workspace', function () {
  this.timeout(BOUND_MS * 4);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-hostile-cli-'));
    fs.writeFileSync(path.join(dir, 'plan.kehoach.txt'), PLAN);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const config = (o: unknown) => fs.writeFileSync(path.join(dir, '.kehoach.json'), typeof o === 'string' ? o : JSON.stringify(o));

  it('parents that are a FIFO, /dev/zero (direct and linked), a 2 GB sparse file: each skipped with a reason, the plan checked', function () {
    const fifo = makeFifo(path.join(dir, 'fifo.txt'));
    const zeroLink = DEV_ZERO ? linkTo(path.join(dir, 'zero.txt'), DEV_ZERO) : undefined;
    sparse(path.join(dir, 'sparse.txt'), 2 * 1024 * 1024 * 1024);
    const parents = ['sparse.txt', ...(fifo ? ['fifo.txt'] : []), ...(zeroLink ? ['zero.txt'] : [])];
    config({ parents });
    const r = kehoach(['check', 'plan.kehoach.txt'], dir);
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code} after ${r.ms} ms: ${r.err}`);
    assert.match(r.out, /KH101/, 'the plan itself is checked');
    assert.match(r.err, /sparse\.txt: tệp quá lớn/);
    if (fifo) assert.match(r.err, /fifo\.txt: không phải tệp thông thường \(FIFO\)/);
    // A link to /dev/zero resolves outside the project: refused before any read.
    if (zeroLink) assert.match(r.err, /zero\.txt nằm ngoài thư mục làm việc/);
  });

  it('"/etc/passwd" and a link out of the project as parents: skipped with a finding at the entry, never read', () => {
    linkTo(path.join(dir, 'out.txt'), '/etc/passwd');
    config({ parents: ['/etc/passwd', 'out.txt'] });
    const r = kehoach(['check', '--format', 'json', 'plan.kehoach.txt'], dir);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    assert.match(r.err, /"parents"\[0\]: .*passwd nằm ngoài thư mục làm việc/);
    assert.match(r.err, /"parents"\[1\]: .*out\.txt nằm ngoài thư mục làm việc/);
    assert.ok(!/root:/.test(r.out + r.err), 'nothing of /etc/passwd is shown');
    // The user's own choice on the command line is honoured.
    const own = kehoach(['check', '--parent', path.join(dir, 'plan.kehoach.txt'), 'plan.kehoach.txt'], dir);
    assert.ok(own.code === 0 || own.code === 1, own.err);
  });

  it('wrong types, prototype keys and unknown rules: a message each, defaults used, results printed', () => {
    config('{"parents": [1, null, {}], "directives": [{"path": 5}], "rules": {"KH999": "off", "KH101": "error"}, "__proto__": {"x": 1}}');
    const r = kehoach(['check', 'plan.kehoach.txt'], dir);
    assert.strictEqual(r.code, 1, `KH101 raised to error still applies: ${r.err}`);
    for (const place of ['"parents"[0]', '"parents"[1]', '"parents"[2]', '"directives"[0]', '"rules""KH999"', '"__proto__"']) {
      assert.ok(r.err.includes(`${place}: `), `${place} named in: ${r.err}`);
    }
    assert.ok(!/internal error|lỗi nội bộ/.test(r.err), r.err);
    assert.match(r.out, /KH101/);
  });

  it('an invalid or huge .kehoach.json: one message, defaults used', () => {
    config('{"rules": ');
    const bad = kehoach(['check', 'plan.kehoach.txt'], dir);
    assert.ok(bad.code === 0 || bad.code === 1, bad.err);
    assert.match(bad.err, /không phải JSON hợp lệ/);
    config(`{"parents": [${'"x.txt",'.repeat(200000)}"y.txt"]}`);
    const huge = kehoach(['check', 'plan.kehoach.txt'], dir);
    assert.ok(huge.code === 0 || huge.code === 1, huge.err);
    assert.match(huge.err, /tệp quá lớn/);
  });

  it('200,000 nonexistent parents (under the size limit): the list is cut and says so, quickly', () => {
    // Short names keep the file under the 1 MB config limit (800 KB).
    config({ parents: Array.from({ length: 200000 }, (_, i) => String(i % 10)) });
    const r = kehoach(['check', 'plan.kehoach.txt'], dir);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    assert.match(r.err, /"parents"\[50\]: danh sách có 200000 mục, chỉ dùng 50 mục đầu/);
    assert.ok(r.err.split('\n').length < 120, 'at most one line per kept parent');
  });

  it('a plan that is a FIFO or /dev/zero: exit 2 with a reason, no hang', function () {
    const fifo = makeFifo(path.join(dir, 'p.kehoach.txt'));
    if (fifo) {
      const r = kehoach(['check', fifo], dir);
      assert.strictEqual(r.code, 2);
      assert.match(r.err, /FIFO/);
    }
    if (DEV_ZERO) {
      const r = kehoach(['check', DEV_ZERO], dir);
      assert.strictEqual(r.code, 2);
      assert.match(r.err, /không phải tệp thông thường/);
    }
  });
});

describe('safety: --fix applies mechanical fixes only', function () {
  this.timeout(BOUND_MS * 4);
  // The plan from the issue: a blank citation number, a cited day and an agency's name that the
  // checker would "correct" — guesses a drafter must confirm.
  const SOURCE = readCorpus('chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt');
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-fix-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--fix leaves the blank number, the cited day and the agency name alone; --fix-type suggestion applies them', () => {
    const file = path.join(dir, 'plan.txt');
    fs.writeFileSync(file, SOURCE);
    const r = kehoach(['check', '--fix', '--date', '2025-02-01', file], dir);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    const fixed = fs.readFileSync(file, 'utf8');
    assert.ok(fixed.includes('Nghị quyết số /NQ-CP ngày 01 tháng 01 năm 2025'), 'blank number and day kept');
    assert.ok(fixed.includes('Bộ Khoa học, Công nghệ'), 'agency name kept');
    const again = kehoach(['check', '--fix', '--fix-type', 'suggestion', '--date', '2025-02-01', file], dir);
    assert.ok(again.code === 0 || again.code === 1, again.err);
    const suggested = fs.readFileSync(file, 'utf8');
    assert.ok(suggested.includes('Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2025'), 'asked for: suggestions applied');
    assert.ok(suggested.includes('Bộ Khoa học và Công nghệ'));
  });

  it('keeps a UTF-8 BOM and CRLF line endings byte for byte outside the edits', () => {
    const text = 'KẾ HOẠCH\r\nI. MỤC ĐÍCH\r\n1. Một\r\n1. Hai\r\n3. Ba ;\r\n';
    const file = path.join(dir, 'bom.txt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    const r = kehoach(['check', '--fix', file], dir);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    const bytes = fs.readFileSync(file);
    assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
    const after = bytes.subarray(3).toString('utf8');
    assert.notStrictEqual(after, text, 'something was fixed');
    assert.strictEqual(after.split('\r\n').length, text.split('\r\n').length, 'every CRLF kept');
    assert.ok(!/[^\r]\n/.test(after), 'no bare LF introduced');
    // Words kept: every word of the original is still there.
    for (const w of text.match(/\p{L}+/gu)!) assert.ok(after.includes(w), w);
    // Idempotent.
    kehoach(['check', '--fix', file], dir);
    assert.deepStrictEqual(fs.readFileSync(file), bytes);
  });

  it('keeps UTF-16 LE as UTF-16 LE', () => {
    const text = 'KẾ HOẠCH\r\nI. MỤC ĐÍCH\r\n1. Một\r\n1. Hai\r\n';
    const file = path.join(dir, 'u16.txt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    kehoach(['check', '--fix', file], dir);
    const bytes = fs.readFileSync(file);
    assert.deepStrictEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.match(bytes.subarray(2).toString('utf16le'), /1\. Một\r\n2\. Hai\r\n/);
  });

  it('JSON output names each fix\'s kind', () => {
    const file = path.join(dir, 'plan.txt');
    fs.writeFileSync(file, SOURCE);
    const r = kehoach(['check', '--format', 'json', '--date', '2025-02-01', file], dir);
    const findings = (JSON.parse(r.out) as { files: { findings: { rule: string; fixes: { kind: string }[] }[] }[] }).files[0].findings;
    const kinds = new Set(findings.filter((f) => f.rule === 'KH408').flatMap((f) => f.fixes.map((x) => x.kind)));
    assert.deepStrictEqual([...kinds], ['suggestion']);
  });

  it('--fix-type without --fix, or with an unknown kind, is a usage error', () => {
    fs.writeFileSync(path.join(dir, 'p.txt'), 'KẾ HOẠCH\n');
    assert.strictEqual(kehoach(['check', '--fix-type', 'suggestion', 'p.txt'], dir).code, 2);
    assert.strictEqual(kehoach(['check', '--fix', '--fix-type', 'layout', 'p.txt'], dir).code, 2);
  });
});
