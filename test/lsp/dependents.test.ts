// The server's dependency graph (server/src/dependents.ts) and its shared analysis runs
// (server/src/sharedAnalyses.ts), on footprints of real plans kept by the analysis cache.

import * as assert from 'assert';
import { checkPlan, defaultConfig, LineIndex, loadRegistry, parsePlan } from '../../server/src/core';
import { citedParents } from '../../server/src/core/parent';
import { AnalysisCache } from '../../server/src/analysisCache';
import { dependentsOf } from '../../server/src/dependents';
import { SharedRuns } from '../../server/src/sharedAnalyses';
import type { Analysis } from '../../server/src/features/analysis';
import { readCorpus } from '../helpers';

const PLAN_03 = 'chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt';
const PLAN_134 = 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt';

/** An analysis as the server records it: the keys the plan cites, the parent files it read. */
function analysisOf(uri: string, text: string, parentPaths: string[]): Analysis {
  const config = defaultConfig();
  const citedKeys = [...new Set(citedParents(parsePlan(text)).map((c) => c.key))];
  return {
    uri, version: 1, text, lines: new LineIndex(text), config, locale: 'vi', registry: loadRegistry(config),
    result: checkPlan(text, config), maxFileSizeKB: 2048, citedKeys, parentPaths,
  };
}

describe('server: dependency graph', () => {
  // 03/NQ-CP cites 57-NQ/TW and was checked against /ws/57.txt; 134/KH-UBND cites 34-NQ/TU, no parent found yet.
  const cache = new AnalysisCache(1);
  cache.set('plan-03', 0, analysisOf('plan-03', readCorpus(PLAN_03), ['/ws/57.txt']));
  cache.set('plan-134', 0, analysisOf('plan-134', readCorpus(PLAN_134), []));
  const key57 = [...new Map(cache.footprints()).get('plan-03')!.citedKeys].find((k) => /57/.test(k))!;
  const key34 = [...new Map(cache.footprints()).get('plan-134')!.citedKeys].find((k) => /34/.test(k))!;

  it('the plans read from their real citations', () => {
    assert.ok(key57 && key34, 'both plans cite their parent');
  });

  it('an edit inside a parent file re-checks the plans that read it, even after their model was dropped', () => {
    assert.strictEqual(cache.modelCount, 1, 'plan-03 kept only as a footprint');
    assert.deepStrictEqual(dependentsOf(cache.footprints(), { file: '/ws/57.txt', keyBefore: key57, keyAfter: key57 }), ['plan-03']);
    // The same edit made in the plan's own editor does not re-check itself.
    assert.deepStrictEqual(dependentsOf(cache.footprints(), { file: '/ws/57.txt', keyBefore: key57, keyAfter: key57 }, 'plan-03'), []);
  });

  it('a file whose header gains or loses a cited number re-checks the plans citing it', () => {
    assert.deepStrictEqual(dependentsOf(cache.footprints(), { file: '/ws/new.txt', keyAfter: key34 }), ['plan-134'], 'created');
    assert.deepStrictEqual(dependentsOf(cache.footprints(), { file: '/ws/old.txt', keyBefore: key34 }), ['plan-134'], 'deleted');
    assert.deepStrictEqual(dependentsOf(cache.footprints(), { file: '/ws/x.txt', keyBefore: key34, keyAfter: key57 }).sort(), ['plan-03', 'plan-134'], 'renumbered');
  });

  it('an unrelated file, or a key that did not move, re-checks nothing', () => {
    assert.deepStrictEqual(dependentsOf(cache.footprints(), { file: '/ws/other.txt', keyBefore: key34, keyAfter: key34 }), []);
    assert.deepStrictEqual(dependentsOf(cache.footprints(), { file: '/ws/other.txt' }), []);
  });

  it('a closed plan is no longer a dependent', () => {
    const c = new AnalysisCache();
    c.set('plan-03', 0, analysisOf('plan-03', readCorpus(PLAN_03), ['/ws/57.txt']));
    c.delete('plan-03');
    assert.deepStrictEqual(dependentsOf(c.footprints(), { file: '/ws/57.txt' }), []);
  });
});

describe('server: shared analysis runs', () => {
  it('requests for the same version and generation share one run; a newer version starts another', async () => {
    const runs = new SharedRuns<number>();
    let started = 0;
    let release!: (n: number) => void;
    const start = () => {
      started++;
      return new Promise<number>((r) => (release = r));
    };
    const a = runs.run('u', 1, 0, start);
    const b = runs.run('u', 1, 0, start);
    assert.strictEqual(a, b);
    assert.strictEqual(started, 1);
    assert.strictEqual(runs.size, 1);
    const releaseFirst = release;
    const c = runs.run('u', 2, 0, start);
    assert.notStrictEqual(c, a);
    assert.strictEqual(started, 2);
    const d = runs.run('u', 2, 1, start);
    assert.strictEqual(started, 3, 'settings changed: a new generation');
    releaseFirst(1);
    release(3);
    assert.deepStrictEqual(await Promise.all([a, d]), [1, 3]);
    await new Promise((r) => setImmediate(r));
    assert.strictEqual(runs.size, 0, 'the newest run finished and was cleared; superseded runs were never kept');
  });

  it('a failed run is cleared, so the next request tries again', async () => {
    const runs = new SharedRuns<number>();
    await assert.rejects(runs.run('u', 1, 0, () => Promise.reject(new Error('boom'))));
    await new Promise((r) => setImmediate(r));
    assert.strictEqual(runs.size, 0);
    assert.strictEqual(await runs.run('u', 1, 0, () => Promise.resolve(7)), 7);
  });
});
