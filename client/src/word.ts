// VS Code commands for Word out: "Xuất ra Word (NĐ 30)" (the open plan → PLAN.docx beside it) and
// "Tạo bản góp ý (Word)" (a .docx → X.reviewed.docx with one comment per finding). The work is
// the core's; the review reads the same settings and project file the language server uses, so
// its comments are the findings the editor shows. Both ask before overwriting a file.

import * as vscode from 'vscode';
import { exportPlanDocx } from '../../server/src/core/docx/export';
import { reviewPlanDocx } from '../../server/src/core/docx/review';
import { exportFileName, reviewFileName } from '../../server/src/core/docx/fileNames';
import { DocxReadError } from '../../server/src/core/docx/errors';
import { lintConfigFor, normalizeSettings } from '../../server/src/workspace/settings';
import { loadProjectConfig } from '../../server/src/projectConfig';

type Translate = (vi: string, en: string) => string;

const PLAN_LANGUAGE = 'kehoach';
/** The read-only plan the Word reader derives from a .docx (opened by "Kế hoạch: Kiểm tra tệp Word"). */
const DOCX_SCHEME = 'kehoach-docx';

export function registerWordCommands(context: vscode.ExtensionContext, t: Translate): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('kehoach.exportDocx', (uri?: vscode.Uri) => exportDocx(uri, t)),
    vscode.commands.registerCommand('kehoach.reviewDocx', (uri?: vscode.Uri) => reviewDocx(uri, t)),
  );
}

async function exportDocx(uri: vscode.Uri | undefined, t: Translate): Promise<void> {
  const document = uri instanceof vscode.Uri && uri.scheme === 'file' ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || (document.languageId !== PLAN_LANGUAGE && !/\.(kehoach|kh)\.(txt|md)$/i.test(document.uri.path))) {
    void vscode.window.showInformationMessage(t('Hãy mở một kế hoạch (ngôn ngữ "Kế hoạch") trước.', 'Open a plan (language "Kế hoạch") first.'));
    return;
  }
  let target: vscode.Uri | undefined;
  if (document.uri.scheme === 'file') target = vscode.Uri.file(exportFileName(document.uri.fsPath));
  else target = await vscode.window.showSaveDialog({ filters: { 'Word': ['docx'] }, saveLabel: t('Xuất ra Word', 'Export') });
  if (!target || !(await mayWrite(target, t))) return;
  // The editor's text, unsaved changes included: what the drafter sees is what goes out.
  await vscode.workspace.fs.writeFile(target, exportPlanDocx(document.getText()));
  await announce(target, t('Đã xuất ra Word', 'Exported to Word'), t);
}

async function reviewDocx(uri: vscode.Uri | undefined, t: Translate): Promise<void> {
  const file = docxFileOf(uri ?? vscode.window.activeTextEditor?.document.uri);
  if (!file) {
    void vscode.window.showInformationMessage(t('Hãy chọn một tệp Word (.docx) trong Explorer, hoặc mở nó bằng "Kế hoạch: Kiểm tra tệp Word".', 'Select a Word file (.docx) in the Explorer, or open it with "Kế hoạch: Kiểm tra tệp Word".'));
    return;
  }
  const target = vscode.Uri.file(reviewFileName(file.fsPath));
  if (!(await mayWrite(target, t))) return;
  const raw = JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('kehoach', file))) as unknown;
  const config = lintConfigFor(normalizeSettings(raw), loadProjectConfig(file.fsPath));
  let result: ReturnType<typeof reviewPlanDocx>;
  try {
    const bytes = await vscode.workspace.fs.readFile(file);
    result = reviewPlanDocx(bytes, config, { date: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
  } catch (e) {
    const why = e instanceof DocxReadError ? t(e.text.vi, e.text.en) : (e as Error).message;
    void vscode.window.showErrorMessage(t(`Không tạo được bản góp ý: ${why}`, `Cannot create the reviewer's copy: ${why}`));
    return;
  }
  await vscode.workspace.fs.writeFile(target, result.bytes);
  const n = result.findings.length;
  await announce(target, t(`Đã tạo bản góp ý: ${n} góp ý`, `Reviewer's copy written: ${n} comments`), t);
}

/** The .docx behind a URI: the file itself, or the file a kehoach-docx virtual document shows. */
function docxFileOf(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  if (!uri) return undefined;
  if (uri.scheme === 'file') return /\.(docx|docm)$/i.test(uri.path) ? uri : undefined;
  if (uri.scheme === DOCX_SCHEME) {
    // The virtual document keeps the .docx's URI whole in its query; its path is the .docx's path
    // plus ".kehoach.txt" (client/src/docx.ts).
    if (uri.query) return docxFileOf(vscode.Uri.parse(uri.query, true));
    const path = uri.path.replace(/(\.docx|\.docm)[^/]*$/i, '$1');
    return /\.(docx|docm)$/i.test(path) ? vscode.Uri.file(path) : undefined;
  }
  return undefined;
}

async function mayWrite(target: vscode.Uri, t: Translate): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    return true; // no such file
  }
  const overwrite = t('Ghi đè', 'Overwrite');
  const answer = await vscode.window.showWarningMessage(t(`Tệp ${vscode.workspace.asRelativePath(target)} đã có. Ghi đè?`, `${vscode.workspace.asRelativePath(target)} exists. Overwrite it?`), { modal: true }, overwrite);
  return answer === overwrite;
}

/** Say where the file went (not awaited: the command is done once the file is written). */
async function announce(target: vscode.Uri, message: string, t: Translate): Promise<void> {
  const open = t('Mở tệp', 'Open');
  const reveal = t('Mở thư mục', 'Reveal');
  void vscode.window.showInformationMessage(`${message}: ${vscode.workspace.asRelativePath(target)}`, open, reveal).then((choice) => {
    if (choice === open) void vscode.env.openExternal(target);
    else if (choice === reveal) void vscode.commands.executeCommand('revealFileInOS', target);
  });
}
