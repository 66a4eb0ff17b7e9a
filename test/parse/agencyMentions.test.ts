// Agency names: lists split into agencies with exact spans, collectives, and names found inside
// running prose. Phrases are copied from the corpus plans (../shared/corpus).

import * as assert from 'assert';
import { findAgencyMentions, isCollective, parseAgencyList, sameAgencyName } from '../../server/src/core/parse/agencyMentions';
import { corpusFiles, readCorpus } from '../helpers';

const names = (refs: { name: string }[]) => refs.map((r) => r.name);

describe('parseAgencyList', () => {
  it('splits at ";" "," and "và" and keeps every span exact', () => {
    const text = 'Sở Nội vụ; Sở Tài chính, Ủy ban nhân dân các xã, phường và các cơ quan, đơn vị liên quan';
    const refs = parseAgencyList(text, 100);
    assert.deepStrictEqual(names(refs), ['Sở Nội vụ', 'Sở Tài chính', 'Ủy ban nhân dân các xã, phường', 'các cơ quan, đơn vị liên quan']);
    for (const r of refs) assert.strictEqual(text.slice(r.start - 100, r.end - 100), r.name);
    assert.deepStrictEqual(refs.map((r) => r.collective), [false, false, true, true]);
  });

  it('does not split names with commas or "và" inside (147/KH-UBND appendix leads)', () => {
    assert.deepStrictEqual(names(parseAgencyList('Sở Lao động, Thương binh và Xã hội', 0)), ['Sở Lao động, Thương binh và Xã hội']);
    assert.deepStrictEqual(names(parseAgencyList('Sở Nông nghiệp và Phát triển nông thôn', 0)), ['Sở Nông nghiệp và Phát triển nông thôn']);
    assert.deepStrictEqual(names(parseAgencyList('Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh', 0)), [
      'Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh',
    ]);
  });

  it('joins a name wrapped over two cell lines ("Sở Văn hóa, Thể thao và / Du lịch")', () => {
    const text = 'Sở Văn hóa, Thể thao và\nDu lịch';
    const [ref] = parseAgencyList(text, 0);
    assert.strictEqual(ref.name, 'Sở Văn hóa, Thể thao và Du lịch');
    assert.deepStrictEqual([ref.start, ref.end], [0, text.length]);
  });

  it('reads a coordinators cell of "- …" lines', () => {
    const cell = '- Các sở, ban, ngành; các cơ quan truyền thông từ tỉnh đến huyện;\n- Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh\n- UBND huyện, thành phố';
    assert.deepStrictEqual(names(parseAgencyList(cell, 0)), [
      'Các sở, ban, ngành',
      'các cơ quan truyền thông từ tỉnh đến huyện',
      'Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh',
      'UBND huyện, thành phố',
    ]);
  });

  it('drops "theo chức năng, nhiệm vụ …", "(chủ trì)" and the final full stop', () => {
    assert.deepStrictEqual(names(parseAgencyList('Các sở, ban, ngành liên quan theo chức năng, nhiệm vụ, lĩnh vực được giao', 0)), ['Các sở, ban, ngành liên quan']);
    assert.deepStrictEqual(names(parseAgencyList('Sở Nội vụ (chủ trì), Sở Tài chính.', 0)), ['Sở Nội vụ', 'Sở Tài chính']);
    assert.deepStrictEqual(names(parseAgencyList('- Thanh tra tỉnh; các sở, ban, ngành theo chức năng, nhiệm vụ, lĩnh vực được giao;', 0)), ['Thanh tra tỉnh', 'các sở, ban, ngành']);
  });

  it('reads the 01-CTr/TU coordinators wrapped over a blank line', () => {
    const text = 'Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy \n\nvà các cơ quan, đơn vị liên quan. ';
    assert.deepStrictEqual(names(parseAgencyList(text, 0)), ['Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy', 'các cơ quan, đơn vị liên quan']);
  });

  it('separates departments written with no separator and abbreviations (03/NQ-CP appendix)', () => {
    assert.deepStrictEqual(names(parseAgencyList('Bộ Thông tin và Truyền thông Bộ Khoa học và Công nghệ', 0)), ['Bộ Thông tin và Truyền thông', 'Bộ Khoa học và Công nghệ']);
    assert.deepStrictEqual(names(parseAgencyList('VTV, VOV, TTXVN, các địa phương', 0)), ['VTV', 'VOV', 'TTXVN', 'các địa phương']);
    assert.deepStrictEqual(names(parseAgencyList('Bộ, ngành, địa phương', 0)), ['Bộ, ngành, địa phương']);
  });

  it('never throws and returns nothing for empty or junk input', () => {
    assert.deepStrictEqual(parseAgencyList('', 0), []);
    assert.deepStrictEqual(parseAgencyList(' ; , - ', 0), []);
    assert.doesNotThrow(() => parseAgencyList('\u0000\uFFFD(((;;;'.repeat(1000), 0));
  });
});

