// The workspace index on its own: the key each corpus file declares, read from its head only;
// limits; the open editor's text over the disk; which copy of a parent a plan gets.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parsePlan } from '../../server/src/core';
import { parentKeyOf } from '../../server/src/core/parent';
import { headOf, isIndexable, ownKeyOf, WorkspaceIndex } from '../../server/src/workspace/index';
import { corpusFiles, readCorpus } from '../helpers';

const PARENT_34 = 'laocai_34-nq-tu_2025_ocr.txt';
const PLAN_134 = 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-index-'));
}

describe('lsp: workspace index', () => {
  it('the first 4 KB give the same number as the whole file, for every corpus file', () => {
    assert.ok(corpusFiles().length >= 7);
    for (const f of corpusFiles()) {
      const text = readCorpus(f);
      const full = parentKeyOf(parsePlan(text))?.key;
      const head = parentKeyOf(parsePlan(headOf(text, 4096)))?.key;
      assert.strictEqual(head, full, f);
    }
  });

  it('own numbers: 34-NQ/TU and 134/KH-UBND; none for plans whose first number is the parent they cite', () => {
    const own = (f: string) => ownKeyOf(headOf(readCorpus(f), 4096));
    assert.strictEqual(own(PARENT_34), '34||NQ|TU');
    assert.strictEqual(own(PLAN_134), '134||KH|UBND');
    assert.strictEqual(own('bochinhtri_57-nq-tw_2024.txt'), '57||NQ|TW');
    // "KẾ HOẠCH Triển khai thực hiện Nghị quyết số 94/NQ-CP …" has no "Số:" line of its own.
    assert.strictEqual(own('thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt'), undefined);
    assert.strictEqual(own('tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt'), undefined);
    for (const junk of ['', '\u0000\u0001\u0002', 'Số:', '\uFFFD'.repeat(5000)]) assert.strictEqual(ownKeyOf(junk), undefined);
  });

  it('limits: at most maxFiles candidates, files above maxBytes skipped, a text file named .docx is no Word parent', async () => {
    const dir = tempDir();
    try {
      const parent = readCorpus(PARENT_34);
      fs.writeFileSync(path.join(dir, 'a.txt'), parent);
      fs.writeFileSync(path.join(dir, 'b.md'), readCorpus(PLAN_134));
      fs.writeFileSync(path.join(dir, 'c.docx'), parent);
      const small = new WorkspaceIndex({ maxBytes: 20_000 });
      await small.scan([dir]);
      assert.deepStrictEqual(small.filesFor('34||NQ|TU'), [path.join(dir, 'a.txt')]);
      assert.deepStrictEqual(small.filesFor('134||KH|UBND'), [], '25 KB plan above the 20 KB limit');
      const few = new WorkspaceIndex({ maxFiles: 1 });
      await few.scan([dir]);
      assert.strictEqual(few.size, 1);
      assert.ok(few.truncated);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an open document\'s text wins over the disk, until it is closed', async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'nq.txt');
      const parent = readCorpus(PARENT_34);
      fs.writeFileSync(file, parent);
      const index = new WorkspaceIndex();
      await index.scan([dir]);
      assert.strictEqual(index.keyOf(file), '34||NQ|TU');
      const moved = index.setOpenText(file, parent.replace('Số 34 -NQ/TU', 'Số 35 -NQ/TU'));
      assert.deepStrictEqual(moved, { before: '34||NQ|TU', after: '35||NQ|TU' });
      assert.deepStrictEqual(index.filesFor('34||NQ|TU'), []);
      // Typing below the head does not re-read anything.
      const same = index.setOpenText(file, parent.replace('Số 34 -NQ/TU', 'Số 35 -NQ/TU') + '\nthêm một dòng');
      assert.deepStrictEqual(same, { before: '35||NQ|TU', after: '35||NQ|TU' });
      assert.deepStrictEqual(index.closeText(file), { before: '35||NQ|TU', after: '34||NQ|TU' });
      assert.deepStrictEqual(index.remove(file), { before: '34||NQ|TU', after: undefined });
      assert.strictEqual(index.size, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('watched files: only .txt/.md/.docx inside a workspace folder, outside node_modules, out and dot-folders', () => {
    const ws = path.join(os.tmpdir(), 'ws');
    assert.ok(isIndexable(path.join(ws, 'nq', '34.txt'), [ws]));
    assert.ok(isIndexable(path.join(ws, 'kh.md'), [ws]));
    assert.ok(isIndexable(path.join(ws, 'kh.docx'), [ws]));
    assert.ok(!isIndexable(path.join(ws, 'kh.pdf'), [ws]));
    assert.ok(!isIndexable(path.join(ws, 'node_modules', 'x', 'a.txt'), [ws]));
    assert.ok(!isIndexable(path.join(ws, 'out', 'a.txt'), [ws]));
    assert.ok(!isIndexable(path.join(ws, '.git', 'a.txt'), [ws]));
    assert.ok(!isIndexable(path.join(os.tmpdir(), 'elsewhere', 'a.txt'), [ws]));
  });

  it('a plan gets the copy of its parent nearest to it, never itself', async () => {
    const dir = tempDir();
    try {
      const parent = readCorpus(PARENT_34);
      for (const sub of ['luu-tru', 'ke-hoach']) fs.mkdirSync(path.join(dir, sub));
      fs.writeFileSync(path.join(dir, 'luu-tru', 'nq34.txt'), parent);
      fs.writeFileSync(path.join(dir, 'ke-hoach', 'nq34-ban-sao.txt'), parent);
      fs.writeFileSync(path.join(dir, 'ke-hoach', 'kh134.txt'), readCorpus(PLAN_134));
      const index = new WorkspaceIndex();
      await index.scan([dir]);
      const plan = path.join(dir, 'ke-hoach', 'kh134.txt');
      assert.deepStrictEqual(index.parentsFor(['34||NQ|TU', '134||KH|UBND', '99||NQ|CP'], plan), [path.join(dir, 'ke-hoach', 'nq34-ban-sao.txt')]);
      assert.deepStrictEqual(index.parentsFor(['34||NQ|TU'], path.join(dir, 'luu-tru', 'khac.txt')), [path.join(dir, 'luu-tru', 'nq34.txt')]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
