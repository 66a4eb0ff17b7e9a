// `kehoach check` runs the parent rules (KH9xx) when it finds the plan's parents: --parent, the
// project file, or a file beside the plan whose header carries the number the plan cites.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { CORPUS, FIXTURES } from '../helpers';

const TQ01 = path.join(CORPUS, 'tuyenquang_01-ctr-tu_2020_chuong-trinh-hanh-dong.txt');
const TQ_PLAN = path.join(FIXTURES, 'parent', 'tuyenquang-kh-thuc-hien-01-ctr-tu.txt');
const L34 = path.join(CORPUS, 'laocai_34-nq-tu_2025_ocr.txt');
const L134 = path.join(CORPUS, 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt');

interface JsonFinding {
  rule: string;
  category: string;
  message: string;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

async function findings(args: string[]): Promise<JsonFinding[]> {
  const r = await run(['check', '--format', 'json', ...args]);
  assert.ok(r.code === 0 || r.code === 1, r.err);
  return JSON.parse(r.out).files[0].findings;
}

const parentRules = (fs: JsonFinding[]) => fs.filter((f) => f.category === 'parent').map((f) => f.rule);

/** A folder holding copies of the given files (the plan's folder as a drafter keeps it). */
function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-check-parents-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('kehoach check with parent directives', () => {
  it('--parent: the 134/KH-UBND plan issued after the deadline 34-NQ/TU set (KH904)', async () => {
    const got = await findings(['--parent', L34, L134]);
    assert.deepStrictEqual(parentRules(got), ['KH904']);
    assert.match(got.find((f) => f.rule === 'KH904')!.message, /31\/01\/2026.*34-NQ\/TU/);
  });

  it('finds the parent beside the plan by the number the plan cites; --no-parents turns it off', async () => {
    const dir = folderWith({ 'ke-hoach-134.txt': fs.readFileSync(L134, 'utf8'), 'nghi-quyet-34.txt': fs.readFileSync(L34, 'utf8') });
    const plan = path.join(dir, 'ke-hoach-134.txt');
    assert.deepStrictEqual(parentRules(await findings([plan])), ['KH904']);
    assert.deepStrictEqual(parentRules(await findings(['--no-parents', plan])), []);
    // the parent itself, checked in the same run, is not its own parent
    const both = JSON.parse((await run(['check', '--format', 'json', plan, path.join(dir, 'nghi-quyet-34.txt')])).out).files;
    assert.deepStrictEqual(parentRules(both[1].findings), []);
  });

  it('a task cut from the plan appears as an uncovered parent task (KH901), naming it', async () => {
    const full = fs.readFileSync(TQ_PLAN, 'utf8');
    const start = full.indexOf('5. Xây dựng Đề án về tạo nguồn thu');
    const end = full.indexOf('6. Xây dựng Đề án về cải cách hành chính');
    assert.ok(start > 0 && end > start);
    const dir = folderWith({ 'plan.kehoach.txt': full.slice(0, start) + full.slice(end), 'ctr-01.txt': fs.readFileSync(TQ01, 'utf8') });
    const plan = path.join(dir, 'plan.kehoach.txt');
    const uncovered = (await findings([plan])).filter((f) => f.rule === 'KH901');
    assert.strictEqual(uncovered.length, 1);
    assert.match(uncovered[0].message, /B\.5/);
    const complete = folderWith({ 'plan.kehoach.txt': full, 'ctr-01.txt': fs.readFileSync(TQ01, 'utf8') });
    assert.deepStrictEqual((await findings([path.join(complete, 'plan.kehoach.txt')])).filter((f) => f.rule === 'KH901'), []);
  });

  it('SARIF describes the parent rules it reports; `kehoach rules` lists them', async () => {
    const r = await run(['check', '--format', 'sarif', '--parent', L34, L134]);
    const sarif = JSON.parse(r.out);
    const ruleIds = sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'KH904');
    assert.ok(result, 'KH904 in SARIF results');
    assert.ok(ruleIds.includes('KH904'));
    assert.strictEqual(ruleIds[result.ruleIndex], 'KH904');
    const rules = await run(['rules']);
    for (const id of ['KH901', 'KH902', 'KH903', 'KH904', 'KH905']) assert.match(rules.out, new RegExp(`^${id} `, 'm'));
  });

  it('a --parent that cannot be read: exit 2 with the reason; a bad combination of flags: exit 2', async () => {
    const missing = await run(['check', '--parent', path.join(os.tmpdir(), 'khong-co-tep-nay.txt'), L134]);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /khong-co-tep-nay\.txt/);
    const both = await run(['check', '--parent', L34, '--no-parents', L134]);
    assert.strictEqual(both.code, 2);
    assert.match(both.err, /--no-parents/);
  });
});
