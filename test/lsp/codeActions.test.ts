// Code actions applied to real plan text: a finding's quick fix, fix all (as a code action, after
// resolve, and as a command) with minimal edits, renumbering, inserting a missing line, and
// turning a rule off in .kehoach.json.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  DidChangeWatchedFilesNotification,
  ExecuteCommandRequest,
  FileChangeType,
  type CodeAction,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { applyEdits, checkPlan, fixAll, LineIndex, RULES } from '../../server/src/core';
import { readCorpus } from '../helpers';
import { applyTextEdits, CAPABILITIES, TestClient } from './harness';

const PLAN_147 = 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt';
const PLAN_TN = 'thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt';

async function actions(client: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[], range = diagnostics[0]?.range): Promise<CodeAction[]> {
  const r = await client.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: only ? { diagnostics, only } : { diagnostics },
  });
  return (r ?? []) as CodeAction[];
}

function editsFor(action: CodeAction, uri: string): TextEdit[] {
  const changes = action.edit?.changes?.[uri];
  if (changes) return changes;
  const dc = (action.edit?.documentChanges ?? []).find((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uri);
  return dc ? (dc.edits as TextEdit[]) : [];
}

describe('lsp: code actions', function () {
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(() => client.dispose());

  it("offers a finding's fixes as quick fixes, preferred first, that change the text as the core does", async () => {
    const text = readCorpus(PLAN_147);
    const uri = client.uri('qf.kehoach.txt');
    const p = await client.open(uri, text);
    const findings = checkPlan(text).findings;
    const i = findings.findIndex((f) => f.fixes.length > 0);
    assert.ok(i >= 0, 'a fixable finding');
    const d = p.diagnostics[i];
    const acts = await actions(client, uri, [d], ['quickfix']);
    const fixes = acts.filter((a) => a.diagnostics?.[0] === undefined || a.diagnostics[0].code === d.code).filter((a) => a.title === findings[i].fixes[0].title);
    assert.strictEqual(fixes.length, 1);
    assert.strictEqual(fixes[0].kind, 'quickfix');
    assert.strictEqual(fixes[0].isPreferred, findings[i].fixes[0].preferred);
    const after = applyTextEdits(text, editsFor(fixes[0], uri));
    assert.strictEqual(after, applyEdits(text, findings[i].fixes[0].edits).text);
    assert.notStrictEqual(after, text);
  });

  it('ignores diagnostics whose data belongs to an older version', async () => {
    const text = readCorpus(PLAN_147);
    const uri = client.uri('stale.kehoach.txt');
    const p = await client.open(uri, text);
    const d = p.diagnostics.find((x) => (x.data as { fixes: unknown[] }).fixes.length > 0)!;
    const next = client.diagnostics(uri, (x) => x.version === 2);
    await client.change(uri, 2, 'PHỤ LỤC\n' + text);
    await next;
    const acts = await actions(client, uri, [d], ['quickfix']);
    assert.strictEqual(acts.filter((a) => a.isPreferred).length, 0, 'no fix computed for offsets of version 1');
  });

  it('fix all: a source.fixAll.kehoach action, resolved lazily, whose minimal edits give what core fixAll gives', async () => {
    const text = readCorpus(PLAN_147);
    const uri = client.uri('fixall.kehoach.txt');
    await client.open(uri, text);
    const acts = await actions(client, uri, [], ['source.fixAll']);
    assert.strictEqual(acts.length, 1);
    assert.strictEqual(acts[0].kind, 'source.fixAll.kehoach');
    assert.strictEqual(acts[0].edit, undefined, 'computed on resolve');
    const resolved = await client.conn.sendRequest(CodeActionResolveRequest.type, acts[0]);
    const edits = editsFor(resolved, uri);
    const expected = fixAll(text).text;
    assert.notStrictEqual(expected, text);
    assert.strictEqual(applyTextEdits(text, edits), expected);
    // Minimal: each edit touches one spot, never the whole document.
    assert.ok(edits.length > 1);
    assert.ok(edits.every((e) => e.range.end.line - e.range.start.line <= 1), 'small edits');
  });

  it('fix all without resolve support carries its edit at once', async () => {
    client.dispose();
    const caps = JSON.parse(JSON.stringify(CAPABILITIES));
    delete caps.textDocument.codeAction.resolveSupport;
    client = await TestClient.start({ capabilities: caps });
    const text = readCorpus(PLAN_147);
    const uri = client.uri('eager.kehoach.txt');
    await client.open(uri, text);
    const acts = await actions(client, uri, [], ['source.fixAll']);
    assert.strictEqual(applyTextEdits(text, editsFor(acts[0], uri)), fixAll(text).text);
  });

  it('the fix-all command applies a versioned workspace edit', async () => {
    const text = readCorpus(PLAN_147);
    const uri = client.uri('cmd.kehoach.txt');
    await client.open(uri, text);
    const r = (await client.conn.sendRequest(ExecuteCommandRequest.type, { command: 'kehoach.server.fixAll', arguments: [uri] })) as { applied: boolean };
    assert.strictEqual(r.applied, true);
    assert.strictEqual(client.applied.length, 1);
    const change = client.applied[0].edit.documentChanges![0] as TextDocumentEdit;
    assert.deepStrictEqual(change.textDocument, { uri, version: 1 });
    assert.strictEqual(applyTextEdits(text, change.edits as TextEdit[]), fixAll(text).text);
  });

  it('turns a rule off by creating .kehoach.json at the workspace root', async () => {
    const text = readCorpus(PLAN_147);
    const uri = client.uri('off.kehoach.txt');
    const p = await client.open(uri, text);
    const d = p.diagnostics[0];
    const acts = await actions(client, uri, [d], ['quickfix']);
    const off = acts.find((a) => a.title.startsWith(`Tắt quy tắc ${d.code}`));
    assert.ok(off, 'rule-off action offered');
    assert.strictEqual(off.isPreferred, false);
    const [create, edit] = off.edit!.documentChanges!;
    const file = pathToFileURL(path.join(client.workspace, '.kehoach.json')).toString();
    assert.deepStrictEqual(create, { kind: 'create', uri: file, options: { ignoreIfExists: true } });
    const content = ((edit as TextDocumentEdit).edits[0] as TextEdit).newText;
    assert.deepStrictEqual(JSON.parse(content), { rules: { [String(d.code)]: 'off' } });
  });

  it('turns a rule off in an existing .kehoach.json, keeping its other keys', async () => {
    const projectFile = path.join(client.workspace, '.kehoach.json');
    const before = JSON.stringify({ planDate: '2024-08-01', rules: { KH701: 'warning' } }, null, 2);
    fs.writeFileSync(projectFile, before);
    const text = readCorpus(PLAN_147);
    const uri = client.uri('off2.kehoach.txt');
    const p = await client.open(uri, text);
    const d = p.diagnostics[0];
    const off = (await actions(client, uri, [d], ['quickfix'])).find((a) => a.title.startsWith(`Tắt quy tắc ${d.code}`))!;
    const edits = off.edit!.changes![pathToFileURL(projectFile).toString()];
    const after = JSON.parse(applyTextEdits(before, edits));
    assert.deepStrictEqual(after, { planDate: '2024-08-01', rules: { KH701: 'warning', [String(d.code)]: 'off' } });
  });

  it('renumbers the whole document with the numbering rules only', async function () {
    if (!RULES.some((r) => r.category === 'numbering')) this.skip();
    const text = readCorpus(PLAN_TN); // "III." used twice
    const uri = client.uri('renumber.kehoach.txt');
    await client.open(uri, text);
    const acts = await actions(client, uri, [], ['refactor.rewrite']);
    const whole = acts.find((a) => a.title === 'Đánh số lại toàn văn bản');
    assert.ok(whole, 'renumber action offered');
    const resolved = await client.conn.sendRequest(CodeActionResolveRequest.type, whole);
    const after = applyTextEdits(text, editsFor(resolved, uri));
    const romans = after.split('\n').map((l) => /^([IVX]+)\.\s/.exec(l)?.[1]).filter(Boolean);
    assert.ok(new Set(romans).size === romans.length, `no Roman numeral twice: ${romans.join(' ')}`);
    // Only labels changed: the same lines with the same text after the label.
    const strip = (s: string) => s.split('\n').map((l) => l.replace(/^\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\))\s*/, ''));
    assert.deepStrictEqual(strip(after), strip(text));
  });

  it('renumbers the list the cursor is in (the second "III." becomes "IV.")', async function () {
    if (!RULES.some((r) => r.category === 'numbering')) this.skip();
    const text = readCorpus(PLAN_TN);
    const uri = client.uri('renumber-list.kehoach.txt');
    await client.open(uri, text);
    const second = text.indexOf('\nIII. TỔ CHỨC THỰC HIỆN') + 1;
    assert.ok(second > 0);
    const line = text.slice(0, second).split('\n').length - 1;
    const here = { start: { line, character: 1 }, end: { line, character: 1 } };
    const acts = await actions(client, uri, [], ['refactor.rewrite'], here);
    const list = acts.find((a) => a.title === 'Đánh số lại danh sách này');
    assert.ok(list, JSON.stringify(acts.map((a) => a.title)));
    const after = applyTextEdits(text, editsFor(list, uri));
    assert.strictEqual(after.split('\n')[line], 'IV. TỔ CHỨC THỰC HIỆN');
    assert.strictEqual(after.split('\n').length, text.split('\n').length);
  });

  it('offers to insert a lead-agency line after the task a lead-agency finding is on', async function () {
    const name = 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt';
    const text = readCorpus(name);
    const uri = client.uri('lead.kehoach.txt');
    const p = await client.open(uri, text);
    const result = checkPlan(text);
    const i = result.findings.findIndex((f) => f.category === 'lead-agency' && result.doc.tasks.some((t) => t.source === 'outline' && t.start <= f.start && f.start <= t.end));
    if (i < 0) this.skip(); // no lead-agency finding on an outline task in this plan (rules still landing)
    const d = p.diagnostics[i];
    const acts = await actions(client, uri, [d], ['quickfix']);
    const insert = acts.find((a) => a.title.startsWith('Thêm dòng "Cơ quan chủ trì"'));
    assert.ok(insert);
    assert.strictEqual(insert.isPreferred, false);
    const edits = editsFor(insert, uri);
    assert.strictEqual(edits.length, 1);
    assert.match(edits[0].newText, /^\r?\n\s*- Cơ quan chủ trì: $/);
    assert.deepStrictEqual(edits[0].range.start, edits[0].range.end, 'an insertion');
    // Inserted at the end of the task's last line: the new line follows the task, the rest is unchanged.
    const after = applyTextEdits(text, edits);
    const lines = text.split('\n');
    const at = edits[0].range.start;
    assert.strictEqual(at.character, lines[at.line].length, 'at the end of a line');
    assert.ok(at.line >= d.range.end.line, 'after the finding');
    // Indented like the task's first line.
    const indent = /^[ \t]*/.exec(lines[d.range.start.line])![0];
    assert.strictEqual(after.split('\n')[at.line + 1], indent + '- Cơ quan chủ trì: ');
    assert.strictEqual(after.replace(/\n[ \t]*- Cơ quan chủ trì: /, ''), text);
    const snippet = (insert.data as { snippet: { text: string } }).snippet.text;
    assert.match(snippet, /- Cơ quan chủ trì: \$\{1:tên cơ quan\}/);
  });

  it('offers to insert a deadline line for a reporting finding on a task', async function () {
    const name = 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt';
    const text = readCorpus(name);
    const uri = client.uri('deadline.kehoach.txt');
    const p = await client.open(uri, text);
    const result = checkPlan(text);
    const i = result.findings.findIndex((f) => f.category === 'reporting' && result.doc.tasks.some((t) => t.source === 'outline' && t.start <= f.start && f.start <= t.end));
    if (i < 0) this.skip();
    const acts = await actions(client, uri, [p.diagnostics[i]], ['quickfix']);
    const insert = acts.find((a) => a.title.startsWith('Thêm dòng "Thời gian hoàn thành"'));
    assert.ok(insert);
    const after = applyTextEdits(text, editsFor(insert, uri));
    assert.strictEqual(after.replace(/\n[ \t]*- Thời gian hoàn thành: /, ''), text);
    assert.ok(!acts.some((a) => a.title.startsWith('Thêm dòng "Cơ quan chủ trì"')), 'the lead line only for lead-agency findings');
  });
});

