// Precision on the development set (issue 11): every warning/error finding on the real documents in
// test/fixtures/devset must be judged in labels.json, and precision must not drop below the floors.

import * as assert from 'assert';
import * as path from 'path';
import { runCheck } from '../../server/src/cli/main';
import { checkDocument, DEVSET, DEVSET_TODAY, formatReport, labelTemplate, readLabels, runDevset, type DevsetResult } from './devset';

/**
 * Floors, set just under the numbers measured when the set was made (overall 4.4%, see
 * test/fixtures/devset/README.md). The targets are 0.95 overall and 0.90 for every rule that fires
 * at least 5 times; raise these two constants as the model improves, never lower them to make a change pass.
 * MIN_PER_RULE started at 0 because several rules were at 0% on the day the set was made.
 * Raised after the task model, document kinds and the body registry (issue 11): overall 91.3%, KH301 80%;
 * then to the targets with 33 documents (heading bodies with a governing verb, report headings timed by
 * their body, event-triggered reporting, a regime set in the same part): overall 100%, KH301 100% (6 true, 3 debatable).
 */
export const MIN_OVERALL = 0.95;
export const MIN_PER_RULE = 0.9;
/** Rules that fire fewer times than this are too rare for a per-rule precision. */
const MIN_FIRED_FOR_RULE = 5;

describe('development set precision (issue 11)', function () {
  this.timeout(120_000);
  let result: DevsetResult;

  before(() => {
    result = runDevset();
  });

  it('holds at least 15 documents, all labelled files present', () => {
    assert.ok(result.documents.length >= 15, `only ${result.documents.length} documents in ${DEVSET}`);
    const files = new Set(result.documents);
    const unknown = readLabels().labels.filter((l) => !files.has(l.file));
    assert.deepStrictEqual(unknown.map((l) => l.file), [], 'labels name files that are not in the set');
  });

  it('every warning/error finding has a hand label (judge new findings and paste them into labels.json)', () => {
    const unlabelled = result.findings.filter((f) => !f.label);
    if (unlabelled.length) {
      const paste = unlabelled.map((f) => JSON.stringify(labelTemplate(f))).join(',\n');
      assert.fail(`${unlabelled.length} warning/error findings on the development set have no label.\n` +
        `Judge each (verdict "true" | "false" | "debatable", a short why) and add to test/fixtures/devset/labels.json:\n${paste}\n`);
    }
  });

  it(`overall precision of warnings and errors is at least ${MIN_OVERALL}`, () => {
    const p = result.overall.precision ?? 1;
    assert.ok(p >= MIN_OVERALL, `overall precision ${(p * 100).toFixed(1)}% < ${MIN_OVERALL * 100}%\n${formatReport(result)}`);
  });

  it(`every rule firing at least ${MIN_FIRED_FOR_RULE} times has precision of at least ${MIN_PER_RULE}`, () => {
    const low = result.perRule.filter((s) => s.fired >= MIN_FIRED_FOR_RULE && (s.precision ?? 1) < MIN_PER_RULE);
    assert.deepStrictEqual(low.map((s) => `${s.rule} ${((s.precision ?? 0) * 100).toFixed(1)}%`), [], formatReport(result));
  });

  it('counts what it says: true + false + debatable + unlabelled = fired, per rule and overall', () => {
    for (const s of [...result.perRule, result.overall]) {
      assert.strictEqual(s.true + s.false + s.debatable + s.unlabelled, s.fired, s.rule);
    }
    assert.strictEqual(result.perRule.reduce((n, s) => n + s.fired, 0), result.overall.fired);
  });

  it('a false label lowers precision (the harness reads verdicts, not just presence)', () => {
    const labels = readLabels();
    const flipped = { ...labels, labels: labels.labels.map((l) => ({ ...l, verdict: 'false' as const })) };
    const all = runDevset(flipped);
    assert.strictEqual(all.overall.precision, 0);
    const none = runDevset({ labels: [], misses: [] });
    assert.strictEqual(none.overall.unlabelled, none.overall.fired);
  });

  it('runs the same pipeline as `kehoach check --no-parents --format json`', async () => {
    // A document with a full header date, so the CLI's "today" does not matter.
    const file = 'bonoivu_8151-bnv-cchc_2025.txt';
    let out = '';
    const code = await runCheck(['--format', 'json', '--no-parents', path.join(DEVSET, file)], { out: (s) => (out += s), err: () => undefined });
    assert.ok(code === 0 || code === 1);
    const cli = (JSON.parse(out) as { files: { findings: { rule: string; severity: string }[] }[] }).files[0].findings;
    const mine = checkDocument(file).findings;
    assert.deepStrictEqual(mine.map((f) => `${f.rule}/${f.severity}`), cli.map((f) => `${f.rule}/${f.severity}`));
    assert.ok(DEVSET_TODAY.year >= 2026);
  });
});
