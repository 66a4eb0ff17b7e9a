// Semantic tokens: numbering labels, lead vs coordinating agencies, dates and deadlines, citations.
// Custom types carry a superType and TextMate scopes in package.json so themes colour them.

import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { PlanDocument, Span } from '../core';
import type { Analysis } from './analysis';

export const TOKEN_TYPES = ['label', 'leadAgency', 'coordinatingAgency', 'date', 'citation', 'class'] as const;
export const TOKEN_MODIFIERS = ['deadline', 'invalid', 'deprecated', 'collective'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

interface Token extends Span {
  type: TokenType;
  modifiers: number;
  /** Lower wins when two tokens overlap. */
  priority: number;
}

const mod = (...m: TokenModifier[]) => m.reduce((bits, x) => bits | (1 << TOKEN_MODIFIERS.indexOf(x)), 0);

function collect(a: Analysis, doc: PlanDocument): Token[] {
  const tokens: Token[] = [];
  const push = (span: Span | undefined, type: TokenType, modifiers: number, priority: number) => {
    if (span && span.end > span.start) tokens.push({ start: span.start, end: span.end, type, modifiers, priority });
  };
  for (const item of doc.items) push(item.label, 'label', 0, 0);
  for (const table of doc.tables) for (const row of table.rows) push(row.index, 'label', 0, 0);

  const planDate = a.result?.planDate;
  const agencyMods = (ref: { name: string; collective: boolean; agencyId?: string }) => {
    let m = ref.collective ? mod('collective') : 0;
    const rec = (ref.agencyId ? a.registry.agencies.byId(ref.agencyId) : undefined) ?? (ref.collective ? undefined : a.registry.agencies.lookup(ref.name));
    if (rec && planDate && !a.registry.agencies.existsAt(rec, planDate)) m |= mod('deprecated');
    return m;
  };
  const deadlines = new Set<number>();
  for (const task of doc.tasks) {
    for (const ref of [task.lead, ...task.extraLeads]) if (ref) push(ref, 'leadAgency', agencyMods(ref), 1);
    for (const ref of task.coordinators) push(ref, 'coordinatingAgency', agencyMods(ref), 1);
    if (task.time?.date) deadlines.add(task.time.date.start);
  }
  for (const r of doc.reporting) {
    if (r.reporter) push(r.reporter, 'class', agencyMods(r.reporter), 2);
    if (r.time?.date) deadlines.add(r.time.date.start);
  }
  for (const ref of doc.agencies) push(ref, 'class', agencyMods(ref), 3);
  for (const d of doc.dates) {
    push(d, 'date', (d.valid ? 0 : mod('invalid')) | (deadlines.has(d.start) ? mod('deadline') : 0), 1);
  }
  // A citation's dates and issuer get their own tokens; the citation token marks its number and type word.
  for (const c of doc.citations) {
    push(c.typeWord, 'citation', 0, 2);
    push(c.number, 'citation', c.number.form === 'malformed' ? mod('invalid') : 0, 2);
  }
  return tokens;
}

/** Encode non-overlapping, single-line tokens (LSP relative form). */
export function semanticTokens(a: Analysis): SemanticTokens {
  const doc = a.result?.doc;
  if (!doc) return { data: [] };
  const tokens = collect(a, doc).sort((x, y) => x.start - y.start || x.priority - y.priority || y.end - x.end);
  const data: number[] = [];
  let prevLine = 0, prevChar = 0, lastEnd = -1;
  for (const tok of tokens) {
    if (tok.start < lastEnd) continue; // overlaps a token already taken (sorted so the preferred one comes first)
    lastEnd = tok.end;
    const start = a.lines.positionAt(doc.toSourceOffset(tok.start));
    const end = a.lines.positionAt(doc.toSourceOffset(tok.end));
    const typeIndex = TOKEN_TYPES.indexOf(tok.type);
    // Tokens may not span lines: cut a multi-line span at each line end.
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : a.lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }) - a.lines.offsetAt({ line, character: 0 });
      if (to <= from) continue;
      data.push(line - prevLine, line === prevLine ? from - prevChar : from, to - from, typeIndex, tok.modifiers);
      prevLine = line;
      prevChar = from;
    }
  }
  return { data };
}
