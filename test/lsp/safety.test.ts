// The language server in a hostile workspace (issue 14): parents that are FIFOs, devices, giant
// sparse files or outside the workspace; broken configs; 200,000 parents; Restricted Mode; a
// workspace larger than the index. It keeps answering every document, and says what it skipped.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  DidChangeWatchedFilesNotification,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FileChangeType,
  HoverRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { TestClient, applyTextEdits } from './harness';
import { readCorpus } from '../helpers';
import { DEV_ZERO, linkTo, makeFifo, sparse } from '../safety/hostile-fs';
import { WORKSPACE_TRUSTED } from '../../server/src/server';

const TODAY = { year: 2026, month: 1, day: 1 };
const PLAN = 'ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 12/KH-UBND\nTuyên Quang, ngày 05 tháng 3 năm 2025\n\nKẾ HOẠCH\nThực hiện Nghị quyết số 34-NQ/TU ngày 01 tháng 02 năm 2025\n\nI. MỤC ĐÍCH\n1. Một\n1. Hai\n';
/** Every answer must come within this (the bug was "never"). */
const BOUND_MS = 15000;

function within<T>(p: Promise<T>, what: string, ms = BOUND_MS): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))),
  ]);
}

function tempWorkspace(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-lsp-safety-')));
}

const rulesOf = (ds: Diagnostic[]) => ds.map((d) => String(d.code));

