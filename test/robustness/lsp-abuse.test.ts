// LSP abuse: what a buggy client, a racing editor or a fuzzer can send. After each kind of
// abuse the server must still answer a normal request correctly: the diagnostics of a reference
// plan equal the core's findings, and its outline is the one it gave at the start. Complements
// test/lsp/features.test.ts (unknown documents, far positions) and diagnostics.test.ts (200 edits).

import * as assert from 'assert';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  SemanticTokensRequest,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { checkPlan, LineIndex } from '../../server/src/core';
import { readCorpus } from '../helpers';
import { applyTextEdits, TestClient } from '../lsp/harness';

const PLAN = readCorpus('tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt');
const TODAY = { year: 2026, month: 3, day: 1 };

describe('lsp: abuse', function () {
  this.timeout(120_000);
  let client: TestClient;
  let refUri: string;
  let refVersion = 1;
  let refSymbols: DocumentSymbol[];

  before(async () => {
    client = await TestClient.start({ settings: { debounceMs: 10 }, server: { today: TODAY } });
    refUri = client.uri('reference.kehoach.txt');
    await client.open(refUri, PLAN);
    refSymbols = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: refUri } })) as DocumentSymbol[];
  });
  after(() => client.dispose());

  /** The server still works: a fresh version of the reference plan gets the core's findings. */
  async function healthy(): Promise<void> {
    const v = ++refVersion;
    const text = PLAN + (v % 2 ? ' ;' : '');
    const wait = client.diagnostics(refUri, (p) => p.version === v);
    await client.change(refUri, v, text);
    const p = await wait;
    const expected = checkPlan(text, undefined, { today: TODAY }).findings;
    assert.strictEqual(p.diagnostics.length, expected.length, 'diagnostics = core findings');
    assert.deepStrictEqual(p.diagnostics.map((d) => d.code).sort(), expected.map((f) => f.rule).sort());
    const symbols = await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: refUri } });
    assert.deepStrictEqual((symbols as DocumentSymbol[]).map((s) => s.name), refSymbols.map((s) => s.name));
  }

  /** A request must be answered (result or JSON-RPC error), never left hanging or crash the server. */
  async function answered(p: Promise<unknown>): Promise<{ ok: boolean; value?: unknown; code?: number }> {
    try {
      return { ok: true, value: await p };
    } catch (err) {
      return { ok: false, code: (err as { code?: number }).code };
    }
  }

  it('unknown requests get MethodNotFound; unknown notifications are ignored', async () => {
    const r = await answered(client.conn.sendRequest('kehoach/doesNotExist', { x: 1 }));
    assert.strictEqual(r.ok, false);
    assert.strictEqual(r.code, -32601);
    await client.conn.sendNotification('kehoach/noSuchNotification', { y: [1, 2] });
    await client.conn.sendNotification('$/noSuchThing');
    await healthy();
  });

  it('malformed params to every handler are answered, not crashed on', async () => {
    const methods = [
      HoverRequest.method, CompletionRequest.method, CodeActionRequest.method, DocumentSymbolRequest.method,
      FoldingRangeRequest.method, SemanticTokensRequest.method, 'textDocument/definition', 'textDocument/documentLink',
      ExecuteCommandRequest.method, 'codeAction/resolve',
    ];
    const garbage: unknown[] = [
      null, {}, [], 42, 'text',
      { textDocument: null },
      { textDocument: { uri: 42 }, position: 'here' },
      { textDocument: { uri: refUri }, position: { line: 'a', character: {} } },
      { textDocument: { uri: refUri }, position: { line: Number.MAX_SAFE_INTEGER, character: -Number.MAX_SAFE_INTEGER } },
      { textDocument: { uri: refUri }, range: { start: { line: 5, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: null } },
      { textDocument: { uri: 'not a uri at all' }, position: { line: 0, character: 0 } },
      { command: 'kehoach.fixAll', arguments: [null, 42, { uri: 'file:///nope' }] },
      { command: 'kehoach.noSuchCommand', arguments: 'x' },
      { title: 'x', data: { uri: refUri, version: -1, rule: 'KH999', fixes: 'nope' } },
    ];
    for (const m of methods) {
      for (const g of garbage) {
        const r = await answered(client.conn.sendRequest(m, g as never));
        // JSON-RPC errors are fine (invalid params); a hang or a crash is not.
        assert.ok(r.ok || typeof r.code === 'number', `${m} answered ${JSON.stringify(r)}`);
      }
    }
    // The server's guard catches handlers that trip over such params and logs them (type Error);
    // that is the intended degradation, so those logs are not counted against the later cases.
    client.errors.length = 0;
    await healthy();
  });

  it('changes, closes and opens out of order: unopened documents, stale versions, bad ranges', async () => {
    const ghost = client.uri('ghost.kehoach.txt');
    // change and close a document that was never opened
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: ghost, version: 2 }, contentChanges: [{ text: 'I. MỤC ĐÍCH' }] });
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: ghost, version: 3 },
      contentChanges: [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 4 } }, text: 'x' }],
    });
    await client.close(ghost);
    // open twice, then a change whose range lies far outside the text, then versions backwards
    const uri = client.uri('twice.kehoach.txt');
    await client.open(uri, 'I. MỤC ĐÍCH\n1. Mục đích\n');
    await client.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'kehoach', version: 1, text: PLAN } });
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1e6, character: 1e6 }, end: { line: -1, character: -1 } }, text: '\u0000\ud800' }],
    });
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 1 }, contentChanges: [{ text: 'II. backwards' }] });
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [] });
    await client.close(uri);
    await client.close(uri);
    // requests for what was just closed
    assert.strictEqual(await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    await healthy();
  });

  it('hover, completion and code actions at line 10^6 and beyond the end of a line', async () => {
    const far = { line: 1e6, character: 0 };
    const wide = { line: 0, character: 1e6 };
    for (const position of [far, wide]) {
      await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: refUri }, position });
      assert.ok(Array.isArray(await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: refUri }, position })));
      const acts = await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: refUri }, range: { start: position, end: far }, context: { diagnostics: [] } });
      assert.ok(Array.isArray(acts));
    }
    assert.deepStrictEqual(client.errors, [], 'no handler threw');
    await healthy();
  });

  it('1,000 rapid incremental changes end with the diagnostics of the final text, once', async () => {
    const uri = client.uri('rapid1000.kehoach.txt');
    await client.open(uri, PLAN);
    const seenBefore = client.published.length;
    let text = PLAN;
    const lines = PLAN.split('\n').length;
    const last = client.diagnostics(uri, (p) => p.version === 1001);
    for (let v = 2; v <= 1001; v++) {
      // a typist's keystroke somewhere in the plan: insert, or delete what was inserted before
      const line = (v * 7919) % lines;
      const edit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: v % 3 ? 'a' : ' ;' };
      text = applyTextEdits(text, [edit]);
      await client.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ range: edit.range, text: edit.newText }] });
    }
    const p = await last;
    const versions = client.published.slice(seenBefore).filter((x) => x.uri === uri).map((x) => x.version);
    assert.ok(versions.length < 50, `diagnostics published ${versions.length} times for 1,000 keystrokes`);
    assert.strictEqual(p.diagnostics.length, checkPlan(text, undefined, { today: TODAY }).findings.length);
    assert.deepStrictEqual(client.errors, [], 'no handler threw');
    await healthy();
  });

  it('cancelled requests ($/cancelRequest) are answered or cancelled, and the server goes on', async () => {
    const li = new LineIndex(PLAN);
    const requests: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      const source = new CancellationTokenSource();
      const position = li.positionAt((i * 997) % PLAN.length);
      const reqs = [
        client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: refUri }, position }, source.token),
        client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: refUri }, position }, source.token),
        client.conn.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: refUri } }, source.token),
        client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: refUri } }, source.token),
      ];
      // cancel at once for half of them, after a turn of the event loop for the others
      if (i % 2) source.cancel();
      else setImmediate(() => source.cancel());
      requests.push(...reqs.map((r) => answered(r)));
    }
    const results = (await Promise.all(requests)) as { ok: boolean; code?: number }[];
    for (const r of results) assert.ok(r.ok || r.code === -32800, `answered with ${JSON.stringify(r)}`);
    // a cancel for an id that does not exist (or finished long ago)
    await client.conn.sendNotification('$/cancelRequest', { id: 999_999 });
    await client.conn.sendNotification('$/cancelRequest', { id: null });
    await healthy();
  });

  it('a 1 MB single-line document and a binary one open and close without harm', async () => {
    const one = client.uri('oneline.kehoach.txt');
    const line = PLAN.replace(/\r?\n/g, ' ');
    let big = '';
    while (big.length < 1 << 20) big += line;
    const p = await client.open(one, big);
    assert.ok(Array.isArray(p.diagnostics));
    await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: one }, position: { line: 0, character: 500_000 } });
    await client.conn.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: one } });
    await client.close(one);
    const bin = client.uri('binary.kehoach.txt');
    let junk = '';
    for (let i = 0; i < 20_000; i++) junk += String.fromCharCode((i * 7919) % 65536);
    assert.ok(Array.isArray((await client.open(bin, junk)).diagnostics));
    await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: bin } });
    await client.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: bin } });
    assert.deepStrictEqual(client.errors, [], 'no handler threw');
    await healthy();
  });
});
