import * as assert from 'assert';
import { collapseSpaces } from '../../server/src/core/text/spaces';
import { tokenize } from '../../server/src/core/registry/tokens';
import { foldTonePlacement } from '../../server/src/core/text/tone';
import { parsePlan } from '../../server/src/core';
import { readCorpus } from '../helpers';

const CORPUS = [
  'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt',
  'chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt',
  'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt',
];

/** The plain forms the fast paths stand in for. */
const slowCollapse = (s: string) => s.replace(/\s+/g, ' ').trim();
function slowTokens(text: string): { start: number; end: number; key: string; upper: boolean }[] {
  const out = [];
  for (const m of text.matchAll(/&|[\p{L}\p{N}\p{M}]+/gu)) {
    const raw = m[0];
    const lower = raw.toLowerCase();
    const key = raw === '&' ? 'và' : foldTonePlacement(lower);
    out.push({ start: m.index!, end: m.index! + raw.length, key, upper: raw !== '&' && raw[0] !== raw[0].toLowerCase() });
  }
  return out;
}

describe('one-line text and syllable tokens', () => {
  it('collapses white space like the regex form, and returns a clean line as it is', () => {
    for (const s of ['', ' ', 'Sở Nội vụ', '  Sở\u00a0Nội\tvụ \n', 'a  b', 'Sở Tài chính\u3000', '\ufeffUBND tỉnh']) {
      assert.strictEqual(collapseSpaces(s), slowCollapse(s), JSON.stringify(s));
    }
    const clean = 'Sở Kế hoạch và Đầu tư chủ trì';
    assert.strictEqual(collapseSpaces(clean), clean);
  });

  it('collapses every line of real plans like the regex form', () => {
    for (const name of CORPUS) {
      for (const line of readCorpus(name).split('\n')) assert.strictEqual(collapseSpaces(line), slowCollapse(line));
    }
  });

  it('reads the same syllables, keys and capitals as a plain regex scan on real plans', () => {
    for (const name of CORPUS) {
      const text = parsePlan(readCorpus(name)).text;
      const fast = tokenize(text);
      const slow = slowTokens(text);
      assert.strictEqual(fast.length, slow.length, name);
      for (let i = 0; i < slow.length; i++) {
        const got = { start: fast.start[i], end: fast.end[i], key: fast.key[i], upper: fast.upper[i] === 1 };
        assert.deepStrictEqual(got, slow[i], `${name} token ${i}`);
      }
    }
  });

  it('folds old-style tone placement and reads "&" as "và"', () => {
    const t = tokenize('Ủy ban & Uỷ ban hoà nhập');
    assert.deepStrictEqual(t.key, ['ủy', 'ban', 'và', 'ủy', 'ban', 'hòa', 'nhập']);
    assert.deepStrictEqual([...t.upper], [1, 0, 0, 1, 0, 0, 0]);
  });
});
