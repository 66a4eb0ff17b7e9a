// Every contributed snippet, inserted by name in a real editor, expands to its body with the
// defaults filled in (first choice of a choice list, placeholder text, empty final tab stop).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { extension, revertAndCloseAll, waitForText } from './util';

interface SnippetDef {
  prefix: string | string[];
  body: string | string[];
  description?: string;
  scope?: string;
}

// ---------------------------------------------------------------------------------------------
// A small reader of VS Code's snippet syntax, to say what the expansion should be independently
// of the editor: $1, ${1}, ${1:default ${2:nested}}, ${1|a,b|}, $VAR, ${VAR:default}, escapes.

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tab'; index: number; children?: Node[]; choice?: string[] }
  | { kind: 'var'; name: string; children?: Node[] };

function parseSnippet(s: string): Node[] {
  let i = 0;
  const num = () => { const m = /^\d+/.exec(s.slice(i, i + 8)); if (m) i += m[0].length; return m ? +m[0] : undefined; };
  const name = () => { const m = /^[A-Za-z_][A-Za-z_0-9]*/.exec(s.slice(i, i + 64)); if (m) i += m[0].length; return m?.[0]; };
  const skipTransform = () => { // ${1/regex/format/opts} — keep no default; skip to the closing brace
    let slashes = 0;
    while (i < s.length && !(s[i] === '}' && slashes >= 3)) { if (s[i] === '\\') i++; else if (s[i] === '/') slashes++; i++; }
    i++;
  };
  const seq = (inBrace: boolean): Node[] => {
    const out: Node[] = [];
    let text = '';
    const flush = () => { if (text) out.push({ kind: 'text', value: text }); text = ''; };
    while (i < s.length) {
      const c = s[i];
      if (c === '\\' && (s[i + 1] === '$' || s[i + 1] === '}' || s[i + 1] === '\\')) { text += s[i + 1]; i += 2; continue; }
      if (inBrace && c === '}') { i++; flush(); return out; }
      if (c !== '$') { text += c; i++; continue; }
      const start = i;
      i++;
      if (s[i] === '{') {
        i++;
        const n = num();
        const v = n === undefined ? name() : undefined;
        if (n === undefined && v === undefined) { i = start + 1; text += '$'; continue; }
        flush();
        if (s[i] === '}') { i++; out.push(n !== undefined ? { kind: 'tab', index: n } : { kind: 'var', name: v! }); continue; }
        if (s[i] === ':') { i++; const children = seq(true); out.push(n !== undefined ? { kind: 'tab', index: n, children } : { kind: 'var', name: v!, children }); continue; }
        if (s[i] === '|' && n !== undefined) {
          i++;
          const choice: string[] = [];
          let cur = '';
          while (i < s.length && !(s[i] === '|' && s[i + 1] === '}')) {
            if (s[i] === '\\' && i + 1 < s.length) { cur += s[i + 1]; i += 2; continue; }
            if (s[i] === ',') { choice.push(cur); cur = ''; i++; continue; }
            cur += s[i++];
          }
          choice.push(cur);
          i += 2;
          out.push({ kind: 'tab', index: n, choice });
          continue;
        }
        if (s[i] === '/') { skipTransform(); out.push(n !== undefined ? { kind: 'tab', index: n } : { kind: 'var', name: v! }); continue; }
        i = start + 1; text += '$'; continue;
      }
      const n = num();
      if (n !== undefined) { flush(); out.push({ kind: 'tab', index: n }); continue; }
      const v = name();
      if (v !== undefined) { flush(); out.push({ kind: 'var', name: v }); continue; }
      text += '$';
    }
    flush();
    return out;
  };
  return seq(false);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Variables whose value we know in an empty untitled editor; others make the expectation unknowable. */
function variable(name: string): string | undefined {
  const d = new Date();
  const known: Record<string, string> = {
    CURRENT_YEAR: String(d.getFullYear()), CURRENT_YEAR_SHORT: String(d.getFullYear()).slice(-2),
    CURRENT_MONTH: pad(d.getMonth() + 1), CURRENT_DATE: pad(d.getDate()),
    TM_SELECTED_TEXT: '', TM_CURRENT_LINE: '', TM_CURRENT_WORD: '', SELECTION: '',
  };
  return known[name];
}

export function expandSnippet(body: string): { text: string; exact: boolean } {
  const nodes = parseSnippet(body);
  const defaults = new Map<number, string>();
  let exact = true;
  const render = (ns: Node[]): string => ns.map((n) => {
    if (n.kind === 'text') return n.value;
    if (n.kind === 'tab') return defaults.get(n.index) ?? '';
    const v = variable(n.name);
    if (v !== undefined && v !== '') return v;
    if (n.children) return render(n.children);
    if (v === undefined) exact = false;
    return v ?? n.name;
  }).join('');
  // The first placeholder of a tab stop gives its text to every mirror of it, wherever they stand.
  const collect = (ns: Node[]): void => {
    for (const n of ns) {
      if (n.kind === 'text') continue;
      if (n.children) collect(n.children);
      if (n.kind === 'tab' && !defaults.has(n.index)) {
        if (n.choice) defaults.set(n.index, n.choice[0] ?? '');
        else if (n.children) defaults.set(n.index, render(n.children));
      }
    }
  };
  collect(nodes);
  collect(nodes); // a second pass settles placeholders that mirror a later-defined tab stop
  return { text: render(nodes), exact };
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

  it('đọc đúng cú pháp đoạn mẫu (kiểm tra bộ đọc của chính bài test)', function () {
    assert.strictEqual(expandSnippet('${1:1}. ${2:Nội dung}\n- Chủ trì: ${3|Sở Nội vụ,Sở Tài chính|}$0').text,
      '1. Nội dung\n- Chủ trì: Sở Nội vụ');
    assert.strictEqual(expandSnippet('${1:a ${2:b}} $2 \\$x \\}').text, 'a b b $x }');
  });
});
