// The VS Code client: starts the language server over IPC and adds the commands (ux.ts: rule pages,
// walkthrough commands, status bar). Everything about plans lives in the server.

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerWordCommands } from './word';
import { t } from './i18n';
import { registerUx, ruleLinkMiddleware } from './ux';
import { registerDocx } from './docx';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';

const LANGUAGE_ID = 'kehoach';
const SERVER_FIX_ALL = 'kehoach.server.fixAll';
const SERVER_RENUMBER = 'kehoach.server.renumber';
// Reports the server renders as Markdown (the server's ids differ from the client's: the language
// client registers every command the server advertises).
const SERVER_COVERAGE_REPORT = 'kehoach.server.coverageReport';
const SERVER_AGENCY_MATRIX = 'kehoach.server.agencyMatrix';
/** Client → server: the user trusted the workspace (the server's WORKSPACE_TRUSTED). */
const WORKSPACE_TRUSTED = 'kehoach/workspaceTrusted';

let client: LanguageClient | undefined;

interface SnippetData {
  snippet?: { uri: string; position: { line: number; character: number }; text: string };
}

/** Actions that insert a "- Cơ quan chủ trì: " line come with a snippet: make its placeholder a tab stop. */
const middleware: Middleware = {
  async provideCodeActions(document, range, context, token, next) {
    const actions = await next(document, range, context, token);
    if (!actions) return actions;
    for (const action of actions) {
      if (!(action instanceof vscode.CodeAction)) continue;
      const data = (action as vscode.CodeAction & { data?: SnippetData }).data;
      const s = data?.snippet;
      if (!s || s.uri !== document.uri.toString()) continue;
      const pos = new vscode.Position(s.position.line, s.position.character);
      const edit = new vscode.WorkspaceEdit();
      edit.set(document.uri, [new vscode.SnippetTextEdit(new vscode.Range(pos, pos), new vscode.SnippetString(s.text))]);
      action.edit = edit;
    }
    return actions;
  },
};

function activePlan(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && editor.document.languageId === LANGUAGE_ID ? editor : undefined;
}

async function runServerCommand(command: string): Promise<void> {
  const editor = activePlan();
  if (!editor) {
    void vscode.window.showInformationMessage(t('Hãy mở một kế hoạch (ngôn ngữ "Kế hoạch") trước.', 'Open a plan (language "Kế hoạch") first.'));
    return;
  }
  if (!client) return;
  const r = (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [editor.document.uri.toString()] })) as { applied?: boolean; edits?: number } | null;
  if (!r || !r.edits) void vscode.window.setStatusBarMessage(t('Kế hoạch: không có gì để sửa', 'Kế hoạch: nothing to fix'), 3000);
}

/** Ask the server for a Markdown report of the active plan and open it beside the plan. */
async function openServerReport(command: string): Promise<void> {
  const editor = activePlan();
  if (!editor) {
    void vscode.window.showInformationMessage(t('Hãy mở một kế hoạch (ngôn ngữ "Kế hoạch") trước.', 'Open a plan (language "Kế hoạch") first.'));
    return;
  }
  if (!client) return;
  const markdown = await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [editor.document.uri.toString()] });
  if (typeof markdown !== 'string') {
    void vscode.window.showWarningMessage(t('Kế hoạch: chưa tạo được báo cáo cho văn bản này.', 'Kế hoạch: no report for this document.'));
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The bundled server beside the bundled client (dist/); a development build without bundles
  // (tsc only) runs the compiled modules in out/.
  const bundled = context.asAbsolutePath(path.join('dist', 'server.js'));
  const module = fs.existsSync(bundled) ? bundled : context.asAbsolutePath(path.join('out', 'server', 'src', 'main.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Any scheme: a plan opened from a virtual workspace (vscode-vfs://…) is checked too (and a .docx opened as its derived plan, scheme kehoach-docx); the server
    // reads .kehoach.json and parents from disk only, so those need file:// documents.
    documentSelector: [{ language: LANGUAGE_ID }],
    outputChannelName: 'Kế hoạch',
    middleware: { ...middleware, ...ruleLinkMiddleware },
    // Restricted Mode: the server checks open plans but reads no workspace config or parents.
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
  };
  // The client id "kehoach" makes the "kehoach.trace.server" setting trace the protocol.
  client = new LanguageClient('kehoach', 'Kế hoạch', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('kehoach.treatAsPlan', async (uri?: vscode.Uri) => {
      const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!doc) return;
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    }),
    vscode.commands.registerCommand('kehoach.fixAll', () => runServerCommand(SERVER_FIX_ALL)),
    vscode.commands.registerCommand('kehoach.renumber', () => runServerCommand(SERVER_RENUMBER)),
    vscode.commands.registerCommand('kehoach.coverageReport', () => openServerReport(SERVER_COVERAGE_REPORT)),
    vscode.commands.registerCommand('kehoach.agencyMatrix', () => openServerReport(SERVER_AGENCY_MATRIX)),
    vscode.commands.registerCommand('kehoach.restartServer', async () => {
      await client?.restart();
    }),
  );
  registerWordCommands(context, t);
  registerUx(context, () => client);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification(WORKSPACE_TRUSTED);
    }),
  );
  registerDocx(context, t);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
