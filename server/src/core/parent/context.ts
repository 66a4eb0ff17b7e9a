// Shared state for the parent rules of one check: the parents given, and the coverage of the plan
// against each, computed once per plan document and read by every parent rule.

import type { PlanDocument, Span } from '../model';
import type { FilePlace } from '../finding';
import type { Text } from '../i18n';
import { LineIndex } from '../text/lines';
import { t } from '../i18n';
import { citedParents, levelOfIssuer, ownKeyOf, parentKeyOf, tableTasks, type DocKey, type ParentCitation } from './extract';
import { matchCoverage, type CoverageResult } from './match';
import { unitsOf } from './units';

/** A parent directive's text, parsed, with where it came from. */
export interface ParentDoc {
  doc: PlanDocument;
  /** File path (for related information and reports). */
  path?: string;
}

export interface ParentLink {
  parent: ParentDoc;
  key?: DocKey;
  /** The plan's citation of this parent, when it cites it. */
  citation?: ParentCitation;
  /** The citation was found by type, issuer and date, under a different number. */
  numberMismatch: boolean;
  /** Citations with this parent's type, issuer and date but another number. */
  miscited: ParentCitation[];
  coverage: CoverageResult;
}

/** Coverage results kept per parent, by the plan content they were computed from (a few plans may share a parent). */
const COVERAGE_KEPT = 4;

export class ParentContext {
  private readonly cache = new WeakMap<PlanDocument, ParentLink[]>();
  private readonly coverages = new WeakMap<ParentDoc, Map<string, CoverageResult>>();
  private readonly lineIndexes = new WeakMap<PlanDocument, LineIndex>();
  constructor(readonly parents: readonly ParentDoc[]) {}

  /** Each parent with its citation in the plan and the plan's coverage of it (cached per plan). */
  links(plan: PlanDocument): ParentLink[] {
    let links = this.cache.get(plan);
    if (links) return links;
    const cites = citedParents(plan);
    const ownKey = ownKeyOf(plan)?.key;
    links = this.parents
      .map((p) => {
        const key = parentKeyOf(p.doc);
        const sameNumber = key ? cites.filter((c) => c.key === key.key) : [];
        let citation = sameNumber.find((c) => !otherBody(c, key!));
        // Every citation of this number names a body at another level ("16/KH-MTTQ-BTT … của Ban
        // Thường trực Ủy ban MTTQ tỉnh" vs a commune's 16/KH-MTTQ-BTT): another document, not a parent.
        if (sameNumber.length > 0 && !citation) return undefined;
        // Cited under another number? Same type, issuer and date is the same document miscited.
        const d = key?.date;
        const miscited = key && d
          ? cites.filter(
              (c) =>
                c.key !== key.key &&
                c.number.type.toLocaleUpperCase('vi') === key.type.toLocaleUpperCase('vi') &&
                c.number.issuer.toLocaleUpperCase('vi') === key.issuer.toLocaleUpperCase('vi') &&
                c.date !== undefined && c.date.year === d.year && c.date.month === d.month && c.date.day === d.day,
            )
          : [];
        const numberMismatch = !citation && miscited.length > 0;
        if (numberMismatch) citation = miscited[0];
        return { parent: p, key, citation, numberMismatch, miscited };
      })
      .filter((l): l is NonNullable<typeof l> => l !== undefined)
      // A plan given as its own parent (a folder scan) is not a parent.
      .filter((l) => !(ownKey && l.key && l.key.key === ownKey))
      .map((l) => ({ ...l, coverage: this.coverage(plan, l.parent) }));
    this.cache.set(plan, links);
    return links;
  }

  /**
   * The plan's coverage of one parent, computed again only when what the matching reads of the plan
   * changed: an edit outside the tasks (the signature, a date, the recipients) reuses the last result.
   */
  private coverage(plan: PlanDocument, parent: ParentDoc): CoverageResult {
    let kept = this.coverages.get(parent);
    if (!kept) this.coverages.set(parent, (kept = new Map()));
    const key = coverageKey(plan);
    let result = kept.get(key);
    if (!result) {
      result = matchCoverage(plan, parent.doc);
      if (kept.size >= COVERAGE_KEPT) kept.delete(kept.keys().next().value as string);
      kept.set(key, result);
    }
    return result;
  }

