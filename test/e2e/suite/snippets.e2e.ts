// Every contributed snippet, inserted by name in a real editor, expands to its body with the
// defaults filled in (first choice of a choice list, placeholder text, empty final tab stop).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { expandSnippet } from './snippetSyntax';
import { extension, revertAndCloseAll, waitForText } from './util';

interface SnippetDef {
  prefix: string | string[];
  body: string | string[];
  description?: string;
  scope?: string;
}

// ---------------------------------------------------------------------------------------------

/** The editor turns leading tabs into its indentation; compare indentation-insensitively there. */
const leading = (s: string) => s.replace(/^[\t ]+/gm, (w) => w.replace(/\t/g, '    '));

describe('đoạn mẫu (snippets) của kế hoạch', function () {
  let snippets: [string, SnippetDef][] = [];

  before(function () {
    const ext = extension();
    const contributed = (ext.packageJSON?.contributes?.snippets ?? []) as { language: string; path: string }[];
    const mine = contributed.find((c) => c.language === 'kehoach');
    assert.ok(mine, 'package.json contributes snippets for language kehoach');
    const file = path.join(ext.extensionPath, mine.path);
    assert.ok(fs.existsSync(file), `snippet file exists: ${file}`);
    snippets = Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, SnippetDef>);
    assert.ok(snippets.length > 0, 'at least one snippet');
  });

  after(async function () {
    await revertAndCloseAll();
  });

  it('mở rộng từng đoạn mẫu theo tên (editor.action.insertSnippet) đúng như nội dung của nó', async function () {
    const failures: string[] = [];
    for (const [name, def] of snippets) {
      const body = Array.isArray(def.body) ? def.body.join('\n') : def.body;
      const want = expandSnippet(body);
      const doc = await vscode.workspace.openTextDocument({ language: 'kehoach', content: '' });
      const editor = await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'kehoach', name });
      const got = await waitForText(doc, (t) => t.length > 0, `snippet "${name}" to expand`).catch(() => doc.getText());
      if (!got) { failures.push(`${name}: nothing inserted`); continue; }
      if (/\$\{\d|\$\d/.test(got)) failures.push(`${name}: unexpanded tab stop left in the text`);
      if (want.exact && leading(got) !== leading(want.text)) {
        failures.push(`${name}: expanded to\n${JSON.stringify(got)}\nexpected\n${JSON.stringify(want.text)}`);
      }
      // The same body through the API gives the same text: the contributed snippet is this body.
      const doc2 = await vscode.workspace.openTextDocument({ language: 'kehoach', content: '' });
      const ed2 = await vscode.window.showTextDocument(doc2);
      assert.ok(await ed2.insertSnippet(new vscode.SnippetString(body)), `insertSnippet(${name})`);
      if (leading(doc2.getText()) !== leading(got)) failures.push(`${name}: by name and by body differ`);
      for (const d of [doc, doc2]) {
        await vscode.window.showTextDocument(d);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      void editor;
    }
    await revertAndCloseAll();
    assert.deepStrictEqual(failures, []);
  });

  it('mỗi đoạn mẫu có tiền tố (prefix) để gõ', function () {
    for (const [name, def] of snippets) {
      const prefixes = Array.isArray(def.prefix) ? def.prefix : [def.prefix];
      assert.ok(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && p.length > 0), `prefix of ${name}`);
    }
  });
});

// Runs even when the extension is missing: the reader the snippet test relies on is itself right.
describe('bộ đọc cú pháp đoạn mẫu của bài test', function () {
  it('đọc đúng cú pháp đoạn mẫu (kiểm tra bộ đọc của chính bài test)', function () {
    assert.strictEqual(expandSnippet('${1:1}. ${2:Nội dung}\n- Chủ trì: ${3|Sở Nội vụ,Sở Tài chính|}$0').text,
      '1. Nội dung\n- Chủ trì: Sở Nội vụ');
    assert.strictEqual(expandSnippet('${1:a ${2:b}} $2 \\$x \\}').text, 'a b b $x }');
  });
});