describe('lsp safety: hostile parents and configs', function () {
  this.timeout(BOUND_MS * 4);
  let ws: string;
  let client: TestClient;
  afterEach(() => {
    client?.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('FIFO, /dev/zero, a 2 GB sparse file and /etc/passwd as parents: findings at the config entries, every document still served', async () => {
    ws = tempWorkspace();
    const fifo = makeFifo(path.join(ws, 'fifo.txt'));
    const zero = DEV_ZERO ? linkTo(path.join(ws, 'zero.txt'), DEV_ZERO) : undefined;
    sparse(path.join(ws, 'sparse.txt'), 2 * 1024 * 1024 * 1024);
    const parents = ['sparse.txt', '/etc/passwd', 'missing.txt', ...(fifo ? ['fifo.txt'] : []), ...(zero ? ['zero.txt'] : [])];
    const configText = JSON.stringify({ parents }, null, 2);
    fs.writeFileSync(path.join(ws, '.kehoach.json'), configText);
    client = await TestClient.start({ workspace: ws, server: { today: TODAY }, settings: { debounceMs: 10 } });
    const configUri = pathToFileURL(path.join(ws, '.kehoach.json')).toString();
    const configDiags = client.diagnostics(configUri, (p) => p.diagnostics.length > 0);
    const plan = await within(client.open(client.uri('plan.kehoach.txt'), PLAN), 'plan diagnostics');
    assert.ok(rulesOf(plan.diagnostics).includes('KH101'), 'the plan is checked');
    const cd = (await within(configDiags, 'config diagnostics')).diagnostics;
    const lines = configText.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle));
    const expectAt = (needle: string, message: RegExp) => {
      const d = cd.find((x) => x.range.start.line === lineOf(needle));
      assert.ok(d, `a finding at the line of ${needle}: ${JSON.stringify(cd)}`);
      assert.match(d!.message, message);
      assert.strictEqual(d!.code, 'kehoach-config');
    };
    expectAt('sparse.txt', /quá lớn/);
    expectAt('/etc/passwd', /nằm ngoài thư mục làm việc/);
    expectAt('missing.txt', /không tìm thấy/);
    if (fifo) expectAt('fifo.txt', /FIFO/);
    if (zero) expectAt('zero.txt', /nằm ngoài thư mục làm việc/);
    // Nothing of /etc/passwd anywhere.
    assert.ok(!client.published.some((p) => p.diagnostics.some((d) => /root:/.test(d.message + JSON.stringify(d.relatedInformation ?? [])))));
    // Another document, and requests on the first, are answered.
    const other = await within(client.open(client.uri('other.kehoach.txt'), 'KẾ HOẠCH\nI. MỤC ĐÍCH\n1. a\n3. b\n'), 'other document');
    assert.ok(rulesOf(other.diagnostics).includes('KH101'));
    await within(client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: client.uri('plan.kehoach.txt') }, position: { line: 9, character: 1 } }), 'hover');
    const symbols = await within(client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: client.uri('plan.kehoach.txt') } }), 'outline');
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
    assert.deepStrictEqual(client.errors, []);
  });

  it('wrong types, prototype keys, unknown rules: each underlined in .kehoach.json; the rest applies; no pollution', async () => {
    ws = tempWorkspace();
    const configText = '{\n  "parents": [1, null, {}],\n  "directives": [{"path": 5}],\n  "rules": {"KH999": "off", "KH101": "error"},\n  "__proto__": {"polluted": true}\n}\n';
    fs.writeFileSync(path.join(ws, '.kehoach.json'), configText);
    client = await TestClient.start({ workspace: ws, server: { today: TODAY }, settings: { debounceMs: 10 } });
    const configUri = pathToFileURL(path.join(ws, '.kehoach.json')).toString();
    const configDiags = client.diagnostics(configUri, (p) => p.diagnostics.length > 0);
    const plan = await within(client.open(client.uri('plan.kehoach.txt'), PLAN), 'plan diagnostics');
    assert.strictEqual(plan.diagnostics.find((d) => d.code === 'KH101')?.severity, 1, '"KH101": "error" applies');
    assert.match(plan.diagnostics.find((d) => d.code === 'kehoach-limit')?.message ?? '', /\.kehoach\.json: 6 vấn đề, phần sai bị bỏ qua/, 'the plan points to the config');
    const cd = (await within(configDiags, 'config diagnostics')).diagnostics;
    const text = (d: Diagnostic) => {
      const ls = configText.split('\n');
      return ls[d.range.start.line].slice(d.range.start.character, d.range.start.line === d.range.end.line ? d.range.end.character : undefined);
    };
    assert.deepStrictEqual(cd.map(text), ['1', 'null', '{}', '{"path": 5}', '"KH999"', '"__proto__"']);
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
  });

  it('200,000 nonexistent parents: the list is cut (said at the entry), the server stays responsive', async () => {
    ws = tempWorkspace();
    fs.writeFileSync(path.join(ws, '.kehoach.json'), JSON.stringify({ parents: Array.from({ length: 200000 }, (_, i) => String(i % 10)) }));
    client = await TestClient.start({ workspace: ws, server: { today: TODAY }, settings: { debounceMs: 10 } });
    const configUri = pathToFileURL(path.join(ws, '.kehoach.json')).toString();
    const configDiags = client.diagnostics(configUri, (p) => p.diagnostics.length > 0);
    const started = Date.now();
    await within(client.open(client.uri('plan.kehoach.txt'), PLAN), 'plan diagnostics', 10000);
    await within(client.open(client.uri('b.kehoach.txt'), 'KẾ HOẠCH\n'), 'second document', 10000);
    assert.ok(Date.now() - started < 10000);
    const cd = (await configDiags).diagnostics;
    assert.ok(cd.some((d) => /200000 mục, chỉ dùng 50/.test(d.message)), JSON.stringify(cd.map((d) => d.message)));
  });

  it('Restricted Mode: the open plan is checked, the workspace config waits for trust; trusting applies it', async () => {
    ws = tempWorkspace();
    fs.writeFileSync(path.join(ws, '.kehoach.json'), JSON.stringify({ rules: { KH101: 'off' }, parents: ['/etc/passwd'] }));
    client = await TestClient.start({ workspace: ws, server: { today: TODAY }, settings: { debounceMs: 10 }, initializationOptions: { workspaceTrusted: false } });
    const uri = client.uri('plan.kehoach.txt');
    const untrusted = await within(client.open(uri, PLAN), 'untrusted diagnostics');
    assert.ok(rulesOf(untrusted.diagnostics).includes('KH101'), 'checked with defaults: the config is not read');
    assert.ok(!client.published.some((p) => p.uri.endsWith('.kehoach.json')), 'the config is not even looked at');
    const trustedDiags = client.diagnostics(uri, (p) => !rulesOf(p.diagnostics).includes('KH101'));
    await client.conn.sendNotification(WORKSPACE_TRUSTED);
    await within(trustedDiags, 'diagnostics after trust');
  });

  it('a workspace larger than the index: a note on a plan whose cited parent was not reached, and a message', async () => {
    ws = tempWorkspace();
    // Files sorted before the parent fill the index (maxFiles 5 here; 5,000 by default).
    for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(ws, `a${i}.txt`), 'văn bản khác\n');
    fs.writeFileSync(path.join(ws, 'z-parent.txt'), 'TỈNH ỦY TUYÊN QUANG\nSố 34-NQ/TU\nNGHỊ QUYẾT\n1. Nhiệm vụ\n');
    client = await TestClient.start({ workspace: ws, server: { today: TODAY, index: { maxFiles: 5 } }, settings: { debounceMs: 10 } });
    await client.server.indexed();
    assert.ok(client.server.workspaceIndex.truncated);
    const d = await within(client.open(client.uri('plan.kehoach.txt'), PLAN), 'plan');
    const note = d.diagnostics.find((x) => x.code === 'kehoach-limit');
    assert.ok(note, JSON.stringify(d.diagnostics.map((x) => x.code)) + JSON.stringify(client.errors));
    assert.match(note!.message, /5 tệp đầu/);
    assert.ok(client.messages.some((m) => /chỉ lập chỉ mục 5 tệp đầu/.test(m)), JSON.stringify(client.messages));
  });

  it('a parent that turns into a FIFO after the config was read: this plan notes it, the others are served', async () => {
    ws = tempWorkspace();
    fs.writeFileSync(path.join(ws, 'parent.txt'), 'TỈNH ỦY TUYÊN QUANG\nSố 34-NQ/TU\nNGHỊ QUYẾT\n1. Nhiệm vụ một\n');
    fs.writeFileSync(path.join(ws, '.kehoach.json'), JSON.stringify({ parents: ['parent.txt'] }));
    client = await TestClient.start({ workspace: ws, server: { today: TODAY }, settings: { debounceMs: 10 } });
    const uri = client.uri('plan.kehoach.txt');
    await within(client.open(uri, PLAN), 'plan');
    fs.rmSync(path.join(ws, 'parent.txt'));
    if (!makeFifo(path.join(ws, 'parent.txt'))) return; // no mkfifo on this platform
    const noted = client.diagnostics(uri, (p) => p.diagnostics.some((x) => x.code === 'kehoach-limit' && /FIFO/.test(x.message)));
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path.join(ws, 'parent.txt')).toString(), type: FileChangeType.Changed }] });
    await client.change(uri, 2, PLAN + '\n');
    await within(noted, 'the plan notes the unreadable parent');
    await within(client.open(client.uri('other.kehoach.txt'), 'KẾ HOẠCH\n'), 'other document');
  });
});

