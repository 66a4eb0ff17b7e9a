// Diagnostics over a real client–server connection: pushed after a pause, per version, mapped
// one to one from the core's findings, naming their rule, cleared on close.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { DidChangeWatchedFilesNotification, DidChangeConfigurationNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { checkPlan, defaultConfig, LineIndex, mergeConfig, parsePlan } from '../../server/src/core';
import { ParentContext } from '../../server/src/core/parent';
import { CORPUS, readCorpus } from '../helpers';
import { TestClient } from './harness';
import { generatePlan } from '../../bench/generate';

const PLAN_147 = 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt';
const PLAN_01 = 'tuyenquang_01-ctr-tu_2020_chuong-trinh-hanh-dong.txt';

function textAt(text: string, d: Diagnostic): string {
  const li = new LineIndex(text);
  return text.slice(li.offsetAt(d.range.start), li.offsetAt(d.range.end));
}

describe('lsp: diagnostics', function () {
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(() => client.dispose());

  it('publishes one diagnostic per core finding, with rule code, source, link and data', async () => {
    const text = readCorpus(PLAN_147);
    const uri = client.uri('147.kehoach.txt');
    const published = await client.open(uri, text);
    const expected = checkPlan(text, defaultConfig()).findings;
    assert.ok(expected.length > 0, 'the 147/KH-UBND plan has findings (space before ";")');
    assert.strictEqual(published.version, 1);
    assert.strictEqual(published.diagnostics.length, expected.length);
    const li = new LineIndex(text);
    published.diagnostics.forEach((d, i) => {
      const f = expected[i];
      assert.strictEqual(d.source, 'kehoach');
      assert.strictEqual(d.code, f.rule);
      assert.match(String(d.code), /^KH\d{3,4}$/);
      assert.ok(d.codeDescription, 'links to the rule page');
      assert.ok(d.codeDescription.href.startsWith('file://'));
      assert.ok(d.codeDescription.href.endsWith(`/docs/rules/${f.rule}.md`), d.codeDescription.href);
      assert.deepStrictEqual(d.range.start, li.positionAt(f.start));
      assert.deepStrictEqual(d.range.end, li.positionAt(f.end));
      assert.strictEqual(d.message, f.message);
      const data = d.data as { version: number; rule: string; fixes: unknown[] };
      assert.strictEqual(data.version, 1);
      assert.strictEqual(data.rule, f.rule);
      assert.strictEqual(data.fixes.length, f.fixes.length);
      const sev = { error: 1, warning: 2, information: 3, hint: 4 }[f.severity];
      assert.strictEqual(d.severity, sev);
    });
  });

  it('points into the text as the editor holds it, also in NFD (decomposed) form', async () => {
    const nfc = readCorpus(PLAN_147);
    const nfd = nfc.normalize('NFD');
    const a = await client.open(client.uri('nfc.kehoach.txt'), nfc);
    const b = await client.open(client.uri('nfd.kehoach.txt'), nfd);
    assert.ok(a.diagnostics.length > 0);
    assert.strictEqual(b.diagnostics.length, a.diagnostics.length);
    for (let i = 0; i < a.diagnostics.length; i++) {
      assert.strictEqual(textAt(nfd, b.diagnostics[i]).normalize('NFC'), textAt(nfc, a.diagnostics[i]));
    }
  });

  it('clears diagnostics when the document closes', async () => {
    const uri = client.uri('close.kehoach.txt');
    const first = await client.open(uri, readCorpus(PLAN_147));
    assert.ok(first.diagnostics.length > 0);
    const cleared = client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.close(uri);
    const p = await cleared;
    assert.deepStrictEqual(p.diagnostics, []);
  });

  it('200 edits in a row end with diagnostics for the last version, few in between', async () => {
    const base = readCorpus(PLAN_147);
    const uri = client.uri('rapid.kehoach.txt');
    await client.open(uri, base);
    const seenBefore = client.published.length;
    // Each edit adds one more stray space before ";" at the end of the plan, as a typist would.
    let text = base;
    const last = client.diagnostics(uri, (p) => p.version === 201);
    const started = Date.now();
    for (let v = 2; v <= 201; v++) {
      text += v % 2 ? ' ;' : '\nx';
      await client.change(uri, v, text);
    }
    const sending = Date.now() - started;
    const p = await last;
    const after = client.published.slice(seenBefore).filter((x) => x.uri === uri).map((x) => x.version);
    // While edits keep coming the server publishes at most every 400 ms (the longest wait), never per edit.
    assert.strictEqual(after[after.length - 1], 201);
    assert.ok(after.length <= 1 + Math.floor(sending / 400), `${after.length} publications in ${sending} ms of edits`);
    assert.strictEqual(p.diagnostics.length, checkPlan(text).findings.length);
  });

  it('degrades gracefully above kehoach.maxFileSizeKB: one information diagnostic, no rules', async () => {
    client.settings = { maxFileSizeKB: 10 };
    const text = readCorpus(PLAN_147);
    const p = await client.open(client.uri('big.kehoach.txt'), text);
    assert.strictEqual(p.diagnostics.length, 1);
    assert.strictEqual(p.diagnostics[0].severity, 3);
    assert.strictEqual(p.diagnostics[0].code, 'file-too-large');
    assert.match(p.diagnostics[0].message, /vượt giới hạn 10 KB/);
  });

  it('keeps typing responsive with kehoach.timeBudgetMs: rules left when it is spent are skipped, with one KH699 note', async () => {
    client.settings = { timeBudgetMs: 1, maxFileSizeKB: 4096 };
    // A 1 MB plan: the rules take far longer than 1 ms, so most are skipped and say so.
    const text = generatePlan(1e6);
    const p = await client.open(client.uri('budget.kehoach.txt'), text);
    const notes = p.diagnostics.filter((d) => d.code === 'KH699');
    assert.strictEqual(notes.length, 1);
    assert.match(notes[0].message, /giới hạn 1 ms/);
    assert.ok(p.diagnostics.length < checkPlan(text).findings.length, 'skipped rules report nothing');
  });

  it('follows the settings: rules turned off or re-rated; messages Vietnamese with an English editor until kehoach.locale is "en"', async () => {
    client.dispose();
    // VS Code in English (the usual case: it has no Vietnamese display language) and no locale setting.
    client = await TestClient.start({ locale: 'en-US', settings: { rules: { KH703: 'error' } } });
    const text = readCorpus(PLAN_147);
    const uri = client.uri('settings.kehoach.txt');
    const p = await client.open(uri, text);
    const vi = checkPlan(text, mergeConfig(defaultConfig(), { locale: 'vi', rules: { KH703: 'error' } })).findings;
    const kh703 = p.diagnostics.filter((d) => d.code === 'KH703');
    assert.ok(kh703.length > 0);
    assert.ok(kh703.every((d) => d.severity === 1));
    assert.deepStrictEqual(p.diagnostics.map((d) => d.message), vi.map((f) => f.message));
    assert.ok(p.diagnostics.some((d) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(d.message)), 'Vietnamese words');

    // Asking for English switches the messages.
    client.settings = { rules: { KH703: 'error' }, locale: 'en' };
    const english = client.diagnostics(uri, (x) => x.diagnostics.length > 0 && x.diagnostics[0].message !== p.diagnostics[0].message);
    await client.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const en = checkPlan(text, mergeConfig(defaultConfig(), { locale: 'en', rules: { KH703: 'error' } })).findings;
    assert.deepStrictEqual((await english).diagnostics.map((d) => d.message), en.map((f) => f.message));

    // A settings change re-validates open documents.
    client.settings = { rules: { KH703: 'off' }, locale: 'vi' };
    const next = client.diagnostics(uri, (x) => !x.diagnostics.some((d) => d.code === 'KH703'));
    await client.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const q = await next;
    assert.strictEqual(q.diagnostics.filter((d) => d.code === 'KH703').length, 0);
  });

  it('reads .kehoach.json walking up from the document, and re-validates when it changes', async () => {
    const dir = path.join(client.workspace, 'sub', 'dir');
    fs.mkdirSync(dir, { recursive: true });
    const projectFile = path.join(client.workspace, '.kehoach.json');
    fs.writeFileSync(projectFile, JSON.stringify({ rules: { KH703: 'off' } }));
    await client.registered('workspace/didChangeWatchedFiles');
    const uri = pathToFileURL(path.join(dir, 'p.kehoach.txt')).toString();
    const text = readCorpus(PLAN_147);
    const p = await client.open(uri, text);
    assert.strictEqual(p.diagnostics.filter((d) => d.code === 'KH703').length, 0);

    fs.writeFileSync(projectFile, JSON.stringify({ rules: { KH703: 'warning' } }));
    const next = client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'KH703'));
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(projectFile).toString(), type: FileChangeType.Changed }],
    });
    const q = await next;
    assert.ok(q.diagnostics.filter((d) => d.code === 'KH703').every((d) => d.severity === 2));
    assert.strictEqual(fileURLToPath(uri), path.join(dir, 'p.kehoach.txt'));
  });

  it('checks coverage of the parent directives the project file names (related place in the parent)', async () => {
    // The Lào Cai pair: plan 134/KH-UBND implements resolution 34-NQ/TU.
    fs.copyFileSync(path.join(CORPUS, 'laocai_34-nq-tu_2025_ocr.txt'), path.join(client.workspace, 'nq34.txt'));
    fs.writeFileSync(path.join(client.workspace, '.kehoach.json'), JSON.stringify({ parents: ['nq34.txt'] }));
    const text = readCorpus('laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt');
    const p = await client.open(client.uri('kh134.kehoach.txt'), text);
    const parentDiags = p.diagnostics.filter((d) => String(d.code).startsWith('KH9'));
    assert.ok(parentDiags.length > 0, 'parent-coverage findings');
    const inParent = parentDiags.flatMap((d) => d.relatedInformation ?? []).filter((r) => r.location.uri === pathToFileURL(path.join(client.workspace, 'nq34.txt')).toString());
    assert.ok(inParent.length > 0, 'a related place in the parent file');

    // Editing the parent in the editor re-checks the plan against the new text (not the file on disk).
    const parentUri = pathToFileURL(path.join(client.workspace, 'nq34.txt')).toString();
    const parentText = fs.readFileSync(path.join(client.workspace, 'nq34.txt'), 'utf8');
    const edited = parentText.replace('(hoàn thành trong tháng 01/2026)', '');
    assert.notStrictEqual(edited, parentText);
    const parents = new ParentContext([{ doc: parsePlan(edited), path: path.join(client.workspace, 'nq34.txt') }]);
    const expected = checkPlan(text, defaultConfig(), { parents }).findings.filter((f) => f.rule.startsWith('KH9'));
    const kh9 = (ds: Diagnostic[]) => ds.filter((d) => String(d.code).startsWith('KH9')).map((d) => d.message);
    // Opening the parent may itself re-check the plan (same text as on disk): wait for the
    // publication that follows the edit, recognised by its content, not for the next one.
    await client.open(parentUri, parentText);
    const planUri = client.uri('kh134.kehoach.txt');
    const rechecked = client.diagnostics(planUri, (x) => JSON.stringify(kh9(x.diagnostics)) === JSON.stringify(expected.map((f) => f.message)));
    await client.change(parentUri, 2, edited);
    const r = await rechecked;
    assert.deepStrictEqual(kh9(r.diagnostics), expected.map((f) => f.message));
    assert.notDeepStrictEqual(expected.map((f) => f.message), parentDiags.map((d) => d.message), 'the edit changes what the parent asks');

    // Without the project file, no parent rules run.
    const other = await TestClient.start();
    try {
      const q = await other.open(other.uri('kh134.kehoach.txt'), text);
      assert.strictEqual(q.diagnostics.filter((d) => String(d.code).startsWith('KH9')).length, 0);
    } finally {
      other.dispose();
    }
  });

  it('carries related places when a finding has them', async function () {
    // Which corpus findings carry related places depends on the rules that have landed.
    for (const name of [PLAN_147, PLAN_01, 'thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt', 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt']) {
      const text = readCorpus(name);
      const findings = checkPlan(text).findings;
      const i = findings.findIndex((f) => f.related.some((r) => r.start !== undefined));
      if (i < 0) continue;
      const p = await client.open(client.uri(name), text);
      const d = p.diagnostics[i];
      assert.ok(d.relatedInformation && d.relatedInformation.length > 0);
      const li = new LineIndex(text);
      const r = findings[i].related.find((x) => x.start !== undefined)!;
      const info = d.relatedInformation!.find((x) => x.message === r.message)!;
      assert.strictEqual(info.location.uri, client.uri(name));
      assert.deepStrictEqual(info.location.range.start, li.positionAt(r.start!));
      return;
    }
    this.skip();
  });
});
