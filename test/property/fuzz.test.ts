// Property tests over random and mutated corpus plans: checking never throws, every range lies
// inside the text, fix-all removes no word (other than numbering labels), and fix-all is idempotent.

import * as assert from 'assert';
import { checkPlan, fixAll, defaultConfig } from '../../server/src/core';
import { corpusFiles, readCorpus } from '../helpers';
import { mutate, prng, wordBag, isLabelToken } from './random';

const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 60);
// A longer run (FUZZ_ITERATIONS=600 npx mocha out/test/property/fuzz.test.js) also mutates more
// for fix-all and tries more junk; the default keeps `npm test` short.
const FIX_ITERATIONS = Math.max(6, Math.floor(ITERATIONS / 10));
const JUNK = Math.max(200, ITERATIONS * 3);

function assertSane(text: string, label: string): void {
  const { findings } = checkPlan(text, defaultConfig(), { today: { year: 2026, month: 11, day: 22 } });
  for (const f of findings) {
    assert.ok(!/^internal error/.test(f.message), `${label}: ${f.message}`);
    assert.ok(f.start >= 0 && f.end >= f.start && f.end <= text.length, `${label}: ${f.rule} range ${f.start}-${f.end} outside 0-${text.length}`);
    for (const fix of f.fixes)
      for (const e of fix.edits) assert.ok(e.start >= 0 && e.end >= e.start && e.end <= text.length, `${label}: ${f.rule} fix edit outside the text`);
  }
}

function assertNoWordLost(before: string, after: string, label: string): void {
  const a = wordBag(before);
  const b = wordBag(after);
  for (const [w, n] of a) {
    if (isLabelToken(w)) continue;
    assert.ok((b.get(w) ?? 0) >= n, `${label}: fix-all removed the word "${w}" (${n} → ${b.get(w) ?? 0})`);
  }
}

describe('property: mutated corpus plans', function () {
  this.timeout(Math.max(120000, ITERATIONS * 4000));
  const files = corpusFiles();
  it('has corpus files to mutate', () => assert.ok(files.length > 0, 'no test/fixtures/corpus'));
  for (const file of files) {
    it(`never throws and keeps ranges inside the text: ${file}`, () => {
      const rand = prng(file.length * 7919);
      const original = readCorpus(file);
      assertSane(original, file);
      let text = original;
      for (let i = 0; i < ITERATIONS; i++) {
        text = i % 10 === 0 ? original : mutate(text, rand);
        assertSane(text, `${file} mutation ${i}`);
      }
    });
    it(`fix-all deletes no word and is idempotent: ${file}`, () => {
      const rand = prng(file.length * 104729);
      let text = readCorpus(file);
      for (let i = 0; i < FIX_ITERATIONS; i++) {
        const once = fixAll(text, defaultConfig()).text;
        assertNoWordLost(text, once, `${file} #${i}`);
        const twice = fixAll(once, defaultConfig()).text;
        assert.strictEqual(twice, once, `${file} #${i}: fix-all twice differs from once`);
        text = mutate(text, rand);
      }
    });
  }
  it('survives random junk', () => {
    const rand = prng(42);
    for (let i = 0; i < JUNK; i++) {
      const len = Math.floor(rand() * 400);
      let s = '';
      for (let j = 0; j < len; j++) s += String.fromCharCode(Math.floor(rand() * (rand() < 0.7 ? 0x7f : 0xffff)));
      assertSane(s, `junk ${i}`);
    }
    for (const s of ['', '\n', '\r', '\uFEFF', 'I.', 'a)', '1.1.', 'Số:', 'PHỤ LỤC\nTT', 'Nơi nhận:\n-', '|||||', '\u0301'.repeat(50)]) assertSane(s, JSON.stringify(s));
  });
});
