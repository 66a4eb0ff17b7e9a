// A plan pasted without its header cites its parents in its first lines; those numbers are the
// parents', never the plan's own (else the plan would be taken for its own parent and skipped).

import * as assert from 'assert';
import { parsePlan } from '../../server/src/core';
import { parentKeyOf, citedParents } from '../../server/src/core/parent';
import { readCorpus } from '../helpers';

describe('a document\'s own number', () => {
  for (const file of ['thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt', 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt']) {
    it(`is not one of the parents it cites: ${file}`, () => {
      const doc = parsePlan(readCorpus(file));
      const own = parentKeyOf(doc);
      const cited = citedParents(doc).map((c) => c.key);
      assert.ok(cited.length >= 2, 'the plan cites its parents');
      assert.ok(!own || !cited.includes(own.key), `own number ${own?.symbol} is a cited parent`);
    });
  }
  it('is read from the header, or from a reprint\'s title line', () => {
    assert.strictEqual(parentKeyOf(parsePlan(readCorpus('laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt')))?.symbol, '134/KH-UBND');
    assert.strictEqual(parentKeyOf(parsePlan(readCorpus('bochinhtri_57-nq-tw_2024.txt')))?.symbol, '57-NQ/TW');
  });
});
