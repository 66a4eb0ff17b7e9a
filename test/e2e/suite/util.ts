// Helpers for the extension-host suite: where things are, and event-driven waits (no sleeps).

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kehoach.kehoach';
export const PLAN_FILE = 'thainguyen.kehoach.txt';

/** Bound on every wait: a wait that never ends must fail the test, not hang the run. */
export const WAIT_MS = Number(process.env.KEHOACH_E2E_WAIT_MS) || 30000;

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  return ext;
}

/** The workspace folder with the sample plan: the opened folder, else the one beside this suite. */
export function workspaceDir(): string {
  const f = vscode.workspace.workspaceFolders?.find((w) => w.uri.scheme === 'file');
  if (f) return f.uri.fsPath;
  // out/test/e2e/suite → test/e2e/ws
  return path.resolve(__dirname, '../../../../test/e2e/ws');
}

/**
 * The tests edit the plan; they work on a copy (with the workspace's .kehoach.json beside it) so the
 * sample in the repository is never touched, whatever the editor does with edited files.
 */
export function scratchCopy(): { dir: string; plan: vscode.Uri; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-e2e-'));
  for (const f of [PLAN_FILE, '.kehoach.json']) {
    const from = path.join(workspaceDir(), f);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dir, f));
  }
  return { dir, plan: vscode.Uri.file(path.join(dir, PLAN_FILE)), dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The pure core, compiled from the same sources as the bundled server the extension ships
 * (dist/server.js carries no separate core module), so the expectation is computed by the same
 * code the server runs, never hard-coded. Loaded from this checkout's out/.
 */
export function loadCore(): typeof import('../../../server/src/core') {
  // out/test/e2e/suite → out/server/src/core
  const file = path.resolve(__dirname, '..', '..', '..', 'server', 'src', 'core', 'index.js');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return require(file);
}

/** The repository's compiled Word reader (the installed extension carries bundles only). */
export function loadDocxReader(): typeof import('../../../server/src/core/docx') {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return require(path.resolve(__dirname, '..', '..', '..', 'server', 'src', 'core', 'docx', 'index.js'));
}

/** Resolve when the diagnostics of `uri` satisfy `ok`; checks now, then on every change event. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ok: (d: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    let sub: vscode.Disposable | undefined;
    const timer = setTimeout(() => {
      sub?.dispose();
      const now = vscode.languages.getDiagnostics(uri);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${now.length} diagnostics now: ` +
        now.slice(0, 10).map(show).join(' | ')));
    }, timeoutMs);
    const check = (): boolean => {
      const d = vscode.languages.getDiagnostics(uri);
      if (!ok(d)) return false;
      clearTimeout(timer);
      sub?.dispose();
      resolve(d);
      return true;
    };
    if (check()) return;
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
  });
}

/** Resolve on the next change of the document's text that satisfies `ok`. */
export function waitForText(doc: vscode.TextDocument, ok: (text: string) => boolean, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (ok(doc.getText())) return resolve(doc.getText());
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out waiting for ${what}`)); }, WAIT_MS);
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && ok(doc.getText())) { clearTimeout(timer); sub.dispose(); resolve(doc.getText()); }
    });
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function show(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${codeOf(d)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.message.slice(0, 60)}`;
}

/** A stable key for comparing an editor diagnostic with a core finding. */
export function key(code: string, r: vscode.Range): string {
  return `${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Close every editor without saving, so the sample plan on disk stays as it is. */
export async function revertAndCloseAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
