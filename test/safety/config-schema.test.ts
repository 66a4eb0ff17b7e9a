// `.kehoach.json` from an untrusted repository: wrong types, prototype keys, unknown rules and
// giant lists give problems at their place; the rest applies; Object.prototype stays clean.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatJsonPath, MAX_CONFIG_PARENTS, validateConfig } from '../../server/src/core/config-schema';
import { defaultConfig, mergeConfig } from '../../server/src/core/config';
import { checkPlan } from '../../server/src/core';
import { readProjectFile, confineToFoldersSync, problemLines } from '../../server/src/projectConfig';
import { makeFifo } from './hostile-fs';

const at = (problems: { path: (string | number)[] }[]) => problems.map((p) => formatJsonPath(p.path));

describe('safety: .kehoach.json schema', () => {
  it('wrong types: each bad entry named at its place, the good ones kept', () => {
    const { config, problems } = validateConfig({
      parents: [1, null, {}, 'a.txt', ''],
      directives: [{ path: 5 }, { symbol: '94/NQ-CP', path: 7, date: 'hôm qua' }, { symbol: '43-NQ/TW', path: 'p.txt' }],
      rules: { KH101: 'loud', KH102: ['warning', 3], KH103: 'off' },
      planDate: 20260110,
      locale: 'fr',
      province: ['x'],
      agencies: 'all',
    });
    assert.deepStrictEqual(config.parents, ['a.txt']);
    assert.deepStrictEqual(config.directives, [{ symbol: '94/NQ-CP' }, { symbol: '43-NQ/TW', path: 'p.txt' }]);
    assert.deepStrictEqual(config.rules, { KH103: 'off' });
    assert.strictEqual(config.planDate, undefined);
    assert.deepStrictEqual(at(problems), [
      '"parents"[0]', '"parents"[1]', '"parents"[2]', '"parents"[4]',
      '"directives"[0]', '"directives"[1]"path"', '"directives"[1]"date"',
      '"rules""KH101"', '"rules""KH102"',
      '"planDate"', '"locale"', '"province"', '"agencies"',
    ]);
    for (const p of problems) assert.ok(p.message.vi && p.message.en);
  });

  it('unknown rule names are named (the rest of "rules" applies); documented keys draw no warning', () => {
    const { config, problems } = validateConfig({ rules: { 'numbering-sequence': 'error', KH999: 'off', 'no-such-rule': 'warning' }, ignore: [], $schema: 'x' });
    assert.deepStrictEqual(config.rules, { 'numbering-sequence': 'error' });
    assert.deepStrictEqual(at(problems), ['"rules""KH999"', '"rules""no-such-rule"']);
    assert.match(problems[0].message.en, /no rule named "KH999"/);
    const unknownKey = validateConfig({ colour: 'blue' }).problems;
    assert.strictEqual(unknownKey[0].severity, 'information');
  });

  it('__proto__, constructor and prototype keys never reach Object.prototype', () => {
    const raw = '{"__proto__": {"polluted": 1, "parents": ["/etc/passwd"]}, "constructor": {"prototype": {"polluted": 2}},' +
      ' "rules": {"__proto__": {"polluted": 3}, "KH101": ["warning", {"__proto__": {"polluted": 4}}]}, "agencies": {"list": [{"name": "X", "__proto__": {"polluted": 5}}]}}';
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const { config, problems } = validateConfig(JSON.parse(raw));
    const merged = mergeConfig(defaultConfig(), config);
    checkPlan('KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Một\n1. Hai\n', merged);
    assert.deepStrictEqual(Object.getOwnPropertyNames(Object.prototype).sort(), before);
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
    assert.strictEqual(({} as Record<string, unknown>).parents, undefined);
    assert.strictEqual(merged.parents?.length, 0);
    assert.ok(at(problems).includes('"__proto__"') && at(problems).includes('"constructor"') && at(problems).includes('"rules""__proto__"'));
  });

  it(`200,000 parents: the first ${MAX_CONFIG_PARENTS} kept, one problem says the list was cut`, () => {
    const started = Date.now();
    const { config, problems, reads } = validateConfig({ parents: Array.from({ length: 200000 }, (_, i) => `missing-${i}.txt`) });
    assert.strictEqual(config.parents?.length, MAX_CONFIG_PARENTS);
    assert.strictEqual(reads.length, MAX_CONFIG_PARENTS);
    assert.deepStrictEqual(at(problems), [`"parents"[${MAX_CONFIG_PARENTS}]`]);
    assert.match(problems[0].message.en, /200000 entries; only the first 50/);
    assert.ok(Date.now() - started < 2000);
  });

  it('a file that is not JSON, not an object, huge or a FIFO: defaults and one problem', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-cfg-'));
    try {
      const write = (name: string, content: string | Buffer) => {
        const f = path.join(dir, name);
        fs.writeFileSync(f, content);
        return f;
      };
      const cases: [string, RegExp][] = [
        [write('bad.json', '{"rules": {'), /not valid JSON/],
        [write('array.json', '[1, 2]'), /must be a JSON object/],
        [write('null.json', 'null'), /must be a JSON object/],
        [write('huge.json', Buffer.alloc(2 * 1024 * 1024, 0x20)), /too large/],
      ];
      const fifo = makeFifo(path.join(dir, 'fifo.json'));
      if (fifo) cases.push([fifo, /not a regular file: FIFO/]);
      for (const [file, expected] of cases) {
        const pc = readProjectFile(file);
        assert.deepStrictEqual(pc.config, {});
        assert.strictEqual(pc.problems.length, 1, file);
        assert.match(pc.problems[0].message.en, expected);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('CLI: parents outside the config folder and the current folder are dropped, each named at its entry', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-cfg-'));
    try {
      fs.writeFileSync(path.join(dir, 'in.txt'), 'KẾ HOẠCH\n');
      fs.symlinkSync('/etc', path.join(dir, 'etc-link'));
      const file = path.join(dir, '.kehoach.json');
      fs.writeFileSync(file, JSON.stringify({ parents: ['in.txt', '/etc/passwd', 'etc-link/passwd', '../x.txt'] }));
      const pc = confineToFoldersSync(readProjectFile(file), [dir]);
      assert.deepStrictEqual(pc.config.parents, [path.join(dir, 'in.txt')]);
      assert.deepStrictEqual(at(pc.problems), ['"parents"[1]', '"parents"[2]', '"parents"[3]']);
      assert.match(problemLines(pc)[0], /"parents"\[1\]: .*nằm ngoài thư mục làm việc.*outside the workspace/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
