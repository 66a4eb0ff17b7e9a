// One-line forms of text: every run of white space as one space, ends trimmed. Titles, cells and
// task contents are read this way on every check, and most of them are already one line with
// single spaces, so the common case is a scan that allocates nothing.

/** Whether a code unit is white space for `\s` and `trim()` (other than the plain space). */
function isOtherSpace(c: number): boolean {
  if (c < 0xa0) return c >= 9 && c <= 13;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Same as `s.replace(/\s+/g, ' ').trim()`, without copying a string that is already in that form. */
export function collapseSpaces(s: string): string {
  const n = s.length;
  let prevSpace = true; // a space at the start needs trimming
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return s.replace(/\s+/g, ' ').trim();
      prevSpace = true;
    } else if (c > 32 && c < 0xa0) prevSpace = false;
    else if (isOtherSpace(c)) return s.replace(/\s+/g, ' ').trim();
    else prevSpace = false;
  }
  return prevSpace && n > 0 ? s.replace(/\s+/g, ' ').trim() : s;
}
