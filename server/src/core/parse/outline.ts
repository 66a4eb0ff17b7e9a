import type { OutlineItem, PlanDocument, Span } from '../model';

export interface OutlineResult {
  items: OutlineItem[];
  preamble?: Span;
  recipients?: Span;
  signature?: Span;
  appendix?: Span;
}

/** Sections and numbered items as a tree. */
export function parseOutline(_doc: PlanDocument): OutlineResult {
  return { items: [] }; // TODO(parser): implement
}
