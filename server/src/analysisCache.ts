// The server's memory of checked documents. A full analysis (model, findings, parent coverage) is
// about 10× the text it comes from, so only the most recently used few are kept; every open
// document keeps a small footprint instead: what it depends on (to be checked again when a parent
// changes) and the citations it makes (offered as completions in other plans).

import type { Analysis } from './features/analysis';
import { citationSummary, type CitationSummary } from './features/completion';

/** What the server remembers of a document whose analysis may have been dropped. */
export interface Footprint {
  /** Keys of the directives the plan cites. */
  citedKeys: readonly string[];
  /** Files the plan was checked against (configured parents and those found in the workspace). */
  reads: readonly string[];
  citations: readonly CitationSummary[];
}

/** Full analyses kept at most (the documents the user works in; others are checked again on demand). */
export const DEFAULT_MAX_MODELS = 4;
/** Citations remembered per document for completion. */
const MAX_CITATIONS = 200;

export class AnalysisCache {
  /** In order of use, least recent first. */
  private readonly models = new Map<string, { gen: number; analysis: Analysis }>();
  private readonly prints = new Map<string, Footprint>();

  constructor(private readonly maxModels = DEFAULT_MAX_MODELS) {}

  /** The analysis of this exact version and configuration generation, if still kept. */
  get(uri: string, gen: number, version: number): Analysis | undefined {
    const entry = this.models.get(uri);
    if (!entry || entry.gen !== gen || entry.analysis.version !== version) return undefined;
    // Most recently used last.
    this.models.delete(uri);
    this.models.set(uri, entry);
    return entry.analysis;
  }

  set(uri: string, gen: number, analysis: Analysis): void {
    this.models.delete(uri);
    this.models.set(uri, { gen, analysis });
    this.prints.set(uri, footprintOf(analysis));
    for (const oldest of this.models.keys()) {
      if (this.models.size <= this.maxModels) break;
      this.models.delete(oldest);
    }
  }

  /** A document checked in the analysis worker: the main thread keeps only its footprint. */
  setFootprint(uri: string, print: Footprint): void {
    this.models.delete(uri);
    this.prints.set(uri, print);
  }

  /** Drop the analysis (it is stale) but keep the footprint until the next one replaces it. */
  invalidate(uri: string): void {
    this.models.delete(uri);
  }

  /** The document closed: forget it. */
  delete(uri: string): void {
    this.models.delete(uri);
    this.prints.delete(uri);
  }

  clear(): void {
    this.models.clear();
    this.prints.clear();
  }

  /** Footprints of every document checked and still open. */
  footprints(): IterableIterator<[string, Footprint]> {
    return this.prints.entries();
  }

  /** How many full analyses are held (tests). */
  get modelCount(): number {
    return this.models.size;
  }
}

export function footprintOf(a: Analysis): Footprint {
  const reads = [...new Set([...(a.parentPaths ?? []), ...(a.config.parents ?? [])])];
  const citations = (a.result?.doc.citations ?? []).slice(0, MAX_CITATIONS).map(citationSummary);
  return { citedKeys: a.citedKeys ?? [], reads, citations };
}
