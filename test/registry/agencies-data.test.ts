// data/agencies.json and data/provinces.json: the facts rules rely on must hold together, and the
// registry must find names however drafters write them.

import * as assert from 'assert';
import { defaultConfig, mergeConfig, parsePlan } from '../../server/src/core';
import { loadAgencyRegistry, baseAgencies, resolveAgencyIds } from '../../server/src/core/registry/agencies';
import { loadProvinces } from '../../server/src/core/registry/agency-provinces';
import { agencyKey } from '../../server/src/core/registry/agency-names';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
function validIso(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

describe('agency data (data/agencies.json)', () => {
  const records = baseAgencies();
  const registry = loadAgencyRegistry(defaultConfig());

  it('loads from the compiled location', () => {
    assert.ok(records.length > 100, `only ${records.length} records loaded`);
  });

  it('ids are unique, every record has a name, a level and a source', () => {
    const ids = new Set<string>();
    for (const r of records) {
      assert.ok(!ids.has(r.id), `duplicate id ${r.id}`);
      ids.add(r.id);
      assert.ok(r.name.trim(), r.id);
      assert.ok(['central', 'province', 'district', 'commune', 'party', 'front', 'other'].includes(r.level), `${r.id} level ${r.level}`);
      assert.ok(typeof r.source === 'string' && r.source.length > 10, `${r.id} has no source`);
    }
  });

  it('dates are real ISO dates, from before until', () => {
    for (const r of records) {
      if (r.from) assert.ok(validIso(r.from), `${r.id} from ${r.from}`);
      if (r.until) assert.ok(validIso(r.until), `${r.id} until ${r.until}`);
      if (r.from && r.until) assert.ok(r.from <= r.until, r.id);
    }
  });

  it('every successor exists, and exists the day after its predecessor ended', () => {
    for (const r of records) {
      for (const s of r.successors ?? []) {
        const succ = registry.byId(s.id);
        assert.ok(succ, `${r.id} → unknown successor ${s.id}`);
        assert.ok(r.until, `${r.id} has successors but no end date`);
        const next = new Date(Date.parse(r.until + 'T00:00:00Z') + 86400000).toISOString().slice(0, 10);
        const [y, m, d] = next.split('-').map(Number);
        assert.ok(registry.existsAt(succ!, { year: y, month: m, day: d }), `${s.id} does not exist on ${next}, when ${r.id} ended`);
      }
    }
  });

  it('no name or alias points to two agencies', () => {
    assert.deepStrictEqual(registry.conflicts, []);
  });

  it('split bodies say which functions went where', () => {
    for (const r of records) {
      if ((r.successors ?? []).length > 1) for (const s of r.successors!) assert.ok(s.functions, `${r.id} → ${s.id} without functions`);
    }
  });

  it('holds the 2025 mergers of DOMAIN.md §7', () => {
    const after = { year: 2025, month: 3, day: 1 };
    const before = { year: 2025, month: 2, day: 28 };
    const expect: [string, string[]][] = [
      ['Sở Kế hoạch và Đầu tư', ['Sở Tài chính']],
      ['Sở Giao thông vận tải', ['Sở Xây dựng']],
      ['Sở Thông tin và Truyền thông', ['Sở Khoa học và Công nghệ', 'Sở Văn hóa, Thể thao và Du lịch']],
      ['Sở Nông nghiệp và Phát triển nông thôn', ['Sở Nông nghiệp và Môi trường']],
      ['Sở Tài nguyên và Môi trường', ['Sở Nông nghiệp và Môi trường']],
      ['Sở Lao động - Thương binh và Xã hội', ['Sở Nội vụ', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Công an tỉnh']],
      ['Ban Dân tộc', ['Sở Dân tộc và Tôn giáo', 'Sở Nội vụ']],
      ['Bộ Kế hoạch và Đầu tư', ['Bộ Tài chính']],
      ['Bộ Giao thông vận tải', ['Bộ Xây dựng']],
      ['Bộ Nông nghiệp và Phát triển nông thôn', ['Bộ Nông nghiệp và Môi trường']],
      ['Bộ Tài nguyên và Môi trường', ['Bộ Nông nghiệp và Môi trường']],
      ['Ủy ban Dân tộc', ['Bộ Dân tộc và Tôn giáo']],
    ];
    for (const [old, succ] of expect) {
      const r = registry.lookup(old);
      assert.ok(r, old);
      assert.ok(registry.existsAt(r!, before), `${old} existed on 2025-02-28`);
      assert.ok(!registry.existsAt(r!, after), `${old} gone on 2025-03-01`);
      assert.deepStrictEqual(registry.successorsOf(r!).map((s) => s.record.name), succ, old);
    }
    const huyen = registry.lookup('UBND huyện')!;
    assert.ok(registry.existsAt(huyen, { year: 2025, month: 6, day: 30 }));
    assert.ok(!registry.existsAt(huyen, { year: 2025, month: 7, day: 1 }));
  });
});

describe('agency lookup', () => {
  const registry = loadAgencyRegistry(defaultConfig());
  const cases: [string, string][] = [
    ['Sở Kế hoạch và Đầu tư', 'so-khdt'],
    ['Sở KH&ĐT', 'so-khdt'],
    ['Sở KHĐT', 'so-khdt'],
    ['sở kế hoạch VÀ đầu tư', 'so-khdt'],
    ['Sở  Kế hoạch\nvà Đầu tư', 'so-khdt'],
    ['Sở Lao động, Thương binh và Xã hội', 'so-ldtbxh'],
    ['Sở Lao động - Thương binh và Xã hội', 'so-ldtbxh'],
    ['Sở Lao động – Thương binh và Xã hội', 'so-ldtbxh'],
    ['Sở LĐ-TB&XH', 'so-ldtbxh'],
    ['Sở LĐTBXH', 'so-ldtbxh'],
    ['Sở NN&PTNT', 'so-nnptnt'],
    ['Sở TN&MT', 'so-tnmt'],
    ['Sở TT&TT', 'so-tttt'],
    ['Sở GTVT', 'so-gtvt'],
    ['Sở GD&ĐT', 'so-gddt'],
    ['Sở VHTTDL', 'so-vhttdl'],
    ['Sở Văn hoá, Thể thao và Du lịch', 'so-vhttdl'], // old tone placement "hoá"
    ['VP UBND tỉnh', 'van-phong-ubnd-tinh'],
    ['Uỷ ban nhân dân tỉnh', 'ubnd-tinh'], // "Uỷ" vs "Ủy"
    ['Ủy ban nhân dân tỉnh', 'ubnd-tinh'],
    ['UBMTTQ', 'ubmttq'],
    ['Ủy ban MTTQ VN', 'ubmttq'],
    ['UBND các huyện, thành phố', 'ubnd-huyen'],
    ['Ủy ban nhân dân huyện, thành phố', 'ubnd-huyen'],
    ['Sở Nội vụ tỉnh Tuyên Quang', 'so-noi-vu'],
    ['Báo Tuyên Quang', 'bao-tinh'],
    ['Sở Ngoại Vụ', 'so-ngoai-vu'], // wrong case is the same name
    ['Ban Chấp hành Trung ương Đảng khóa XIII', 'bch-tw'],
    ['Ban Dân tộc HĐND tỉnh', 'ban-dan-toc-hdnd'], // the People's Council's committee, not the department
  ];
  for (const [name, id] of cases) {
    it(`"${name.replace(/\n/g, '\\n')}" → ${id}`, () => assert.strictEqual(registry.lookup(name)?.id, id));
  }
  it('NFD input finds the same record as NFC', () => {
    assert.strictEqual(registry.lookup('Sở Kế hoạch và Đầu tư'.normalize('NFD'))?.id, 'so-khdt');
  });
  it('unknown and odd input gives undefined, never throws', () => {
    for (const s of ['', ' ', 'Sở', 'xyz', '\u0000\uffff', 'Sở Giáo dục và Đạo tạo', 'a'.repeat(10000)]) {
      assert.strictEqual(registry.lookup(s), undefined, JSON.stringify(s.slice(0, 20)));
    }
  });
  it('keys fold case, tone placement, "&" and punctuation', () => {
    assert.strictEqual(agencyKey('Sở KH&ĐT'), agencyKey('sở kh và đt'));
    assert.strictEqual(agencyKey('Uỷ ban'), agencyKey('Ủy ban'));
    assert.strictEqual(agencyKey('Lao động - Thương binh'), agencyKey('Lao động, Thương binh'));
  });
});

describe('agency overrides (config.agencies, config.province)', () => {
  it('extend: a province that folded Ban Dân tộc into Sở Nội vụ gets one successor', () => {
    const config = mergeConfig(defaultConfig(), {
      province: 'Tuyên Quang',
      agencies: { mode: 'extend', list: [{ name: 'Ban Dân tộc', successors: ['Sở Nội vụ'] }, { name: 'Trung tâm Phục vụ hành chính công tỉnh', aliases: ['TTPVHCC'] }] },
    });
    const registry = loadAgencyRegistry(config);
    const bdt = registry.lookup('Ban Dân tộc tỉnh')!;
    assert.deepStrictEqual(registry.successorsOf(bdt).map((s) => s.record.name), ['Sở Nội vụ']);
    assert.ok(registry.lookup('TTPVHCC'), 'added alias');
    assert.ok(registry.lookup('Sở Kế hoạch và Đầu tư'), 'built-in records kept');
    // the built-in registry is untouched
    const base = loadAgencyRegistry(defaultConfig());
    assert.strictEqual(base.successorsOf(base.lookup('Ban Dân tộc')!).length, 2);
    assert.strictEqual(base.lookup('TTPVHCC'), undefined);
  });
  it('replace: only the listed agencies', () => {
    const registry = loadAgencyRegistry(mergeConfig(defaultConfig(), { agencies: { mode: 'replace', list: [{ name: 'Sở Nội vụ' }, { name: 'Sở Tài chính' }] } }));
    assert.ok(registry.lookup('Sở Nội vụ'));
    assert.strictEqual(registry.lookup('Sở Y tế'), undefined);
  });
  it('the same config gives the same (cached) registry; bad override entries are ignored', () => {
    const cfg = mergeConfig(defaultConfig(), { agencies: { list: [null as never, { name: '' }, { name: 'Ban Quản lý dự án' }] } });
    assert.strictEqual(loadAgencyRegistry(cfg), loadAgencyRegistry(cfg));
    assert.ok(loadAgencyRegistry(cfg).lookup('Ban Quản lý dự án'));
  });
});

describe('province data (data/provinces.json)', () => {
  const table = loadProvinces();
  it('lists the 63 old units and maps them onto 34', () => {
    const old = table.entries.filter((p) => p.name !== 'Huế');
    assert.strictEqual(old.length, 63);
    const now = new Set(table.entries.map((p) => p.mergedInto ?? p.name));
    assert.strictEqual(now.size, 34);
  });
  it('every merged unit points to a unit that still exists, with a source', () => {
    for (const p of table.entries) {
      assert.ok(p.source, p.name);
      if (!p.mergedInto) continue;
      assert.ok(p.until && validIso(p.until), p.name);
      const target = table.get(p.mergedInto);
      assert.ok(target && !target.until, `${p.name} → ${p.mergedInto}`);
    }
  });
  it('holds the examples of DOMAIN.md §7', () => {
    for (const [from, to] of [['Hà Giang', 'Tuyên Quang'], ['Bắc Kạn', 'Thái Nguyên'], ['Long An', 'Tây Ninh'], ['Yên Bái', 'Lào Cai']]) {
      assert.strictEqual(table.get(from)?.mergedInto, to);
      assert.strictEqual(table.get(from)?.until, '2025-06-30');
    }
  });
});

describe('resolveAgencyIds', () => {
  it('fills agencyId on the references the registry knows', () => {
    const doc = parsePlan('x');
    doc.agencies = [
      { name: 'Sở KH&ĐT', start: 0, end: 1, collective: false },
      { name: 'Hội đồng thẩm định', start: 0, end: 1, collective: false },
    ];
    resolveAgencyIds(doc, loadAgencyRegistry(defaultConfig()));
    assert.deepStrictEqual(doc.agencies.map((a) => a.agencyId), ['so-khdt', undefined]);
  });
});
