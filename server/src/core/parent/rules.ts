// The parent rules (KH9xx) need the parent documents, so they are created per check:
// `checkPlan(text, config, { extraRules: parentRules(parents) })`. They are not in rules/index.ts;
// PARENT_RULE_META lists them for docs and the README.

import type { Rule, RuleMeta } from '../rule';
import { ParentContext, type ParentDoc } from './context';
import * as uncovered from '../rules/parent-uncovered';
import * as deadlineLater from '../rules/parent-deadline-later';
import * as reportingLater from '../rules/parent-reporting-later';
import * as planLate from '../rules/parent-plan-late';
import * as citationMismatch from '../rules/parent-citation-mismatch';

const MODULES = [uncovered, deadlineLater, reportingLater, planLate, citationMismatch];

export const PARENT_RULE_META: readonly RuleMeta[] = MODULES.map((m) => m.meta);

/** The parent rules for one set of parent documents (coverage computed once per plan and shared). */
export function parentRules(parents: readonly ParentDoc[]): Rule[] {
  if (parents.length === 0) return [];
  const pc = new ParentContext(parents);
  return MODULES.map((m) => m.create(pc));
}

/** The parent rules and the context they share: the server reads its coverage (cached per plan) for hover, navigation and reports. */
export function parentRulesWithContext(parents: readonly ParentDoc[]): { rules: Rule[]; context?: ParentContext } {
  if (parents.length === 0) return { rules: [] };
  const context = new ParentContext(parents);
  return { rules: MODULES.map((m) => m.create(context)), context };
}
