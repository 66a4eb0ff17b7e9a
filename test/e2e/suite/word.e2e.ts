// The Word commands in a real editor: "Xuất ra Word (NĐ 30)" writes PLAN.docx beside the open plan,
// "Tạo bản góp ý (Word)" writes X.reviewed.docx with one comment per finding. Expectations come from
// the core the extension ships (its reader and its checker), not from recorded files.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { loadCore, loadDocxReader, revertAndCloseAll, scratchCopy, waitForDiagnostics } from './util';

/** Resolve when `file` exists (the command writes it through vscode.workspace.fs). */
async function waitForFile(file: string, what: string, timeoutMs = 20000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('tệp Word: xuất ra và bản góp ý', function () {
  let scratch: ReturnType<typeof scratchCopy>;

  before(() => {
    scratch = scratchCopy();
  });
  after(async () => {
    await revertAndCloseAll();
    scratch.dispose();
  });

  it('lệnh "Xuất ra Word (NĐ 30)" ghi PLAN.docx cạnh kế hoạch, đọc lại đúng văn bản', async function () {
    const doc = await vscode.workspace.openTextDocument(scratch.plan);
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.source === 'kehoach'), 'the first diagnostics');
    await vscode.commands.executeCommand('kehoach.exportDocx');
    const target = scratch.plan.fsPath.replace(/\.kehoach\.txt$/, '.docx');
    await waitForFile(target, 'PLAN.docx');
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const reader = loadDocxReader();
    const text = reader.readDocx(new Uint8Array(fs.readFileSync(target))).text;
    assert.match(text, /^KẾ HOẠCH$/m);
    assert.match(text, /^I\. MỤC ĐÍCH, YÊU CẦU$/m);
  });

  it('lệnh "Tạo bản góp ý (Word)" ghi X.reviewed.docx, mỗi lỗi một ghi chú', async function () {
    const docx = vscode.Uri.file(scratch.plan.fsPath.replace(/\.kehoach\.txt$/, '.docx'));
    await vscode.commands.executeCommand('kehoach.reviewDocx', docx);
    const target = docx.fsPath.replace(/\.docx$/, '.reviewed.docx');
    await waitForFile(target, 'X.reviewed.docx');
    const core = loadCore();
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const reader = loadDocxReader();
    const derived = reader.readDocx(new Uint8Array(fs.readFileSync(docx.fsPath))).text;
    // the configuration the editor uses for this folder: the workspace's .kehoach.json
    const raw = JSON.parse(fs.readFileSync(path.join(scratch.dir, '.kehoach.json'), 'utf8'));
    const config = core.mergeConfig(core.defaultConfig(), core.validateConfigObject(raw).config);
    const expected = core.checkPlan(derived, config).findings.length;
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { unzipSync, strFromU8 } = require('fflate') as typeof import('fflate');
    const comments = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(target)))['word/comments.xml']);
    assert.ok(expected > 0, 'the sample plan has findings');
    assert.strictEqual((comments.match(/<w:comment /g) ?? []).length, expected);
  });
});
