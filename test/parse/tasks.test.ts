// Task extraction on the corpus plans: which items are tasks, and each task's lead, where the
// lead came from, its coordinators and its time — for every form DOMAIN.md §2 lists.

import * as assert from 'assert';
import { parsePlan } from '../../server/src/core/parse';
import type { PlanDocument, Task } from '../../server/src/core/model';
import { readCorpus } from '../helpers';

const cache = new Map<string, PlanDocument>();
function corpus(name: string): PlanDocument {
  let d = cache.get(name);
  if (!d) {
    d = parsePlan(readCorpus(name));
    cache.set(name, d);
  }
  return d;
}

/** The task whose content starts with `start`. */
function task(doc: PlanDocument, start: string): Task {
  const found = doc.tasks.filter((t) => t.content.value.startsWith(start));
  assert.strictEqual(found.length, 1, `expected one task starting "${start}", found ${found.length}`);
  return found[0];
}

const TN = 'thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt';
const TQ147 = 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt';
const TQ01 = 'tuyenquang_01-ctr-tu_2020_chuong-trinh-hanh-dong.txt';
const LC134 = 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt';
const CP03 = 'chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt';

describe('extractTasks: Thái Nguyên (agency headings + bullets)', () => {
  const doc = () => corpus(TN);

  it('gives each bullet under "2. Sở Nội vụ" to Sở Nội vụ, from the heading', () => {
    const t = task(doc(), 'Tham mưu triển khai Đề án nghiên cứu, đề xuất bổ sung quy định trách nhiệm');
    assert.strictEqual(t.lead?.name, 'Sở Nội vụ');
    assert.strictEqual(t.leadSource, 'heading');
    assert.strictEqual(doc().text.slice(t.lead!.start, t.lead!.end), 'Sở Nội vụ');
  });

  it('reads a "Chủ trì phối hợp với … :" group line under the heading for the bullets below', () => {
    const t = task(doc(), 'Tập trung theo dõi, đôn đốc và triển khai Chương trình mục tiêu quốc gia xây dựng nông thôn mới');
    assert.strictEqual(t.lead?.name, 'Sở Nông nghiệp và Phát triển nông thôn');
    assert.strictEqual(t.leadSource, 'group');
    assert.deepStrictEqual(t.coordinators.map((c) => c.name), ['các cơ quan, đơn vị liên quan']);
  });

  it('an item whose title is only the agency is a task of that agency ("9. Bộ Chỉ huy quân sự tỉnh")', () => {
    const t = task(doc(), 'Bộ Chỉ huy quân sự tỉnh');
    assert.strictEqual(t.lead?.name, 'Bộ Chỉ huy quân sự tỉnh');
    assert.strictEqual(t.extraLeads.length, 0);
  });

  it('a heading naming three bodies keeps them all', () => {
    const t = task(doc(), 'Báo Thái Nguyên, Đài phát thanh -Truyền hình, Trung tâm thông tin tỉnh');
    assert.deepStrictEqual([t.lead?.name, ...t.extraLeads.map((x) => x.name)], ['Báo Thái Nguyên', 'Đài phát thanh -Truyền hình', 'Trung tâm thông tin tỉnh']);
    assert.strictEqual(t.leadSource, 'heading');
  });

  it('a group heading ("3.2." with bullets) is not a task; Mục đích items and requests are not tasks', () => {
    assert.ok(!doc().tasks.some((t) => t.content.value.startsWith('Nâng cao hiệu lực, hiệu quả bộ máy nhà nước')));
    assert.ok(!doc().tasks.some((t) => t.content.value.startsWith('Thực hiện hiệu quả Nghị quyết số 94/NQ-CP')));
    assert.ok(!doc().tasks.some((t) => t.content.value.startsWith('UBND tỉnh trân trọng đề nghị')));
  });

  it('reads the one-off deadline "Thời gian hoàn thành trước ngày 15/8/2024"', () => {
    const t = task(doc(), 'Tổ chức tuyên truyền, phổ biến, nghiên cứu, học tập, quán triệt');
    assert.ok(t.time, 'time');
    assert.match(t.time!.raw, /15\/8\/2024/);
  });
});

