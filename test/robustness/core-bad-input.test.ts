// Bad input for the core: whatever a drafter pastes, checkPlan and fixAll return (never throw),
// every range lies inside the text, no rule fails internally, and the time grows linearly with
// the size. Timing is asserted as a ratio between sizes measured in the same run (never in
// absolute ms): with t(n) the best of three runs, t(4n) < 8·t(n) + slack — linear work gives
// about 4×, quadratic 16×. The CLI's own bad-input suite is test/cli/bad-input.test.ts.

import * as assert from 'assert';
import { performance } from 'perf_hooks';
import { checkPlan, fixAll, defaultConfig, loadRegistry, type CheckResult } from '../../server/src/core';
import { corpusFiles, readCorpus } from '../helpers';

const config = defaultConfig();
const registry = loadRegistry(config);
const TODAY = { year: 2026, month: 3, day: 1 };
const check = (text: string): CheckResult => checkPlan(text, config, { registry, today: TODAY });

/** A real plan to cut and mutate (the Thái Nguyên 94/NQ-CP plan; any corpus plan if renamed). */
const PLAN = (() => {
  const files = corpusFiles();
  const name = files.find((f) => f.startsWith('thainguyen_')) ?? files[0];
  return name ? readCorpus(name) : 'KẾ HOẠCH\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\na) Sở Nội vụ chủ trì, thực hiện trước ngày 15/12/2026.\n';
})();

/** Deterministic pseudo-random numbers (the tests must fail the same way twice). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Repeat `unit` (or units from a generator) until the text reaches `size` UTF-16 units. */
function fill(size: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let len = 0;
  for (let i = 0; len < size; i++) {
    const u = unit(i);
    parts.push(u);
    len += u.length || 1;
  }
  return parts.join('');
}

function assertSane(text: string, r: CheckResult, label: string): void {
  const n = text.length;
  const inside = (s: number | undefined, e: number | undefined, what: string) => {
    if (s === undefined && e === undefined) return;
    assert.ok(Number.isInteger(s) && Number.isInteger(e), `${label}: ${what} has non-integer offsets ${s}..${e}`);
    assert.ok(0 <= s! && s! <= e! && e! <= n, `${label}: ${what} ${s}..${e} outside 0..${n}`);
  };
  for (const f of r.findings) {
    assert.ok(!/^internal error/.test(f.message), `${label}: ${f.message}`);
    inside(f.start, f.end, `${f.rule} finding`);
    for (const fix of f.fixes) for (const e of fix.edits) inside(e.start, e.end, `${f.rule} fix edit`);
    for (const rel of f.related) inside(rel.start, rel.end, `${f.rule} related place`);
  }
  // model spans stay inside the model text
  const m = r.doc.text.length;
  for (const it of r.doc.items) assert.ok(0 <= it.start && it.start <= it.end && it.end <= m, `${label}: item ${it.start}..${it.end} outside 0..${m}`);
  for (const d of r.doc.dates) assert.ok(0 <= d.start && d.start <= d.end && d.end <= m, `${label}: date outside the text`);
}

