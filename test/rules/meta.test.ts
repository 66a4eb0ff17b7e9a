// Meta-tests over the rule registry: unique ids and aliases, every rule has failing and passing
// cases, `fixable` matches whether the rule emits fixes, docs exist for every rule.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES, CATEGORIES, checkPlan, defaultConfig } from '../../server/src/core';
import { ROOT } from '../helpers';
import { ruleCases, caseConfig, caseOptions } from './golden.test';

describe('rule registry', () => {
  it('has rules', () => assert.ok(RULES.length > 0));

  it('ids and aliases are unique and well-formed', () => {
    const ids = new Set<string>();
    const aliases = new Set<string>();
    for (const r of RULES) {
      assert.match(r.id, /^KH\d{3,4}$/, r.id); // KH10xx: layout
      assert.match(r.alias, /^[a-z][a-z0-9-]+$/, r.alias);
      assert.ok(!ids.has(r.id), `duplicate id ${r.id}`);
      assert.ok(!aliases.has(r.alias), `duplicate alias ${r.alias}`);
      ids.add(r.id);
      aliases.add(r.alias);
      assert.ok(CATEGORIES.includes(r.category), `${r.id} category ${r.category}`);
      assert.ok(r.description.vi && r.description.en, `${r.id} needs vi and en descriptions`);
    }
  });

  it('id ranges follow the categories', () => {
    const base: Record<string, number> = { numbering: 1, 'lead-agency': 2, reporting: 3, citation: 4, date: 5, structure: 6, encoding: 7, agency: 8, parent: 9, layout: 10 };
    // KH101 → 1, KH1001 → 10: the digits before the rule's two-digit number.
    for (const r of RULES) assert.strictEqual(Number(r.id.slice(2, -2)), base[r.category], `${r.id} is in category ${r.category}`);
  });

  for (const r of RULES) {
    it(`${r.id} ${r.alias} has a failing and a passing case`, () => {
      const cases = ruleCases(r.alias);
      // KH699 check-budget is raised by check.ts from CheckOptions (maxChars, budgetMs), which a
      // fixture's LintConfig cannot set: no text fails it; test/robustness covers it instead.
      // Layout rules (KH10xx) judge a .docx's formatting, which a text fixture has none of: their
      // failing and passing cases are generated Word files in test/docx/layout.test.ts.
      if (r.category === 'layout') return;
      if (r.id !== 'KH699') assert.ok(cases.fail.length > 0, `no fail case for ${r.alias}`);
      assert.ok(cases.pass.length > 0, `no pass case for ${r.alias}`);
    });
    it(`${r.id} ${r.alias}: fixable matches whether it emits fixes`, () => {
      const dir = path.join(ROOT, 'test', 'fixtures', 'rules', r.alias);
      let emits = false;
      for (const name of ruleCases(r.alias).fail) {
        const text = fs.readFileSync(path.join(dir, `${name}.fail.txt`), 'utf8');
        const found = checkPlan(text, caseConfig(dir, name) ?? defaultConfig(), caseOptions(dir)).findings.filter((f) => f.rule === r.id);
        if (found.some((f) => f.fixes.length > 0)) emits = true;
      }
      assert.strictEqual(emits, r.fixable, `${r.id} fixable=${r.fixable} but its fail cases ${emits ? 'emit' : 'emit no'} fixes`);
    });
    it(`${r.id} has a documentation page`, () => {
      assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules', `${r.id}.md`)), `docs/rules/${r.id}.md missing: run npm run docs`);
    });
  }
});