describe('extractTasks: 147/KH-UBND appendix (one cell per line)', () => {
  const doc = () => corpus(TQ147);

  it('reads lead, coordinators and time of a row', () => {
    const t = task(doc(), 'Nâng cao trình độ chính trị, năng lực chuyên môn');
    assert.strictEqual(t.source, 'table');
    assert.strictEqual(t.lead?.name, 'Sở Lao động, Thương binh và Xã hội');
    assert.strictEqual(t.leadSource, 'table');
    assert.deepStrictEqual(t.coordinators.map((c) => c.name), [
      'Các sở, ban, ngành', 'Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh', 'UBND huyện, thành phố',
    ]);
    assert.strictEqual(t.time?.raw, 'Hằng năm');
  });

  it('rows merged with the row above take its lead', () => {
    const t = task(doc(), 'Tổ chức thực hiện hiệu quả các chính sách ưu đãi người có công');
    assert.strictEqual(t.lead?.name, 'Sở Lao động, Thương binh và Xã hội');
  });

  it('splits a collective lead cell and a two-outlet lead cell', () => {
    const first = task(doc(), 'Tổ chức quán triệt, tuyên truyền đến cán bộ');
    assert.deepStrictEqual([first.lead?.name, ...first.extraLeads.map((x) => x.name)], ['Các sở, ban, ngành', 'UBND huyện, thành phố']);
    assert.ok(first.lead?.collective && first.extraLeads.every((x) => x.collective));
    const media = task(doc(), 'Tích cực phát huy vai trò trách nhiệm');
    assert.deepStrictEqual([media.lead?.name, ...media.extraLeads.map((x) => x.name)], ['Báo Tuyên Quang', 'Đài phát thanh và Truyền hình tỉnh']);
  });

  it('keeps a row whose lead cell is missing, with no lead', () => {
    const t = task(doc(), 'Tổ chức lấy ý kiến của Mặt trận Tổ quốc');
    assert.strictEqual(t.lead, undefined);
    assert.ok(t.coordinators.length > 0);
  });

  it('reads "Giao Sở Nội vụ là cơ quan đầu mối, chủ trì …" in the organisation section', () => {
    const t = task(doc(), 'Giao Sở Nội vụ là cơ quan đầu mối');
    assert.strictEqual(t.lead?.name, 'Sở Nội vụ');
    assert.strictEqual(t.leadSource, 'inline');
  });

  it('a request ("Đề nghị Ủy ban Mặt trận …") and a general provision are not tasks', () => {
    assert.ok(!doc().tasks.some((t) => t.content.value.startsWith('Đề nghị Ủy ban Mặt trận')));
    assert.ok(!doc().tasks.some((t) => t.content.value.startsWith('Trong quá trình thực hiện, nếu có khó khăn')));
  });
});

describe('extractTasks: 01-CTr/TU (Party layout, explicit lines)', () => {
  const doc = () => corpus(TQ01);

  it('reads "Cơ quan chủ trì tham mưu:", "Cơ quan phối hợp:" and the completion quarter', () => {
    const t = task(doc(), 'Đề án về nâng cao năng lực lãnh đạo, sức chiến đấu');
    assert.strictEqual(t.lead?.name, 'Ban Tổ chức Tỉnh ủy');
    assert.strictEqual(t.leadSource, 'explicit');
    assert.deepStrictEqual(t.coordinators.map((c) => c.name), ['Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy', 'các cơ quan, đơn vị liên quan']);
    assert.strictEqual(t.time?.raw, 'Quý I/2021');
  });

  it('every Đề án of section B has an explicit lead', () => {
    const inB = doc().tasks.filter((t) => /^(Đề án|Chương trình)/.test(t.content.value));
    assert.strictEqual(inB.length, 12);
    assert.ok(inB.every((t) => t.leadSource === 'explicit' && t.lead));
  });
});