describe('isCollective', () => {
  it('knows the collectives plans use', () => {
    for (const c of ['Các sở, ban, ngành', 'các cơ quan, đơn vị liên quan', 'UBND các huyện, thành phố', 'UBND huyện, thành phố',
      'Các sở, ban, ngành liên quan theo chức năng', 'các địa phương', 'Ủy ban nhân dân cấp xã', 'Bộ, ngành, địa phương']) {
      assert.ok(isCollective(c), c);
    }
  });
  it('and that one agency is not one', () => {
    for (const c of ['Sở Nội vụ', 'Ủy ban nhân dân tỉnh', 'UBND phường Lào Cai', 'Sở Lao động, Thương binh và Xã hội', 'Ban Dân tộc tỉnh', 'Công an tỉnh']) {
      assert.ok(!isCollective(c), c);
    }
  });
});

describe('sameAgencyName', () => {
  it('matches spellings of one name (tone placement, UBND, spacing)', () => {
    assert.ok(sameAgencyName('Sở Văn hoá, Thể thao và Du lịch', 'Sở Văn hóa, Thể thao và Du lịch'));
    assert.ok(sameAgencyName('UBND tỉnh', 'Ủy ban nhân dân tỉnh'));
    assert.ok(sameAgencyName('Sở Lao động - Thương binh và Xã hội', 'Sở Lao động, Thương binh và Xã hội'));
    assert.ok(!sameAgencyName('Sở Nội vụ', 'Bộ Nội vụ'));
  });
});

