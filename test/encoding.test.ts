// Encoding rules (KH7xx) over the whole corpus, their fixes, and inputs that must not break them.
// The goldens under test/fixtures/rules/encoding-* pin exact findings on excerpts; here the
// expectations are computed from the raw text independently of the rules.

import * as assert from 'assert';
import { checkPlan, applyEdits, defaultConfig, normalizeText, splitLines, RULES, type Finding, type PlanDocument } from '../server/src/core';
import { placeTone, stripTones } from '../server/src/core/rules/encoding-vietnamese';
import { corpusFiles, readCorpus } from './helpers';

const TODAY = { year: 2026, month: 11, day: 22 };

/** The parts of a PlanDocument the encoding rules do not read. */
function parsePlanStub(): Omit<PlanDocument, 'source' | 'text' | 'toSourceOffset' | 'lines'> {
  return { header: { start: 0, end: 0 }, items: [], tables: [], tasks: [], reporting: [], citations: [], dates: [], agencies: [] };
}

/** Only the encoding rules run: the others are not under test here and cost time on big files. */
function encodingOnly() {
  const config = defaultConfig();
  for (const r of RULES) if (r.category !== 'encoding') config.rules[r.id] = 'off';
  return config;
}

function encodingFindings(text: string): Finding[] {
  return checkPlan(text, encodingOnly(), { today: TODAY }).findings.filter((f) => f.category === 'encoding');
}

function applyPreferred(text: string, findings: Finding[]): string {
  return applyEdits(text, findings.flatMap((f) => f.fixes.find((x) => x.preferred)?.edits ?? [])).text;
}

describe('encoding rules on the corpus', function () {
  this.timeout(120_000); // whole corpus files, parsed twice; the machine is shared
  const files = corpusFiles();
  it('the corpus is there', () => assert.ok(files.length >= 7, `corpus files: ${files.length}`));

  for (const name of files) {
    describe(name, () => {
      const source = readCorpus(name);
      const found = encodingFindings(source);

      it('KH701 flags each word with a legacy "ƣ"/"Ƣ"/"Ð", and nothing else', () => {
        const words = source.match(/[\p{L}\p{M}]*[ƣƢÐ][\p{L}\p{M}]*/gu) ?? [];
        const kh701 = found.filter((f) => f.rule === 'KH701');
        assert.strictEqual(kh701.length, words.length);
        for (const f of kh701) assert.match(source.slice(f.start, f.end), /[ƣƢÐ]/);
      });

      it('KH703 fixes only remove spaces', () => {
        const kh703 = found.filter((f) => f.rule === 'KH703');
        const fixed = applyPreferred(source, kh703);
        assert.strictEqual(fixed.replace(/\s/g, ''), source.replace(/\s/g, ''));
        for (const f of kh703) assert.match(source.slice(f.start, f.end), /^\(?[ \t\u00a0]+[;,:).]?$/);
      });

      it('after the fixes, the encoding rules are quiet (and the fixes touch no other text)', () => {
        const fixable = found.filter((f) => f.fixes.some((x) => x.preferred));
        const fixed = applyPreferred(source, fixable);
        const again = encodingFindings(fixed).filter((f) => f.fixes.length > 0);
        assert.deepStrictEqual(again.map((f) => `${f.rule} ${fixed.slice(f.start, f.end)}`), []);
        // Letters are only ever replaced by their Vietnamese counterparts: same text once folded.
        const fold = (s: string) => s.normalize('NFD').replace(/[\p{M}\s]/gu, '').replace(/ƣ/g, 'ư').replace(/Ƣ/g, 'Ư').replace(/Ð/g, 'Đ').normalize('NFD').replace(/\p{M}/gu, '');
        assert.strictEqual(fold(fixed), fold(source));
      });

      it('no legacy-font (TCVN3/VNI) finding on Unicode text', () => {
        assert.deepStrictEqual(found.filter((f) => f.rule === 'KH704').map((f) => f.message), []);
      });
    });
  }

  it('the Tuyên Quang 01-CTr/TU marks are put back on their vowels', () => {
    const name = files.find((f) => f.startsWith('tuyenquang_01'));
    if (!name) return;
    const source = readCorpus(name);
    const fixed = applyPreferred(source, encodingFindings(source).filter((f) => f.rule === 'KH702')).normalize('NFC');
    assert.ok(fixed.includes('Phân công rõ nhiệm vụ cho từng cơ quan'), 'nhiệm vụ cho');
    assert.ok(fixed.includes('triển khai với lộ trình, thời gian'), 'lộ trình');
  });
});

