// What a rule is, and what it reports. One rule per file under rules/, listed in rules/index.ts.

import type { PlanDocument, Span, Ymd } from './model';
import type { Text } from './i18n';
import type { LintConfig } from './config';
import type { Registry } from './registry/registry';
import type { DocxLayout } from './docx/format';
import type { Category, FilePlace, FixKind, Severity } from './finding';
import type { ParentContext } from './parent/context';
import type { LayoutFix } from './docx/layoutFix';

export { CATEGORIES, type Category, type FixKind, type Severity } from './finding';

/** A text edit in model offsets (the core maps it to source offsets before it leaves). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A fix is data: a title and the edits that carry it out. */
export interface Fix {
  title: Text;
  edits: Edit[];
  /** The safe, obvious fix among alternatives (the quick fix shown first; "fix all" takes it). Alternatives (e.g. a split agency) set false. */
  preferred?: boolean;
  /** Overrides the rule's kind for this one fix (core/fixes.ts FIX_KINDS holds each rule's). */
  kind?: FixKind;
}

/** Another place that explains the finding (the other occurrence, the parent task). */
export interface RelatedPlace {
  message: Text;
  /** A span in this document (model offsets) … */
  span?: Span;
  /** … or a place in another file (LSP-style, 0-based). */
  file?: FilePlace;
}

export interface Report {
  span: Span;
  message: Text;
  fixes?: Fix[];
  related?: RelatedPlace[];
  /** Overrides the rule's severity for this one finding (e.g. a softer case). */
  severity?: Severity;
  /** What the model read to reach the finding (e.g. a task's `taskReason` and `leadFrom`), for `--format json` and hover. */
  data?: Record<string, string>;
  /** A layout finding's fix in the Word document (formatting only; the reviewer's copy applies it). */
  layoutFix?: LayoutFix;
}

export interface RuleMeta {
  /** Stable id, e.g. "KH101". */
  id: string;
  /** Readable alias, e.g. "numbering-sequence". */
  alias: string;
  category: Category;
  defaultSeverity: Severity;
  /** Whether the rule can emit fixes. */
  fixable: boolean;
  /** One line: what the rule checks. */
  description: Text;
  /** Why it matters and how to fix it (hover and docs/rules). */
  rationale?: Text;
}

/** Context a rule checks in: the document, the plan's date, the registries and its options. */
export interface RuleContext {
  doc: PlanDocument;
  config: LintConfig;
  /** The date the plan is judged at: header date, --date, the setting, or today. */
  planDate: Ymd;
  /** Whether planDate is the document's own date (its header, or its appendix's "Kèm theo" line). */
  planDateFromHeader: boolean;
  /** Where planDate came from; 'inferred' is only a lower bound (the latest date the preamble cites). */
  planDateSource: 'config' | 'header' | 'self-reference' | 'inferred' | 'today';
  registry: Registry;
  /** This rule's options from the configuration. */
  options: Record<string, unknown>;
  /** The formatting of the Word document the text came from (set only when checking a .docx). */
  layout?: DocxLayout;
  /** The plan's parent directives and its coverage of them (set only when the check was given parents: the KH9xx rules read it). */
  parents?: ParentContext;
  report(r: Report): void;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}
