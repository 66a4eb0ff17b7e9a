// The sample plans in examples/: the clean one raises nothing; the other raises exactly the
// mistakes examples/README.md lists, each on its line (and by its rule where the id is known).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkPlan, defaultConfig, LineIndex, type Finding } from '../../server/src/core';
import { ROOT } from '../helpers';

const DIR = path.join(ROOT, 'examples');
const TODAY = { year: 2026, month: 11, day: 22 };

function check(name: string): { text: string; findings: Finding[]; lineOf: (f: Finding) => string } {
  const text = fs.readFileSync(path.join(DIR, name), 'utf8');
  const { findings } = checkPlan(text, defaultConfig(), { today: TODAY });
  const index = new LineIndex(text);
  const lines = text.split(/\r?\n/);
  return { text, findings, lineOf: (f) => lines[index.positionAt(f.start).line] };
}

const show = (fs_: Finding[]) => fs_.map((f) => `${f.rule} ${f.message}`);

describe('examples', () => {
  it('both sample plans are there, sized like real plans', () => {
    for (const name of ['ke-hoach-mau.kehoach.txt', 'ke-hoach-chuan.kehoach.txt']) {
      const size = fs.statSync(path.join(DIR, name)).size;
      assert.ok(size > 5000 && size < 12000, `${name}: ${size} bytes`);
    }
  });

  it('ke-hoach-chuan raises no findings', () => {
    const { findings } = check('ke-hoach-chuan.kehoach.txt');
    assert.deepStrictEqual(show(findings), []);
  });

  describe('ke-hoach-mau raises each deliberate mistake (examples/README.md)', () => {
    const { findings, lineOf } = check('ke-hoach-mau.kehoach.txt');
    // [what, category, rule id when fixed by the README, a piece of the line it is on]
    const expected: [string, string, string | undefined, string][] = [
      ['skipped Roman numeral', 'numbering', 'KH101', 'IV. TỔ CHỨC THỰC HIỆN'],
      ['e) for đ)', 'numbering', 'KH102', 'e) Biểu dương'],
      ['task without a lead', 'lead-agency', 'KH201', 'Phát huy vai trò của Nhân dân'],
      ['reporting without a deadline', 'reporting', 'KH301', 'định kỳ tổng hợp, báo cáo UBND tỉnh theo quy định'],
      ['Party form of a Government symbol', 'citation', 'KH401', '94-NQ/CP'],
      ['defunct department', 'agency', 'KH801', 'Sở Kế hoạch và Đầu tư'],
      ['district level after 1/7/2025', 'agency', 'KH802', 'UBND các huyện'],
      ['ƣ from a PDF', 'encoding', 'KH701', 'địa phƣơng'],
      ['space before ";"', 'encoding', 'KH703', '94/NQ-CP) ;'],
    ];
    for (const [what, category, rule, line] of expected) {
      it(what, () => {
        const hit = findings.find((f) => f.category === category && (!rule || f.rule === rule) && lineOf(f).includes(line));
        assert.ok(hit, `no ${rule ?? category} finding on the line with "${line}"; found: ${show(findings).join(' | ')}`);
      });
    }
    it('and nothing on lines without a deliberate mistake', () => {
      const stray = findings.filter((f) => !expected.some(([, category, , line]) => f.category === category && lineOf(f).includes(line)));
      // The letter sequence may also be reported at "f)"; the missing lead anywhere in task 4.
      const text = fs.readFileSync(path.join(DIR, 'ke-hoach-mau.kehoach.txt'), 'utf8');
      const task4 = { start: text.indexOf('4. Phát huy vai trò'), end: text.indexOf('5. Bảo đảm an ninh') };
      const tolerated = stray.filter((f) => !(f.category === 'numbering' && /^f\)/.test(lineOf(f))) && !(f.category === 'lead-agency' && f.start >= task4.start && f.start < task4.end));
      assert.deepStrictEqual(show(tolerated), []);
    });
  });
});
