// A small seeded PRNG and mutations of real plans, for property tests and the fuzz bench.

export function prng(seed: number): () => number {
  // mulberry32: tiny, fast, good enough to pick mutations reproducibly
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = ['\u0000', '\r', '\r\n', '\u0323', '\u0301', 'ƣ', ' ;', '| ', 'I.', 'a)', 'đ)', '- ', '1.1.', '\uFEFF', '\t', '15/12', '32/13/2024', '94-NQ/CP', 'báo cáo', 'chủ trì', '\uD800'];

/** One random edit of a plan: drop, duplicate or swap lines, splice noise, truncate, NFD, relabel. */
export function mutate(text: string, rand: () => number): string {
  const lines = text.split('\n');
  const pick = () => Math.floor(rand() * Math.max(1, lines.length));
  switch (Math.floor(rand() * 8)) {
    case 0:
      lines.splice(pick(), 1 + Math.floor(rand() * 5));
      return lines.join('\n');
    case 1: {
      const i = pick();
      lines.splice(i, 0, ...lines.slice(i, i + 1 + Math.floor(rand() * 4)));
      return lines.join('\n');
    }
    case 2: {
      const i = pick(), j = pick();
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 3: {
      const at = Math.floor(rand() * text.length);
      return text.slice(0, at) + NOISE[Math.floor(rand() * NOISE.length)] + text.slice(at);
    }
    case 4:
      return text.slice(0, Math.floor(rand() * text.length));
    case 5:
      return text.normalize('NFD');
    case 6:
      return text.replace(/^(\s*)([IVX]+|\d+|[a-zđ])([.)])/gm, (m, sp: string, _l: string, p: string) => (rand() < 0.2 ? `${sp}${['V', 'III', '7', 'f', 'đ', '2.3'][Math.floor(rand() * 6)]}${p}` : m));
    default:
      return lines.map((l) => (rand() < 0.05 ? l.split('').reverse().join('') : l)).join('\r\n');
  }
}

/** Words of a text for the "no word deleted" property: letters only, lower case, diacritics and legacy glyphs folded. */
export function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ƣ/g, 'u').replace(/Ƣ/g, 'U').replace(/đ/g, 'd').replace(/[ĐÐ]/g, 'D').toLowerCase();
  for (const w of folded.match(/\p{L}+/gu) ?? []) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

/** Tokens that numbering fixes may legitimately change: roman numerals and single letters. */
export function isLabelToken(w: string): boolean {
  return /^[ivxlc]+$/.test(w) || w.length === 1;
}
