// Golden files for the parent rules (KH9xx), which the shared rule harness cannot run: they need
// a parent document. Same format as test/fixtures/rules, under test/fixtures/parent/rules/<alias>/,
// with the parent's text in parent.txt beside the cases. UPDATE_GOLDEN=1 rewrites the expected files.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, checkPlan, defaultConfig, LineIndex, parsePlan } from '../../server/src/core';
import { parentRules, PARENT_RULE_META } from '../../server/src/core/parent/rules';
import { FIXTURES, UPDATE_GOLDEN } from '../helpers';

const DIR = path.join(FIXTURES, 'parent', 'rules');
const TODAY = { year: 2026, month: 11, day: 22 };

describe('parent rule goldens', () => {
  for (const meta of PARENT_RULE_META) {
    const dir = path.join(DIR, meta.alias);
    const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    const cases = (suffix: string) => files.filter((f) => f.endsWith(suffix)).map((f) => f.slice(0, -suffix.length)).sort();
    const findings = (text: string) => {
      const parent = { doc: parsePlan(fs.readFileSync(path.join(dir, 'parent.txt'), 'utf8')), path: 'parent.txt' };
      return checkPlan(text, defaultConfig(), { today: TODAY, extraRules: parentRules([parent]) }).findings.filter((f) => f.rule === meta.id);
    };
    const expected = (text: string, found: ReturnType<typeof findings>) => {
      const index = new LineIndex(text);
      return found.map((f) => {
        const s = index.positionAt(f.start);
        const e = index.positionAt(f.end);
        return { rule: f.rule, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character, message: f.messages.vi };
      });
    };
    describe(`${meta.id} ${meta.alias}`, () => {
      it('has a failing and a passing case', () => {
        assert.ok(cases('.fail.txt').length > 0 && cases('.pass.txt').length > 0);
      });
      for (const name of cases('.fail.txt')) {
        it(`finds the mistake in ${name}.fail.txt`, () => {
          const text = fs.readFileSync(path.join(dir, `${name}.fail.txt`), 'utf8');
          const found = findings(text);
          const actual = expected(text, found);
          const file = path.join(dir, `${name}.fail.json`);
          if (UPDATE_GOLDEN || !fs.existsSync(file)) fs.writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
          assert.ok(actual.length > 0, `${meta.id} found nothing in ${name}.fail.txt`);
          assert.deepStrictEqual(actual, JSON.parse(fs.readFileSync(file, 'utf8')));
          assert.ok(found.every((f) => f.related.every((r) => r.file?.path === 'parent.txt')));
          if (meta.fixable) {
            const fixed = applyEdits(text, found.flatMap((f) => f.fixes.find((x) => x.preferred)?.edits ?? [])).text;
            const fixedFile = path.join(dir, `${name}.fixed.txt`);
            if (UPDATE_GOLDEN || !fs.existsSync(fixedFile)) fs.writeFileSync(fixedFile, fixed);
            assert.strictEqual(fixed, fs.readFileSync(fixedFile, 'utf8'));
          }
        });
      }
      for (const name of cases('.pass.txt')) {
        it(`stays quiet on ${name}.pass.txt`, () => {
          const text = fs.readFileSync(path.join(dir, `${name}.pass.txt`), 'utf8');
          assert.deepStrictEqual(expected(text, findings(text)), []);
        });
      }
    });
  }
});
