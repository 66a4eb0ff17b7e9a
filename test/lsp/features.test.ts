// Outline, folding, hover, completion and semantic tokens on real plans, and robustness against
// requests an editor may send for unknown documents or positions outside the text.

import * as assert from 'assert';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SemanticTokensRequest,
  type CompletionItem,
  type DocumentSymbol,
  type MarkupContent,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { LineIndex, parsePlan } from '../../server/src/core';
import { RULES } from '../../server/src/core/rules';
import { LEGEND } from '../../server/src/features/semanticTokens';
import { nextLabel } from '../../server/src/features/completion';
import { readCorpus } from '../helpers';
import { TestClient } from './harness';

const PLAN_147 = 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt';
const PLAN_03 = 'chinhphu_03-nq-cp_2025_thuc-hien-57-nq-tw.txt';

function lineAndChar(text: string, needle: string, from = 0): { line: number; character: number } {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `"${needle}" in text`);
  return new LineIndex(text).positionAt(i);
}

function slice(text: string, r: Range): string {
  const li = new LineIndex(text);
  return text.slice(li.offsetAt(r.start), li.offsetAt(r.end));
}

function flatten(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

const within = (inner: Range, outer: Range) =>
  (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
  (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));

describe('lsp: features', function () {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.dispose());

  const outlineLanded = parsePlan(readCorpus(PLAN_147)).items.length > 0;

  it('outline: sections, items and their lead, nested as in the plan', async function () {
    if (!outlineLanded) this.skip(); // the outline parser has not landed yet
    const text = readCorpus(PLAN_147);
    const uri = client.uri('sym.kehoach.txt');
    await client.open(uri, text);
    const symbols = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const roots = symbols.map((s) => s.name);
    for (const heading of ['I. MỤC ĐÍCH, YÊU CẦU', 'II. MỤC TIÊU', 'III. NHIỆM VỤ VÀ GIẢI PHÁP', 'IV. TỔ CHỨC THỰC HIỆN']) {
      assert.ok(roots.some((n) => n.startsWith(heading)), `${heading} in ${JSON.stringify(roots)}`);
    }
    const tasks = symbols.find((s) => s.name.startsWith('III.'))!;
    const first = tasks.children!.find((s) => s.name.startsWith('1. Nâng cao nhận thức'));
    assert.ok(first, 'item 1. under III.');
    assert.ok(first.children!.some((s) => s.name.startsWith('1.1. Đẩy mạnh nghiên cứu')), '1.1. under 1.');
    for (const s of flatten(symbols)) {
      assert.ok(within(s.selectionRange, s.range), `selection inside range for ${s.name}`);
      for (const c of s.children ?? []) assert.ok(within(c.range, s.range), `${c.name} inside ${s.name}`);
    }
    assert.ok(slice(text, tasks.selectionRange).startsWith('III.'));
  });

  it('folding: sections, items and the Nơi nhận block', async function () {
    if (!outlineLanded) this.skip();
    const text = readCorpus(PLAN_147);
    const uri = client.uri('fold.kehoach.txt');
    await client.open(uri, text);
    const folds = (await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) ?? [];
    const lines = text.split('\n');
    const startsWith = (prefix: string) => folds.some((f) => lines[f.startLine].startsWith(prefix) && f.endLine > f.startLine);
    assert.ok(startsWith('III. NHIỆM VỤ'), 'section III folds');
    assert.ok(startsWith('1. Nâng cao nhận thức'), 'item 1. folds');
    const doc = parsePlan(text);
    if (doc.recipients) assert.ok(startsWith('Nơi nhận'), 'Nơi nhận folds');
    assert.ok(folds.every((f) => f.endLine < lines.length && f.startLine < f.endLine));
  });

  it('hover on a citation: type, number, date and issuer', async () => {
    const text = readCorpus(PLAN_147);
    const uri = client.uri('hover.kehoach.txt');
    await client.open(uri, text);
    const preamble = text.indexOf('Thực hiện Nghị quyết số 43-NQ/TW');
    const at = lineAndChar(text, '94/NQ-CP ngày 19/6/2024', preamble);
    const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: at.line, character: at.character + 2 } });
    assert.ok(h, 'a hover');
    const md = (h.contents as MarkupContent).value;
    assert.match(md, /94\/NQ-CP/);
    assert.match(md, /19\/6\/2024/);
    assert.match(md, /Chính phủ/);
    assert.ok(h.range && slice(text, h.range).includes('94/NQ-CP'));
  });

  it('hover on an agency gives its role in the task; on a deadline, the resolved date', async function () {
    const text = readCorpus('thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt');
    const doc = parsePlan(text);
    const heading = text.indexOf('\n2. Sở Nội vụ') + 4;
    if (!doc.tasks.some((t) => t.lead && t.lead.start <= heading && heading < t.lead.end)) this.skip(); // task parser not there yet
    const uri = client.uri('hover-agency.kehoach.txt');
    await client.open(uri, text);
    const li = new LineIndex(text);
    const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: li.positionAt(heading + 1) });
    const md = (h!.contents as MarkupContent).value;
    assert.match(md, /\*\*Sở Nội vụ\*\*/);
    assert.match(md, /Vai trò: cơ quan chủ trì/);

    const at = text.indexOf('15/8/2024');
    const task = doc.tasks.find((t) => t.time && t.time.start <= at && at < t.time.end);
    if (!task?.time?.resolved) this.skip();
    const h2 = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: li.positionAt(at + 1) });
    const md2 = (h2!.contents as MarkupContent).value;
    assert.match(md2, /Hạn cuối: 15\/08\/2024/);
  });

  it('hover on a task says why it is a task and where its lead comes from (a bullet under "2. Sở Nội vụ")', async () => {
    const text = readCorpus('thainguyen_kh-ubnd_2024_thuc-hien-94-nq-cp.txt');
    const uri = client.uri('hover-task.kehoach.txt');
    await client.open(uri, text);
    const bullet = text.indexOf('- Tham mưu UBND tỉnh đôn đốc, kiểm tra, giám sát');
    assert.ok(bullet > 0);
    const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: new LineIndex(text).positionAt(bullet + 4) });
    const md = (h!.contents as MarkupContent).value;
    assert.match(md, /\*\*Nhiệm vụ\*\*/);
    assert.match(md, /Vì sao là nhiệm vụ: mục bắt đầu bằng một động từ hành động/);
    assert.match(md, /Cơ quan chủ trì: Sở Nội vụ — theo tiêu đề mục nêu tên cơ quan/);
  });

  it("hover on a finding states the rule's why once: not the message again (the editor shows it), no raw JSON options", async () => {
    const text = readCorpus(PLAN_147);
    const uri = client.uri('hover-rule.kehoach.txt');
    const p = await client.open(uri, text);
    for (const code of ['KH703', 'KH201']) {
      const d = p.diagnostics.find((x) => x.code === code)!;
      assert.ok(d, code);
      const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: d.range.start });
      const md = (h!.contents as MarkupContent).value;
      assert.ok(md.includes(`**${code}**`), md);
      assert.ok(!md.includes(d.message), `the message is not repeated: ${md}`);
      const rule = RULES.find((r) => r.id === code)!;
      // The why, in Vietnamese, whose first sentence is there as written.
      assert.ok(md.includes(rule.rationale!.vi.split('. ')[0]), md);
      assert.ok(!/\{\s*"/.test(md), `no raw JSON: ${md}`);
      assert.strictEqual(md.split(`**${code}**`).length, 2, 'the rule once');
    }
  });

  it('completion: the next label at the start of a line (đ after d)', async () => {
    const full = readCorpus(PLAN_03);
    const dLine = full.indexOf('\nd) Xây dựng và đẩy mạnh quảng bá');
    const end = full.indexOf('\n', dLine + 1);
    const text = full.slice(0, end) + '\n';
    const uri = client.uri('next-label.kehoach.txt');
    await client.open(uri, text);
    const pos = new LineIndex(text).positionAt(text.length);
    const items = (await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: pos })) as CompletionItem[];
    const labels = items.filter((i) => i.sortText?.startsWith('0')).map((i) => i.label);
    assert.strictEqual(labels[0], 'đ)', JSON.stringify(labels));
    const letters = items.filter((i) => i.sortText?.startsWith('1')).map((i) => i.label);
    assert.ok(!letters.includes('f)') && letters.includes('g)'), 'Vietnamese điểm letters: no f');
  });

  it('completion: next labels after an item, through its ancestors (1.5., 2., IV.)', async function () {
    if (!outlineLanded) this.skip();
    const full = readCorpus(PLAN_147);
    const at = full.indexOf('\n2. Phối hợp với Mặt trận');
    const text = full.slice(0, at + 1) + '\n' + full.slice(at + 1);
    const uri = client.uri('labels.kehoach.txt');
    await client.open(uri, text);
    const pos = new LineIndex(text).positionAt(at + 1);
    const items = (await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: pos })) as CompletionItem[];
    const labels = items.filter((i) => i.sortText?.startsWith('0')).map((i) => i.label);
    for (const l of ['1.5.', '2.', 'IV.']) assert.ok(labels.includes(l), `${l} in ${JSON.stringify(labels)}`);
  });

  it('completion: directive citations, short once the plan has introduced them', async () => {
    const text = readCorpus(PLAN_147);
    const uri = client.uri('cite.kehoach.txt');
    const doc = text + '\nThực hiện Nghị quyết số 4';
    await client.open(uri, doc);
    const pos = new LineIndex(doc).positionAt(doc.length);
    const items = (await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: pos })) as CompletionItem[];
    const c = items.find((i) => i.label === 'Nghị quyết số 43-NQ/TW');
    assert.ok(c, 'the plan cites 43-NQ/TW');
    const edit = c.textEdit as { range: Range; newText: string };
    assert.strictEqual(edit.newText, 'Nghị quyết số 43-NQ/TW', 'already introduced: short form');
    assert.strictEqual(slice(doc, edit.range), 'Nghị quyết số 4', 'replaces what was typed of it');
  });

  it('completion: agency names that exist at the plan date, replacing what was typed', async () => {
    // Lào Cai 134/KH-UBND is dated 2026: after the 2025 reorganisation.
    const base = readCorpus('laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt');
    assert.ok(!base.includes('Kế hoạch và Đầu tư'), 'the plan itself does not name the old department');
    const doc = base + '\n- Cơ quan chủ trì: Sở ';
    const uri = client.uri('agency.kehoach.txt');
    await client.open(uri, doc);
    const pos = new LineIndex(doc).positionAt(doc.length);
    const items = (await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: pos })) as CompletionItem[];
    const noiVu = items.find((i) => i.label === 'Sở Nội vụ');
    assert.ok(noiVu, 'Sở Nội vụ offered');
    const edit = noiVu.textEdit as { range: Range; newText: string };
    assert.strictEqual(slice(doc, edit.range), 'Sở ', 'replaces the typed "Sở "');
    assert.ok(!items.some((i) => i.label === 'Sở Kế hoạch và Đầu tư'), 'merged into Sở Tài chính in 2025: not offered');
    assert.ok(items.some((i) => i.label === 'Sở Tài chính'));
  });

  it('semantic tokens: dates and citation numbers, single-line, sorted, without overlap', async () => {
    const text = readCorpus(PLAN_147);
    const uri = client.uri('tokens.kehoach.txt');
    await client.open(uri, text);
    const r = await client.conn.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    const data = r!.data;
    assert.strictEqual(data.length % 5, 0);
    const lines = text.split(/\r?\n/);
    const tokens: { line: number; char: number; len: number; type: string }[] = [];
    let line = 0, char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
      tokens.push({ line, char, len: data[i + 2], type: LEGEND.tokenTypes[data[i + 3]] });
    }
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      assert.ok(t.char + t.len <= lines[t.line].length, 'inside its line');
      const prev = tokens[i - 1];
      if (prev && prev.line === t.line) assert.ok(prev.char + prev.len <= t.char, 'no overlap');
    }
    const text_ = (t: (typeof tokens)[number]) => lines[t.line].slice(t.char, t.char + t.len);
    assert.ok(tokens.some((t) => t.type === 'date' && text_(t) === '19/6/2024'));
    assert.ok(tokens.some((t) => t.type === 'citation' && text_(t).includes('94/NQ-CP')));
    if (outlineLanded) assert.ok(tokens.some((t) => t.type === 'label' && text_(t).startsWith('III')));
  });

  it('never fails on unknown documents or positions outside the text', async () => {
    const unknown = client.uri('never-opened.kehoach.txt');
    assert.strictEqual(await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }), null);
    assert.deepStrictEqual(await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: unknown } }), []);
    const uri = client.uri('edge.kehoach.txt');
    await client.open(uri, readCorpus(PLAN_147));
    const far = { line: 1e6, character: 1e6 };
    await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: far });
    await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: -5, character: -1 } });
    const items = await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: far });
    assert.ok(Array.isArray(items));
    // Garbage in the request is answered, not crashed on.
    await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: null as never });
    // Binary-looking and empty documents are checked without a crash.
    for (const [name, text] of [['empty', ''], ['bin', '\u0000\u0001\uFFFD'.repeat(1000)], ['half', 'I. MỤC ĐÍCH\n1. \na)\n\u0301\u0301']]) {
      const p = await client.open(client.uri(`${name}.kehoach.txt`), text);
      assert.ok(Array.isArray(p.diagnostics));
    }
    assert.ok(await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
    // Malformed code-action requests: no range, foreign diagnostics, data of the wrong shape.
    const junk = { range: null, message: 'x', source: 'kehoach', code: 'KH101', data: { version: 1, rule: 'KH101', fixes: [{ edits: 'no' }] } };
    const acts = await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: null as never, context: { diagnostics: [junk as never] } });
    assert.ok(Array.isArray(acts));
    // Every position of the plan (a sample across it) answers hover, completion and code actions.
    const text = readCorpus(PLAN_147);
    const li = new LineIndex(text);
    for (let o = 0; o < text.length; o += 997) {
      const position = li.positionAt(o);
      await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      assert.ok(Array.isArray(await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })));
      assert.ok(Array.isArray(await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } })));
    }
    assert.deepStrictEqual(client.errors, [], 'no handler threw');
  });

  it('nextLabel follows the Vietnamese sequences', () => {
    assert.strictEqual(nextLabel('III.'), 'IV.');
    assert.strictEqual(nextLabel('b)'), 'c)');
    assert.strictEqual(nextLabel('d)'), 'đ)');
    assert.strictEqual(nextLabel('đ)'), 'e)');
    assert.strictEqual(nextLabel('e)'), 'g)');
    assert.strictEqual(nextLabel('2.3.'), '2.4.');
    assert.strictEqual(nextLabel('1-'), '2-');
    assert.strictEqual(nextLabel('C.'), 'D.');
  });
});
