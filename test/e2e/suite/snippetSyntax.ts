// Kept apart from the suite (no `vscode` import) so it also loads in plain Node.

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

