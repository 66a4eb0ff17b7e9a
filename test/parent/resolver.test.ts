// One parent resolver for the CLI and the server (server/src/parentResolver.ts): the same key, the
// same files found, the editor's open text preferred over the disk.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CORPUS, FIXTURES } from '../helpers';
import { parsePlan } from '../../server/src/core/parse';
import { ownKeyOf, parentKeyOf } from '../../server/src/core/parent/extract';
import { ParentContext } from '../../server/src/core/parent/context';
import { cliParentResolver } from '../../server/src/cli/parents';
import { capParents, PARENT_LIMITS } from '../../server/src/parentResolver';
import { editorSource, ParentRules } from '../../server/src/workspace/parents';
import { WorkspaceIndex } from '../../server/src/workspace/index';

const L34 = path.join(CORPUS, 'laocai_34-nq-tu_2025_ocr.txt');
const L134 = path.join(CORPUS, 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt');

/** A draft without a number of its own: its first "số" is its parent's, in the trích yếu. */
const UNNUMBERED = `ỦY BAN NHÂN DÂN
TỈNH LÀO CAI

KẾ HOẠCH
Triển khai Nghị quyết số 34-NQ/TU
ngày 10 tháng 3 năm 2025 của Tỉnh ủy Lào Cai

Thực hiện Nghị quyết số 34-NQ/TU ngày 10/3/2025 của Ban Chấp hành Đảng bộ tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Cụ thể hóa các nhiệm vụ của Nghị quyết.
`;

describe('parent resolver (CLI and server)', () => {
  let dir: string;
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-resolver-')));
    fs.copyFileSync(L34, path.join(dir, 'nq34.txt'));
    fs.copyFileSync(L134, path.join(dir, 'kh134.txt'));
    fs.writeFileSync(path.join(dir, 'draft.txt'), UNNUMBERED);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the own key of a text that cites the number its header fallback reads is none (parentKeyOf reads the parent’s)', () => {
    const draft = parsePlan(UNNUMBERED);
    assert.strictEqual(parentKeyOf(draft)?.symbol, '34-NQ/TU');
    assert.strictEqual(ownKeyOf(draft), undefined);
    assert.strictEqual(ownKeyOf(parsePlan(fs.readFileSync(L134, 'utf8')))?.symbol, '134/KH-UBND');
  });

  it('the CLI finds the parent of an unnumbered draft, and never takes the draft for a sibling’s parent', async () => {
    const resolver = cliParentResolver();
    const draft = await resolver.filesFor(path.join(dir, 'draft.txt'), parsePlan(UNNUMBERED), {});
    assert.deepStrictEqual(draft, [path.join(dir, 'nq34.txt')]);
    const kh134 = await resolver.filesFor(path.join(dir, 'kh134.txt'), parsePlan(fs.readFileSync(L134, 'utf8')), {});
    assert.deepStrictEqual(kh134, [path.join(dir, 'nq34.txt')]);
  });

  it('the coverage context keeps the parent of an unnumbered draft (it is not the draft’s own number)', () => {
    const links = new ParentContext([{ doc: parsePlan(fs.readFileSync(L34, 'utf8')), path: L34 }]).links(parsePlan(UNNUMBERED));
    assert.strictEqual(links.length, 1);
    assert.strictEqual(links[0].key?.symbol, '34-NQ/TU');
  });

  it('the server (workspace index) and the CLI (folder) find the same parents for each plan', async () => {
    const index = new WorkspaceIndex();
    await index.scan([dir]);
    const server = new ParentRules(() => undefined, index);
    const cli = cliParentResolver();
    for (const name of ['draft.txt', 'kh134.txt', 'nq34.txt']) {
      const file = path.join(dir, name);
      const plan = parsePlan(fs.readFileSync(file, 'utf8'));
      assert.deepStrictEqual(await server.filesFor(plan, file, {}), await cli.filesFor(file, plan, {}), name);
    }
  });

  it('a Word parent: the workspace index and the CLI folder search both read a real .docx’s own number, and the server loads it as Word', async () => {
    // Mẫu TK1-TS (test/fixtures/docx/SOURCES.md): its first lines carry "Quyết định số: 490/QĐ-BHXH".
    const wordDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-resolver-docx-')));
    try {
      const docx = path.join(wordDir, 'mau-tk1.docx');
      fs.copyFileSync(path.join(FIXTURES, 'docx', 'bhxh-mau-tk1-ts.docx'), docx);
      const planFile = path.join(wordDir, 'kh.txt');
      const planText = UNNUMBERED.replace(/Nghị quyết số 34-NQ\/TU/g, 'Quyết định số 490/QĐ-BHXH');
      fs.writeFileSync(planFile, planText);
      const plan = parsePlan(planText);
      const index = new WorkspaceIndex();
      await index.scan([wordDir]);
      assert.strictEqual(index.keyOf(docx), '490||QĐ|BHXH');
      const server = new ParentRules(() => undefined, index);
      assert.deepStrictEqual(await server.filesFor(plan, planFile, {}), [docx]);
      assert.deepStrictEqual(await cliParentResolver().filesFor(planFile, plan, {}), [docx]);
      const problems: string[] = [];
      const set = await server.setFor([docx], (p, why) => problems.push(why), { maxBytes: 1 << 20 });
      assert.deepStrictEqual(problems, []);
      assert.match(set.context!.parents[0].doc.source, /^Mẫu TK1-TS\n\(Ban hành kèm theo Quyết định số: 490\/QĐ-BHXH/);
    } finally {
      fs.rmSync(wordDir, { recursive: true, force: true });
    }
  });

  it('at most PARENT_LIMITS.maxParents parents per plan, with a note (CLI and server share capParents)', () => {
    const many = Array.from({ length: PARENT_LIMITS.maxParents + 3 }, (_, i) => `p${i}.txt`);
    const capped = capParents(many);
    assert.deepStrictEqual(capped.files, many.slice(0, PARENT_LIMITS.maxParents));
    assert.match(capped.note!.vi, /Có 53 văn bản cấp trên: chỉ đối chiếu 50 văn bản đầu/);
    assert.deepStrictEqual(capParents(many.slice(0, 2)), { files: ['p0.txt', 'p1.txt'] });
  });

  it('the server loads a parent from the editor’s open text before the disk, and says why one cannot be read', async () => {
    const nq34 = path.join(dir, 'nq34.txt');
    const open = (p: string) => (p === nq34 ? { version: 3, text: UNNUMBERED } : undefined);
    const source = editorSource(open);
    assert.deepStrictEqual(await source.stamp(nq34), { stamp: 'open:3' });
    assert.deepStrictEqual(await source.read(nq34), { text: UNNUMBERED });
    const missing = await source.stamp(path.join(dir, 'gone.txt'));
    assert.ok('error' in missing && /no such file/.test(missing.error));
    const problems: string[] = [];
    const set = await new ParentRules(open, new WorkspaceIndex()).setFor([nq34, path.join(dir, 'gone.txt')], (p, why) => problems.push(`${path.basename(p)}: ${why}`), { maxBytes: 1 << 20 });
    assert.strictEqual(set.context?.parents.length, 1);
    assert.strictEqual(set.context?.parents[0].doc.source, UNNUMBERED);
    assert.deepStrictEqual(problems, ['gone.txt: không tìm thấy tệp (no such file)']);
  });
});
