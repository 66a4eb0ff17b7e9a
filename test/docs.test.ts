// The README rule list and docs/rules/ are generated from the registry; this keeps them true.

import * as assert from 'assert';
import { generate } from '../server/src/tools/gen-docs';

describe('documentation', () => {
  it('README rule list and docs/rules are current (npm run docs)', () => {
    assert.deepStrictEqual(generate(false), []);
  });
});
