// Parser goldens: test/fixtures/parse/<name>.txt with <name>.model.json, a readable projection of
// the model (header fields, items as "depth label title" lines, tables as rows). UPDATE_GOLDEN=1
// rewrites the .model.json files; read the diff before committing.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parsePlan } from '../../server/src/core/parse';
import { FIXTURES, UPDATE_GOLDEN } from '../helpers';
import { project } from './projection';

const DIR = path.join(FIXTURES, 'parse');

describe('parser goldens', () => {
  const names = fs.existsSync(DIR) ? fs.readdirSync(DIR).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort() : [];
  it('has fixtures', () => assert.ok(names.length >= 4, `expected at least 4 parser fixtures, found ${names.length}`));
  for (const name of names) {
    it(`parses ${name}.txt as recorded`, () => {
      const text = fs.readFileSync(path.join(DIR, `${name}.txt`), 'utf8');
      const actual = project(parsePlan(text));
      const file = path.join(DIR, `${name}.model.json`);
      if (UPDATE_GOLDEN || !fs.existsSync(file)) fs.writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
      assert.deepStrictEqual(actual, JSON.parse(fs.readFileSync(file, 'utf8')));
    });
  }
});