  /** A place in a parent's file, LSP-style, for related information. */
  related(parent: ParentDoc, span: Span, message: Text): { message: Text; file: FilePlace } {
    let index = this.lineIndexes.get(parent.doc);
    if (!index) this.lineIndexes.set(parent.doc, (index = new LineIndex(parent.doc.source)));
    const a = index.positionAt(parent.doc.toSourceOffset(span.start));
    const b = index.positionAt(parent.doc.toSourceOffset(span.end));
    return { message, file: { path: parent.path ?? '', line: a.line, character: a.character, endLine: b.line, endCharacter: b.character } };
  }
}

/** The administrative level a body's name places it at ("… tỉnh Quảng Ninh", "… XÃ LƯƠNG MINH"), when it says one. */
function placeLevel(name: string): 'commune' | 'district' | 'province' | undefined {
  const s = name.toLocaleLowerCase('vi');
  if (/(?<![\p{L}])(?:thị\s+xã|huyện|quận)(?![\p{L}])/u.test(s)) return 'district';
  if (/(?<![\p{L}])(?:xã|phường|thị\s+trấn|đặc\s+khu)(?![\p{L}])(?!\s+hội)/u.test(s)) return 'commune';
  if (/(?<![\p{L}])tỉnh(?![\p{L}])/u.test(s)) return 'province';
  return undefined;
}

/** A citation whose issuer names a body at another level than the document's own issuer. */
function otherBody(c: ParentCitation, key: DocKey): boolean {
  if (!c.issuer || !key.issuerName) return false;
  const cited = placeLevel(c.issuer);
  const own = placeLevel(key.issuerName);
  return cited !== undefined && own !== undefined && cited !== own;
}

/** Where a finding about a parent stands in the plan: its citation, else the subject, else line 1. */
export function anchorOf(plan: PlanDocument, link: ParentLink): Span {
  if (link.citation) return { start: link.citation.number.start, end: link.citation.number.end };
  if (plan.header.subject) return { start: plan.header.subject.start, end: plan.header.subject.end };
  if (plan.header.docType) return { start: plan.header.docType.start, end: plan.header.docType.end };
  const first = plan.lines.find((l) => l.contentStart < l.end);
  return first ? { start: first.contentStart, end: first.end } : { start: 0, end: 0 };
}

/** "Nghị quyết 34-NQ/TU" for messages. */
export function parentName(link: ParentLink): string {
  const sym = link.key?.symbol ?? link.citation?.symbol ?? link.parent.path ?? '?';
  const word = link.citation?.typeWord;
  return word ? `${word} ${sym}` : sym;
}

export const RELATED_PARENT = (label: string) => t(`nhiệm vụ ${label} trong văn bản cấp trên`, `task ${label} in the parent directive`);

/**
 * Everything matchCoverage reads of a plan, as one string: the issuer's level, the plan's own
 * number, whether it has reporting clauses, its task units (spans, labels, titles, their text),
 * the leads of its tasks and its appendix task rows. Equal keys give equal coverage results, offsets
 * included (an edit before the tasks moves the units' spans, so it changes the key).
 */
export function coverageKey(plan: PlanDocument): string {
  const units = unitsOf(plan);
  let start = Infinity;
  let end = -Infinity;
  for (const u of units) {
    start = Math.min(start, u.start);
    end = Math.max(end, u.end);
  }
  return JSON.stringify([
    levelOfIssuer(plan) ?? null,
    parentKeyOf(plan) ?? null,
    plan.reporting.length > 0,
    units,
    units.length ? plan.text.slice(start, end) : '',
    plan.tasks.map((t) => [t.item ?? null, t.table ?? null, t.row ?? null, t.lead?.name ?? null]),
    tableTasks(plan),
  ]);
}
