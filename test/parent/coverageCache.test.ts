// The coverage of a plan against a parent is computed again only when what the matching reads of
// the plan changed (ParentContext, coverageKey): real 34-NQ/TU → 134/KH-UBND, edited as a drafter would.

import * as assert from 'assert';
import { parsePlan } from '../../server/src/core/parse';
import { ParentContext } from '../../server/src/core/parent';
import { matchCoverage } from '../../server/src/core/parent/match';
import { readCorpus } from '../helpers';

const parent = { doc: parsePlan(readCorpus('laocai_34-nq-tu_2025_ocr.txt')), path: '/ws/34.txt' };
const planText = readCorpus('laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt');

function edited(from: string, to: string): string {
  assert.ok(planText.includes(from), from);
  return planText.replace(from, to);
}

describe('parent: coverage reused across edits that leave the tasks alone', () => {
  it('an edit in "Nơi nhận" (after the tasks) reuses the result; one in a task or above the tasks computes it again, as from scratch', () => {
    const ctx = new ParentContext([parent]);
    const first = ctx.links(parsePlan(planText))[0].coverage;
    assert.ok(first.tasks.length > 5 && first.tasks.some((t) => t.status === 'covered'));

    const recipients = parsePlan(edited('- Như Điều 3;', '- Như Điều 3 (để thực hiện);'));
    const reused = ctx.links(recipients)[0].coverage;
    assert.strictEqual(reused, first, 'the same result object: not computed again');
    assert.deepStrictEqual(reused, matchCoverage(recipients, parent.doc));

    const task = parsePlan(edited('Cải thiện quy trình thủ tục hành chính', 'Tổ chức hội nghị sơ kết'));
    const again = ctx.links(task)[0].coverage;
    assert.notStrictEqual(again, first);
    assert.deepStrictEqual(again, matchCoverage(task, parent.doc));
    assert.notDeepStrictEqual(again.tasks.map((t) => t.status), first.tasks.map((t) => t.status), 'the edit changed what is covered');

    // One character more in the subject moves every task's offsets: computed again, offsets right.
    const above = parsePlan(edited('Thực hiện Nghị quyết', 'Thực hiện  Nghị quyết'));
    const moved = ctx.links(above)[0].coverage;
    assert.notStrictEqual(moved, first);
    assert.deepStrictEqual(moved, matchCoverage(above, parent.doc));
  });
});