describe('extractTasks: 134/KH-UBND (PDF wraps, inline leads)', () => {
  const doc = () => corpus(LC134);

  it('reads an inline lead and coordinators wrapped across lines', () => {
    const t = task(doc(), 'Hoàn thành di dời 01 khu công nghiệp');
    assert.strictEqual(t.lead?.name, 'UBND phường Lào Cai');
    assert.strictEqual(t.leadSource, 'inline');
    assert.deepStrictEqual(t.coordinators.map((c) => c.name), ['Sở Xây dựng', 'Ban Quản lý khu Kinh tế', 'các cơ quan đơn vị liên quan']);
  });

  it('two boards named before "chủ trì" are two leads', () => {
    const t = task(doc(), 'Ban Quản lý Khu kinh tế và Ban Quản lý các Khu công nghiệp tỉnh chủ trì');
    assert.deepStrictEqual([t.lead?.name, ...t.extraLeads.map((x) => x.name)], ['Ban Quản lý Khu kinh tế', 'Ban Quản lý các Khu công nghiệp tỉnh']);
    assert.strictEqual(t.leadSource, 'inline');
  });

  it('a bullet that names its own lead overrides the heading above it', () => {
    const t = task(doc(), 'Ban Quản lý Khu kinh tế chủ trì triển khai chuyển đổi KCN Tằng Loỏng');
    assert.strictEqual(t.lead?.name, 'Ban Quản lý Khu kinh tế');
    assert.strictEqual(t.extraLeads.length, 0);
  });

  it('items of "V. TỔ CHỨC THỰC HIỆN" are tasks of their agency heading', () => {
    const t = task(doc(), 'Lập, cập nhật các dự án đầu tư hạ tầng kỹ thuật');
    assert.strictEqual(t.lead?.name, 'Sở Tài chính');
  });

  it('the reporting section is not read as tasks', () => {
    assert.ok(!doc().tasks.some((t) => t.content.value.startsWith('Các Sở, ban, ngành; cơ quan, đơn vị tiến hành đánh giá')));
  });
});

describe('extractTasks: 03/NQ-CP (pipe appendix)', () => {
  const doc = () => corpus(CP03);

  it('reads the lead column and skips the indicator table', () => {
    const t = task(doc(), 'Xây dựng Danh mục Công nghệ chiến lược');
    assert.deepStrictEqual([t.lead?.name, ...t.extraLeads.map((x) => x.name)], ['Bộ Khoa học và Công nghệ', 'Bộ Thông tin và Truyền thông']);
    assert.ok(!doc().tasks.some((t) => t.content.value.startsWith('Quy mô kinh tế số')), 'indicators are not tasks');
  });

  it('splits "VTV, VOV, TTXVN, các địa phương"', () => {
    const t = task(doc(), 'Xây dựng chương trình chuyên biệt về khoa học, công nghệ');
    assert.deepStrictEqual([t.lead?.name, ...t.extraLeads.map((x) => x.name)], ['VTV', 'VOV', 'TTXVN', 'các địa phương']);
  });

  it('collects every agency name into doc.agencies, in order and without overlaps', () => {
    const a = doc().agencies;
    assert.ok(a.length > 300);
    for (let i = 1; i < a.length; i++) assert.ok(a[i].start >= a[i - 1].end, `overlap at ${a[i].start}: ${a[i - 1].name} / ${a[i].name}`);
    for (const r of a) assert.ok(doc().text.slice(r.start, r.end).length > 0);
  });
});

