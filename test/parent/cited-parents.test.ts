// The parents a plan cites are the parser's citations marked as parent cues (Citation.parentCue):
// parent/ no longer reads citations a second time. Real text: the corpus and the Lương Minh
// Front plans of the devset (test/fixtures/devset/SOURCES.md).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CORPUS, FIXTURES } from '../helpers';
import { parsePlan } from '../../server/src/core/parse';
import { checkPlan } from '../../server/src/core/check';
import { defaultConfig } from '../../server/src/core/config';
import { citedParents, parentKeyOf } from '../../server/src/core/parent/extract';
import { ParentContext } from '../../server/src/core/parent/context';
import { canonicalSymbol, numberKey, parseSymbol } from '../../server/src/core/parent';
import { symbolKey } from '../../server/src/core/parse/citation-symbol';

const read = (file: string) => fs.readFileSync(file, 'utf8');
const DEVSET = path.join(FIXTURES, 'devset');
const KH16 = path.join(DEVSET, 'mttq-luongminh_16-kh-mttq-btt_2025.txt');

describe('cited parents (from the parser’s citations)', () => {
  it('the trích yếu and preamble cues mark the directives carried out, not the legal bases', () => {
    const plan = parsePlan(read(path.join(CORPUS, 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt')));
    const cued = plan.citations.filter((c) => c.parentCue).map((c) => c.number.raw);
    assert.ok(cued.includes('34-NQ/TU'), cued.join(', '));
    // Every cited parent is one of the parser's citations, same span and raw text.
    for (const p of citedParents(plan)) {
      const c = plan.citations.find((x) => x.number.start === p.number.start);
      assert.ok(c && c.parentCue && c.raw === p.raw && c.start === p.start && c.end === p.end, p.symbol);
    }
    // "Căn cứ Luật …, Nghị định …" are cited but are no parents.
    assert.ok(plan.citations.some((c) => !c.parentCue && c.inPreamble));
  });

  it('a joint-issuer number ("16/KH-MTTQ-BTT") keys as the parent’s own header does, so the parent is found and its spelling agrees', () => {
    const own = parentKeyOf(parsePlan(read(KH16)))!;
    assert.strictEqual(own.symbol, '16/KH-MTTQ-BTT');
    const planText = read(path.join(DEVSET, 'mttq-luongminh_kh-mttq-btt_2025_hiep-thuong.txt'));
    const plan = parsePlan(planText);
    const cite = citedParents(plan).find((c) => c.symbol === '16/KH-MTTQ-BTT');
    assert.ok(cite, citedParents(plan).map((c) => c.symbol).join(', '));
    assert.strictEqual(cite.key, own.key);
    const parents = new ParentContext([{ doc: parsePlan(read(KH16)), path: KH16 }]);
    assert.strictEqual(parents.links(plan).length, 1);
    const { findings } = checkPlan(planText, defaultConfig(), { parents });
    assert.deepStrictEqual(findings.filter((f) => f.rule === 'KH905'), [], 'same number, same spelling, same date');
  });

  it('the same number issued by a body at another level is another document, not the parent', () => {
    // "Kế hoạch số 16/KH-MTTQ-BTT ngày 23/12/2025 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh
    // Quảng Ninh": the province's plan 16, not the commune's (KH16, of 18/11/2025).
    const planText = read(path.join(DEVSET, 'mttq-luongminh_kh-mttq-btt_2025_tiep-cong-dan.txt'));
    const plan = parsePlan(planText);
    assert.ok(citedParents(plan).some((c) => c.symbol === '16/KH-MTTQ-BTT' && /tỉnh/.test(c.issuer ?? '')));
    const parents = new ParentContext([{ doc: parsePlan(read(KH16)), path: KH16 }]);
    assert.deepStrictEqual(parents.links(plan), []);
    const { findings } = checkPlan(planText, defaultConfig(), { parents });
    assert.deepStrictEqual(findings.filter((f) => f.category === 'parent'), []);
  });

  it('one number grammar: symbols from the registry and the project file read as citations are read', () => {
    const key = (s: string) => numberKey(parseSymbol(s)!);
    assert.strictEqual(key('94-NQ/CP'), key('94/NQ-CP'), 'a miswritten separator is the same document');
    assert.strictEqual(key('55-CTR/TU'), key('55-CTr/TU'));
    // One key for citation rules and parents alike: "06/KH-MTTW-BTT" and "6/KH-MTTW" are one plan.
    assert.strictEqual(symbolKey(parseSymbol('06/KH-MTTW-BTT')!), key('6/KH-MTTW'));
    assert.strictEqual(canonicalSymbol(parseSymbol('83/2025/QH15')!), '83/2025/QH15', 'a law has no type');
    assert.strictEqual(parseSymbol('không phải số hiệu'), undefined);
  });
});
