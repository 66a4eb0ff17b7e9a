// One checked version of a document: the model, the findings and the offset helpers every
// feature uses. Built once per (document version, configuration) and shared by all requests.

import type { Position, Range } from 'vscode-languageserver';
import { LineIndex, type CheckResult, type LintConfig, type Locale, type PlanDocument, type Registry, type Rule, type Span, type Text } from '../core';
import { findRule, localize } from '../core';
import type { ParentContext } from '../core/parent';

export interface Analysis {
  uri: string;
  version: number;
  /** The text as the editor held it for this version. */
  text: string;
  lines: LineIndex;
  config: LintConfig;
  locale: Locale;
  registry: Registry;
  /** Undefined when the file is above the size limit: features then return nothing. */
  result?: CheckResult;
  /** Size in KB when the file was too large to check. */
  tooLargeKB?: number;
  maxFileSizeKB: number;
  /** Keys of the directives the plan cites (citedParents), to re-check it when one appears or changes. */
  citedKeys?: readonly string[];
  /** The parent files checked against (configured or found in the workspace index). */
  parentPaths?: readonly string[];
  /** The parents' shared context: coverage of this plan per parent (cached per plan document). */
  parentContext?: ParentContext;
  /** How long building this analysis took, in ms (the scheduler paces checks by it). */
  checkMs?: number;
  /** "Fix all" applies suggestions too (setting kehoach.fixAll.includeSuggestions). */
  fixAllSuggestions?: boolean;
  /** Notes about limits and trust that apply to this check, shown as information on the first line. */
  notes?: Text[];
}

/** A rule by id or alias (the parent rules are in the one list too). */
export function ruleOf(_a: Analysis, id: string): Rule | undefined {
  return findRule(id);
}

export function msg(a: { locale: Locale }, text: Text): string {
  return localize(text, a.locale);
}

export function range(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(Math.max(start, end)) };
}

/** A model span (doc.text offsets) as an LSP range in the editor's text. */
export function modelRange(a: Analysis, doc: PlanDocument, span: Span): Range {
  return range(a.lines, doc.toSourceOffset(span.start), doc.toSourceOffset(span.end));
}

/** Editor offset → model offset: the last model offset that maps at or before it (the map is monotonic). */
export function toModelOffset(doc: PlanDocument, sourceOffset: number): number {
  if (doc.text.length === doc.source.length) return Math.max(0, Math.min(sourceOffset, doc.text.length));
  let lo = 0, hi = doc.text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.toSourceOffset(mid) <= sourceOffset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** A position from a request, clamped into the text (clients send stale or out-of-range ones). */
export function offsetOf(a: Analysis, pos: Position | undefined): number {
  if (!pos || !Number.isFinite(pos.line) || !Number.isFinite(pos.character)) return 0;
  return a.lines.offsetAt({ line: Math.floor(pos.line), character: Math.floor(pos.character) });
}

export function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** The innermost of several spans that contain an offset, by binary search on sorted spans. */
export function spanAt<T extends Span>(sorted: readonly T[], offset: number): T | undefined {
  let lo = 0, hi = sorted.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  // Spans do not nest within one list here (dates, citations), so the last one starting before
  // the offset is the only candidate; look one back for touching ends.
  for (let i = found; i >= 0 && i >= found - 1; i--) if (contains(sorted[i], offset)) return sorted[i];
  return undefined;
}
