import type { Line } from '../model';

/** Split into physical lines, accepting LF, CRLF and lone CR; offsets exclude the break. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  const push = (end: number) => {
    const t = text.slice(start, end);
    const lead = t.search(/[^\s\uFEFF]/);
    lines.push({ index: lines.length, start, end, text: t, contentStart: lead < 0 ? end : start + lead });
  };
  while ((m = re.exec(text)) !== null) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return lines;
}

/** Index of the line containing `offset` (binary search over line starts). */
export function lineIndexAt(lines: Line[], offset: number): number {
  let lo = 0, hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** LSP-style position (0-based line, UTF-16 character) of an offset in `source`. */
export interface Position {
  line: number;
  character: number;
}

/** Converts offsets of one text to line/character positions; built once per text. */
export class LineIndex {
  private readonly starts: number[];
  constructor(readonly text: string) {
    this.starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }
  get lineCount(): number {
    return this.starts.length;
  }
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }
  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const lineStart = this.starts[pos.line];
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    let lineEnd = next;
    // do not step past the line break
    while (lineEnd > lineStart && (this.text.charCodeAt(lineEnd - 1) === 10 || this.text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
    return Math.min(lineStart + Math.max(0, pos.character), lineEnd);
  }
}
