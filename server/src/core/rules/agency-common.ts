// Shared by the agency rules (KH8xx): the document's agency mentions (one scan per document,
// merged with the task parser's doc.agencies), "is this mention historical", dates in messages.

import type { Citation, PlanDocument, Span, Ymd } from '../model';
import type { RuleContext } from '../rule';
import { agencyIndexOf, type AgencyEntry, type AgencyIndex, type AgencyMention } from '../registry/agencies';
import { tokenize, type Tokens } from '../registry/agency-names';
import { collapseSpaces } from '../text/spaces';

export interface DocAgencies {
  tokens: Tokens;
  /** Every known agency named in the text, in order, without overlaps. */
  mentions: AgencyMention[];
  registry: AgencyIndex;
}

const cache = new WeakMap<PlanDocument, { registry: AgencyIndex; value: DocAgencies }[]>();

/** Tokens and agency mentions of a document, computed once per document and registry. */
export function docAgencies(ctx: RuleContext): DocAgencies {
  const registry = agencyIndexOf(ctx.registry?.agencies, ctx.config);
  const doc = ctx.doc;
  let list = cache.get(doc);
  const hit = list?.find((e) => e.registry === registry);
  if (hit) return hit.value;
  const tokens = tokenize(doc.text);
  const scanned = registry.scan(doc.text, tokens);
  // The task parser may see names the scan does not (lower-case start, odd punctuation); add
  // those it resolves, unless the scan already covers the span.
  const extra: AgencyMention[] = [];
  // A plan repeats its collectives ("Các sở, ban, ngành" in every table row): look each name up once.
  const looked = new Map<string, AgencyEntry | undefined>();
  const lookup = (name: string) => {
    if (!looked.has(name)) looked.set(name, registry.lookup(name));
    return looked.get(name);
  };
  for (const ref of doc.agencies ?? []) {
    if (!ref || typeof ref.name !== 'string' || ref.end <= ref.start) continue;
    if (overlapsAny(scanned, ref)) continue;
    const record = ref.agencyId ? registry.byId(ref.agencyId) ?? lookup(ref.name) : lookup(ref.name);
    if (!record) continue;
    const text = doc.text.slice(ref.start, ref.end);
    if (extra.some((e) => e.start < ref.end && ref.start < e.end)) continue;
    extra.push({ start: ref.start, end: ref.end, record, text, form: record.name });
  }
  const mentions = extra.length ? [...scanned, ...extra].sort((a, b) => a.start - b.start) : scanned;
  const value: DocAgencies = { tokens, mentions, registry };
  if (!list) cache.set(doc, (list = []));
  list.push({ registry, value });
  return value;
}

/** Whether a span overlaps any of a sorted list of spans (binary search). */
export function overlapsAny(sorted: readonly Span[], s: Span): boolean {
  let lo = 0, hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = sorted[mid];
    if (m.end <= s.start) lo = mid + 1;
    else if (m.start >= s.end) hi = mid - 1;
    else return true;
  }
  return false;
}

export function isoOf(d: Ymd): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** "2025-03-01" → "01/03/2025" (how Vietnamese messages write dates). */
export function viDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The day after an ISO date (when a body that ended on `until` was replaced). */
const dayAfterCache = new Map<string, string>();
export function dayAfter(iso: string): string {
  let v = dayAfterCache.get(iso);
  if (v === undefined) dayAfterCache.set(iso, (v = computeDayAfter(iso)));
  return v;
}

function computeDayAfter(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + 1));
  return d.toISOString().slice(0, 10);
}

function inSpan(s: Span | undefined, at: number): boolean {
  return !!s && at >= s.start && at < s.end;
}

/** Inside "Nơi nhận", the signature block or the header (where short forms are the convention). */
export function inFormalBlock(doc: PlanDocument, at: number): boolean {
  return inSpan(doc.recipients, at) || inSpan(doc.signature, at) || (doc.header.end > doc.header.start && inSpan(doc.header, at));
}

const HISTORICAL_AFTER = /^\s*(\(\s*cũ\s*\)|cũ\b|trước đây|trước khi (sắp xếp|hợp nhất|sáp nhập))/u;
/** What may stand between an earlier document's date and its issuer: "ngày 02/6/2023 của UBND tỉnh Yên Bái". */
const ISSUER_AFTER_DATE = /^[\s,)]*(của|do)\s+$/u;

/**
 * Whether a mention speaks of the past, so an old name is right: inside a citation of an earlier
 * (or undated) document, the issuer of an earlier document ("… ngày 02/6/2023 của UBND tỉnh Yên
 * Bái"), or marked "(cũ)". A date elsewhere in the sentence does not make it history: "UBND huyện
 * … triển khai Chương trình số 55-CTr/TU ngày 31/01/2024" still assigns work to the district.
 */
