import type { Citation, PlanDocument } from '../model';

/** Citations of directives: type word, số/ký hiệu, date, issuer, short name. */
export function findCitations(_doc: PlanDocument): Citation[] {
  return []; // TODO(parser): implement
}
