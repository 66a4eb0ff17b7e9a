// A client and the server wired through two in-memory streams, as an editor would talk to it.
// Waits are event-driven: a test awaits the notification it needs, never a sleep.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PassThrough } from 'stream';
import { pathToFileURL } from 'url';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { createServer, type KehoachServer, type ServerOptions } from '../../server/src/server';

export const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
  },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.rewrite', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    completion: { completionItem: { snippetSupport: false } },
    semanticTokens: {
      requests: { full: true },
      tokenTypes: [],
      tokenModifiers: [],
      formats: ['relative'],
    },
  },
};

export interface StartOptions {
  capabilities?: ClientCapabilities;
  settings?: Record<string, unknown>;
  locale?: string;
  server?: ServerOptions;
  /** Workspace folder (a temporary one is made when absent). */
  workspace?: string;
  /** Sent as initializationOptions (e.g. { workspaceTrusted: false }). */
  initializationOptions?: unknown;
}

export class TestClient {
  readonly conn: ProtocolConnection;
  readonly server: KehoachServer;
  readonly workspace: string;
  /** Settings answered to workspace/configuration (section "kehoach"). */
  settings: Record<string, unknown>;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly applied: ApplyWorkspaceEditParams[] = [];
  readonly messages: string[] = [];
  readonly registrations: string[] = [];
  /** Errors the server logged (window/logMessage type Error): a handler that threw. */
  readonly errors: string[] = [];
  private readonly waiters: { pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private readonly serverConn: Connection;
  initializeResult?: InitializeResult;
  private readonly registrationWaiters: (() => void)[] = [];

  /** Resolves once the server has registered for a method (dynamic registration happens after `initialized`). */
  async registered(method: string): Promise<void> {
    while (!this.registrations.includes(method)) await new Promise<void>((r) => this.registrationWaiters.push(r));
  }

  private constructor(opts: StartOptions) {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    this.serverConn = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    this.server = createServer(this.serverConn, opts.server ?? {});
    this.serverConn.listen();
    this.conn = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.settings = opts.settings ?? {};
    this.workspace = opts.workspace ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-lsp-'));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        if (this.waiters[i].pred(p)) {
          this.waiters[i].resolve(p);
          this.waiters.splice(i, 1);
        }
      }
    });
    this.conn.onRequest(ConfigurationRequest.type, (params) => params.items.map((it) => (it.section === 'kehoach' ? this.settings : null)));
    this.conn.onRequest(RegistrationRequest.type, (params) => {
      for (const r of params.registrations) this.registrations.push(r.method);
      for (const w of this.registrationWaiters.splice(0)) w();
    });
    this.conn.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.applied.push(params);
      return { applied: true };
    });
    this.conn.onNotification(ShowMessageNotification.type, (p) => this.messages.push(p.message));
    this.conn.onRequest(ShowMessageRequest.type, (p) => {
      this.messages.push(p.message);
      return null;
    });
    this.conn.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      if (p.type === 1) this.errors.push(p.message);
    });
    this.conn.listen();
  }

  static async start(opts: StartOptions = {}): Promise<TestClient> {
    const c = new TestClient(opts);
    c.initializeResult = await c.conn.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: pathToFileURL(c.workspace).toString(),
      workspaceFolders: [{ uri: pathToFileURL(c.workspace).toString(), name: 'ws' }],
      capabilities: opts.capabilities ?? CAPABILITIES,
      locale: opts.locale ?? 'vi',
      ...(opts.initializationOptions !== undefined ? { initializationOptions: opts.initializationOptions } : {}),
    });
    await c.conn.sendNotification(InitializedNotification.type, {});
    return c;
  }

  uri(name: string): string {
    return pathToFileURL(path.join(this.workspace, name)).toString();
  }

  /** The next diagnostics for a document that satisfy a condition (already received ones count). */
  diagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const full = (p: PublishDiagnosticsParams) => p.uri === uri && pred(p);
    return new Promise((resolve) => this.waiters.push({ pred: full, resolve }));
  }

  /** Open a document and wait for the diagnostics of its first version. */
  async open(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const wait = this.diagnostics(uri, (p) => p.version === version);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'kehoach', version, text } });
    return wait;
  }

  async change(uri: string, version: number, text: string): Promise<void> {
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  dispose(): void {
    this.server.dispose();
    this.conn.dispose();
    this.serverConn.dispose();
  }
}

/** Apply LSP text edits to a text (back to front), as an editor would. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: { line: number; character: number }) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start) || off(b.range.end) - off(a.range.end));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}
