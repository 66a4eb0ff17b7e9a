// The server collects garbage once its checks pause (server/src/idleGc.ts).

import * as assert from 'assert';
import { exposedGc, IdleCollector } from '../../server/src/idleGc';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('lsp: garbage collected when the checks pause', () => {
  it('once after the last of several checks, never while one runs', async () => {
    let collected = 0;
    const idle = new IdleCollector(() => collected++, 40);
    idle.checked();
    await sleep(10);
    idle.checked();
    await sleep(10);
    idle.busy(); // a check started: it may run longer than the pause
    await sleep(80);
    assert.strictEqual(collected, 0);
    idle.checked();
    await sleep(80);
    assert.strictEqual(collected, 1);
    idle.dispose();
  });

  it('V8\'s collector is available without --expose-gc on the command line, and frees what nothing holds', () => {
    const gc = exposedGc();
    assert.strictEqual(typeof gc, 'function');
    let garbage: unknown[] | undefined = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `t${i}` }));
    assert.ok(garbage.length);
    gc!();
    const holding = process.memoryUsage().heapUsed;
    garbage = undefined;
    gc!();
    assert.ok(process.memoryUsage().heapUsed < holding - 10e6, `${((holding - process.memoryUsage().heapUsed) / 1e6).toFixed(1)} MB freed`);
  });
});
