// Large documents are checked in the analysis worker (server/src/analysisWorker.ts) and the
// requests about them answered there. The same real plan and parent, opened once in a server that
// checks everything on its main thread and once in one that sends every document to the worker
// (workerFromChars 0): every answer must be the same.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CodeActionRequest,
  DefinitionRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  SemanticTokensRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../server/src/core';
import { COMMAND_COVERAGE_REPORT, COMMAND_PLAN_STATUS } from '../../server/src/server';
import { readCorpus } from '../helpers';
import { TestClient } from './harness';

const PARENT_34 = 'laocai_34-nq-tu_2025_ocr.txt';
const PLAN_134 = 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt';

describe('lsp: the analysis worker answers as the main thread does', function () {
  this.timeout(60000);
  const planText = readCorpus(PLAN_134);
  const parentText = readCorpus(PARENT_34);
  let ws: string;
  let here: TestClient;
  let there: TestClient;

  before(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-worker-'));
    fs.mkdirSync(path.join(ws, 'nq'));
    fs.writeFileSync(path.join(ws, 'nq', PARENT_34), parentText);
    fs.writeFileSync(path.join(ws, PLAN_134), planText);
    here = await TestClient.start({ workspace: ws, server: { today: { year: 2026, month: 6, day: 1 } } });
    there = await TestClient.start({ workspace: ws, server: { today: { year: 2026, month: 6, day: 1 }, workerFromChars: 0 } });
    await here.server.indexed();
    await there.server.indexed();
  });
  after(() => {
    here?.dispose();
    there?.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  /** The same request to both servers; both answers. */
  async function both<R>(send: (c: TestClient) => Promise<R>): Promise<[R, R]> {
    return [await send(here), await send(there)];
  }

  it('diagnostics (with the parent\'s coverage), outline, folding, tokens, links, hover, definition, code actions and commands', async () => {
    const uri = here.uri(PLAN_134);
    const [a, b] = (await both((c) => c.open(uri, planText))) as [PublishDiagnosticsParams, PublishDiagnosticsParams];
    assert.ok(a.diagnostics.some((d) => String(d.code).startsWith('KH90')), 'the parent was found and checked against');
    assert.deepStrictEqual(b.diagnostics, a.diagnostics);

    const textDocument = { uri };
    const at = new LineIndex(planText).positionAt(planText.indexOf('Cải thiện quy trình thủ tục hành chính'));
    for (const [name, send] of [
      ['documentSymbol', (c: TestClient) => c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument })],
      ['foldingRange', (c: TestClient) => c.conn.sendRequest(FoldingRangeRequest.type, { textDocument })],
      ['semanticTokens', (c: TestClient) => c.conn.sendRequest(SemanticTokensRequest.type, { textDocument })],
      ['documentLink', (c: TestClient) => c.conn.sendRequest(DocumentLinkRequest.type, { textDocument })],
      ['hover', (c: TestClient) => c.conn.sendRequest(HoverRequest.type, { textDocument, position: at })],
      ['definition', (c: TestClient) => c.conn.sendRequest(DefinitionRequest.type, { textDocument, position: at })],
      ['coverageReport', (c: TestClient) => c.conn.sendRequest(ExecuteCommandRequest.type, { command: COMMAND_COVERAGE_REPORT, arguments: [uri] })],
      ['planStatus', (c: TestClient) => c.conn.sendRequest(ExecuteCommandRequest.type, { command: COMMAND_PLAN_STATUS, arguments: [uri] })],
      [
        'codeAction',
        (c: TestClient) =>
          c.conn.sendRequest(CodeActionRequest.type, { textDocument, range: a.diagnostics[0].range, context: { diagnostics: [a.diagnostics[0]] } }),
      ],
    ] as const) {
      const [x, y] = await both(send as (c: TestClient) => Promise<unknown>);
      assert.ok(x !== null && !(Array.isArray(x) && x.length === 0), `${name}: an answer to compare`);
      assert.deepStrictEqual(y, x, name);
      if (name === 'coverageReport') assert.match(String(x), /\| II\.6 \|.*Đây mạnh cải cách/, 'task II.6 of the parent on disk');
    }
  });

  it('an edit is checked again in the worker; the parent open in the editor is read from its open text', async () => {
    const planUri = here.uri(PLAN_134);
    const parentUri = here.uri(`nq/${PARENT_34}`);
    // The parent as edited in the editor (not saved): its task II.6 gone, so the plan's bullet no longer matches it.
    const edited = parentText.replace(/\n6\. Đây mạnh cải cách hành chính[^\n]*/, '\n');
    assert.notStrictEqual(edited, parentText);
    await both((c) => c.open(parentUri, edited));
    const changed = planText.replace('Cải thiện quy trình thủ tục hành chính', 'Cải thiện quy trình thủ tục hành chính công');
    const [a, b] = await both(async (c) => {
      const wait = c.diagnostics(planUri, (p) => p.version === 2);
      await c.change(planUri, 2, changed);
      return wait;
    });
    assert.deepStrictEqual(b.diagnostics, a.diagnostics);
    const [x, y] = await both((c) => c.conn.sendRequest(ExecuteCommandRequest.type, { command: COMMAND_COVERAGE_REPORT, arguments: [planUri] }));
    assert.deepStrictEqual(y, x);
    assert.doesNotMatch(String(x), /\| II\.6 \|.*Đây mạnh cải cách/, 'the open text, without II.6, was the parent');
  });
});
