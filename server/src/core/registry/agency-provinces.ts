// Provinces before and after the 2025 merger (data/provinces.json, Nghị quyết 202/2025/QH15):
// typed, indexed by name key, and a scan for "tỉnh X" in a text.

import { agencyKey, insertName, joinable, newNode, type Tokens, type TrieNode } from './agency-names';
import { provincesData } from './agency-data';

export interface ProvinceEntry {
  /** "Hà Giang", "Hồ Chí Minh". */
  name: string;
  kind: 'tỉnh' | 'thành phố';
  aliases: string[];
  /** Last day the unit existed (ISO), for units merged into another. */
  until?: string;
  /** The unit it is part of now. */
  mergedInto?: string;
  mergedIntoKind?: 'tỉnh' | 'thành phố';
  source: string;
}

interface ProvinceFile {
  provinces: ProvinceEntry[];
}

export interface ProvinceMention {
  /** Span of "tỉnh Hà Giang" (the word "tỉnh" and the name). */
  start: number;
  end: number;
  /** Span of the name alone. */
  nameStart: number;
  province: ProvinceEntry;
}

export class ProvinceTable {
  readonly entries: readonly ProvinceEntry[];
  private readonly byKey = new Map<string, ProvinceEntry>();
  private readonly trie: TrieNode = newNode();
  /** Syllable keys that occur in province names (to recognise "Sở Nội vụ tỉnh Tuyên Quang"). */
  readonly keyTokens = new Set<string>();

  constructor(entries: ProvinceEntry[]) {
    this.entries = entries;
    entries.forEach((p, i) => {
      for (const n of [p.name, ...(p.aliases ?? [])]) {
        const key = agencyKey(n);
        if (!this.byKey.has(key)) this.byKey.set(key, p);
        insertName(this.trie, n, String(i));
        for (const k of key.split(' ')) this.keyTokens.add(k);
      }
    });
  }

  /** Every spelling of every province (for "Báo <tỉnh>"). */
  allNames(): string[] {
    return this.entries.flatMap((p) => [p.name, ...(p.aliases ?? [])]);
  }

  get(name: string): ProvinceEntry | undefined {
    const key = agencyKey(name.replace(/^\s*(tỉnh|thành phố|tp\.?)\s+/iu, ''));
    return this.byKey.get(key);
  }

  /** The listed spelling of a province name ("hà giang" → "Hà Giang"), if known. */
  canonical(name: string): string | undefined {
    return this.get(name)?.name;
  }

  /** "tỉnh X" where X is a province name (capitalised), in one pass over the tokens. */
  scan(text: string, tokens: Tokens): ProvinceMention[] {
    const out: ProvinceMention[] = [];
    const { start, end, key, upper } = tokens;
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (key[i] !== 'tỉnh') continue;
      let node = this.trie;
      let j = i;
      let best = -1;
      let bestId = '';
      while (j + 1 < tokens.length && upper[j + 1] && joinable(text, end[j], start[j + 1])) {
        // "tỉnh\nHà Giang" is fine; "tỉnh, Hà Giang" is a list, not a name.
        if (j === i && /[,/]/.test(text.slice(end[j], start[j + 1]))) break;
        const nx = node.next.get(key[j + 1]);
        if (!nx) break;
        node = nx;
        j++;
        if (node.id !== undefined) {
          best = j;
          bestId = node.id;
        }
      }
      if (best > i) {
        out.push({ start: start[i], end: end[best], nameStart: start[i + 1], province: this.entries[Number(bestId)] });
        i = best;
      }
    }
    return out;
  }
}

let table: ProvinceTable | undefined;

/** data/provinces.json, loaded once. */
export function loadProvinces(): ProvinceTable {
  if (!table) {
    const file = provincesData() as ProvinceFile | undefined;
    const list = Array.isArray(file?.provinces) ? file!.provinces.filter((p) => p && typeof p.name === 'string') : [];
    table = new ProvinceTable(list.map((p) => ({ ...p, aliases: Array.isArray(p.aliases) ? p.aliases : [] })));
  }
  return table;
}
