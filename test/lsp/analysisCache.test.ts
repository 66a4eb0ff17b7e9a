// The server's analysis cache (server/src/analysisCache.ts): a few full analyses, most recently
// used first; a footprint (dependencies, citations) for every open document.

import * as assert from 'assert';
import { checkPlan, defaultConfig, LineIndex, loadRegistry } from '../../server/src/core';
import { AnalysisCache } from '../../server/src/analysisCache';
import type { Analysis } from '../../server/src/features/analysis';
import { readCorpus } from '../helpers';

const PLAN_147 = 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt';

function analysisOf(uri: string, version: number, text: string, parentPaths: string[] = []): Analysis {
  const config = defaultConfig();
  return {
    uri, version, text, lines: new LineIndex(text), config, locale: 'vi', registry: loadRegistry(config),
    result: checkPlan(text, config), maxFileSizeKB: 2048, citedKeys: ['43-NQ/TW'], parentPaths,
  };
}

describe('server: analysis cache', () => {
  const text = readCorpus(PLAN_147);

  it('keeps the most recently used analyses and a footprint of every document', () => {
    const cache = new AnalysisCache(2);
    cache.set('a', 0, analysisOf('a', 1, text, ['/ws/nq43.txt']));
    cache.set('b', 0, analysisOf('b', 1, text));
    assert.ok(cache.get('a', 0, 1), 'a used: b is now the least recent');
    cache.set('c', 0, analysisOf('c', 1, text));
    assert.strictEqual(cache.modelCount, 2);
    assert.strictEqual(cache.get('b', 0, 1), undefined, 'b dropped');
    assert.ok(cache.get('a', 0, 1) && cache.get('c', 0, 1));
    const prints = new Map(cache.footprints());
    assert.deepStrictEqual([...prints.keys()].sort(), ['a', 'b', 'c'], 'b still has its footprint');
    assert.deepStrictEqual(prints.get('a')!.reads, ['/ws/nq43.txt']);
    assert.deepStrictEqual(prints.get('b')!.citedKeys, ['43-NQ/TW']);
    // The 147/KH-UBND plan cites Nghị quyết 43-NQ/TW: completion in other plans offers it.
    assert.ok(prints.get('b')!.citations.some((c) => c.label.includes('43-NQ/TW')), JSON.stringify(prints.get('b')!.citations.slice(0, 3)));
  });

  it('answers only for the same version and configuration generation; forgets closed documents', () => {
    const cache = new AnalysisCache();
    cache.set('a', 3, analysisOf('a', 7, text));
    assert.strictEqual(cache.get('a', 3, 6), undefined, 'older version');
    assert.strictEqual(cache.get('a', 4, 7), undefined, 'settings changed since');
    assert.ok(cache.get('a', 3, 7));
    cache.invalidate('a');
    assert.strictEqual(cache.get('a', 3, 7), undefined);
    assert.strictEqual([...cache.footprints()].length, 1, 'the footprint stays until the next check');
    cache.delete('a');
    assert.strictEqual([...cache.footprints()].length, 0);
  });
});