/** Best of three wall-clock runs, in ms. */
function time(fn: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Generous allowance for timer noise on a loaded 2-core machine. */
const SLACK_MS = 60;

interface Case {
  label: string;
  /** Text of about `size` UTF-16 units. */
  make: (size: number) => string;
  /** Size for the linearity check (n and 4n); smaller for cases that produce many findings. */
  size: number;
  /** Also run fix-all (skipped for the largest inputs). */
  fix?: boolean;
}

const lines = PLAN.split(/\r?\n/);

const CASES: Case[] = [
  { label: 'empty text', make: () => '', size: 0, fix: true },
  { label: 'only blank lines and spaces', make: (n) => fill(n, (i) => (i % 3 ? '   \t ' : '\n')), size: 50_000, fix: true },
  {
    label: 'binary-looking text (all code units 0–255)',
    make: (n) => { const r = rng(1); return fill(n, () => String.fromCharCode(Math.floor(r() * 256))); },
    size: 50_000,
    fix: true,
  },
  {
    label: 'random UTF-16 code units (lone surrogates included)',
    make: (n) => { const r = rng(2); return fill(n, () => String.fromCharCode(Math.floor(r() * 65536))); },
    size: 50_000,
    fix: true,
  },
  {
    label: 'NUL bytes through a real plan',
    make: (n) => { const r = rng(3); return fill(n, (i) => lines[i % lines.length].replace(/ /g, (s) => (r() < 0.1 ? '\u0000' : s)) + '\n'); },
    size: 50_000,
    fix: true,
  },
  {
    label: 'lone surrogates at line starts, ends and inside words',
    make: (n) => fill(n, (i) => ['\ud800', '\udc00', '\udbff\n', 'Sở Nội vụ\ud83d', '\ude00chủ trì'][i % 5] + lines[i % lines.length] + '\n'),
    size: 50_000,
    fix: true,
  },
  { label: 'text ending in a high surrogate', make: () => PLAN + '\ud83d', size: 0, fix: true },
  {
    label: 'mixed line endings (\\n, \\r\\n, \\r, U+2028)',
    make: (n) => fill(n, (i) => lines[i % lines.length] + ['\n', '\r\n', '\r', '\u2028', '\r\r\n'][i % 5]),
    size: 50_000,
    fix: true,
  },
  { label: 'NFD throughout', make: (n) => fill(n, (i) => lines[i % lines.length] + '\n').normalize('NFD'), size: 50_000, fix: true },
  { label: 'a single line of 1 MB (and 4 MB)', make: (n) => fill(n, (i) => lines[i % lines.length] + ' '), size: 1 << 20 },
  { label: '100k spaces then ";"', make: (n) => 'Sở Nội vụ' + ' '.repeat(n) + ';', size: 100_000, fix: true },
  { label: '"(" then 100k spaces', make: (n) => '(' + ' '.repeat(n) + 'x', size: 100_000, fix: true },
  { label: '50k lines "I."', make: (n) => 'I.\n'.repeat(Math.ceil(n / 3)), size: 150_000 },
  {
    label: '10k nested labels (I. 1. 1.1. 1.1.1. … a) - +, depth up to 40)',
    make: (n) =>
      fill(n, (i) => {
        const depth = (i % 40) + 1;
        const styles = [`${['I', 'II', 'III', 'IV'][i % 4]}. MỤC`, `${(i % 9) + 1}. Nhiệm vụ`, `${Array.from({ length: depth }, (_, k) => (k + i) % 7 + 1).join('.')}. Tiểu mục`, `${'abcdđeg'[i % 7]}) Việc`, '- Sở Y tế chủ trì', '+ Chi tiết'];
        return styles[i % styles.length] + '\n';
      }),
    size: 100_000,
  },
  {
    label: 'a pasted appendix table of 2,000 rows (pipes and one cell per line)',
    make: (n) => {
      const head = 'PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n|---|---|---|---|---|\n';
      return head + fill(n, (i) => i % 2
        ? `| ${i} | ${lines[i % lines.length].slice(0, 80)} | Sở Nội vụ | Các sở, ngành | Quý ${(i % 4) + 1}/2026 |\n`
        : `${i}\n${lines[i % lines.length].slice(0, 80)}\nSở Tài chính\nCác sở, ban, ngành\nTrước ngày 15/12/2026\n`);
    },
    size: 240_000, // about 2,000 rows at n
  },
  {
    label: 'deeply repeated "(sau đây gọi tắt là"',
    make: (n) => 'Kế hoạch thực hiện Nghị quyết số 94/NQ-CP ' + fill(n, () => '(sau đây gọi tắt là '),
    size: 100_000,
    fix: true,
  },
  {
    label: 'repeated citations and dates without end',
    make: (n) => fill(n, (i) => `Nghị quyết số ${i}/NQ-CP ngày ${(i % 31) + 1}/${(i % 13) + 1}/20${i % 100} của Chính phủ; `),
    size: 100_000,
  },
  {
    label: 'repeated lead-agency phrases',
    make: (n) => fill(n, (i) => (i % 50 === 0 ? '\n1. Nhiệm vụ\n' : '') + 'Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Ủy ban nhân dân các huyện, '),
    size: 100_000,
  },
];

describe('core on bad input', function () {
  this.timeout(300_000);

  for (const c of CASES) {
    it(`${c.label}: never throws, ranges inside the text${c.size ? ', linear time' : ''}`, () => {
      const small = c.make(c.size);
      const r = check(small);
      assertSane(small, r, c.label);
      if (c.fix) {
        const once = fixAll(small, config, { registry, today: TODAY }).text;
        assert.strictEqual(typeof once, 'string');
      }
      if (!c.size) return;
      const big = c.make(4 * c.size);
      assertSane(big, check(big), `${c.label} ×4`);
      const t1 = time(() => check(small));
      const t4 = time(() => check(big));
      assert.ok(t4 < 8 * t1 + SLACK_MS, `${c.label}: ${t1.toFixed(1)} ms at ${small.length} chars but ${t4.toFixed(1)} ms at ${big.length} (not linear)`);
    });
  }

  it('a 10 MB plan is checked without throwing, ranges inside', () => {
    let big = '';
    while (big.length < 10 * 1024 * 1024) big += PLAN + '\n';
    const r = check(big);
    assertSane(big, r, '10 MB');
    assert.ok(r.findings.length > 0);
  });

  describe('limits (CheckOptions.maxChars, budgetMs)', () => {
    it('above maxChars: no rules, one KH699 information finding with the size', () => {
      const r = checkPlan(PLAN, config, { registry, today: TODAY, maxChars: 1024 });
      assert.strictEqual(r.findings.length, 1);
      const f = r.findings[0];
      assert.strictEqual(f.rule, 'KH699');
      assert.strictEqual(f.severity, 'information');
      assert.match(f.messages.vi, /^Kiểm tra dừng sớm do văn bản quá lớn \(\d+ KB, giới hạn 1 KB\)/);
      assert.match(f.messages.en, /too large/);
      assertSane(PLAN, r, 'maxChars');
      assert.strictEqual(r.doc.source, PLAN);
      assert.strictEqual(r.doc.items.length, 0);
    });

    it('at or under maxChars the plan is checked as usual', () => {
      const full = check(PLAN);
      const limited = checkPlan(PLAN, config, { registry, today: TODAY, maxChars: PLAN.length });
      assert.deepStrictEqual(limited.findings, full.findings);
    });

    it('a spent budget skips the remaining rules and says which, once', () => {
      const r = checkPlan(PLAN, config, { registry, today: TODAY, budgetMs: -1 });
      const notes = r.findings.filter((f) => f.rule === 'KH699');
      assert.strictEqual(notes.length, 1);
      assert.match(notes[0].messages.vi, /^Kiểm tra dừng sớm do kiểm tra quá lâu \(\d+ ms, giới hạn -1 ms\): \d+ quy tắc chưa chạy \(KH\d{3}/);
      // every rule was skipped: nothing else reported
      assert.strictEqual(r.findings.length, 1);
      assertSane(PLAN, r, 'budget');
    });

    it('a generous budget changes nothing', () => {
      const full = check(PLAN);
      const budgeted = checkPlan(PLAN, config, { registry, today: TODAY, budgetMs: 60_000 });
      assert.deepStrictEqual(budgeted.findings, full.findings);
    });

    it('KH699 can be turned off like any rule', () => {
      const off = { ...config, rules: { ...config.rules, 'check-budget': 'off' as const } };
      assert.strictEqual(checkPlan(PLAN, off, { registry, maxChars: 10 }).findings.length, 0);
      assert.strictEqual(checkPlan(PLAN, off, { registry, budgetMs: -1 }).findings.length, 0);
    });
  });
});
