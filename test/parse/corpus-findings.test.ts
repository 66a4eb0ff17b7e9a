// The numbering (KH1xx) and structure (KH6xx) rules over the whole corpus: they find the known
// mistakes and nothing else. A new finding here is either a defect or a real mistake to record.

import * as assert from 'assert';
import { checkPlan, defaultConfig } from '../../server/src/core';
import { LineIndex } from '../../server/src/core/text/lines';
import { corpusFiles, readCorpus } from '../helpers';

const EXPECTED: Record<string, string[]> = {
  'bochinhtri_57-nq-tw_2024.txt': ['KH602 1 information'], // a press reprint: no header, softly
  'chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt': [],
  'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt': [],
  'laocai_34-nq-tu_2025_ocr.txt': ['KH101 186 warning'], // I, II, IV
  'thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt': ['KH602 3 warning', 'KH101 125 warning'], // no số; III. twice
  // the second "C." is in the annex after the signature, a list of its own: not a duplicate
  'tuyenquang_01-ctr-tu_2020_chuong-trinh-hanh-dong.txt': [],
  'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt': [
    'KH602 1 warning', // the paste starts at " KẾ HOẠCH"
    // eight appendix rows between 4 and 13 without a number
    'KH105 104 warning', 'KH105 112 warning', 'KH105 120 warning', 'KH105 127 warning',
    'KH105 134 warning', 'KH105 143 warning', 'KH105 150 warning', 'KH105 158 warning',
  ],
};

describe('numbering and structure rules on the corpus', () => {
  for (const f of corpusFiles()) {
    it(`finds exactly the known mistakes in ${f}`, () => {
      const text = readCorpus(f);
      const idx = new LineIndex(text);
      const found = checkPlan(text, defaultConfig(), { today: { year: 2026, month: 11, day: 22 } })
        .findings.filter((x) => /^KH[16]\d\d$/.test(x.rule))
        .map((x) => `${x.rule} ${idx.positionAt(x.start).line + 1} ${x.severity}`);
      assert.deepStrictEqual(found.sort(), (EXPECTED[f] ?? []).slice().sort());
    });
  }
  it('fix-all numbers the 147 appendix rows 5 to 12 and renumbers the Thái Nguyên sections', async () => {
    const { fixAll } = await import('../../server/src/core/check');
    const cfg = defaultConfig();
    const thai = fixAll(readCorpus('thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt'), cfg, { today: { year: 2026, month: 11, day: 22 } }).text;
    assert.ok(/^IV\. TỔ CHỨC THỰC HIỆN/m.test(thai));
    const tq = fixAll(readCorpus('tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt'), cfg, { today: { year: 2026, month: 11, day: 22 } }).text;
    assert.ok(/^5\n Triển khai thực hiện có hiệu quả Chương trình mục tiêu quốc gia về xây dựng nông thôn mới/m.test(tq));
    assert.ok(/^12\n Tăng cường công tác giáo dục cho học sinh/m.test(tq));
  });
});
