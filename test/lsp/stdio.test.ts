// The `kehoach-language-server` binary over stdio, as Neovim or Helix start it, and the
// package.json contributions the VS Code client relies on.

import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { LEGEND } from '../../server/src/features/semanticTokens';
import { ROOT } from '../helpers';

describe('lsp: stdio binary and package contributions', function () {
  it('kehoach-language-server answers over stdio and exits cleanly after shutdown', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'kehoach-language-server.js')], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => conn.onNotification(PublishDiagnosticsNotification.type, resolve));
    conn.listen();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const init = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {}, locale: 'vi' });
      assert.strictEqual(init.serverInfo?.name, 'kehoach-language-server');
      assert.ok(init.capabilities.codeActionProvider);
      await conn.sendNotification(InitializedNotification.type, {});
      // A line from the 147/KH-UBND plan with its stray space before ";".
      const text = 'Thực hiện Nghị quyết số 43-NQ/TW ngày 24/11/2023 (sau đây gọi tắt là Nghị quyết số 43-NQ/TW) ; Nghị quyết số 94/NQ-CP ngày 19/6/2024 của Chính phủ.\n';
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: 'untitled:stdio.kehoach.txt', languageId: 'kehoach', version: 1, text } });
      const p = await diagnostics;
      assert.strictEqual(p.uri, 'untitled:stdio.kehoach.txt');
      assert.strictEqual(p.version, 1);
      assert.ok(p.diagnostics.every((d) => d.source === 'kehoach'));
      await conn.sendRequest(ShutdownRequest.type);
      await conn.sendNotification(ExitNotification.type);
      assert.strictEqual(await exited, 0);
    } finally {
      conn.dispose();
      child.kill();
    }
  });

  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  // The default bundle is Vietnamese: VS Code has no Vietnamese display language, so a
  // package.nls.vi.json would never be read and an English default would be what users see.
  const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));

  it('every %key% in package.json has a Vietnamese text in the default bundle', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/%([\w.]+)%/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    for (const k of keys) assert.ok(typeof nls[k] === 'string' && nls[k], `package.nls.json: ${k}`);
    assert.strictEqual(nls['command.treatAsPlan'], 'Xem tệp này là kế hoạch');
    assert.ok(!fs.existsSync(path.join(ROOT, 'package.nls.en.json')), 'no English bundle that an English VS Code would pick');
  });

  it('the commands the client registers are the ones package.json contributes', () => {
    // Every client module (commands live in small modules beside extension.ts).
    const dir = path.join(ROOT, 'client', 'src');
    const client = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    const registered = [...client.matchAll(/registerCommand\('([\w.]+)'/g)].map((m) => m[1]).sort();
    const contributed = (pkg.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    assert.deepStrictEqual(registered, contributed);
    for (const k of pkg.contributes.keybindings as { command: string }[]) assert.ok(contributed.includes(k.command));
  });

  it('the semantic token legend is declared for VS Code with a superType and TextMate scopes', () => {
    const standard = new Set(['class', 'enumMember', 'number', 'string']);
    const declared = new Map((pkg.contributes.semanticTokenTypes as { id: string; superType: string }[]).map((t) => [t.id, t.superType]));
    const scopes = (pkg.contributes.semanticTokenScopes as { language: string; scopes: Record<string, string[]> }[]).find((s) => s.language === 'kehoach')!;
    for (const type of LEGEND.tokenTypes) {
      if (standard.has(type)) continue;
      assert.ok(declared.has(type), `semanticTokenTypes declares ${type}`);
      assert.ok(scopes.scopes[type]?.length, `semanticTokenScopes maps ${type}`);
    }
    const modifiers = new Set((pkg.contributes.semanticTokenModifiers as { id: string }[]).map((m) => m.id));
    for (const m of LEGEND.tokenModifiers) if (m !== 'deprecated') assert.ok(modifiers.has(m), `modifier ${m}`);
  });

  it('settings cover what the server reads', () => {
    const props = Object.keys(pkg.contributes.configuration.properties);
    for (const k of ['rules', 'planDate', 'locale', 'debounceMs', 'maxFileSizeKB', 'timeBudgetMs', 'trace.server', 'province']) assert.ok(props.includes(`kehoach.${k}`), k);
    assert.strictEqual(pkg.contributes.configuration.properties['kehoach.maxFileSizeKB'].default, 2048);
  });
});
