// The editor side of parent coverage (issue 4) and the assignment matrix (issue 5), on the real
// pairs of the corpus copied into a temporary workspace: laocai 34-NQ/TU → 134/KH-UBND and
// bochinhtri 57-NQ/TW → chinhphu 03/NQ-CP.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  DocumentLinkRequest,
  ExecuteCommandRequest,
  FileChangeType,
  HoverRequest,
  type Diagnostic,
  type DocumentLink,
  type Location,
  type MarkupContent,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../server/src/core';
import { COMMAND_AGENCY_MATRIX, COMMAND_COVERAGE_REPORT } from '../../server/src/server';
import { readCorpus } from '../helpers';
import { TestClient } from './harness';

const PARENT_34 = 'laocai_34-nq-tu_2025_ocr.txt';
const PLAN_134 = 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt';
const PARENT_57 = 'bochinhtri_57-nq-tw_2024.txt';
const PLAN_03 = 'chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt';
/** A plan without a number of its own: its first number is the 43-NQ/TW it cites, not its key. */
const PLAN_147 = 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt';

/** The bullet of 134/KH-UBND (III.1) that alone carries out task II.6 of 34-NQ/TU. */
const BULLET_II6 = '       - Cải thiện quy trình thủ tục hành chính';
const AFTER_BULLET_II6 = '       - Tăng cường kỷ luật, kỷ cương';

/** 34-NQ/TU with April instead of January for the plans it asks for (IV.1 and IV.3): 134 is then on time. */
function aprilDeadline(parent: string): string {
  const out = parent.replace('(hoàn thành trong tháng 01/2026)', '(hoàn thành trong tháng 4/2026)').replace('(rong tháng 01/2026)', '(rong tháng 4/2026)');
  assert.strictEqual(out.length, parent.length - 2, 'both deadlines replaced');
  return out;
}

function makeWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-parent-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const codes = (p: PublishDiagnosticsParams, code: string): Diagnostic[] => p.diagnostics.filter((d) => d.code === code);

function position(text: string, needle: string): { line: number; character: number } {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `"${needle}" in text`);
  return new LineIndex(text).positionAt(i);
}

function slice(text: string, r: Range): string {
  const li = new LineIndex(text);
  return text.slice(li.offsetAt(r.start), li.offsetAt(r.end));
}

