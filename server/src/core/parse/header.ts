import type { Header, PlanDocument } from '../model';

/** Header: issuer, Số: …, place and date, document type, trích yếu. */
export function parseHeader(_doc: PlanDocument): Header {
  return { start: 0, end: 0 }; // TODO(parser): implement
}
