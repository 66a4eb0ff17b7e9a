import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CORPUS } from '../helpers';
import { parsePlan } from '../../server/src/core/parse';
import { checkPlan, type Finding } from '../../server/src/core/check';
import { defaultConfig } from '../../server/src/core/config';
import { ParentContext } from '../../server/src/core/parent/context';
import { RULES } from '../../server/src/core/rules';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(file, 'utf8');
const L34 = path.join(CORPUS, 'laocai_34-nq-tu_2025_ocr.txt');
const L134 = read(path.join(CORPUS, 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt'));
const TQ01 = path.join(CORPUS, 'tuyenquang_01-ctr-tu_2020_chuong-trinh-hanh-dong.txt');
const TQ_PLAN = read(path.join(ROOT, 'test/fixtures/parent/tuyenquang-kh-thuc-hien-01-ctr-tu.txt'));

function parentFindings(plan: string, parentFile: string, rule?: string): Finding[] {
  const parents = [{ doc: parsePlan(read(parentFile)), path: parentFile }];
  const { findings } = checkPlan(plan, defaultConfig(), { parents: new ParentContext(parents) });
  return findings.filter((f) => f.category === 'parent' && (!rule || f.rule === rule));
}

const at = (text: string, f: Finding) => text.slice(f.start, f.end);

describe('parent rules', () => {
  it('metadata: five KH9xx rules of category parent in the one list, run only when the check is given parents', () => {
    const kh9 = RULES.filter((r) => r.id.startsWith('KH9'));
    assert.deepStrictEqual(kh9.map((m) => m.id), ['KH901', 'KH902', 'KH903', 'KH904', 'KH905']);
    assert.ok(kh9.every((m) => m.category === 'parent' && m.description.vi && m.description.en));
    assert.deepStrictEqual(checkPlan(L134, defaultConfig()).findings.filter((f) => f.category === 'parent'), []);
    assert.ok(parentFindings(L134, L34).length > 0);
  });

  it('KH904: 134/KH-UBND dated 26/3/2026, but 34-NQ/TU asked for the plan in tháng 01/2026', () => {
    const found = parentFindings(L134, L34, 'KH904');
    assert.strictEqual(found.length, 1);
    assert.strictEqual(at(L134, found[0]), 'ngày 26 tháng 3 năm 2026');
    assert.match(found[0].message, /26\/03\/2026.*31\/01\/2026.*IV\.1/);
    assert.strictEqual(found[0].related[0].file?.path, L34);
    assert.strictEqual(found[0].related[0].file?.line, 190); // "(hoàn thành trong tháng 01/2026)", 0-based
  });

  it('the real 134/KH-UBND cites 34-NQ/TU correctly and leaves no parent task uncovered', () => {
    assert.deepStrictEqual(parentFindings(L134, L34, 'KH905'), []);
    assert.deepStrictEqual(parentFindings(L134, L34, 'KH901'), []);
  });

  it('KH901: a task removed from the plan is reported at the citation, pointing into the parent', () => {
    const start = TQ_PLAN.indexOf('5. Xây dựng Đề án về tạo nguồn thu');
    const cut = TQ_PLAN.slice(0, start) + TQ_PLAN.slice(TQ_PLAN.indexOf('6. Xây dựng Đề án về cải cách'));
    assert.deepStrictEqual(parentFindings(TQ_PLAN, TQ01, 'KH901'), []);
    const found = parentFindings(cut, TQ01, 'KH901');
    assert.strictEqual(found.length, 1);
    assert.strictEqual(at(cut, found[0]), '01-CTr/TU');
    assert.match(found[0].message, /^Nhiệm vụ B\.5 của Chương trình hành động 01-CTr\/TU chưa được cụ thể hóa/);
    assert.strictEqual(found[0].related[0].file?.line, 250); // "5. Đề án về tạo nguồn thu …", 0-based
  });

  it('KH902: Đề án quy hoạch due Quý IV/2021 while 01-CTr/TU set Quý III/2021', () => {
    const found = parentFindings(TQ_PLAN, TQ01, 'KH902');
    assert.strictEqual(found.length, 1);
    assert.match(at(TQ_PLAN, found[0]), /Quý IV\/2021/);
    assert.match(found[0].message, /31\/12\/2021 muộn hơn thời hạn 30\/09\/2021 của nhiệm vụ B\.1/);
  });

  it('KH903: monthly reports due on the 28th when 34-NQ/TU wants them before the 25th', () => {
    assert.deepStrictEqual(parentFindings(L134, L34, 'KH903'), []); // the real plan: 20 hằng tháng
    const late = L134.replace('trước ngày 20 hằng tháng', 'trước ngày 28 hằng tháng');
    const found = parentFindings(late, L34, 'KH903');
    assert.strictEqual(found.length, 1);
    assert.strictEqual(at(late, found[0]), 'trước ngày 28 hằng tháng');
  });

  it('KH905: a wrong date and a miswritten symbol of the parent, with a fix for the symbol', () => {
    const wrongDate = L134.replace('Nghị quyết số 34-NQ/TU của Tỉnh uỷ Lào Cai ngày 27/12/2025\n', 'Nghị quyết số 34-NQ/TU của Tỉnh uỷ Lào Cai ngày 27/12/2024\n');
    const d = parentFindings(wrongDate, L34, 'KH905');
    assert.strictEqual(d.length, 1);
    assert.match(at(wrongDate, d[0]), /^(ngày )?27\/12\/2024$/);
    assert.match(d[0].message, /27\/12\/2025, không phải 27\/12\/2024/);
    const wrongForm = L134.replace('Thực hiện Nghị quyết số 34-NQ/TU', 'Thực hiện Nghị quyết số 34/NQ-TU');
    const s = parentFindings(wrongForm, L34, 'KH905');
    assert.strictEqual(s.length, 1);
    assert.strictEqual(at(wrongForm, s[0]), '34/NQ-TU');
    assert.strictEqual(s[0].fixes[0].edits[0].text, '34-NQ/TU');
  });

  it('KH905: the parent cited under another number (same type, issuer and date)', () => {
    const wrongNumber = L134.replace('Thực hiện Nghị quyết số 34-NQ/TU', 'Thực hiện Nghị quyết số 43-NQ/TU');
    const found = parentFindings(wrongNumber, L34, 'KH905');
    assert.strictEqual(found.length, 1);
    assert.strictEqual(at(wrongNumber, found[0]), '43-NQ/TU');
    assert.strictEqual(found[0].fixes[0].edits[0].text, '34-NQ/TU');
  });

  it('KH905: an issuer that does not match the parent’s symbol', () => {
    const wrongIssuer = L134.replace('Nghị quyết số 34-NQ/TU của Tỉnh uỷ Lào Cai ngày 27/12/2025\n', 'Nghị quyết số 34-NQ/TU của Ủy ban nhân dân tỉnh ngày 27/12/2025\n');
    const found = parentFindings(wrongIssuer, L34, 'KH905');
    assert.strictEqual(found.length, 1);
    assert.strictEqual(at(wrongIssuer, found[0]), 'Ủy ban nhân dân tỉnh');
  });
});
