// "Kế hoạch: Kiểm tra tệp Word": a .docx built from the sample plan (its lines as paragraphs, plus a
// six-point list numbered by Word as a b c d e f) opens read-only as its derived plan, with the
// server's diagnostics (the layout rules' too, from the Word file's page size), outline and hover on it.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { abstractNum, buildDocx, lvl, num, p } from '../../docx/build';
import { PLAN_FILE, codeOf, revertAndCloseAll, waitForDiagnostics, workspaceDir } from './util';

describe('tệp Word (.docx) mở thành kế hoạch', function () {
  let dir: string;
  let docxUri: vscode.Uri;

  before(function () {
    const plan = fs.readFileSync(path.join(workspaceDir(), PLAN_FILE), 'utf8').split(/\r?\n/);
    const points = ['Một;', 'Hai;', 'Ba;', 'Bốn;', 'Năm;', 'Sáu.'].map((x) => p(x, { numId: 1 })).join('');
    // The list goes right after the first numbered khoản ("1. …") of section II.
    const at = plan.findIndex((l, i) => i > plan.findIndex((x) => /^II\.\s/.test(x)) && /^1\.\s/.test(l));
    // The whole text in one section on Letter paper (a paragraph-level sectPr): KH1001 from the Word file.
    const letter = '<w:p><w:pPr><w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/></w:sectPr></w:pPr></w:p>';
    const body = plan.slice(0, at + 1).map((l) => p(l)).join('') + points + plan.slice(at + 1).map((l) => p(l)).join('') + letter;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-e2e-docx-'));
    const file = path.join(dir, 'ke-hoach.docx');
    fs.writeFileSync(file, buildDocx({ body, numbering: abstractNum(1, lvl(0, 'lowerLetter', '%1)')) + num(1, 1) }));
    docxUri = vscode.Uri.file(file);
  });

  after(async function () {
    await revertAndCloseAll();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('kehoach.openDocx mở văn bản suy ra (chỉ đọc, ngôn ngữ kehoach) với chẩn đoán, dàn ý và hover', async function () {
    await vscode.commands.executeCommand('kehoach.openDocx', docxUri);
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc, 'an editor opened');
    assert.strictEqual(doc.uri.scheme, 'kehoach-docx');
    assert.strictEqual(doc.languageId, 'kehoach');
    assert.ok(doc.getText().includes('\ne) Năm;\nf) Sáu.\n'), 'the labels as Word shows them');
    // KH102 on "e)", where Word's lowerLetter list skips "đ".
    const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'KH102'), 'KH102 on the Word list');
    const kh102 = ds.find((x) => codeOf(x) === 'KH102')!;
    assert.strictEqual(doc.getText(new vscode.Range(kh102.range.start, kh102.range.start.translate(0, 2))), 'e)');
    // The layout rules see the Word file's formatting (the server reads the .docx behind the view).
    const letter = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'KH1001'), 'KH1001 from the .docx page size');
    assert.match(letter.find((x) => codeOf(x) === 'KH1001')!.message, /không phải A4/);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols && symbols.some((s) => /^I+\./.test(s.name) || /MỤC ĐÍCH/i.test(s.name)), `outline: ${(symbols ?? []).map((s) => s.name).join(' | ')}`);
    const cite = doc.getText().indexOf('94/NQ-CP');
    assert.ok(cite > 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(cite + 2));
    const text = (hovers ?? []).flatMap((h) => h.contents.map((m) => (typeof m === 'string' ? m : m.value))).join('\n');
    assert.match(text, /94\/NQ-CP/);
  });
});
