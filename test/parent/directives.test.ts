import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadDirectiveRegistry } from '../../server/src/core/registry/directives';
import { defaultConfig, mergeConfig } from '../../server/src/core/config';
import { parsePlan } from '../../server/src/core/parse';
import { parentKeyOf } from '../../server/src/core/parent/extract';
import { CORPUS } from '../helpers';

describe('directive registry (data/directives.json)', () => {
  it('looks up well-known directives whatever the separators', () => {
    const reg = loadDirectiveRegistry(defaultConfig());
    assert.strictEqual(reg.lookup('94/NQ-CP')?.date, '2024-06-19');
    assert.strictEqual(reg.lookup('94-NQ/CP')?.symbol, '94/NQ-CP'); // the corpus's miswritten form
    assert.strictEqual(reg.lookup('43-NQ/TW')?.issuer, 'Ban Chấp hành Trung ương Đảng');
    assert.strictEqual(reg.lookup('30/2020/NĐ-CP')?.date, '2020-03-05');
    assert.strictEqual(reg.lookup('999/NQ-CP'), undefined);
  });

  it('agrees with the headers of the corpus directives it lists', () => {
    const reg = loadDirectiveRegistry(defaultConfig());
    for (const file of ['laocai_34-nq-tu_2025_ocr.txt', 'bochinhtri_57-nq-tw_2024.txt', 'chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt', 'tuyenquang_01-ctr-tu_2020_chuong-trinh-hanh-dong.txt']) {
      const key = parentKeyOf(parsePlan(fs.readFileSync(path.join(CORPUS, file), 'utf8')));
      assert.ok(key?.date, file);
      const rec = reg.lookup(key.symbol);
      const iso = `${key.date.year}-${String(key.date.month).padStart(2, '0')}-${String(key.date.day).padStart(2, '0')}`;
      assert.strictEqual(rec?.date, iso, file);
    }
  });

  it('every entry has a symbol, type and title, and says where its facts come from', () => {
    const data = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../data/directives.json'), 'utf8')) as { directives: Record<string, string>[] };
    for (const d of data.directives) {
      assert.ok(d.symbol && d.type && d.title && d.source, JSON.stringify(d));
      if (d.date) assert.match(d.date, /^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('merges the user’s directives from .kehoach.json over the built-in ones', () => {
    const config = mergeConfig(defaultConfig(), {
      directives: [
        { symbol: '12/KH-UBND', date: '2021-01-15', issuer: 'UBND tỉnh Tuyên Quang', title: 'Kế hoạch thực hiện 01-CTr/TU' },
        { symbol: '94/NQ-CP', path: '/plans/94.txt' },
      ],
    });
    const reg = loadDirectiveRegistry(config);
    assert.strictEqual(reg.lookup('12/KH-UBND')?.type, 'KH');
    const r94 = reg.lookup('94/NQ-CP');
    assert.strictEqual(r94?.path, '/plans/94.txt');
    assert.strictEqual(r94?.date, '2024-06-19', 'built-in facts are kept');
    assert.strictEqual(loadDirectiveRegistry(defaultConfig()).lookup('12/KH-UBND'), undefined, 'no leak between configs');
  });
});