describe('lsp: quiet where told (.kehoach.json ignore and agencies)', function () {
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(() => client.dispose());

  const projectEdits = (action: CodeAction | undefined, projectFile: string): TextEdit[] => {
    const uri = pathToFileURL(projectFile).toString();
    return action?.edit?.changes?.[uri] ?? ((action?.edit?.documentChanges ?? []).find((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uri)?.edits as TextEdit[]) ?? [];
  };

  async function writeAndReload(projectFile: string, content: string): Promise<void> {
    fs.writeFileSync(projectFile, content);
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(projectFile).toString(), type: FileChangeType.Changed }] });
  }

  it('"Bỏ qua cảnh báo này" writes rule + quoted words + file to .kehoach.json only; the finding stays silenced after edits elsewhere and returns when its words change', async () => {
    const projectFile = path.join(client.workspace, '.kehoach.json');
    fs.writeFileSync(projectFile, JSON.stringify({ planDate: '2024-08-01' }, null, 2) + '\n');
    await client.registered('workspace/didChangeWatchedFiles');
    const text = readCorpus(PLAN_147);
    const uri = client.uri('ignore.kehoach.txt');
    const p = await client.open(uri, text);
    const d = p.diagnostics.find((x) => x.code === 'KH401')!;
    const acts = await actions(client, uri, [d], ['quickfix']);
    const ignore = acts.find((a) => a.title === 'Bỏ qua cảnh báo này');
    assert.ok(ignore, `offered: ${acts.map((a) => a.title).join(' | ')}`);
    assert.ok(acts.some((a) => a.title === 'Bỏ qua quy tắc KH401 trong tệp này'));
    // Only the project file is edited, never the plan.
    assert.deepStrictEqual(editsFor(ignore, uri), []);
    const before = fs.readFileSync(projectFile, 'utf8');
    const after = applyTextEdits(before, projectEdits(ignore, projectFile));
    const written = JSON.parse(after);
    assert.strictEqual(written.planDate, '2024-08-01', 'other keys kept');
    assert.strictEqual(written.ignore.length, 1);
    assert.strictEqual(written.ignore[0].rule, 'KH401');
    assert.strictEqual(written.ignore[0].file, 'ignore.kehoach.txt');
    assert.ok(written.ignore[0].text.includes('94-NQ/CP'), written.ignore[0].text);

    const start = p.diagnostics.filter((x) => x.code === 'KH401').length;
    const silenced = client.diagnostics(uri, (x) => x.diagnostics.filter((y) => y.code === 'KH401').length === start - 1);
    await writeAndReload(projectFile, after);
    const q = await silenced;
    assert.ok(!q.diagnostics.some((y) => y.code === 'KH401' && y.range.start.line === d.range.start.line && y.range.start.character === d.range.start.character));

    // An unrelated edit above moves the finding down two lines: still silenced.
    const moved = 'Đoạn mới thêm ở đầu.\n\n' + text;
    const v2 = client.diagnostics(uri, (x) => x.version === 2);
    await client.change(uri, 2, moved);
    assert.strictEqual((await v2).diagnostics.filter((y) => y.code === 'KH401').length, start - 1);

    // Its words change: it is reported again.
    const offset = new LineIndex(moved).offsetAt({ line: d.range.end.line + 2, character: d.range.end.character });
    const v3 = client.diagnostics(uri, (x) => x.version === 3);
    await client.change(uri, 3, moved.slice(0, offset) + ' mới' + moved.slice(offset));
    assert.strictEqual((await v3).diagnostics.filter((y) => y.code === 'KH401').length, start);
  });

  it('"Thêm vào danh sách cơ quan của dự án" on an unknown body (KH804) adds it to agencies, and the name is then known', async () => {
    const projectFile = path.join(client.workspace, '.kehoach.json');
    await client.registered('workspace/didChangeWatchedFiles');
    const text = readCorpus('chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt');
    const uri = client.uri('agency.kehoach.txt');
    const p = await client.open(uri, text);
    const d = p.diagnostics.find((x) => x.code === 'KH804')!;
    assert.ok(d, 'the 03/NQ-CP plan writes "Bộ Khoa học, Công nghệ"');
    const add = (await actions(client, uri, [d], ['quickfix'])).find((a) => a.title.startsWith('Thêm "'));
    assert.strictEqual(add?.title, 'Thêm "Bộ Khoa học, Công nghệ" vào danh sách cơ quan của dự án');
    assert.deepStrictEqual(editsFor(add!, uri), []);
    const create = add!.edit!.documentChanges!.find((c) => 'kind' in c);
    assert.ok(create, 'creates the project file');
    const content = applyTextEdits('', projectEdits(add, projectFile));
    assert.deepStrictEqual(JSON.parse(content), { agencies: { list: [{ name: 'Bộ Khoa học, Công nghệ' }] } });
    const known = client.diagnostics(uri, (x) => !x.diagnostics.some((y) => y.code === 'KH804' && y.range.start.line === d.range.start.line));
    await writeAndReload(projectFile, content);
    await known;
  });

  it('offers to add a lead agency the registry does not know, at the cursor on it', async () => {
    const text = readCorpus('laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt');
    const uri = client.uri('lead.kehoach.txt');
    await client.open(uri, text);
    const at = new LineIndex(text).positionAt(text.indexOf('Chủ đầu tư dự án hạ tầng') + 3);
    const acts = await actions(client, uri, [], ['quickfix'], { start: at, end: at });
    assert.ok(acts.some((a) => a.title === 'Thêm "Chủ đầu tư dự án hạ tầng" vào danh sách cơ quan của dự án'), acts.map((a) => a.title).join(' | '));
    // Not on a known agency.
    const known = new LineIndex(text).positionAt(text.indexOf('Sở Tài chính') + 2);
    assert.ok(!(await actions(client, uri, [], ['quickfix'], { start: known, end: known })).some((a) => a.title.startsWith('Thêm "')));
  });
});
