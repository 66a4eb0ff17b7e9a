// The corpus: every real plan in test/fixtures/corpus (a copy of ../shared/corpus) parses and checks without throwing, and the
// mistakes that corpus/README.md lists are found, each at its line.

import * as assert from 'assert';
import { checkPlan, defaultConfig, LineIndex, type Finding, type Category } from '../../server/src/core';
import { corpusFiles, readCorpus } from '../helpers';

const TODAY = { year: 2026, month: 11, day: 22 };

interface KnownMistake {
  file: string;
  category: Category;
  /** Text on the line where the finding must start. */
  line: string;
  what: string;
}

// From ../shared/corpus/README.md ("why it matters").
const KNOWN: KnownMistake[] = [
  { file: 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt', category: 'citation', line: '(sau đây gọi tắt là Nghị quyết số 94-NQ/CP)', what: '94/NQ-CP also written 94-NQ/CP' },
  { file: 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt', category: 'numbering', line: ' Triển khai thực hiện có hiệu quả Chương trình mục tiêu quốc gia về xây dựng nông thôn mới', what: 'appendix rows without a number (rows 5–12)' },
  { file: 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt', category: 'encoding', line: '(sau đây gọi tắt là Nghị quyết số 43-NQ/TW) ;', what: 'space before ";"' },
  { file: 'thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt', category: 'numbering', line: 'III. TỔ CHỨC THỰC HIỆN', what: 'III. used twice' },
  { file: 'tuyenquang_01-ctr-tu_2020_chuong-trinh-hanh-dong.txt', category: 'encoding', line: 'định hƣớng', what: '"ƣ" for "ư"' },
  { file: 'tuyenquang_01-ctr-tu_2020_chuong-trinh-hanh-dong.txt', category: 'encoding', line: 'hình, điều kiện thực tiễn của tỉnh. Phân công rõ', what: 'misplaced combining marks' },
  { file: 'chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt', category: 'citation', line: '(Kèm theo Chương trình hành động tại Nghị quyết số /NQ-CP ngày 01 tháng 01 năm 2025', what: 'appendix header cites itself with no number and another date' },
  { file: 'laocai_34-nq-tu_2025_ocr.txt', category: 'numbering', line: 'IV. TÔ CHỨC THỰC HIỆN', what: 'sections I, II, IV: III skipped' },
  { file: 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt', category: 'citation', line: 'Quyết định số 1955/QĐ-UBND ngày 19/6/2026', what: 'cites a decision dated after the plan itself' },
];

const results = new Map<string, Finding[]>();
function findingsFor(file: string): Finding[] {
  let f = results.get(file);
  if (!f) {
    f = checkPlan(readCorpus(file), defaultConfig(), { today: TODAY }).findings;
    results.set(file, f);
  }
  return f;
}

describe('corpus', function () {
  this.timeout(60000);
  const files = corpusFiles();

  it('is present in the repository', () => assert.ok(files.length >= 7, 'expected test/fixtures/corpus with its 7 plans'));

  for (const file of files) {
    it(`parses and checks ${file} without an internal error`, () => {
      const text = readCorpus(file);
      const found = findingsFor(file);
      for (const f of found) {
        assert.ok(!f.message.startsWith('internal error'), f.message);
        assert.ok(f.start >= 0 && f.end <= text.length);
      }
    });
  }

  for (const k of KNOWN) {
    it(`finds in ${k.file}: ${k.what}`, () => {
      const text = readCorpus(k.file);
      const index = new LineIndex(text);
      const lines = text.split(/\r\n|\r|\n/);
      const lineNo = lines.findIndex((l) => l.normalize('NFC').includes(k.line.normalize('NFC')));
      assert.ok(lineNo >= 0, `fixture line not in ${k.file}: ${k.line}`);
      const hits = findingsFor(k.file).filter((f) => f.category === k.category && index.positionAt(f.start).line === lineNo);
      assert.ok(hits.length > 0, `no ${k.category} finding on line ${lineNo + 1} of ${k.file}; findings there: ${JSON.stringify(findingsFor(k.file).filter((f) => index.positionAt(f.start).line === lineNo).map((f) => f.rule))}`);
    });
  }

  it('stays quiet where the corpus is right: 147 reports by 15/12, consolidates by 20/12', () => {
    const file = 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt';
    const text = readCorpus(file);
    const index = new LineIndex(text);
    const lines = text.split(/\r\n|\r|\n/);
    const lineNo = lines.findIndex((l) => l.includes('trước ngày 20/12 hằng năm'));
    assert.ok(lineNo >= 0);
    const reporting = findingsFor(file).filter((f) => f.category === 'reporting' && index.positionAt(f.start).line === lineNo);
    assert.deepStrictEqual(reporting.map((f) => f.message), []);
  });

  after(() => {
    // A table of findings by category per file, for the closing note and for reviewers.
    const cats: Category[] = ['numbering', 'lead-agency', 'reporting', 'citation', 'date', 'agency', 'structure', 'encoding', 'parent'];
    const rows = files.map((f) => {
      const found = findingsFor(f);
      return `${f.slice(0, 44).padEnd(44)} ${cats.map((c) => String(found.filter((x) => x.category === c).length).padStart(4)).join('')}`;
    });
    if (process.env.CORPUS_TABLE) console.log(`\n${''.padEnd(44)} ${cats.map((c) => c.slice(0, 4).padStart(4)).join('')}\n${rows.join('\n')}`);
  });
});
