// A real plan in a real editor: diagnostics, a quick fix and fix-all through the VS Code API.
// Expectations come from the core the extension ships, run on the same text with the same
// configuration (the workspace's .kehoach.json), so the test checks the whole path
// core → server → LSP → client → VS Code rather than a copy of today's findings.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  codeOf, extension, key, loadCore, revertAndCloseAll, scratchCopy, show, waitForDiagnostics, waitForText,
} from './util';

type Core = ReturnType<typeof loadCore>;
type Finding = ReturnType<Core['checkPlan']>['findings'][number];

/** How many offered actions VS Code resolves (codeAction/resolve) before handing them back. */
const RESOLVE = 20;

/** The offered actions, readable in a failure message. */
function describeActions(actions: readonly (vscode.CodeAction | vscode.Command)[] | undefined): string {
  return JSON.stringify((actions ?? []).map((a) => {
    if (!(a instanceof vscode.CodeAction)) return { title: a.title, command: (a as vscode.Command).command };
    return { title: a.title, kind: a.kind?.value, edit: !!a.edit, command: a.command?.command, isPreferred: a.isPreferred };
  }));
}

describe('kế hoạch trong VS Code', function () {
  let core: Core;
  let config: ReturnType<Core['defaultConfig']>;
  let doc: vscode.TextDocument;
  let uri: vscode.Uri;
  let scratch: ReturnType<typeof scratchCopy>;
  let pristine: string;

  /** What the editor should show for `text`: the core's findings as code@range keys. */
  const expectedKeys = (text: string): { keys: string[]; findings: Finding[] } => {
    const findings = core.checkPlan(text, config).findings;
    const keys = findings.map((f) => key(f.rule, new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end))));
    return { keys: keys.sort(), findings };
  };
  const keysOf = (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => d.source === 'kehoach').map((d) => key(codeOf(d), d.range)).sort();

  /** The line of the second "III." heading — the plan numbers two sections III (a real drafting slip). */
  const secondRomanThree = (): number => {
    const lines = doc.getText().split(/\r?\n/);
    const hits = lines.flatMap((l, i) => (/^III\.\s/.test(l) ? [i] : []));
    assert.ok(hits.length >= 2, `the sample plan should number two sections "III." (found ${hits.length})`);
    return hits[1];
  };

  /** Back to the plan as it is on disk, through the editor's own revert. */
  const revertPlan = async () => {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForText(doc, (t) => t === pristine, 'the reverted plan');
    // As a user would: act once the editor shows the findings of the reverted text.
    const want = expectedKeys(pristine).keys.join();
    await waitForDiagnostics(uri, (d) => keysOf(d).join() === want, 'the diagnostics of the reverted plan');
  };

  before(async function () {
    scratch = scratchCopy();
    uri = scratch.plan;
    assert.ok(fs.existsSync(uri.fsPath), `sample plan missing: ${uri.fsPath}`);
    pristine = fs.readFileSync(uri.fsPath, 'utf8');
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await extension().activate();
    core = loadCore();
    const raw = JSON.parse(fs.readFileSync(path.join(scratch.dir, '.kehoach.json'), 'utf8'));
    const v = core.validateConfigObject(raw);
    assert.deepStrictEqual(v.problems, [], 'the workspace .kehoach.json should be valid');
    config = core.mergeConfig(core.defaultConfig(), v.config);
  });

  after(async function () {
    await revertAndCloseAll();
    const saved = fs.readFileSync(uri.fsPath, 'utf8') !== pristine;
    scratch.dispose();
    assert.ok(!saved, 'the editor saved the edited plan to disk: no test asked for a save');
  });

  it('mở tệp *.kehoach.txt với ngôn ngữ kehoach và kích hoạt tiện ích', function () {
    assert.strictEqual(doc.languageId, 'kehoach');
    assert.ok(extension().isActive, 'the extension should be active once a plan is open');
  });

  it('hiển thị đúng các phát hiện của lõi trên kế hoạch thật (mã quy tắc, vị trí)', async function () {
    const want = expectedKeys(doc.getText());
    assert.ok(want.findings.length > 0, 'the core should find something in this plan (the duplicate "III.")');
    const got = await waitForDiagnostics(uri, (d) => d.some((x) => x.source === 'kehoach'), 'the first diagnostics');
    // The first publish can race a configuration reload; wait for the set the core predicts.
    const settled = await waitForDiagnostics(uri, (d) => keysOf(d).join() === want.keys.join(), 'the predicted diagnostics')
      .catch((e: Error) => {
        assert.deepStrictEqual(keysOf(vscode.languages.getDiagnostics(uri)), want.keys, e.message);
        return got;
      });
    for (const d of settled) {
      assert.strictEqual(d.source, 'kehoach', show(d));
      assert.match(codeOf(d), /^KH\d{3,4}$/, `rule id as code: ${show(d)}`);
      assert.ok(typeof d.code === 'object' && d.code.target, `codeDescription (link to the rule page): ${show(d)}`);
      // The link opens the rendered rule page (kehoach.showRuleDoc), not the raw Markdown file.
      assert.strictEqual(d.code.target.scheme, 'command', show(d));
      assert.ok(d.code.target.path === 'kehoach.showRuleDoc', d.code.target.toString());
      assert.ok(d.message.length > 0);
    }
  });

  it('thông báo bằng tiếng Việt khi VS Code chạy bằng tiếng Anh và không đặt kehoach.locale', async function () {
    assert.match(vscode.env.language, /^en\b/, `VS Code's display language: ${vscode.env.language}`);
    const locale = vscode.workspace.getConfiguration('kehoach').inspect('locale');
    assert.ok(locale && locale.globalValue === undefined && locale.workspaceValue === undefined && locale.workspaceFolderValue === undefined,
      `kehoach.locale is not set: ${JSON.stringify(locale)}`);
    const want = expectedKeys(doc.getText()).findings; // the core's default: Vietnamese
    const ds = await waitForDiagnostics(uri, (d) => d.filter((x) => x.source === 'kehoach').length === want.length, 'the diagnostics');
    const messages = ds.filter((x) => x.source === 'kehoach').map((d) => d.message).sort();
    assert.deepStrictEqual(messages, want.map((f) => f.message).sort());
    assert.ok(messages.some((m) => /[ăâđêôơư]/.test(m)), `Vietnamese: ${messages[0]}`);
  });

  it('báo trùng số thứ tự "III." bằng một quy tắc đánh số', async function () {
    const line = secondRomanThree();
    const numberingIds = new Set(core.RULES.filter((r) => r.category === 'numbering').map((r) => r.id));
    const ds = await waitForDiagnostics(uri, (d) => d.some((x) => x.range.start.line === line && numberingIds.has(codeOf(x))),
      `a numbering diagnostic on line ${line + 1}`);
    assert.ok(ds.length > 0);
  });

  it('sửa nhanh (quick fix) đánh lại số và phát hiện biến mất', async function () {
    const line = secondRomanThree();
    const numberingIds = new Set(core.RULES.filter((r) => r.category === 'numbering').map((r) => r.id));
    const ds = await waitForDiagnostics(uri, (d) => d.some((x) => x.range.start.line === line && numberingIds.has(codeOf(x))),
      `a numbering diagnostic on line ${line + 1}`);
    const diag = ds.find((x) => x.range.start.line === line && numberingIds.has(codeOf(x)))!;
    const before = doc.getText();
    const finding = core.checkPlan(before, config).findings.find(
      (f) => f.rule === codeOf(diag) && doc.positionAt(f.start).isEqual(diag.range.start));
    assert.ok(finding, `the core should report ${show(diag)} too`);
    const fix = finding.fixes.find((f) => f.preferred);
    assert.ok(fix, `the finding should carry a preferred fix: ${show(diag)}`);
    const expected = core.applyEdits(before, fix.edits).text;

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value, RESOLVE);
    // VS Code's command hands back actions without their diagnostics: find ours by the fix's title
    // (in either language: the server follows the editor's locale or kehoach.locale).
    const titles = new Set([fix.title, ...(['vi', 'en'] as const).map((locale) =>
      core.checkPlan(before, { ...config, locale }).findings.find((f) => f.rule === finding.rule && f.start === finding.start)
        ?.fixes.find((x) => x.preferred)?.title)]);
    const action = (actions ?? []).find((a): a is vscode.CodeAction => 'edit' in a && !!a.edit && titles.has(a.title));
    assert.ok(action, `a quick fix titled ${[...titles].join(' / ')} for ${show(diag)}; offered: ${describeActions(actions)}`);
    assert.strictEqual(action.isPreferred, true, 'the core\'s preferred fix is the preferred quick fix');
    assert.ok(await vscode.workspace.applyEdit(action.edit!), 'applyEdit');
    assert.strictEqual(doc.getText(), expected, `"${action.title}" should make the core's fix`);
    assert.match(doc.lineAt(line).text, /^IV\.\s/, 'the second "III." becomes "IV."');

    const gone = (d: readonly vscode.Diagnostic[]) => !d.some((x) => codeOf(x) === codeOf(diag) && x.range.start.line === line);
    const after = await waitForDiagnostics(uri, gone, `${codeOf(diag)} on line ${line + 1} to go away`);
    assert.deepStrictEqual(keysOf(after), expectedKeys(doc.getText()).keys);
  });

  it('sửa tất cả (source.fixAll.kehoach) cho cùng văn bản như fixAll của lõi', async function () {
    await revertPlan();
    const before = doc.getText();
    const countBefore = core.checkPlan(before, config).findings.length;
    const want = core.fixAll(before, config);
    assert.ok(want.applied > 0, 'the core should have fixes to apply to this plan');
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(before.length));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.kehoach', RESOLVE);
    const fixAll = (actions ?? []).find((a) => a.kind?.value.startsWith('source.fixAll') && (a.edit || a.command));
    assert.ok(fixAll, `a source.fixAll.kehoach action; offered: ${describeActions(actions)}`);
    if (fixAll.edit) assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    if (fixAll.command) await vscode.commands.executeCommand(fixAll.command.command, ...(fixAll.command.arguments ?? []));
    await waitForText(doc, (t) => t === want.text, 'the fix-all result');
    const after = await waitForDiagnostics(uri, (d) => keysOf(d).join() === expectedKeys(want.text).keys.join(),
      'the diagnostics of the fixed text');
    assert.ok(keysOf(after).length < countBefore, `fix-all should leave fewer findings (${keysOf(after).length} vs ${countBefore})`);
  });

  it('lệnh "Sửa tất cả" (kehoach.fixAll) trên tệp đang mở', async function () {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('kehoach.fixAll'), 'the command kehoach.fixAll is registered');
    await revertPlan();
    const want = core.fixAll(doc.getText(), config);
    await vscode.commands.executeCommand('kehoach.fixAll');
    await waitForText(doc, (t) => t === want.text, 'the text after kehoach.fixAll');
  });

  it('lệnh "Xem tệp này là kế hoạch" (kehoach.treatAsPlan) kiểm tra một văn bản thường', async function () {
    // Pasted into an untitled editor: no .kehoach.json applies, so the core's defaults do.
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
    await vscode.window.showTextDocument(plain);
    assert.strictEqual(vscode.languages.getDiagnostics(plain.uri).filter((d) => d.source === 'kehoach').length, 0,
      'plain text is not checked');
    await vscode.commands.executeCommand('kehoach.treatAsPlan');
    const now = vscode.workspace.textDocuments.find((d) => d.uri.toString() === plain.uri.toString());
    assert.strictEqual(now?.languageId, 'kehoach');
    const pos = (o: number) => plain.positionAt(o);
    const want = core.checkPlan(text, core.defaultConfig()).findings.map((f) => key(f.rule, new vscode.Range(pos(f.start), pos(f.end)))).sort();
    assert.ok(want.length > 0);
    await waitForDiagnostics(plain.uri, (d) => keysOf(d).join() === want.join(), 'diagnostics once it is a plan')
      .catch((e: Error) => assert.deepStrictEqual(keysOf(vscode.languages.getDiagnostics(plain.uri)), want, e.message));
  });
});