describe('lsp: parent directives in the workspace', function () {
  this.timeout(20000);
  const parentText = readCorpus(PARENT_34);
  const planText = readCorpus(PLAN_134);
  let ws: string;
  let client: TestClient;
  let planUri: string;
  let parentUri: string;

  before(async () => {
    ws = makeWorkspace({
      [`nghi-quyet/${PARENT_34}`]: parentText,
      [`ke-hoach/${PLAN_134}`]: planText,
      [PARENT_57]: readCorpus(PARENT_57),
      [PLAN_03]: readCorpus(PLAN_03),
      [PLAN_147]: readCorpus(PLAN_147),
      // Never indexed: dependencies and build output.
      [`node_modules/x/${PARENT_34}`]: parentText,
      [`out/${PARENT_34}`]: parentText,
    });
    client = await TestClient.start({ workspace: ws });
    await client.server.indexed();
    planUri = client.uri(`ke-hoach/${PLAN_134}`);
    parentUri = client.uri(`nghi-quyet/${PARENT_34}`);
  });
  after(() => {
    client.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('the index finds each directive by the number in its header', () => {
    const idx = client.server.workspaceIndex;
    assert.deepStrictEqual(idx.filesFor('34||NQ|TU'), [path.join(ws, 'nghi-quyet', PARENT_34)]);
    assert.deepStrictEqual(idx.filesFor('134||KH|UBND'), [path.join(ws, 'ke-hoach', PLAN_134)]);
    assert.deepStrictEqual(idx.filesFor('57||NQ|TW'), [path.join(ws, PARENT_57)]);
    assert.deepStrictEqual(idx.filesFor('3||NQ|CP'), [path.join(ws, PLAN_03)]);
    // 147 has no number of its own; the 43-NQ/TW it cites is not its key.
    assert.deepStrictEqual(idx.filesFor('43||NQ|TW'), []);
    assert.strictEqual(idx.keyOf(path.join(ws, PLAN_147)), undefined);
    assert.strictEqual(idx.size, 5, 'node_modules and out are skipped');
  });

  it('the cited parent is checked: KH904, 134/KH-UBND issued after the "trong tháng 01/2026" 34-NQ/TU set', async () => {
    const d = await client.open(planUri, planText);
    const late = codes(d, 'KH904');
    assert.strictEqual(late.length, 1);
    assert.strictEqual(slice(planText, late[0].range), 'ngày 26 tháng 3 năm 2026');
    const rel = late[0].relatedInformation?.[0];
    assert.ok(rel, 'related information into the parent');
    assert.strictEqual(rel.location.uri, parentUri);
    assert.match(slice(parentText, rel.location.range), /tháng 01\/2026/);
    // The real plan carries out every task of the parent.
    assert.deepStrictEqual(codes(d, 'KH901'), []);
  });

  it('definition: from the citation "34-NQ/TU" to the number in the parent\'s header', async () => {
    const locs = (await client.conn.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: planUri },
      position: position(planText, '34-NQ/TU của Tỉnh uỷ'),
    })) as Location[];
    assert.strictEqual(locs.length, 1);
    assert.strictEqual(locs[0].uri, parentUri);
    assert.strictEqual(locs[0].range.start.line, 5); // "Số 34 -NQ/TU Lào Cai, ngày 27 tháng 12 năm 2025"
    assert.match(slice(parentText, locs[0].range), /^34 ?-NQ\/TU$/);
  });

  it('document links: every citation of 34-NQ/TU in the subject and preamble opens the parent', async () => {
    const links = (await client.conn.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: planUri } })) as DocumentLink[];
    assert.ok(links.length >= 3, `links: ${links.length}`);
    for (const l of links) {
      assert.strictEqual(slice(planText, l.range).replace(/\s+/g, ''), '34-NQ/TU');
      assert.ok(l.target?.startsWith(parentUri + '#L6,'), l.target);
    }
    assert.ok(links.some((l) => l.range.start.line === 7), 'the trích yếu line');
  });

  it('definition on a plan item lands on the parent task it carries out', async () => {
    const locs = (await client.conn.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: planUri },
      position: position(planText, 'Cải thiện quy trình thủ tục hành chính'),
    })) as Location[];
    assert.ok(locs.length >= 1);
    assert.strictEqual(locs[0].uri, parentUri);
    assert.ok(slice(parentText, locs[0].range).startsWith('6. Đây mạnh cải cách hành chính'), slice(parentText, locs[0].range).slice(0, 60));
  });

  it('hover on a matched plan item: the parent task, the match in percent and a word diff', async () => {
    const h = await client.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri: planUri },
      position: position(planText, 'Cải thiện quy trình thủ tục hành chính'),
    });
    const md = (h?.contents as MarkupContent).value;
    assert.match(md, /Thực hiện nhiệm vụ II\.6 của Nghị quyết 34-NQ\/TU/);
    assert.match(md, /mức khớp \d+%/);
    assert.match(md, /> Đây mạnh cải cách hành chính/, 'the parent task text, quoted');
    // What the plan kept, dropped and added: "thủ tục hành chính" is in both.
    assert.match(md, /~~[^~]+~~/);
    assert.match(md, /\*\*[^*]+\*\*/);
    assert.match(md, /thủ tục hành chính/);
    assert.strictEqual(slice(planText, h!.range!).trim().slice(0, 40), '- Cải thiện quy trình thủ tục hành chính');
  });

  it('hover diff: the wording 134/KH-UBND kept from target (1) of 34-NQ/TU, what it dropped and added', async () => {
    const h = await client.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri: planUri },
      position: position(planText, 'Tập trung phát triển bền vững các khu công nghiệp'),
    });
    const md = (h?.contents as MarkupContent).value;
    assert.match(md, /^\*\*Thực hiện nhiệm vụ I\.2\.1 của Nghị quyết 34-NQ\/TU\*\* — mức khớp \d+% \(đã cụ thể hóa\)/);
    // Parent: "Tập trung phát triển bền vững 06 khu công nghiệp và 20 cụm công nghiệp đang hoạt động."
    // Plan:   "Tập trung phát triển bền vững các khu công nghiệp, cụm công nghiệp đã thành lập"
    assert.ok(
      md.includes('Tập trung phát triển bền vững ~~06~~ **các** khu công nghiệp ~~và 20~~ **,** cụm công nghiệp ~~đang hoạt động.~~ **đã thành lập**'),
      md,
    );
  });

  it('removing the item from the plan leaves exactly that parent task uncovered (KH901)', async () => {
    const cut = planText.slice(0, planText.indexOf(BULLET_II6)) + planText.slice(planText.indexOf(AFTER_BULLET_II6));
    const wait = client.diagnostics(planUri, (p) => p.version === 2);
    await client.change(planUri, 2, cut);
    const d = await wait;
    // II.6 is uncovered; so may be II.1, the true gap of the labels (test/fixtures/parent/LABELS.md),
    // whose only partial match was this bullet's "giải quyết thủ tục hành chính".
    const all = codes(d, 'KH901');
    assert.ok(all.every((x) => /^Nhiệm vụ II\.[16] /.test(x.message)), all.map((x) => x.message).join('\n'));
    const uncovered = all.filter((x) => /^Nhiệm vụ II\.6 /.test(x.message));
    assert.strictEqual(uncovered.length, 1);
    assert.match(uncovered[0].message, /^Nhiệm vụ II\.6 của Nghị quyết 34-NQ\/TU chưa được cụ thể hóa/);
    assert.strictEqual(uncovered[0].relatedInformation?.[0].location.uri, parentUri);
    assert.strictEqual(uncovered[0].relatedInformation?.[0].location.range.start.line, 135); // "6. Đây mạnh cải cách hành chính"
    // Put it back: covered again.
    const back = client.diagnostics(planUri, (p) => p.version === 3);
    await client.change(planUri, 3, planText);
    assert.deepStrictEqual(codes(await back, 'KH901'), []);
  });

  it('command kehoach.coverageReport: a Markdown table parent task → plan items → status', async () => {
    const md = (await client.conn.sendRequest(ExecuteCommandRequest.type, { command: COMMAND_COVERAGE_REPORT, arguments: [planUri] })) as string;
    assert.strictEqual(typeof md, 'string');
    assert.match(md, /^# Đối chiếu với văn bản cấp trên/);
    assert.match(md, /\| Nhiệm vụ cấp trên \| Nội dung \| Thời hạn cấp trên \| Mục trong kế hoạch \|/);
    assert.match(md, /\*\*34-NQ\/TU: \d+ nhiệm vụ/);
    const row = md.split('\n').find((l) => l.startsWith('| II.6 |'));
    assert.ok(row, 'a row for task II.6');
    assert.match(row, /III\.1/);
    // The short name other editors may call works too.
    const same = await client.conn.sendRequest(ExecuteCommandRequest.type, { command: 'kehoach.coverageReport', arguments: [planUri] });
    assert.strictEqual(same, md);
  });

  it('command kehoach.server.planStatus (the status bar): the plan date used and the coverage of each parent, as the report counts it', async () => {
    const status = (await client.conn.sendRequest(ExecuteCommandRequest.type, { command: 'kehoach.server.planStatus', arguments: [planUri] })) as {
      planDate: string; planDateSource: string; parents: { symbol: string; covered: number; partial: number; total: number }[];
    };
    assert.match(status.planDate, /^\d{2}\/\d{2}\/2026$/);
    assert.strictEqual(status.planDateSource, 'ngày ghi trên kế hoạch');
    assert.strictEqual(status.parents.length, 1);
    const p = status.parents[0];
    assert.strictEqual(p.symbol, '34-NQ/TU');
    const md = (await client.conn.sendRequest(ExecuteCommandRequest.type, { command: COMMAND_COVERAGE_REPORT, arguments: [planUri] })) as string;
    assert.match(md, new RegExp(`\\*\\*34-NQ/TU: ${p.total} nhiệm vụ`));
    assert.ok(p.covered > 0 && p.covered + p.partial <= p.total);
  });

  it('command kehoach.agencyMatrix: a Markdown table of agencies and the tasks they lead', async () => {
    const md = (await client.conn.sendRequest(ExecuteCommandRequest.type, { command: COMMAND_AGENCY_MATRIX, arguments: [planUri] })) as string;
    assert.match(md, /^# Bảng phân công nhiệm vụ/);
    assert.match(md, /\| Cơ quan \| Chủ trì \| Phối hợp \| Ghi chú \|/);
    assert.match(md, /\| Sở Công Thương[^|]*\| [1-9]\d* \|/);
  });

  it('57-NQ/TW → 03/NQ-CP: found by header, linked, reported', async () => {
    const text = readCorpus(PLAN_03);
    const uri = client.uri(PLAN_03);
    await client.open(uri, text);
    const links = (await client.conn.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } })) as DocumentLink[];
    assert.ok(links.length >= 1);
    assert.ok(links.every((l) => l.target?.startsWith(client.uri(PARENT_57))));
    const md = (await client.conn.sendRequest(ExecuteCommandRequest.type, { command: COMMAND_COVERAGE_REPORT, arguments: [uri] })) as string;
    assert.match(md, /\*\*57-NQ\/TW: \d+ nhiệm vụ/);
  });

  it('editing the open parent re-checks the plan against the editor\'s text', async () => {
    const before = client.published.filter((p) => p.uri === planUri).length;
    // The parent now gives until April: the plan dated 26/3/2026 is on time.
    const moved = aprilDeadline(parentText);
    await client.open(parentUri, parentText);
    const onTime = client.diagnostics(planUri, (p) => codes(p, 'KH904').length === 0);
    await client.change(parentUri, 2, moved);
    await onTime;
    assert.ok(client.published.filter((p) => p.uri === planUri).length > before);
    // Closing the parent: the file on disk (January) counts again.
    const late = client.diagnostics(planUri, (p) => codes(p, 'KH904').length === 1);
    await client.close(parentUri);
    await late;
  });

  it('a plan whose model was dropped (other plans opened since) is still re-checked when its parent changes', async () => {
    // The server keeps a few full analyses only; the plan keeps a footprint of what it reads.
    const others = [1, 2, 3, 4, 5].map((i) => client.uri(`other-${i}.kehoach.txt`));
    for (const u of others) await client.open(u, readCorpus(PLAN_147));
    await client.open(parentUri, parentText);
    const onTime = client.diagnostics(planUri, (p) => codes(p, 'KH904').length === 0);
    await client.change(parentUri, 2, aprilDeadline(parentText));
    await onTime;
    const late = client.diagnostics(planUri, (p) => codes(p, 'KH904').length === 1);
    await client.close(parentUri);
    await late;
    for (const u of others) await client.close(u);
  });

  it('no error was logged', () => {
    assert.deepStrictEqual(client.errors, []);
  });
});

