// Shape 3 of issue 11: bodies the registry knows (National Assembly, central Party bodies of 2025,
// the Front) and units recognised by the shape of their name, through AgencyIndex.recognize().

import * as assert from 'assert';
import { loadAgencyRegistry } from '../../server/src/core/registry/agencies';
import { defaultConfig } from '../../server/src/core/config';

const registry = loadAgencyRegistry(defaultConfig());

describe('is this phrase a body? (AgencyIndex.recognize)', () => {
  it('knows the National Assembly bodies, the 2025 Party bodies and the Front (headings quoted in issue 11)', () => {
    const known: [string, string][] = [
      ['Ủy ban Thường vụ Quốc hội', 'ubtvqh'],
      ['Hội đồng Dân tộc', 'hoi-dong-dan-toc'],
      ['Ủy ban Khoa học, Công nghệ và Môi trường', 'uy-ban-khcn-mt'],
      ['Ủy ban KH,CN&MT', 'uy-ban-khcn-mt'],
      ['Ủy ban Kinh tế và Tài chính', 'uy-ban-kinh-te-tai-chinh'],
      ['Văn phòng Quốc hội', 'van-phong-quoc-hoi'],
      ['Ban Dân nguyện', 'ban-dan-nguyen'],
      ['Các Đoàn đại biểu Quốc hội', 'doan-dbqh'],
      ['Ban Tuyên giáo và Dân vận Trung ương', 'ban-tgdv-tw'],
      ['Đảng ủy Quốc hội', 'dang-uy-quoc-hoi'],
      ['Đảng ủy Chính phủ', 'dang-uy-chinh-phu'],
      ['Đảng ủy các cơ quan Đảng Trung ương', 'dang-uy-co-quan-dang-tw'],
      ['Ban Thường trực Ủy ban MTTQ Việt Nam', 'btt-ubmttq'],
      ['Hội Liên hiệp Thanh niên Việt Nam', 'hoi-lhtn'],
    ];
    for (const [phrase, id] of known) {
      const r = registry.recognize(phrase);
      assert.strictEqual(r?.kind, 'known', phrase);
      assert.strictEqual(r?.record?.id, id, phrase);
    }
  });

  it('the old bodies end where the 2025 ones begin (with successors)', () => {
    for (const [old, successor] of [['dang-doan-quoc-hoi', 'dang-uy-quoc-hoi'], ['bcs-dang-chinh-phu', 'dang-uy-chinh-phu'], ['ban-dan-van-tw', 'ban-tgdv-tw'], ['ban-dan-nguyen', 'uy-ban-dngs']]) {
      const r = registry.byId(old)!;
      assert.ok(r.until, old);
      assert.ok(r.successors?.some((s) => s.id === successor), old);
      assert.ok(r.source && r.source.length > 40, `${old}: a source`);
    }
  });

  it('recognises units by the shape of their name (issue 11: headings and preambles of held-out plans)', () => {
    for (const phrase of [
      'Tổ đảng ở Thường trực Ủy ban KH,CN&MT',
      'Đảng ủy cơ quan Văn phòng Quốc hội',
      'Lãnh đạo Ban Dân nguyện',
      'phòng Quản lý Công nghiệp',
      'Chi cục Thuế khu vực XVII',
      'Trung tâm Phục vụ hành chính công tỉnh',
      'Ban Công tác Mặt trận thôn',
    ]) {
      const r = registry.recognize(phrase);
      assert.ok(r, phrase);
    }
    assert.strictEqual(registry.recognize('phòng Quản lý Công nghiệp')?.kind, 'shape');
  });

  it('prose is not a body', () => {
    for (const phrase of ['ban hành kế hoạch', 'Tham gia thẩm tra các dự án luật', 'Chủ trì thẩm tra: dự án Luật', 'phòng, chống tham nhũng', 'hội nghị cử tri']) {
      assert.strictEqual(registry.recognize(phrase), undefined, phrase);
    }
  });
});
