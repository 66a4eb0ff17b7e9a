// The lead-agency rules (KH2xx) over the corpus plans: the mistakes a reviewer would send back are
// found on their lines, and the plans that name their leads properly stay quiet.

import * as assert from 'assert';
import { checkPlan, defaultConfig, LineIndex, type Finding } from '../../server/src/core';
import { readCorpus } from '../helpers';

const TODAY = { year: 2026, month: 11, day: 22 };

function leadFindings(file: string): { text: string; found: Finding[]; lineOf: (f: Finding) => string } {
  const text = readCorpus(file);
  const found = checkPlan(text, defaultConfig(), { today: TODAY }).findings.filter((f) => f.category === 'lead-agency');
  const index = new LineIndex(text);
  const lines = text.split(/\r\n|\r|\n/);
  return { text, found, lineOf: (f) => lines[index.positionAt(f.start).line] };
}

describe('lead-agency rules on the corpus', function () {
  this.timeout(60000);

  it('147/KH-UBND: the three appendix rows with no lead cell, and the collective that leads a policy', () => {
    const { found, lineOf } = leadFindings('tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt');
    const missing = found.filter((f) => f.rule === 'KH201').map(lineOf);
    assert.strictEqual(missing.length, 3);
    assert.ok(missing[0].includes('Chương trình phát triển thanh niên tỉnh Tuyên Quang'));
    assert.ok(missing[1].startsWith('Thực hiện quy định về công tác tiếp công dân'));
    assert.ok(missing[2].startsWith('Tổ chức lấy ý kiến của Mặt trận Tổ quốc'));
    const collective = found.filter((f) => f.rule === 'KH202').map(lineOf);
    assert.deepStrictEqual(collective, ['Các sở, ban, ngành liên quan theo chức năng, nhiệm vụ, lĩnh vực được giao']);
    // Row 1 ("Tổ chức quán triệt …" by all departments) and the two media outlets of row 18 are duties
    // each body does for itself: not flagged.
    assert.ok(!found.some((f) => f.rule === 'KH203'));
  });

  it('Thái Nguyên: section III items are assigned agency by agency under "Tổ chức thực hiện": quiet', () => {
    assert.deepStrictEqual(leadFindings('thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt').found.map((f) => f.rule), []);
  });

  it('01-CTr/TU: every Đề án names "Cơ quan chủ trì tham mưu": quiet', () => {
    assert.deepStrictEqual(leadFindings('tuyenquang_01-ctr-tu_2020_chuong-trinh-hanh-dong.txt').found.map((f) => f.rule), []);
  });

  it('134/KH-UBND: two boards "chủ trì" one task', () => {
    const { found, lineOf } = leadFindings('laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt');
    const multiple = found.filter((f) => f.rule === 'KH203').map(lineOf);
    assert.ok(multiple.some((l) => l.includes('- Ban Quản lý Khu kinh tế và Ban Quản lý các Khu công nghiệp tỉnh chủ trì')));
    assert.ok(!found.some((f) => f.rule === 'KH201'));
  });

  it('03/NQ-CP: co-led deliverables, and Bộ Thông tin và Truyền thông both leading and coordinating row 46', () => {
    const { text, found, lineOf } = leadFindings('chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt');
    assert.ok(found.filter((f) => f.rule === 'KH203').map(lineOf).some((l) => l.startsWith('4. Bộ Khoa học và Công nghệ, Bộ Thông tin và Truyền thông chủ trì')));
    const dup = found.filter((f) => f.rule === 'KH204');
    assert.strictEqual(dup.length, 1);
    assert.ok(lineOf(dup[0]).startsWith('46. |'));
    assert.strictEqual(text.slice(dup[0].start, dup[0].end), 'Bộ Thông tin và Truyền thông');
    // The indicator table (PHỤ LỤC I) is not a task list.
    assert.ok(!found.some((f) => lineOf(f).startsWith('29 | Hình thành các Trung tâm dữ liệu quốc gia')));
  });
});
