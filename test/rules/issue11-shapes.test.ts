// Shapes 7 and 9–11 of issue 11 that no stored public document shows: each is checked on the wording the
// issue quotes from the held-out plans ("(gọi tắt là Kết luận số 75-KL/TW và Chương trình hành
// động số 31-CTr/TW)", "65-KH/BDVTU-BCSĐ UBND ngày 30/01/2024", "Số         -CTr/TU", "Số:
// 2705-KH/UBND", "55/2023/NQ-HĐND" / "55/NQ-HĐND", "UBND Thành phố"), set in a minimal plan.

import * as assert from 'assert';
import { checkPlan, type Finding } from '../../server/src/core/check';
import { parsePlan } from '../../server/src/core';

const TODAY = { year: 2026, month: 1, day: 10 };
const run = (text: string): Finding[] => checkPlan(text, undefined, { today: TODAY }).findings;
const of = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);
const at = (text: string, f: Finding) => text.slice(f.start, f.end);

describe('issue 11: shapes 7 and 9–11 on the quoted wording', () => {
  it('shape 10: one short-name clause for two documents is not an inconsistency (KH404)', () => {
    const text = 'KẾ HOẠCH\nThực hiện Kết luận số 75-KL/TW ngày 12/4/2024 và Chương trình hành động số 31-CTr/TW ngày 02/5/2024 (gọi tắt là Kết luận số 75-KL/TW và Chương trình hành động số 31-CTr/TW).\n\nI. NHIỆM VỤ\n1. Tuyên truyền\n';
    assert.deepStrictEqual(of(run(text), 'KH404'), []);
    // A short name with a number that none of the cited documents carries is still reported.
    const wrong = text.replace('(gọi tắt là Kết luận số 75-KL/TW', '(gọi tắt là Kết luận số 57-KL/TW');
    assert.deepStrictEqual(of(run(wrong), 'KH404').map((f) => at(wrong, f)), ['57-KL/TW']);
  });

  it('shape 10: a joint issuer written in two words keeps its date (no KH405)', () => {
    const text = 'KẾ HOẠCH\nThực hiện Kế hoạch số 65-KH/BDVTU-BCSĐ UBND ngày 30/01/2024.\n\nI. NHIỆM VỤ\n1. Tuyên truyền\n';
    assert.deepStrictEqual(of(run(text), 'KH405'), []);
    assert.deepStrictEqual(of(run(text), 'KH401'), []);
  });

  it('shape 10: a Party draft awaiting its number is not "a header without a number"; without one, the hint and the squiggle fit', () => {
    const draft = 'TỈNH ỦY TUYÊN QUANG\n*\nSố         -CTr/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nTuyên Quang, ngày    tháng 01 năm 2026\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n';
    assert.deepStrictEqual(of(run(draft), 'KH602'), []);
    const none = draft.replace('Số         -CTr/TU', 'Số:');
    const f = of(run(none), 'KH602');
    assert.strictEqual(f.length, 1);
    assert.match(f[0].message, /…-CTr\/…/u);
    assert.strictEqual(at(none, f[0]), 'Số:');
  });

  it('shape 11: a number cited with and without its year part is one document (KH404 compares the dates, in footnotes too)', () => {
    const text = 'KẾ HOẠCH\nThực hiện Nghị quyết số 55/NQ-HĐND ngày 08/12/2023 của HĐND tỉnh¹.\n\nI. NHIỆM VỤ\n1. Tuyên truyền\n\n¹ Nghị quyết số 55/2023/NQ-HĐND ngày 10/12/2023 của HĐND tỉnh.\n';
    const f = of(run(text), 'KH404');
    assert.deepStrictEqual(f.map((x) => [at(text, x), x.severity]), [['10/12/2023', 'warning']]);
    const same = text.replace('10/12/2023', '08/12/2023');
    assert.deepStrictEqual(of(run(same), 'KH404').map((x) => [at(same, x), x.severity]), [['55/2023/NQ-HĐND', 'information']]);
  });

  it('shape 11: a duplicated điểm letter in a list that also breaks the letter order gets both findings', () => {
    const text = 'KẾ HOẠCH\nThực hiện\n\nI. NHIỆM VỤ\n1. Tuyên truyền\na) Một\nb) Hai\nc) Ba\nd) Bốn\ne) Năm\ne) Sáu\n';
    const fs = run(text);
    assert.deepStrictEqual(of(fs, 'KH102').length, 1);
    const dup = of(fs, 'KH101');
    assert.strictEqual(dup.length, 1);
    assert.strictEqual(text.slice(0, dup[0].start).split('\n').length, 11); // the second "e)"
  });

  it('shape 11: the plan\'s own number in the Party shape for a People\'s Committee (KH401)', () => {
    const text = 'ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 2705-KH/UBND\nLào Cai, ngày 05 tháng 01 năm 2026\n\nKẾ HOẠCH\nThực hiện\n\nI. NHIỆM VỤ\n1. Tuyên truyền\n';
    const f = of(run(text), 'KH401');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].fixes[0].edits[0].text, '2705/KH-UBND');
  });

  it('shape 9: a city naming itself ("UBND Thành phố", "ỦY BAN NHÂN DÂN THÀNH PHỐ") is not a misspelling', () => {
    const text = 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 12/KH-UBND\nHà Nội, ngày 05 tháng 01 năm 2026\n\nKẾ HOẠCH\nThực hiện\n\nI. NHIỆM VỤ\n1. Tuyên truyền\nUBND Thành phố giao Sở Nội vụ chủ trì; Ủy ban nhân dân Thành phố chỉ đạo.\n';
    assert.deepStrictEqual(of(run(text), 'KH804'), []);
  });

  it('shape 3: a prefix of an unknown body is not a misspelling, a real one-syllable slip still is (KH804)', () => {
    const text = 'KẾ HOẠCH\nThực hiện\n\nI. NHIỆM VỤ\n1. Tổ đảng ở Thường trực Ủy ban KH,CN&MT chủ trì thẩm tra.\n2. Sở Giáo dục và Đạo tạo chủ trì.\n';
    assert.deepStrictEqual(of(run(text), 'KH804').map((f) => at(text, f)), ['Sở Giáo dục và Đạo tạo']);
  });
  it('shape 10: identical "Cơ quan thực hiện: Các sở, ban, ngành tỉnh …" lines are treated alike, and never called "Cơ quan chủ trì" (KH202)', () => {
    let text = 'KẾ HOẠCH\nThực hiện\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n\nII. NHIỆM VỤ, GIẢI PHÁP\n';
    const titles = ['Tuyên truyền, phổ biến nội dung Nghị quyết', 'Rà soát, hoàn thiện thể chế', 'Đẩy mạnh cải cách thủ tục hành chính', 'Tổ chức kiểm tra, giám sát việc thực hiện'];
    titles.forEach((title, i) => {
      text += `${i + 1}. ${title}.\n- Cơ quan thực hiện: Các sở, ban, ngành tỉnh, Ủy ban nhân dân các xã, phường.\n- Thời gian thực hiện: Năm 2026.\n`;
    });
    text += '\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi, đôn đốc.\n';
    // the model reads each line as the same slot, with its own label
    const leads = parsePlan(text).tasks.filter((t) => titles.some((x) => t.content.value.startsWith(x)));
    assert.deepStrictEqual(leads.map((t) => t.leadLabel), titles.map(() => 'Cơ quan thực hiện'));
    const kh202 = of(run(text), 'KH202');
    assert.ok(kh202.length === 0 || kh202.length === titles.length, `all or none of the identical lines: ${kh202.length}`);
    for (const f of kh202) assert.doesNotMatch(f.message, /Cơ quan chủ trì/u);
  });

  it('shape 7: "Số:" and "7360/KH-UBND" on two lines are one header number; a heading wrapped after "Ủy ban" names one body for its bullets', () => {
    const text = 'ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố:\n7360/KH-UBND\nLâm Đồng, ngày 10 tháng 3 năm 2026\n\nKẾ HOẠCH\nTriển khai công tác\n\nI. TỔ CHỨC THỰC HIỆN\n6. Ủy ban\nnhân dân xã, phường\n- Triển khai thực hiện kế hoạch này trên địa bàn.\n- Tổ chức tuyên truyền.\n';
    const doc = parsePlan(text);
    assert.strictEqual(doc.header.number?.raw, '7360/KH-UBND');
    assert.deepStrictEqual(doc.tasks.map((t) => [t.lead?.name, t.leadSource]), [['Ủy ban nhân dân xã, phường', 'heading'], ['Ủy ban nhân dân xã, phường', 'heading']]);
    const found = run(text);
    assert.deepStrictEqual(of(found, 'KH602'), []);
    assert.deepStrictEqual(of(found, 'KH201'), []);
  });
});
