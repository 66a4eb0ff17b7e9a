// Which rules fit which kind of document (issue 11, shape 4). A công văn, báo cáo, thông báo,
// hướng dẫn or quy chế is not a plan: it has no "Tổ chức thực hiện" section to miss and its
// paragraphs are not tasks that need a lead or reporting duties that need a deadline. Citations,
// dates, names of bodies, numbering, the header and encoding are checked in every document.

import type { DocKind } from '../model';
import type { Rule } from '../rule';

/** Categories that read the plan's model of tasks, leads, reporting duties and parent coverage. */
const PLAN_ONLY_CATEGORIES = new Set<string>(['lead-agency', 'reporting', 'parent']);
/** Plan-only rules of other categories: the plan's sections. */
const PLAN_ONLY_RULES = new Set<string>(['KH601']);
/**
 * A báo cáo tells what was done, mostly before the plan's date: bodies that existed then (the
 * district level, merged provinces, old departments) are named as history, not assigned work.
 */
const HISTORY_RULES = new Set<string>(['KH801', 'KH802', 'KH803']);

export function ruleApplies(rule: Rule, kind: DocKind | undefined): boolean {
  if (kind === undefined || kind === 'plan') return true;
  if (PLAN_ONLY_CATEGORIES.has(rule.category) || PLAN_ONLY_RULES.has(rule.id)) return false;
  if (kind === 'report' && HISTORY_RULES.has(rule.id)) return false;
  return true;
}
