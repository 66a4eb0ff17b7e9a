// Every fixable rule says whether its fixes are mechanical ("fix") or change what the plan says
// ("suggestion"), and batch fixing honours it.

import * as assert from 'assert';
import { batchFix, checkPlan, fixAll, FIX_KINDS, RULES } from '../../server/src/core';
import { readCorpus } from '../helpers';

describe('fix kinds', () => {
  it('every fixable rule is listed in FIX_KINDS, and only those', () => {
    const fixable = RULES.filter((r) => r.fixable).map((r) => r.id).sort();
    assert.deepStrictEqual(Object.keys(FIX_KINDS).sort(), fixable);
  });

  it('numbering, spacing, encoding and symbol-form rules are fixes; agency, citation-value and parent rules are suggestions', () => {
    for (const r of RULES.filter((x) => x.fixable)) {
      const mechanical = r.category === 'numbering' || r.category === 'encoding' || r.alias === 'citation-symbol-form' || r.alias === 'date-nd30-form';
      assert.strictEqual(FIX_KINDS[r.id], mechanical ? 'fix' : 'suggestion', `${r.id} ${r.alias}`);
    }
  });

  it('findings carry the kind; fixAll leaves suggestions unless asked, and stays idempotent', () => {
    const text = readCorpus('chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt');
    const options = { today: { year: 2025, month: 2, day: 1 } };
    const findings = checkPlan(text, undefined, options).findings;
    const suggested = findings.filter((f) => f.fixes.some((x) => x.preferred && x.kind === 'suggestion'));
    assert.deepStrictEqual([...new Set(suggested.map((f) => f.rule))].sort(), ['KH404', 'KH408', 'KH804']);
    for (const f of suggested) assert.strictEqual(batchFix(f), undefined);
    const safe = fixAll(text, undefined, options);
    assert.strictEqual(safe.text, text, 'this plan has only suggestions: --fix changes nothing');
    const all = fixAll(text, undefined, { ...options, includeSuggestions: true });
    assert.ok(all.applied >= 5);
    assert.strictEqual(fixAll(all.text, undefined, { ...options, includeSuggestions: true }).text, all.text, 'idempotent');
  });
});