describe('lsp: parent files followed on disk', function () {
  this.timeout(20000);
  const parentText = readCorpus(PARENT_34);
  const planText = readCorpus(PLAN_134);

  it('a parent file created, changed and deleted in the workspace re-checks the plan', async () => {
    const ws = makeWorkspace({ [PLAN_134]: planText });
    const client = await TestClient.start({ workspace: ws });
    try {
      await client.server.indexed();
      await client.registered('workspace/didChangeWatchedFiles');
      const planUri = client.uri(PLAN_134);
      const first = await client.open(planUri, planText);
      assert.deepStrictEqual(codes(first, 'KH904'), [], 'no parent yet');

      // Created: the index learns its number and the plan is checked against it.
      const file = path.join(ws, 'van-ban-cap-tren.txt');
      fs.writeFileSync(file, parentText);
      const uri = pathToFileURL(file).toString();
      let next = client.diagnostics(planUri, (p) => codes(p, 'KH904').length === 1);
      await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Created }] });
      await next;
      assert.deepStrictEqual(client.server.workspaceIndex.filesFor('34||NQ|TU'), [file]);

      // Changed on disk: a later deadline in the parent, the plan is on time.
      fs.writeFileSync(file, aprilDeadline(parentText));
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(file, later, later); // a new mtime even on coarse clocks
      next = client.diagnostics(planUri, (p) => codes(p, 'KH904').length === 0);
      await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
      await next;

      // Deleted: back to no parent, and no complaint about a missing file.
      fs.writeFileSync(file, parentText);
      next = client.diagnostics(planUri, (p) => codes(p, 'KH904').length === 1);
      await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
      await next;
      fs.rmSync(file);
      next = client.diagnostics(planUri, (p) => codes(p, 'KH904').length === 0);
      await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Deleted }] });
      await next;
      assert.deepStrictEqual(client.server.workspaceIndex.filesFor('34||NQ|TU'), []);
      assert.deepStrictEqual(client.messages, []);
      assert.deepStrictEqual(client.errors, []);
    } finally {
      client.dispose();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('the coverage report says which parent is missing when none is in the workspace', async () => {
    const ws = makeWorkspace({ [PLAN_134]: planText });
    const client = await TestClient.start({ workspace: ws });
    try {
      await client.server.indexed();
      const planUri = client.uri(PLAN_134);
      await client.open(planUri, planText);
      const md = (await client.conn.sendRequest(ExecuteCommandRequest.type, { command: COMMAND_COVERAGE_REPORT, arguments: [planUri] })) as string;
      assert.match(md, /Kế hoạch trích dẫn 34-NQ\/TU nhưng không tìm thấy tệp/);
      const links = await client.conn.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: planUri } });
      assert.deepStrictEqual(links, []);
    } finally {
      client.dispose();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