describe('extractTasks: excerpts and bad input', () => {
  it('an excerpt without sections: every numbered item can be a task', () => {
    const doc = parsePlan('1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính xây dựng Đề án.\n2. Rà soát các quy định về khen thưởng.\n');
    assert.strictEqual(doc.tasks.length, 2);
    assert.strictEqual(doc.tasks[0].lead?.name, 'Sở Nội vụ');
    assert.deepStrictEqual(doc.tasks[0].coordinators.map((c) => c.name), ['Sở Tài chính']);
    assert.strictEqual(doc.tasks[1].lead, undefined);
  });

  it('reads the short forms and every way of naming a lead (DOMAIN.md §2)', () => {
    // Phrases from the corpus plans, in one plan.
    const doc = parsePlan([
      'III. NHIỆM VỤ, GIẢI PHÁP',
      '1. Rà soát, sửa đổi quy chế phối hợp giữa các cơ quan.',
      'Chủ trì: Sở Tư pháp. Phối hợp: Sở Nội vụ, Văn phòng UBND tỉnh.',
      'Thời gian: trước ngày 30/6/2025.',
      '2. Sở Nội vụ: Tham mưu UBND tỉnh ban hành quy định về công tác thi đua, khen thưởng.',
      '3. Sở Y tế chủ trì tham mưu triển khai các giải pháp chăm sóc sức khỏe Nhân dân; hoàn thành trong năm 2025.',
      '4. Xây dựng cơ sở dữ liệu về đội ngũ trí thức',
      '- Cơ quan thực hiện: Sở Khoa học và Công nghệ.',
      '- Cơ quan phối hợp: Sở Nội vụ; Sở Thông tin và Truyền thông.',
      '- Thời gian thực hiện: Năm 2025.',
      '',
    ].join('\n'));
    const rows = doc.tasks.map((t) => [t.lead?.name, t.leadSource, t.coordinators.map((c) => c.name).join('; ')]);
    assert.deepStrictEqual(rows, [
      ['Sở Tư pháp', 'explicit', 'Sở Nội vụ; Văn phòng UBND tỉnh'],
      ['Sở Nội vụ', 'heading', ''],
      ['Sở Y tế', 'inline', ''],
      ['Sở Khoa học và Công nghệ', 'explicit', 'Sở Nội vụ; Sở Thông tin và Truyền thông'],
    ]);
    assert.match(doc.tasks[0].time?.raw ?? '', /30\/6\/2025/);
    assert.match(doc.tasks[2].time?.raw ?? '', /năm 2025/);
  });

  it('a parent that names its lead (inline or by explicit lines) covers its sub-items, which are the tasks', () => {
    const doc = parsePlan([
      'II. NHIỆM VỤ, GIẢI PHÁP',
      '1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính thực hiện các nhiệm vụ sau:',
      'a) Rà soát, sắp xếp tổ chức bộ máy các cơ quan chuyên môn;',
      'b) Xây dựng Đề án vị trí việc làm.',
      '2. Đề án chuyển đổi số',
      '- Chủ trì: Sở Khoa học và Công nghệ.',
      '- Phối hợp: Sở Nội vụ.',
      'a) Xây dựng nền tảng số dùng chung;',
      'b) Đào tạo kỹ năng số cho cán bộ, công chức.',
      '',
    ].join('\n'));
    assert.deepStrictEqual(doc.tasks.map((t) => [t.content.value.slice(0, 20), t.lead?.name, t.leadSource, t.coordinators.map((c) => c.name).join('; ')]), [
      ['Rà soát, sắp xếp tổ ', 'Sở Nội vụ', 'group', 'Sở Tài chính'],
      ['Xây dựng Đề án vị tr', 'Sở Nội vụ', 'group', 'Sở Tài chính'],
      ['Xây dựng nền tảng số', 'Sở Khoa học và Công nghệ', 'group', 'Sở Nội vụ'],
      ['Đào tạo kỹ năng số c', 'Sở Khoa học và Công nghệ', 'group', 'Sở Nội vụ'],
    ]);
  });

  it('never throws', () => {
    for (const s of ['', '\u0000\u0001', '1.\n- \n- Cơ quan chủ trì:\n', 'III. NHIỆM VỤ\n'.repeat(500), 'Cơ quan chủ trì: '.repeat(2000)]) {
      assert.doesNotThrow(() => parsePlan(s));
    }
  });
});
