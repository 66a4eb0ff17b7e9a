// The citation, date and reporting rules on the seven real plans: the known mistakes are found,
// and nothing else (every finding below was read against the text; a new one is a regression or
// a false positive to look at). Rules run directly on the parsed model to keep this quick.

import * as assert from 'assert';
import { parsePlan } from '../../server/src/core/parse';
import { RULES, defaultConfig, loadRegistry, resolvePlanDate, LineIndex, localize, type Report } from '../../server/src/core';
import { corpusFiles, readCorpus } from '../helpers';

const TODAY = { year: 2026, month: 11, day: 22 };
const MINE = /^KH[345]\d\d$/;
const registry = loadRegistry(defaultConfig());

export interface Found {
  rule: string;
  line: number;
  message: string;
}

/** Findings of the KH3xx/KH4xx/KH5xx rules on a corpus file (1-based lines). */
export function corpusFindings(file: string): Found[] {
  const source = readCorpus(file);
  const doc = parsePlan(source);
  const config = defaultConfig();
  const { date, fromHeader, source: dateSource } = resolvePlanDate(doc, config, TODAY);
  const idx = new LineIndex(source);
  const out: Found[] = [];
  for (const rule of RULES) {
    if (!MINE.test(rule.id)) continue;
    rule.check({
      doc, config, planDate: date, planDateFromHeader: fromHeader, planDateSource: dateSource, registry, options: {},
      report: (r: Report) => out.push({ rule: rule.id, line: idx.positionAt(doc.toSourceOffset(r.span.start)).line + 1, message: localize(r.message, 'vi') }),
    });
  }
  return out.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

function counts(fs: Found[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const f of fs) c[f.rule] = (c[f.rule] ?? 0) + 1;
  return c;
}

const cache = new Map<string, Found[]>();
function findings(file: string): Found[] {
  if (!cache.has(file)) cache.set(file, corpusFindings(file));
  return cache.get(file)!;
}

describe('citation rules on the corpus', function () {
  this.timeout(60000);
  before(function () {
    if (corpusFiles().length === 0) this.skip();
  });

  it('147/KH-UBND: every "94-NQ/CP" is flagged with a fix to "94/NQ-CP", the two symbols with a stray space, and nothing else', () => {
    const fs = findings('tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt');
    assert.deepStrictEqual(counts(fs), { KH401: 10 });
    const spaced = fs.filter((f) => /dấu cách thừa/u.test(f.message));
    // "Chương trình số 27- CTr/TU", "Nghị quyết số 25- NQ/TW" (issue 11, shape 9: the defect of "27/NQ- TW").
    assert.deepStrictEqual(spaced.map((f) => f.message.match(/"([^"]+)"/u)![1]), ['27- CTr/TU', '25- NQ/TW']);
    for (const f of fs.filter((x) => !spaced.includes(x))) assert.match(f.message, /"94-NQ\/CP".*→ "94\/NQ-CP"/u);
  });

  it('134/KH-UBND: the decision dated after the plan; the standing agency reports "định kỳ" with no period', () => {
    const fs = findings('laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt');
    assert.deepStrictEqual(counts(fs), { KH406: 1, KH301: 1 });
    const future = fs.find((f) => f.rule === 'KH406')!;
    assert.strictEqual(future.line, 206);
    assert.match(future.message, /1955\/QĐ-UBND ghi ngày 19\/06\/2026, sau ngày ban hành kế hoạch \(26\/03\/2026\)/u);
    assert.match(fs.find((f) => f.rule === 'KH301')!.message, /^Sở Công Thương: báo cáo "định kỳ"/u);
  });

  it('03/NQ-CP: the appendix headers with a blank number and the wrong date', () => {
    const fs = findings('chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt');
    assert.deepStrictEqual(counts(fs), { KH404: 2, KH405: 2, KH408: 2 });
    assert.deepStrictEqual(fs.filter((f) => f.rule === 'KH408').map((f) => f.line), [313, 380]);
    for (const f of fs.filter((x) => x.rule === 'KH404')) assert.match(f.message, /01\/01\/2025.*09\/01\/2025/u);
    // "văn bản số 1552/BTTTT-TTH và 708/BTTTT-CATTT" (task 73) are cited without dates.
    assert.deepStrictEqual(fs.filter((f) => f.rule === 'KH405').map((f) => f.line), [458, 458]);
  });

  it('Thái Nguyên: only the undated consolidation by Sở Nội vụ', () => {
    const fs = findings('thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt');
    assert.deepStrictEqual(fs.map((f) => [f.rule, f.line]), [['KH301', 135]]);
  });

  it('the parent directives: first citations without dates and "định kỳ" reports only', () => {
    assert.deepStrictEqual(counts(findings('bochinhtri_57-nq-tw_2024.txt')), { KH405: 2, KH301: 2 });
    assert.deepStrictEqual(counts(findings('laocai_34-nq-tu_2025_ocr.txt')), { KH301: 1 });
    assert.deepStrictEqual(findings('tuyenquang_01-ctr-tu_2020_chuong-trinh-hanh-dong.txt').map((f) => [f.rule, f.line]), [['KH405', 520]]);
  });

  it('no date rule fires on the corpus: all dates exist and header dates follow ND30', () => {
    for (const f of corpusFiles()) assert.deepStrictEqual(findings(f).filter((x) => /^KH5/.test(x.rule)), [], f);
  });
});
