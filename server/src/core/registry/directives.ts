// Well-known directives (data/directives.json) plus the user's own (.kehoach.json "directives").
// Looked up by symbol, whatever the separators ("94/NQ-CP", the miswritten "94-NQ/CP").

import type { LintConfig } from '../config';
import { directivesData } from './agency-data';
import type { DirectiveRecord, DirectiveRegistry } from './types';
import { numberKey } from '../parse/docNumber';
import { parseSymbol } from '../parse/citation-symbol';

interface DirectivesFile {
  directives: (DirectiveRecord & { source?: string })[];
}

let builtIn: DirectiveRecord[] | undefined;

/** data/directives.json, read once. */
function loadBuiltIn(): DirectiveRecord[] {
  if (builtIn) return builtIn;
  const parsed = directivesData() as DirectivesFile | undefined;
  builtIn = Array.isArray(parsed?.directives) ? parsed!.directives.filter((d) => typeof d.symbol === 'string') : [];
  return builtIn;
}

function keyOf(symbol: string): string {
  const n = parseSymbol(symbol);
  return n ? numberKey(n) : symbol.normalize('NFC').replace(/\s+/g, '').toLocaleUpperCase('vi');
}

/** Load data/directives.json plus the config's `directives` (the user's entries win). */
export function loadDirectiveRegistry(config: LintConfig): DirectiveRegistry {
  const byKey = new Map<string, DirectiveRecord>();
  for (const d of loadBuiltIn()) byKey.set(keyOf(d.symbol), d);
  for (const d of config.directives ?? []) {
    if (!d || typeof d.symbol !== 'string') continue;
    const k = keyOf(d.symbol);
    const base = byKey.get(k);
    byKey.set(k, { ...(base ?? {}), ...d, type: base?.type ?? parseSymbol(d.symbol)?.type ?? '' });
  }
  const all = [...byKey.values()];
  return { all: () => all, lookup: (symbol: string) => byKey.get(keyOf(symbol)) };
}
