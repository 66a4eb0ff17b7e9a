// Word's automatic numbering, materialised as the labels Word shows (word/numbering.xml).
//
// How Word counts (ECMA-376 §17.9, and Word's behaviour where it departs from the text):
//  - The running count belongs to the abstract numbering definition, not to a w:num: numIds that
//    share an abstractNum continue one another.
//  - A w:num's lvlOverride/startOverride restarts that level at the override value the first time a
//    paragraph of that numId is at that level; a full w:lvl inside lvlOverride replaces the level.
//  - Numbering a level resets every deeper level, unless the deeper level's w:lvlRestart says
//    otherwise (0 = never restart; k = restart only when a level shallower than k is used).
//  - lvlText "%1.%2." shows each level's current value in that level's format; w:isLgl shows them
//    all as decimal. A level never used yet shows its start value.
//  - lowerLetter counts a … z, then aa … zz: it has no "đ", which is why a six-item "a)" list renders
//    "e) f)" where Nghị định 30 wants "đ) e)".

import { childElements, isW, wAttr, wChild, wChildren, wInt, wOn, wVal, type XmlDocument, type XmlElement } from './xml';
import type { StyleSheet } from './styles';

export interface NumberingLevel {
  start: number;
  numFmt: string;
  lvlText: string;
  /** w:lvlRestart: undefined = after any shallower level; 0 = never; k = after levels < k. */
  restart?: number;
  isLgl: boolean;
  /** The paragraph style linked to this level (w:lvl/w:pStyle). */
  pStyle?: string;
  suffix: 'tab' | 'space' | 'nothing';
}

interface AbstractNum {
  id: string;
  levels: (NumberingLevel | undefined)[];
  /** w:numStyleLink: the definition lives in a numbering style's num. */
  numStyleLink?: string;
}

interface NumInstance {
  id: string;
  abstractId: string;
  startOverride: Map<number, number>;
  levelOverride: Map<number, NumberingLevel>;
}

export interface ListLabel {
  numId: string;
  ilvl: number;
  numFmt: string;
  /** The label as Word shows it ("đ)" never appears: "e)"); "" when the level shows nothing. */
  text: string;
  /** What follows the label: a space (for Word's tab or space), or nothing. */
  suffix: string;
}

function readLevel(lvl: XmlElement): NumberingLevel {
  const suff = wVal(wChild(lvl, 'suff'));
  return {
    start: wInt(wChild(lvl, 'start')) ?? 0,
    numFmt: wVal(wChild(lvl, 'numFmt')) ?? 'decimal',
    lvlText: wVal(wChild(lvl, 'lvlText')) ?? '',
    restart: wInt(wChild(lvl, 'lvlRestart')),
    isLgl: wOn(wChild(lvl, 'isLgl')),
    pStyle: wVal(wChild(lvl, 'pStyle')),
    suffix: suff === 'space' ? 'space' : suff === 'nothing' ? 'nothing' : 'tab',
  };
}

function levelsOf(el: XmlElement): (NumberingLevel | undefined)[] {
  const levels: (NumberingLevel | undefined)[] = [];
  for (const lvl of wChildren(el, 'lvl')) {
    const i = Number(wAttr(lvl, 'ilvl') ?? '0');
    if (Number.isInteger(i) && i >= 0 && i < 9) levels[i] = readLevel(lvl);
  }
  return levels;
}

/** The definitions in numbering.xml. */
export class NumberingDefinitions {
  readonly abstracts = new Map<string, AbstractNum>();
  readonly nums = new Map<string, NumInstance>();

  constructor(doc: XmlDocument | undefined, private readonly styles: StyleSheet) {
    const root = doc?.documentElement as XmlElement | undefined;
    if (!root) return;
    for (const el of childElements(root)) {
      if (isW(el, 'abstractNum')) {
        const id = wAttr(el, 'abstractNumId');
        if (id !== undefined) this.abstracts.set(id, { id, levels: levelsOf(el), numStyleLink: wVal(wChild(el, 'numStyleLink')) });
      } else if (isW(el, 'num')) {
        const id = wAttr(el, 'numId');
        const abstractId = wVal(wChild(el, 'abstractNumId'));
        if (id === undefined || abstractId === undefined) continue;
        const num: NumInstance = { id, abstractId, startOverride: new Map(), levelOverride: new Map() };
        for (const o of wChildren(el, 'lvlOverride')) {
          const i = Number(wAttr(o, 'ilvl') ?? '0');
          const start = wInt(wChild(o, 'startOverride'));
          if (start !== undefined) num.startOverride.set(i, start);
          const lvl = wChild(o, 'lvl');
          if (lvl) num.levelOverride.set(i, readLevel(lvl));
        }
        this.nums.set(id, num);
      }
    }
  }

