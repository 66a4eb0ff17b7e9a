// "Kế hoạch: Kiểm tra tệp Word": a .docx opens as its derived plan — read-only, a virtual document
// (scheme kehoach-docx) in the kehoach language, so the server gives it every diagnostic, the
// outline and hover. The file is read asynchronously and refused above a size cap.

import * as vscode from 'vscode';
import { tryReadDocx, DocxReadError, MAX_DOCX_BYTES } from '../../server/src/core/docx';

export const DOCX_SCHEME = 'kehoach-docx';
/** The virtual document's path is the .docx's path plus this, so VS Code picks the kehoach language. */
export const DOCX_SUFFIX = '.kehoach.txt';

type Translate = (vi: string, en: string) => string;

/** The .docx a virtual document shows: its URI is kept whole in the query (any file system works). */
function sourceOf(uri: vscode.Uri): vscode.Uri {
  if (uri.query) return vscode.Uri.parse(uri.query, true);
  return vscode.Uri.file(uri.path.endsWith(DOCX_SUFFIX) ? uri.path.slice(0, -DOCX_SUFFIX.length) : uri.path);
}

function virtualOf(docx: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCX_SCHEME, path: docx.path + DOCX_SUFFIX, query: docx.toString() });
}

/** The derived plan of a .docx, or why it cannot be read (never throws). */
async function derive(docx: vscode.Uri, t: Translate): Promise<{ text?: string; error?: string }> {
  try {
    const stat = await vscode.workspace.fs.stat(docx);
    if (stat.size > MAX_DOCX_BYTES) return { error: t(`tệp Word quá lớn (${(stat.size / 1048576).toFixed(1)} MB > 50 MB)`, `the Word file is too large (${(stat.size / 1048576).toFixed(1)} MB > 50 MB)`) };
    const bytes = await vscode.workspace.fs.readFile(docx);
    const read = tryReadDocx(bytes);
    if (read instanceof DocxReadError) return { error: t(read.text.vi, read.text.en) };
    return { text: read.text };
  } catch (err) {
    return { error: t(`không đọc được tệp: ${(err as Error).message}`, `cannot read the file: ${(err as Error).message}`) };
  }
}

class DocxContentProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  constructor(private readonly t: Translate) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const r = await derive(sourceOf(uri), this.t);
    return r.text ?? this.t(`Kế hoạch: không đọc được tệp Word — ${r.error}`, `Kế hoạch: cannot read the Word file — ${r.error}`);
  }

  /** The .docx changed on disk: its open derived plan is re-read. */
  refresh(docx: vscode.Uri): void {
    this.changed.fire(virtualOf(docx));
  }

  dispose(): void {
    this.changed.dispose();
  }
}

async function openDocx(target: vscode.Uri | undefined, t: Translate): Promise<void> {
  let docx = target instanceof vscode.Uri ? target : undefined;
  if (!docx) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Word: ['docx'] }, title: t('Chọn tệp Word cần kiểm tra', 'Choose a Word file to check') });
    docx = picked?.[0];
  }
  if (!docx) return;
  // Read once first, so a bad file gets a message instead of an editor full of an error.
  const r = await derive(docx, t);
  if (r.error !== undefined) {
    void vscode.window.showErrorMessage(t(`Kế hoạch: không đọc được ${docx.path.split('/').pop()}: ${r.error}`, `Kế hoạch: cannot read ${docx.path.split('/').pop()}: ${r.error}`));
    return;
  }
  const doc = await vscode.workspace.openTextDocument(virtualOf(docx));
  if (doc.languageId !== 'kehoach') await vscode.languages.setTextDocumentLanguage(doc, 'kehoach');
  await vscode.window.showTextDocument(doc, { preview: false });
}

/** The .docx a tab shows, if any (VS Code opens a .docx as a binary text tab, or in a custom editor). */
function docxOfTab(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input as { uri?: unknown } | undefined;
  const uri = input && input.uri instanceof vscode.Uri ? input.uri : undefined;
  return uri && uri.scheme !== DOCX_SCHEME && /\.docx$/i.test(uri.path) ? uri : undefined;
}

export function registerDocx(context: vscode.ExtensionContext, t: Translate): void {
  const provider = new DocxContentProvider(t);
  const offered = new Set<string>();
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.docx', true, false, true);
  context.subscriptions.push(
    provider,
    watcher,
    watcher.onDidChange((uri) => provider.refresh(uri)),
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, provider),
    vscode.commands.registerCommand('kehoach.openDocx', (uri?: vscode.Uri) => openDocx(uri, t)),
    // Opening a .docx offers to check it (once per file and session).
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of e.opened) {
        const docx = docxOfTab(tab);
        if (!docx || offered.has(docx.toString())) continue;
        offered.add(docx.toString());
        const check = t('Kiểm tra tệp Word', 'Check the Word file');
        void vscode.window.showInformationMessage(t(`Kế hoạch: kiểm tra ${docx.path.split('/').pop()} như một kế hoạch?`, `Kế hoạch: check ${docx.path.split('/').pop()} as a plan?`), check).then((choice) => {
          if (choice === check) void openDocx(docx, t);
        });
      }
    }),
  );
}
