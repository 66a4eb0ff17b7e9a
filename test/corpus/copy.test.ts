// The repository's copy of the corpus (test/fixtures/corpus) is what the tests and the benchmark
// read, so that a clone anywhere runs them. Where the workplace's ../shared/corpus sits beside the
// repository (in CI it does), the copy must be the same files, byte for byte.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CORPUS, SHARED_CORPUS } from '../helpers';

describe('the corpus copy', () => {
  it('holds the same files as ../shared/corpus, byte for byte', function () {
    if (!fs.existsSync(SHARED_CORPUS)) this.skip(); // a clone outside the workplace has only the copy
    const shared = fs.readdirSync(SHARED_CORPUS).sort();
    assert.deepStrictEqual(fs.readdirSync(CORPUS).sort(), shared);
    for (const name of shared) {
      assert.ok(fs.readFileSync(path.join(CORPUS, name)).equals(fs.readFileSync(path.join(SHARED_CORPUS, name))), `${name} differs: copy ../shared/corpus again`);
    }
  });
});
