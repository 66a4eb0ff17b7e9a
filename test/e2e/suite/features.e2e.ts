// The other language features, as VS Code asks for them (the built-in execute*Provider commands):
// rule pages shipped with the extension, outline, folding, hover on a citation, semantic tokens.
// Expectations come from the plan's text and the core's model, not from a recorded answer.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { codeOf, extension, loadCore, revertAndCloseAll, scratchCopy, waitForDiagnostics } from './util';

describe('các tính năng soạn thảo trên kế hoạch thật', function () {
  let doc: vscode.TextDocument;
  let scratch: ReturnType<typeof scratchCopy>;
  let core: ReturnType<typeof loadCore>;

  before(async function () {
    scratch = scratchCopy();
    doc = await vscode.workspace.openTextDocument(scratch.plan);
    await vscode.window.showTextDocument(doc);
    core = loadCore();
    // Every feature below reads the server's analysis of this text: start once it has published.
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.source === 'kehoach'), 'the first diagnostics');
  });

  after(async function () {
    await revertAndCloseAll();
    scratch.dispose();
  });

  it('mỗi mã quy tắc dẫn tới trang tài liệu của nó, có trong gói tiện ích', function () {
    const ds = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'kehoach');
    const missing: string[] = [];
    const root = extension().extensionPath;
    for (const d of ds) {
      const target = typeof d.code === 'object' ? d.code.target : undefined;
      assert.ok(target, `no link for ${codeOf(d)}`);
      // The client points the link at kehoach.showRuleDoc (a rendered preview of docs/rules/<id>.md).
      assert.strictEqual(target.scheme, 'command', target.toString());
      assert.deepStrictEqual(JSON.parse(decodeURIComponent(target.query)), [codeOf(d)], 'the link names the rule page');
      const page = path.join(root, 'docs', 'rules', `${codeOf(d)}.md`);
      if (!fs.existsSync(page)) missing.push(page);
    }
    assert.deepStrictEqual(missing, [], 'rule pages linked from diagnostics exist');
  });

  it('dàn ý (document symbols) có các mục La Mã của kế hoạch', async function () {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols && symbols.length > 0, 'some symbols');
    const names = symbols.map((s) => s.name).join(' | ');
    // The section headings "I. MỤC ĐÍCH, YÊU CẦU" … as they stand in the text.
    const headings = doc.getText().split(/\r?\n/).filter((l) => /^[IVX]+\.\s+\S/.test(l));
    assert.ok(headings.length >= 3);
    for (const h of headings) {
      const words = h.replace(/^[IVX]+\.\s+/, '').trim().slice(0, 12);
      assert.ok(names.includes(words), `outline should show "${h}"; top level: ${names}`);
    }
  });

  it('thu gọn (folding) theo mục', async function () {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    assert.ok(ranges && ranges.length > 0, 'folding ranges');
    const heading = doc.getText().split(/\r?\n/).findIndex((l) => /^II\.\s/.test(l));
    assert.ok(ranges.some((r) => r.start === heading && r.end > heading), `a fold starts at section II (line ${heading + 1})`);
  });

  it('di chuột lên một trích dẫn hiện số, ngày, cơ quan ban hành', async function () {
    const parsed = core.parsePlan(doc.getText());
    const c = parsed.citations.find((x) => x.number.raw.includes('94/NQ-CP'));
    assert.ok(c, 'the core reads the citation of 94/NQ-CP');
    const at = doc.positionAt(parsed.toSourceOffset(c.number.start) + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = (hovers ?? []).flatMap((h) => h.contents.map((m) => (typeof m === 'string' ? m : m.value))).join('\n');
    assert.match(text, /94\/NQ-CP/, `hover on the citation: ${text.slice(0, 300)}`);
  });

  it('tô màu ngữ nghĩa (semantic tokens) cho cả văn bản', async function () {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', doc.uri);
    assert.ok(legend && legend.tokenTypes.length > 0, 'a legend');
    assert.ok(tokens && tokens.data.length > 0 && tokens.data.length % 5 === 0, 'tokens in groups of five');
    const maxType = Math.max(...Array.from(tokens.data.filter((_, i) => i % 5 === 3)));
    assert.ok(maxType < legend.tokenTypes.length, 'every token type is in the legend');
  });

  // Last: it opens a preview beside the plan (the other tests read the plan's own editor).
  it('mã quy tắc mở trang mô tả đã hiển thị (Markdown preview) bên cạnh kế hoạch; có hướng dẫn bắt đầu', async function () {
    const pkg = extension().packageJSON as { contributes: { walkthroughs?: { id: string }[] } };
    assert.strictEqual(pkg.contributes.walkthroughs?.[0]?.id, 'kehoach.start');
    const d = vscode.languages.getDiagnostics(doc.uri).find((x) => x.source === 'kehoach')!;
    const previews = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && /markdown/i.test(t.input.viewType) && t.label.includes(codeOf(d)));
    const opened = new Promise<void>((resolve) => {
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => { if (previews().length) { sub.dispose(); resolve(); } });
    });
    await vscode.commands.executeCommand('kehoach.showRuleDoc', codeOf(d));
    await Promise.race([opened, new Promise((r) => setTimeout(r, 10000))]);
    assert.ok(previews().length > 0, `a preview of ${codeOf(d)}.md: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`);
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === doc.uri.toString()), 'the plan stays open');
  });
});