  /** The abstract definition a num uses, following w:numStyleLink to the numbering style's num once. */
  abstractOf(num: NumInstance): AbstractNum | undefined {
    let abs = this.abstracts.get(num.abstractId);
    for (let hops = 0; abs?.numStyleLink && hops < 3; hops++) {
      const linked = this.nums.get(this.styles.numbering(abs.numStyleLink).numId ?? '');
      const next = linked && this.abstracts.get(linked.abstractId);
      if (!next || next === abs) break;
      abs = next;
    }
    return abs;
  }

  level(num: NumInstance, ilvl: number): NumberingLevel | undefined {
    return num.levelOverride.get(ilvl) ?? this.abstractOf(num)?.levels[ilvl];
  }

  /** The level of a num linked to a paragraph style (w:lvl/w:pStyle), for styles that carry no ilvl. */
  levelForStyle(numId: string, styleId: string | undefined): number | undefined {
    const num = this.nums.get(numId);
    const abs = num && this.abstractOf(num);
    if (!abs || !styleId) return undefined;
    const i = abs.levels.findIndex((l) => l?.pStyle === styleId);
    return i >= 0 ? i : undefined;
  }
}

/** Counts paragraphs in document order and gives each numbered one its label. */
export class ListCounter {
  /** Running values per abstract definition and level; undefined = not started (or reset). */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly overridden = new Set<string>();

  constructor(private readonly defs: NumberingDefinitions) {}

  /** The label for the next paragraph numbered (numId, ilvl); undefined when it shows none. */
  next(numId: string, ilvl: number): ListLabel | undefined {
    const num = this.defs.nums.get(numId);
    const abs = num && this.defs.abstractOf(num);
    if (!num || !abs) return undefined;
    const level = this.defs.level(num, ilvl);
    if (!level) return undefined;
    let values = this.counters.get(abs.id);
    if (!values) this.counters.set(abs.id, (values = []));
    // Deeper levels restart (unless their lvlRestart says otherwise).
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const d = this.defs.level(num, deeper);
      const restart = d?.restart;
      if (restart === undefined || restart > deeper || ilvl < restart) values[deeper] = undefined;
    }
    const key = `${numId}:${ilvl}`;
    if (num.startOverride.has(ilvl) && !this.overridden.has(key)) {
      this.overridden.add(key);
      values[ilvl] = num.startOverride.get(ilvl)!;
    } else {
      values[ilvl] = (values[ilvl] ?? level.start - 1) + 1;
    }
    const text = this.render(num, level, values);
    return { numId, ilvl, numFmt: level.numFmt, text, suffix: text === '' || level.suffix === 'nothing' ? '' : ' ' };
  }

  private render(num: NumInstance, level: NumberingLevel, values: (number | undefined)[]): string {
    if (level.numFmt === 'bullet') return bulletText(level.lvlText);
    return level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = this.defs.level(num, i);
      if (!l) return '';
      const value = values[i] ?? l.start;
      return formatNumber(value, level.isLgl ? 'decimal' : l.numFmt);
    });
  }
}

/** Bullet characters from symbol fonts live in the private use area (U+F0B7 is Symbol's "•"). */
function bulletText(lvlText: string): string {
  return lvlText.replace(/[\uf000-\uf0ff]/g, '•');
}

const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

function roman(n: number): string {
  let s = '';
  for (const [v, r] of ROMAN) while (n >= v) (s += r), (n -= v);
  return s;
}

/** Word's letters: a … z, then aa … zz, aaa … (the letter repeated), never Vietnamese "đ". */
function letters(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** One number in a Word numFmt; formats the reader does not know are shown as decimal. */
export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'none':
      return '';
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'lowerLetter':
      return n >= 1 ? letters(n) : String(n);
    case 'upperLetter':
      return n >= 1 ? letters(n).toUpperCase() : String(n);
    case 'lowerRoman':
      return n >= 1 && n < 4000 ? roman(n) : String(n);
    case 'upperRoman':
      return n >= 1 && n < 4000 ? roman(n).toUpperCase() : String(n);
    default:
      return String(n);
  }
}
