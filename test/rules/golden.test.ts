// Golden files per rule: test/fixtures/rules/<alias>/<case>.{fail,pass}.txt with expected
// findings (<case>.fail.json) and, for fixable rules, the fixed text (<case>.fixed.txt): each
// finding's preferred fix, or its first fix when none is preferred. A parent rule's folder holds
// the parent directive its cases are checked against (parent.txt).
// UPDATE_GOLDEN=1 rewrites the expected files; a human reads them before committing.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkPlan, defaultConfig, mergeConfig, applyEdits, parsePlan, RULES, LineIndex, type CheckOptions, type LintConfig, type Rule } from '../../server/src/core';
import { ParentContext } from '../../server/src/core/parent/context';
import { FIXTURES, UPDATE_GOLDEN } from '../helpers';

const RULE_DIR = path.join(FIXTURES, 'rules');
const TODAY = { year: 2026, month: 11, day: 22 };

interface ExpectedFinding {
  rule: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  message: string;
}

export function caseConfig(dir: string, caseName: string): LintConfig {
  const file = path.join(dir, `${caseName}.config.json`);
  const over = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LintConfig>) : {};
  return mergeConfig(defaultConfig(), over);
}

/** The check's options for a case folder: its parent directive (parent.txt), when it has one. */
export function caseOptions(dir: string): CheckOptions {
  const file = path.join(dir, 'parent.txt');
  if (!fs.existsSync(file)) return {};
  return { parents: new ParentContext([{ doc: parsePlan(fs.readFileSync(file, 'utf8')), path: 'parent.txt' }]) };
}

/** The rule's own findings on a text, as the golden files record them. */
export function findingsOf(rule: Rule, text: string, config: LintConfig, dir: string) {
  const result = checkPlan(text, config, { today: TODAY, ...caseOptions(dir) });
  return result.findings.filter((f) => f.rule === rule.id);
}

function toExpected(text: string, fs_: ReturnType<typeof findingsOf>): ExpectedFinding[] {
  const index = new LineIndex(text);
  return fs_.map((f) => {
    const s = index.positionAt(f.start);
    const e = index.positionAt(f.end);
    return { rule: f.rule, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character, message: f.messages.vi };
  });
}

export function ruleCases(alias: string): { fail: string[]; pass: string[] } {
  const dir = path.join(RULE_DIR, alias);
  if (!fs.existsSync(dir)) return { fail: [], pass: [] };
  const files = fs.readdirSync(dir);
  return {
    fail: files.filter((f) => f.endsWith('.fail.txt')).map((f) => f.slice(0, -'.fail.txt'.length)).sort(),
    pass: files.filter((f) => f.endsWith('.pass.txt')).map((f) => f.slice(0, -'.pass.txt'.length)).sort(),
  };
}

describe('rule goldens', () => {
  for (const rule of RULES) {
    const dir = path.join(RULE_DIR, rule.alias);
    const { fail, pass } = ruleCases(rule.alias);
    describe(`${rule.id} ${rule.alias}`, () => {
      for (const name of fail) {
        it(`finds the mistake in ${name}.fail.txt`, () => {
          const text = fs.readFileSync(path.join(dir, `${name}.fail.txt`), 'utf8');
          const config = caseConfig(dir, name);
          const found = findingsOf(rule, text, config, dir);
          const actual = toExpected(text, found);
          const expectedFile = path.join(dir, `${name}.fail.json`);
          if (UPDATE_GOLDEN || !fs.existsSync(expectedFile)) {
            fs.writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
          }
          assert.ok(actual.length > 0, `${rule.id} found nothing in ${name}.fail.txt`);
          assert.deepStrictEqual(actual, JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
          // A parent rule points at the task in the parent it is about.
          if (rule.category === 'parent') assert.ok(found.every((f) => f.related.every((r) => r.file?.path === 'parent.txt')));
          if (rule.fixable) {
            // The quick fix a drafter would pick first (preferred or not); fix-all's own safety is the property test's job.
            const edits = found.flatMap((f) => (f.fixes.find((x) => x.preferred) ?? f.fixes[0])?.edits ?? []);
            const fixed = applyEdits(text, edits).text;
            const fixedFile = path.join(dir, `${name}.fixed.txt`);
            if (UPDATE_GOLDEN || !fs.existsSync(fixedFile)) fs.writeFileSync(fixedFile, fixed);
            assert.strictEqual(fixed, fs.readFileSync(fixedFile, 'utf8'));
          }
        });
      }
      for (const name of pass) {
        it(`stays quiet on ${name}.pass.txt`, () => {
          const text = fs.readFileSync(path.join(dir, `${name}.pass.txt`), 'utf8');
          const found = findingsOf(rule, text, caseConfig(dir, name), dir);
          assert.deepStrictEqual(toExpected(text, found), []);
        });
      }
    });
  }
});