describe('findAgencyMentions', () => {
  const mentions = (s: string) => names(findAgencyMentions(s, 0));

  it('ends a name where the verb starts (147/KH-UBND IV.3)', () => {
    const s = 'Giao Sở Nội vụ là cơ quan đầu mối, chủ trì đôn đốc, kiểm tra các sở, ban, ngành thuộc tỉnh, Ủy ban nhân dân huyện, thành phố trong việc thực hiện Kế hoạch này';
    assert.deepStrictEqual(mentions(s), ['Sở Nội vụ', 'các sở, ban, ngành', 'Ủy ban nhân dân huyện, thành phố']);
  });

  it('reads names across a PDF line wrap (134/KH-UBND II.4)', () => {
    const s = 'UBND phường Lào Cai chủ trì, phối hợp với Sở Xây dựng, Ban Quản lý khu\nKinh tế và các cơ quan đơn vị liên quan thực hiện công tác GPMB';
    assert.deepStrictEqual(mentions(s), ['UBND phường Lào Cai', 'Sở Xây dựng', 'Ban Quản lý khu Kinh tế', 'các cơ quan đơn vị liên quan']);
  });

  it('keeps multi-part department names whole in prose', () => {
    assert.deepStrictEqual(mentions('Sở Văn hóa, Thể thao và Du lịch chủ trì; Sở Lao động - Thương binh và Xã hội phối hợp'), [
      'Sở Văn hóa, Thể thao và Du lịch', 'Sở Lao động - Thương binh và Xã hội',
    ]);
    assert.deepStrictEqual(mentions('Bộ Khoa học và Công nghệ, Bộ Thông tin và Truyền thông chủ trì, phối hợp với các bộ, ngành, địa phương theo dõi'), [
      'Bộ Khoa học và Công nghệ', 'Bộ Thông tin và Truyền thông', 'các bộ, ngành, địa phương',
    ]);
  });

  it('splits two agencies joined by "và" when the second is an agency', () => {
    assert.deepStrictEqual(mentions('- Ban Quản lý Khu kinh tế và Ban Quản lý các Khu công nghiệp tỉnh chủ trì tham mưu'), [
      'Ban Quản lý Khu kinh tế', 'Ban Quản lý các Khu công nghiệp tỉnh',
    ]);
  });

  it('recognises the heads the plans use', () => {
    assert.deepStrictEqual(mentions('Báo Thái Nguyên, Đài phát thanh -Truyền hình, Trung tâm thông tin tỉnh'), ['Báo Thái Nguyên', 'Đài phát thanh -Truyền hình', 'Trung tâm thông tin tỉnh']);
    assert.deepStrictEqual(mentions('9. Bộ Chỉ huy quân sự tỉnh'), ['Bộ Chỉ huy quân sự tỉnh']);
    assert.deepStrictEqual(mentions('10. Công an tỉnh'), ['Công an tỉnh']);
    assert.deepStrictEqual(mentions('Ban cán sự đảng Ủy ban nhân dân tỉnh.'), ['Ban cán sự đảng Ủy ban nhân dân tỉnh']);
  });

  it('recognises the provincial bodies and mass organisations', () => {
    assert.deepStrictEqual(mentions('Tỉnh đoàn chủ trì, phối hợp với Hội Liên hiệp Phụ nữ tỉnh, Liên đoàn Lao động tỉnh và Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tổ chức'), [
      'Tỉnh đoàn', 'Hội Liên hiệp Phụ nữ tỉnh', 'Liên đoàn Lao động tỉnh', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
    ]);
    assert.deepStrictEqual(mentions('Văn phòng UBND tỉnh tham mưu; Cục Thuế tỉnh phối hợp; Trường Chính trị tỉnh tổ chức bồi dưỡng'), ['Văn phòng UBND tỉnh', 'Cục Thuế tỉnh', 'Trường Chính trị tỉnh']);
    assert.deepStrictEqual(mentions('Đài Phát thanh và Truyền hình tỉnh, Báo Tuyên Quang thực hiện tuyên truyền'), ['Đài Phát thanh và Truyền hình tỉnh', 'Báo Tuyên Quang']);
    const front = findAgencyMentions('Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh phối hợp', 0);
    assert.deepStrictEqual(front.map((r) => [r.name, r.collective]), [['Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh', true]]);
  });

  it('does not take ordinary words for heads', () => {
    assert.deepStrictEqual(mentions('Báo cáo kết quả. Ban hành quy định. Bộ máy nhà nước. Trường hợp cần thiết. Hội nghị.'), []);
    assert.deepStrictEqual(mentions('Số: 134 /KH-UBND'), []);
  });

  it('finds the agencies of the Thái Nguyên plan headings, in offsets of the document', () => {
    const text = readCorpus('thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt');
    const refs = findAgencyMentions(text, 0);
    for (const r of refs) assert.ok(r.end > r.start && text.slice(r.start, r.end).replace(/\s+/g, ' ') === r.name, r.name);
    const all = new Set(names(refs));
    for (const n of ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Nông nghiệp và Phát triển nông thôn', 'Sở Văn hóa, Thể thao và Du lịch', 'Ban Dân tộc tỉnh',
      'Sở Kế hoạch và Đầu tư', 'Thanh tra tỉnh', 'Sở Lao động - Thương binh và Xã hội', 'Sở Thông tin và Truyền thông']) {
      assert.ok(all.has(n), n);
    }
  });

  it('survives every corpus file and stays linear on a large paste', () => {
    for (const f of corpusFiles()) assert.doesNotThrow(() => findAgencyMentions(readCorpus(f), 0), f);
    const big = 'Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, UBND các xã, phường; '.repeat(3000);
    const t0 = Date.now();
    const refs = findAgencyMentions(big, 0);
    assert.strictEqual(refs.length, 9000);
    assert.ok(Date.now() - t0 < 5000, 'mentions of a 200 KB text took too long (not linear?)');
    assert.deepStrictEqual(findAgencyMentions('', 0), []);
    assert.doesNotThrow(() => findAgencyMentions('Sở '.repeat(20000) + 'Bộ', 0));
  });
});
