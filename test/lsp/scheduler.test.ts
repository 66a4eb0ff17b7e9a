// The check scheduler on its own (server/src/scheduler.ts): a fake check that records when it ran
// and what edits it saw, real timers with short delays.

import * as assert from 'assert';
import { performance } from 'perf_hooks';
import { CheckScheduler } from '../../server/src/scheduler';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const turn = () => new Promise<void>((r) => setImmediate(r));

/** A document whose "check" records the edit count it saw, taking `costMs` of busy time. */
function harness(opts: { debounceMs: number; maxWaitMs?: number; costMs?: number }) {
  let edits = 0;
  let running = 0;
  const runs: { at: number; edits: number }[] = [];
  const scheduler = new CheckScheduler({
    debounceMs: () => opts.debounceMs,
    maxWaitMs: opts.maxWaitMs,
    run: async () => {
      assert.strictEqual(running++, 0, 'never two checks of one document at once');
      const start = performance.now();
      while (performance.now() - start < (opts.costMs ?? 0));
      runs.push({ at: performance.now(), edits });
      running--;
      return opts.costMs ?? 1;
    },
  });
  const edit = () => {
    edits++;
    scheduler.touch('doc');
  };
  return { scheduler, runs, edit, edits: () => edits };
}

async function until(pred: () => boolean, ms = 3000): Promise<void> {
  const end = performance.now() + ms;
  while (!pred()) {
    if (performance.now() > end) throw new Error('timed out');
    await sleep(5);
  }
}

describe('server: check scheduler', function () {
  this.timeout(10_000);

  it('checks once after the typing pauses for the debounce', async () => {
    const h = harness({ debounceMs: 60, maxWaitMs: 5000 });
    for (let i = 0; i < 8; i++) {
      h.edit();
      await sleep(10);
    }
    const lastEdit = performance.now();
    await until(() => h.runs.length === 1);
    await sleep(120);
    assert.strictEqual(h.runs.length, 1);
    assert.strictEqual(h.runs[0].edits, 8, 'the check saw every edit');
    assert.ok(h.runs[0].at - lastEdit >= 45, 'not before the pause');
    h.scheduler.dispose();
  });

  it('checks at least every maxWaitMs while edits keep coming (the debounce never starves)', async () => {
    const h = harness({ debounceMs: 100, maxWaitMs: 80 });
    const start = performance.now();
    while (performance.now() - start < 600) {
      h.edit();
      await sleep(15);
    }
    const during = h.runs.length;
    assert.ok(during >= 4, `${during} checks in 600 ms of edits every 15 ms`);
    assert.ok(during <= 600 / 80 + 1, `${during} checks: no more than one per longest wait`);
    await until(() => h.runs[h.runs.length - 1].edits === h.edits());
    h.scheduler.dispose();
  });

  it('waits at least as long as the last check took before the next one', async () => {
    const h = harness({ debounceMs: 5, maxWaitMs: 10, costMs: 260 });
    h.edit();
    await until(() => h.runs.length === 1);
    const touched = performance.now();
    h.edit();
    await until(() => h.runs.length === 2);
    // The second check starts ≥ 260 ms after the edit and takes 260 ms itself.
    assert.ok(h.runs[1].at - touched >= 2 * 260 - 10, `${(h.runs[1].at - touched).toFixed(0)} ms`);
    h.scheduler.dispose();
  });

  it('lets edits already received be handled before checking (one message per event-loop turn)', async () => {
    const h = harness({ debounceMs: 0 });
    h.edit();
    // Five more edits arrive one turn apart, as the RPC layer hands them over.
    let left = 5;
    const next = () => {
      if (left-- > 0) {
        h.edit();
        setImmediate(next);
      }
    };
    setImmediate(next);
    await until(() => h.runs.length >= 1);
    await sleep(30);
    assert.deepStrictEqual(h.runs.map((r) => r.edits), [6], 'one check, of the newest version');
    h.scheduler.dispose();
  });

  it('an edit during a check is checked after it; a forgotten document is not checked', async () => {
    const h = harness({ debounceMs: 0, costMs: 40 });
    h.edit();
    await turn();
    await turn();
    await turn();
    // The check is running (busy): this edit lands after it.
    await until(() => h.runs.length === 1);
    h.edit();
    await until(() => h.runs.length === 2);
    assert.strictEqual(h.runs[1].edits, 2);
    h.edit();
    h.scheduler.forget('doc');
    await sleep(100);
    assert.strictEqual(h.runs.length, 2);
    assert.strictEqual(h.scheduler.isPending('doc'), false);
    h.scheduler.dispose();
  });
});
