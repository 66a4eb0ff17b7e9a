import type { AppendixTable, PlanDocument } from '../model';

/** Appendix tables: pasted one cell per line, or as pipe tables. */
export function parseTables(_doc: PlanDocument): AppendixTable[] {
  return []; // TODO(parser): implement
}
