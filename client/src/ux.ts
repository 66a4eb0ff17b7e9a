// What a new user meets: the rule page opened as a rendered preview (not raw Markdown), the
// walkthrough's commands (sample plan, skeleton), and a status bar that says what VS Code's own
// problem counter does not — the date the plan is judged at and how much of its parents it covers.

import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { t } from './i18n';

const LANGUAGE_ID = 'kehoach';
const SERVER_PLAN_STATUS = 'kehoach.server.planStatus';
/** The snippet the walkthrough inserts (snippets/kehoach.code-snippets). */
const SKELETON_SNIPPET = 'Kế hoạch (toàn văn)';
const SAMPLE_PLAN = ['examples', 'ke-hoach-mau.kehoach.txt'];

/** Rule ids as the server names them (KH101 … KH905). */
const RULE_ID = /^KH\d{3}$/;

/**
 * Diagnostics link their rule to docs/rules/<id>.md; VS Code would open that file as raw Markdown.
 * Point the link at kehoach.showRuleDoc instead, which opens the rendered preview.
 */
export const ruleLinkMiddleware: Pick<Middleware, 'handleDiagnostics'> = {
  handleDiagnostics(uri, diagnostics, next) {
    for (const d of diagnostics) {
      const code = d.code;
      if (typeof code !== 'object' || !code || !(code.target instanceof vscode.Uri)) continue;
      const id = String(code.value);
      if (!RULE_ID.test(id) || !code.target.path.endsWith(`/docs/rules/${id}.md`)) continue;
      d.code = { value: code.value, target: vscode.Uri.parse(`command:kehoach.showRuleDoc?${encodeURIComponent(JSON.stringify([id]))}`) };
    }
    next(uri, diagnostics);
  },
};

async function showRuleDoc(context: vscode.ExtensionContext, id: unknown): Promise<void> {
  const rule = typeof id === 'string' && RULE_ID.test(id) ? id : undefined;
  if (!rule) return;
  const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule}.md`);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showWarningMessage(t(`Kế hoạch: không có trang mô tả quy tắc ${rule}.`, `Kế hoạch: no page for rule ${rule}.`));
    return;
  }
  // Beside the plan: the plan's editor stays open (a preview in its place would close an unpinned tab).
  await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
}

/** The sample plan with deliberate mistakes, as a new unsaved plan the user can edit freely. */
async function openSamplePlan(context: vscode.ExtensionContext): Promise<void> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...SAMPLE_PLAN));
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: new TextDecoder('utf-8').decode(bytes) });
  await vscode.window.showTextDocument(doc, { preview: false });
}

/** A new plan with the skeleton snippet inserted (tab stops for the parts to fill in). */
async function newPlan(): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: LANGUAGE_ID, name: SKELETON_SNIPPET });
}

interface PlanStatus {
  planDate: string;
  planDateSource: string;
  parents: { symbol: string; covered: number; partial: number; total: number }[];
}

function createStatusItem(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const item = vscode.window.createStatusBarItem('kehoach.status', vscode.StatusBarAlignment.Left, 0);
  item.name = 'Kế hoạch';
  context.subscriptions.push(item);
  let asked = 0;
  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    const c = client();
    if (!editor || editor.document.languageId !== LANGUAGE_ID || !c) {
      item.hide();
      return;
    }
    const ticket = ++asked;
    let status: PlanStatus | null = null;
    try {
      status = (await c.sendRequest(ExecuteCommandRequest.type, { command: SERVER_PLAN_STATUS, arguments: [editor.document.uri.toString()] })) as PlanStatus | null;
    } catch {
      status = null; // the server is starting or restarting: the next diagnostics bring it
    }
    if (ticket !== asked) return; // a newer update is on its way
    if (!status) {
      item.hide();
      return;
    }
    const parents = status.parents.map((p) => `${p.symbol} ${p.covered}/${p.total}`);
    item.text = `$(calendar) ${status.planDate}` + (parents.length ? `  $(checklist) ${parents.join(', ')}` : '');
    const lines = [t(`Ngày dùng để kiểm tra kế hoạch: ${status.planDate} (${status.planDateSource}).`, `Plan judged at ${status.planDate} (${status.planDateSource}).`)];
    for (const p of status.parents) {
      lines.push(t(
        `${p.symbol}: ${p.covered}/${p.total} nhiệm vụ đã cụ thể hóa, ${p.partial} một phần — bấm để xem bảng đối chiếu.`,
        `${p.symbol}: ${p.covered}/${p.total} tasks covered, ${p.partial} partly — click for the coverage report.`,
      ));
    }
    if (!status.parents.length) lines.push(t('Chưa tìm thấy văn bản cấp trên trong thư mục làm việc.', 'No parent directive found in the workspace.'));
    item.tooltip = lines.join('\n');
    item.command = status.parents.length ? 'kehoach.coverageReport' : undefined;
    item.show();
  };
  const later = () => void update();
  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics((e) => {
      const editor = vscode.window.activeTextEditor;
      if (editor && e.uris.some((u) => u.toString() === editor.document.uri.toString())) later();
    }),
    vscode.window.onDidChangeActiveTextEditor(later),
  );
  later();
}

/** Commands and the status bar; `client` is read when used (it restarts). */
export function registerUx(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('kehoach.showRuleDoc', (id: unknown) => showRuleDoc(context, id)),
    vscode.commands.registerCommand('kehoach.openSamplePlan', () => openSamplePlan(context)),
    vscode.commands.registerCommand('kehoach.newPlan', () => newPlan()),
  );
  createStatusItem(context, client);
}
