import type { PlanDocument, ReportingClause } from '../model';

/** Reporting duties: who reports to whom, and when (or no time at all). */
export function findReportingClauses(_doc: PlanDocument): ReportingClause[] {
  return []; // TODO(parser): implement
}
