// Which open plans must be checked again when a file changes. A plan depends on the files it was
// checked against (its parents) and on the directive numbers it cites: a file whose header gains
// or loses a cited number can become or stop being its parent. The edges come from the footprints
// the analysis cache keeps for every open document (analysisCache.ts), so a plan whose full
// analysis was dropped is still found.

import type { Footprint } from './analysisCache';

/** A change to a file: its path, and its header's directive key before and after (undefined: none). */
export interface FileChange {
  file?: string;
  keyBefore?: string;
  keyAfter?: string;
}

/**
 * The documents to check again after `change`, except `except` (the document that changed).
 * A key counts only when it moved (a header edited, a file created or deleted); an edit below the
 * header reaches the plans that read the file through their `reads`.
 */
export function dependentsOf(footprints: Iterable<[string, Footprint]>, change: FileChange, except?: string): string[] {
  const { file, keyBefore, keyAfter } = change;
  const moved = new Set(keyBefore === keyAfter ? [] : [keyBefore, keyAfter].filter((k): k is string => !!k));
  const out: string[] = [];
  for (const [uri, print] of footprints) {
    if (uri === except) continue;
    const reads = !!file && print.reads.includes(file);
    if (reads || print.citedKeys.some((k) => moved.has(k))) out.push(uri);
  }
  return out;
}