describe('tone placement', () => {
  const cases: [string, string][] = [
    ['nhiệm', 'nhiêm'], ['vụ', 'vu'], ['lộ', 'lô'], ['quả', 'qua'], ['giá', 'gia'], ['quý', 'quy'],
    ['người', 'ngươi'], ['hướng', 'hương'], ['ngoài', 'ngoai'], ['hoàn', 'hoan'], ['thuyết', 'thuyêt'],
    ['mùa', 'mua'], ['cửa', 'cưa'], ['hóa', 'hoa'], ['thủy', 'thuy'], ['Việt', 'Viêt'], ['ĐỘNG', 'ĐÔNG'],
  ];
  for (const [word, bare] of cases) {
    it(`${bare} + tone → ${word}`, () => {
      const s = stripTones(word);
      assert.strictEqual(s.bare, bare);
      assert.strictEqual(s.tones.length, 1);
      assert.strictEqual(placeTone(s.bare, s.tones[0]), word.normalize('NFC'));
    });
  }
  it('gives up on two syllables run together', () => assert.strictEqual(placeTone('nhiêmvu', '\u0323'), undefined));
});

describe('encoding rules never throw and stay fast', function () {
  this.timeout(60_000);
  const nasty = [
    '', '\u0323', ' \u0301\u0301\u0301', 'ƣ', 'Ƣ\u0301', 'ṃṇḿ', '( ', ' ;', '\uFEFF\u0000\uFFFF', '\uD800 lone surrogate \uDC00',
    'a' + '\u0300'.repeat(5000), '¸¹µ'.repeat(3000), ' '.repeat(2000) + ';',
  ];
  for (const [i, text] of nasty.entries()) {
    it(`odd input #${i}`, () => {
      const r = checkPlan(text, defaultConfig(), { today: TODAY });
      assert.ok(!r.findings.some((f) => /internal error/.test(f.message) && f.rule.startsWith('KH7')), 'a rule failed');
    });
  }
  // The rules alone (on a document built without the parser), on inputs that make careless
  // regexes backtrack: long runs of spaces, marks and legacy codes.
  const pathological = [' '.repeat(100_000) + ';', '( ' + ' '.repeat(100_000), '\u0323'.repeat(100_000), 'x ̣'.repeat(40_000), 'ñ¸'.repeat(50_000), ('ƣ'.repeat(50) + ' ').repeat(2000)];
  for (const [i, source] of pathological.entries()) {
    it(`pathological input #${i} takes linear time in every KH7xx rule`, () => {
      const norm = normalizeText(source);
      const doc = { ...parsePlanStub(), source, text: norm.text, toSourceOffset: norm.toSource, lines: splitLines(norm.text) };
      for (const rule of RULES.filter((r) => r.category === 'encoding')) {
        const t0 = process.hrtime.bigint();
        rule.check({ doc, config: defaultConfig(), planDate: TODAY, planDateFromHeader: false, planDateSource: 'today', registry: {} as never, options: {}, report: () => undefined });
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        assert.ok(ms < 5000, `${rule.id} took ${ms} ms`); // quadratic would take minutes
      }
    });
  }

  it('a 100 KB broken plan is checked quickly', () => {
    const name = corpusFiles().find((f) => f.startsWith('tuyenquang_01'));
    const unit = name ? readCorpus(name) : 'nhiêṃ vu ̣cho lô ̣trình ; hƣớng\n';
    let big = '';
    while (big.length < 100_000) big += unit;
    const t0 = process.hrtime.bigint();
    const r = checkPlan(big, encodingOnly(), { today: TODAY });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.ok(r.findings.some((f) => f.rule === 'KH702'));
    assert.ok(ms < 5000, `took ${ms} ms`);
  });
});