describe('lsp safety: fix all applies mechanical fixes only', function () {
  this.timeout(60000);
  let ws: string;
  let client: TestClient;
  afterEach(() => {
    client?.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });
  const SOURCE = readCorpus('chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt');

  for (const includeSuggestions of [false, true]) {
    it(`kehoach.fixAll.includeSuggestions ${includeSuggestions}: suggestions ${includeSuggestions ? 'applied' : 'left for the drafter'}`, async () => {
      ws = tempWorkspace();
      client = await TestClient.start({ workspace: ws, server: { today: TODAY }, settings: { debounceMs: 10, planDate: '2025-02-01', fixAll: { includeSuggestions } } });
      const uri = client.uri('p.kehoach.txt');
      await client.open(uri, SOURCE);
      await client.conn.sendRequest(ExecuteCommandRequest.type, { command: 'kehoach.server.fixAll', arguments: [uri] });
      const edit = client.applied.at(-1)?.edit.documentChanges?.[0] as { edits: Parameters<typeof applyTextEdits>[1] } | undefined;
      const after = edit ? applyTextEdits(SOURCE, edit.edits) : SOURCE;
      assert.strictEqual(after.includes('Nghị quyết số /NQ-CP ngày 01 tháng 01 năm 2025'), !includeSuggestions);
      assert.strictEqual(after.includes('Bộ Khoa học, Công nghệ'), !includeSuggestions);
    });
  }
});
