// What a check hands back: findings in source offsets, with their fixes and related places, and
// how findings are classed (category, severity, kind of fix). A leaf of the core: the config,
// the rules, the ignore list and the checker all read these types, so they import nothing of theirs.

import type { Text } from './i18n';
import type { LayoutFix } from './docx/layoutFix';

export type Category =
  | 'numbering'
  | 'lead-agency'
  | 'reporting'
  | 'citation'
  | 'date'
  | 'agency'
  | 'structure'
  | 'encoding'
  | 'parent'
  | 'layout';

export const CATEGORIES: readonly Category[] = [
  'numbering', 'lead-agency', 'reporting', 'citation', 'date', 'agency', 'structure', 'encoding', 'parent', 'layout',
];

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * What applying a fix does to the plan, as ESLint separates fixes from suggestions:
 *  - "fix": mechanical, the plan says the same thing after it (numbering labels, spacing,
 *    encoding, the form of a symbol or a date). `--fix` and "fix all" apply these.
 *  - "suggestion": it changes what the plan says (a number, a date, an agency's name, a guessed
 *    spelling, a blank filled in). Offered one by one as a quick fix for the drafter to confirm;
 *    applied in batch only when asked (`--fix-type suggestion`, `kehoach.fixAll.includeSuggestions`).
 */
export type FixKind = 'fix' | 'suggestion';

/** A place in another file (LSP-style, 0-based), e.g. the parent task a finding is about. */
export interface FilePlace {
  path: string;
  line: number;
  character: number;
  endLine?: number;
  endCharacter?: number;
}

export interface FindingEdit {
  /** Source offsets (the editor's text). */
  start: number;
  end: number;
  text: string;
}

export interface FindingFix {
  title: string;
  preferred: boolean;
  /** "fix" (mechanical: batch fixing applies it) or "suggestion" (changes what the plan says: one by one). */
  kind: FixKind;
  edits: FindingEdit[];
}

export interface FindingRelated {
  message: string;
  /** Source offsets in this document … */
  start?: number;
  end?: number;
  /** … or a place in another file. */
  file?: FilePlace;
}

export interface Finding {
  rule: string;
  alias: string;
  category: Category;
  severity: Severity;
  message: string;
  /** Both languages, for clients that switch locale. */
  messages: Text;
  /** Source offsets. */
  start: number;
  end: number;
  fixes: FindingFix[];
  related: FindingRelated[];
  /** What the model read to reach the finding (rule-specific, e.g. `leadFrom`), when the rule says. */
  data?: Record<string, string>;
  /** A layout finding's fix in the Word document (title in the locale), for the reviewer's copy. */
  layoutFix?: LayoutFix<string>;
}
