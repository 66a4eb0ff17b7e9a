// Shape 4 of issue 11: a công văn or a báo cáo checked as a plan gets only the rules that fit it.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkPlan } from '../../server/src/core/check';
import { parsePlan } from '../../server/src/core/parse';
import { FIXTURES, corpusFiles, readCorpus } from '../helpers';

const read = (f: string) => fs.readFileSync(path.join(FIXTURES, 'doc-kind', f), 'utf8');
const TODAY = { year: 2026, month: 1, day: 10 };
const PLAN_ONLY = /^KH(2\d\d|3\d\d|9\d\d|601)$/;

describe('document kind', () => {
  it('a công văn ("V/v …", "Kính gửi:", "Số: 8151 /BNV-CCHC") is a letter: no task, lead, reporting or section rule', () => {
    const text = read('bonoivu-8151-cong-van.txt');
    const doc = parsePlan(text);
    assert.strictEqual(doc.kind?.kind, 'letter');
    const { findings } = checkPlan(text, undefined, { today: TODAY });
    assert.deepStrictEqual(findings.filter((f) => PLAN_ONLY.test(f.rule)).map((f) => f.rule), []);
    // Its citations are still read (and checked): "Quyết định số 145/QĐ-BNV ngày 03/3/2025".
    assert.ok(doc.citations.some((c) => c.number.raw === '145/QĐ-BNV'));
  });

  it('a báo cáo is a report: no plan rules, and its past bodies and provinces are history (no KH801–803)', () => {
    const text = read('lamdong-bao-cao-cchc-2025.txt');
    assert.strictEqual(parsePlan(text).kind?.kind, 'report');
    const { findings } = checkPlan(text, undefined, { today: TODAY });
    assert.deepStrictEqual(findings.filter((f) => PLAN_ONLY.test(f.rule) || /^KH80[123]$/.test(f.rule)).map((f) => `${f.rule} ${f.message}`), []);
  });

  it('the same text read as a plan would get those rules (the kind is what changes it)', () => {
    // The báo cáo's body without its header and type line: nothing says it is not a plan.
    const text = read('lamdong-bao-cao-cchc-2025.txt');
    const body = text.slice(text.indexOf('\nI.') + 1);
    assert.strictEqual(parsePlan(body).kind?.kind, 'plan');
    assert.ok(checkPlan(body, undefined, { today: TODAY }).findings.some((f) => /^KH80[23]$/.test(f.rule)));
  });

  it('a resolution laid out in articles (Điều 1., Điều 2., …) that issues no plan is a normative text: no plan rules', () => {
    // UBTVQH resolution 101/2025 (the dev set's copy): its clauses are rules of procedure.
    const text = fs.readFileSync(path.join(FIXTURES, 'devset', 'ubtvqh_101-2025-ubtvqh15_2025_hoi-nghi-cu-tri.txt'), 'utf8');
    assert.deepStrictEqual({ kind: parsePlan(text).kind?.kind, from: parsePlan(text).kind?.from }, { kind: 'regulation', from: 'articles' });
    const { findings } = checkPlan(text, undefined, { today: TODAY });
    assert.deepStrictEqual(findings.filter((f) => PLAN_ONLY.test(f.rule)).map((f) => f.rule), []);
    // The same articles under a subject that issues a programme (03/NQ-CP: "Ban hành Chương trình
    // hành động …", with its own Điều 1–3) stay a plan.
    assert.strictEqual(parsePlan(readCorpus('chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt')).kind?.kind, 'plan');
  });

  it('a law ("LUẬT" under "Luật số: 83/2025/QH15") is a normative text: no task, lead or reporting rule', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'devset', 'quochoi_83-2025-qh15_2025_luat-sua-doi-luat-bau-cu.txt'), 'utf8');
    const doc = parsePlan(text);
    assert.strictEqual(doc.kind?.kind, 'regulation');
    assert.strictEqual(doc.header.docType?.value, 'LUẬT');
    const rules = new Set(checkPlan(text, undefined, { today: { year: 2026, month: 12, day: 5 } }).findings.map((f) => f.rule));
    for (const r of ['KH201', 'KH301', 'KH601']) assert.ok(!rules.has(r), r);
  });

  it('every corpus plan, resolution and programme is still a plan', () => {
    for (const f of corpusFiles()) assert.strictEqual(parsePlan(readCorpus(f)).kind?.kind, 'plan', f);
  });
});
