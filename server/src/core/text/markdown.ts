// A plain-text view of a Markdown plan (.kehoach.md, or a Word file converted the way pandoc does):
// "**a) …**", "*   " bullets, "## " headings and "\-" escapes read as the same structure as the
// plain text of the same plan, with every offset mapped back to the Markdown exactly.
//
// The view deletes markup (emphasis runs, heading marks, escape backslashes) and turns a "*"
// bullet into "-" (same length). A deleted run belongs to one side: an opener ("**" before a word,
// "## ", "\") to the text after it, a closer ("**" after a word) to the text before it. A model
// boundary maps to the source position between the two, so a finding on "a) Nội dung" in
// "**a) Nội dung**" covers exactly "a) Nội dung", and a fix never swallows a "**".

export interface MarkdownView {
  text: string;
  /** View offset (a boundary between characters) → source offset. */
  toSource(offset: number): number;
}

const HEADING = /^([ \t]{0,3})(#{1,6})([ \t]+)/;
const BULLET = /^([ \t]*)(\*)([ \t]+)(?=\S)/; // "+" bullets stay "+": plain plans use them for the level below "-"
const ESCAPABLE = new Set([...'\\`*_{}[]()#+-.!|<>"\'~']);

/**
 * Whether a text is Markdown as converters write plans: at least three lines with a heading mark,
 * a "*   " bullet, a bold run or an escaped punctuation at the start. Plain plans never have these.
 */
export function looksLikeMarkdown(text: string): boolean {
  if (typeof text !== 'string' || text.length === 0) return false;
  const re = /^(?:[ \t]{0,3}#{1,6}[ \t]+\S|[ \t]*\*[ \t]+\S|[ \t]*\*\*\S.*\S\*\*|[ \t]*\\[-+.])/gm;
  let n = 0;
  let m: RegExpExecArray | null;
  // Bounded: three hits decide; a huge plain text is scanned once by a linear regex.
  while ((m = re.exec(text)) !== null) {
    if (++n >= 3) return true;
    if (m[0].length === 0) re.lastIndex++;
  }
  return false;
}

const enum Del {
  Keep = 0,
  Opener = 1,
  Closer = 2,
}

export function markdownView(source: string): MarkdownView {
  const n = source.length;
  // Per source char: kept, or deleted as opener/closer; `replace` holds same-length substitutions.
  const del = new Uint8Array(n);
  const replace = new Map<number, string>();
  let lineStart = 0;
  let inTopTable = true; // the header is a table at the top: its "<br>" separate the lines of a column
  while (lineStart <= n) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    const blank = source.slice(lineStart, lineEnd).trim() === '';
    if (inTopTable && !blank && source[lineStart] !== '|') inTopTable = false;
    if (inTopTable) splitHeaderCells(source, lineStart, lineEnd, replace);
    markLine(source, lineStart, lineEnd, del, replace);
    lineStart = lineEnd + 1;
  }
  const out: string[] = [];
  const src: number[] = []; // view char index → source index
  let runStart = -1;
  for (let i = 0; i < n; i++) {
    if (del[i] !== Del.Keep) {
      if (runStart >= 0) {
        out.push(source.slice(runStart, i));
        runStart = -1;
      }
      continue;
    }
    const r = replace.get(i);
    if (r !== undefined) {
      if (runStart >= 0) {
        out.push(source.slice(runStart, i));
        runStart = -1;
      }
      out.push(r);
    } else if (runStart < 0) runStart = i;
    src.push(i);
  }
  if (runStart >= 0) out.push(source.slice(runStart));
  const text = out.join('');
  const len = src.length;
  // The deleted run between view chars o-1 and o: closers belong to the text before, openers to the
  // text after. A span's start lands after the openers, its end before the closers; where both
  // meet ("**a**b", rare), between them.
  const toSource = (o: number): number => {
    const from = o <= 0 || len === 0 ? 0 : src[Math.min(o, len) - 1] + 1;
    const to = o >= len ? n : src[Math.max(o, 0)];
    let closers = false, openers = false;
    for (let p = from; p < to; p++) {
      if (del[p] === Del.Closer) closers = true;
      else if (del[p] === Del.Opener) openers = true;
    }
    if (!closers) return to;
    if (!openers) return from;
    let p = from;
    while (p < to && del[p] !== Del.Opener) p++;
    return p;
  };
  return { text, toSource };
}

/** "<br>" in a header cell → four spaces (same length): the header reader splits columns on 3+ spaces. */
function splitHeaderCells(s: string, start: number, end: number, replace: Map<number, string>): void {
  const re = /<br\s*\/?>/giy;
  for (let i = s.indexOf('<', start); i >= 0 && i < end; i = s.indexOf('<', i + 1)) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (m) for (let k = 0; k < m[0].length; k++) replace.set(i + k, ' ');
  }
}

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

function markLine(s: string, start: number, end: number, del: Uint8Array, replace: Map<number, string>): void {
  const line = s.slice(start, end);
  let from = start;
  const h = HEADING.exec(line);
  if (h) {
    const at = start + h[1].length;
    for (let k = at; k < at + h[2].length + h[3].length; k++) del[k] = Del.Opener;
    from = at + h[2].length + h[3].length;
  } else {
    const b = BULLET.exec(line);
    // "*   text" is a bullet; "**text**" is emphasis (BULLET needs a blank after the marker).
    if (b) {
      replace.set(start + b[1].length, '-');
      from = start + b[0].length;
    }
  }
  for (let i = from; i < end; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < end && ESCAPABLE.has(s[i + 1])) {
      del[i] = Del.Opener;
      i++; // the escaped char is kept as text
      continue;
    }
    if (c === '*' || (c === '_' && s[i + 1] === '_')) {
      let j = i;
      while (j < end && s[j] === c) j++;
      if (j - i > 3) {
        i = j - 1;
        continue; // a rule of stars, or "****" as a blank to fill: text
      }
      const before = s[i - 1];
      const after = s[j];
      const opener = !isSpace(after) && (isSpace(before) || i === start || /[\p{P}]/u.test(before ?? ''));
      const closer = !isSpace(before) && i > start;
      if (opener || closer) for (let k = i; k < j; k++) del[k] = closer && !opener ? Del.Closer : Del.Opener;
      i = j - 1;
    }
  }
}
