import type { AgencyRef, PlanDocument, Task } from '../model';

/** Tasks with lead, coordinators and time, from the outline and the appendix tables. */
export function extractTasks(_doc: PlanDocument): { tasks: Task[]; agencies: AgencyRef[] } {
  return { tasks: [], agencies: [] }; // TODO(parser): implement
}