const citationOrder = new WeakMap<PlanDocument, Citation[]>();

/** Citations that start at or before `at`, nearest first (at most a few: citations rarely nest). */
function citationsBefore(doc: PlanDocument, at: number): Citation[] {
  let sorted = citationOrder.get(doc);
  if (!sorted) citationOrder.set(doc, (sorted = [...(doc.citations ?? [])].sort((a, b) => a.start - b.start)));
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start <= at) lo = mid + 1;
    else hi = mid;
  }
  return sorted.slice(Math.max(0, lo - 4), lo).reverse();
}

export function isHistorical(doc: PlanDocument, span: Span, cutover: string): boolean {
  for (const c of citationsBefore(doc, span.start)) {
    if (c.start <= span.start && span.end <= c.end) {
      const d = c.date;
      if (!d || !d.year || !d.month || !d.day) return true;
      if (isoOf({ year: d.year, month: d.month, day: d.day }) < cutover) return true;
    }
  }
  const text = doc.text;
  if (inTitleOfEarlier(doc, span, cutover)) return true;
  if (HISTORICAL_AFTER.test(text.slice(span.end, span.end + 40))) return true;
  for (const d of datesIn(doc, Math.max(0, span.start - 60), span.start)) {
    if (d.end > span.start || !d.valid || !d.year || !d.month || !d.day) continue;
    if (!ISSUER_AFTER_DATE.test(text.slice(d.end, span.start))) continue;
    if (isoOf({ year: d.year, month: d.month, day: d.day }) < cutover) return true;
  }
  return false;
}

/** "về"/"V/v" between a citation and the mention: the mention is in the cited document's title. */
const TITLE_LINK = /(?:^|[\s,)])(?:về|v\/v)\s/iu;

/**
 * Whether a mention sits in the title of an earlier document cited just before it, in the same
 * clause: "Kế hoạch số 75/KH-UBND ngày 10/3/2024 của UBND tỉnh về … tỉnh Bình Thuận" names the
 * province as it was when that document was issued.
 */
function inTitleOfEarlier(doc: PlanDocument, span: Span, cutover: string): boolean {
  const text = doc.text;
  for (const c of citationsBefore(doc, span.start)) {
    if (c.end > span.start || span.start - c.end > 300) continue;
    const d = c.date;
    if (!d || !d.year || !d.month || !d.day || isoOf({ year: d.year, month: d.month, day: d.day }) >= cutover) continue;
    const between = text.slice(c.end, span.start);
    if (/[\n;]|\.\s/.test(between)) continue;
    if (TITLE_LINK.test(between)) return true;
  }
  return false;
}

/** Words that show a clause talks about the reorganisation itself ("nhiệm vụ của cấp huyện chuyển về cấp xã"). */
const REFORM_WORDS = /kết thúc hoạt động|không tổ chức|(?:sau|trước)(?: khi)? (?:sắp xếp|sáp nhập|hợp nhất)|trước đây|bàn giao|kế thừa|\(cũ\)/iu;

/** Whether the mention's clause speaks of the reorganisation (then an old level is named on purpose). */
export function inReformContext(text: string, span: Span): boolean {
  const { start, end } = clauseAround(text, span);
  return REFORM_WORDS.test(text.slice(start, end));
}

/** The mention's clause: its line, cut at ";" and at a sentence end (bounded to 400 characters each way). */
export function clauseAround(text: string, span: Span): Span {
  let start = span.start;
  const lo = Math.max(0, span.start - 400);
  while (start > lo) {
    const c = text[start - 1];
    if (c === '\n' || c === '\r' || c === ';' || (c === ' ' && text[start - 2] === '.')) break;
    start--;
  }
  let end = span.end;
  const hi = Math.min(text.length, span.end + 400);
  while (end < hi) {
    const c = text[end];
    if (c === '\n' || c === '\r' || c === ';' || (c === '.' && (end + 1 >= text.length || /\s/.test(text[end + 1])))) break;
    end++;
  }
  return { start, end };
}

function datesIn(doc: PlanDocument, start: number, end: number) {
  const ds = doc.dates ?? [];
  let lo = 0, hi = ds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ds[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out = [];
  for (let i = lo; i < ds.length && ds[i].start < end; i++) out.push(ds[i]);
  return out;
}

/** One-line form of a name as written (a wrapped table cell has a line break inside). */
export function oneLine(s: string): string {
  return collapseSpaces(s);
}
