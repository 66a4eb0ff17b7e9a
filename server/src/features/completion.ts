// Completion: the next numbering label at the start of a line, the Vietnamese điểm letters,
// agency names (registry + those the plan already names) and directive citations (this plan,
// the other open plans, the registry).

import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { foldCase, t, type Citation, type NumberingLabel, type OutlineItem, type PlanDocument } from '../core';
import { msg, offsetOf, toModelOffset, type Analysis } from './analysis';
import { itemAt } from './codeActions';

/** Điểm letters in the order Nghị định 30/2020 uses them: đ after d; no f, j, w, z. */
export const DIEM_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

export function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) { out += s; n -= v; }
  return out;
}

export function fromRoman(s: string): number | undefined {
  const vals: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  const u = s.toUpperCase();
  for (let i = 0; i < u.length; i++) {
    const v = vals[u[i]], next = vals[u[i + 1]];
    if (v === undefined) return undefined;
    total += next !== undefined && next > v ? -v : v;
  }
  return total || undefined;
}

/** The label that follows one: III. → IV., b) → c), d) → đ), 2.3. → 2.4., 1- → 2-. */
export function nextLabel(raw: string): string | undefined {
  const s = raw.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d+(?:\.\d+)+)(\.?)$/.exec(s))) {
    const parts = m[1].split('.').map(Number);
    parts[parts.length - 1]++;
    return parts.join('.') + m[2];
  }
  if ((m = /^(\d+)([.\-)])$/.exec(s))) return `${+m[1] + 1}${m[2]}`;
  if ((m = /^([a-zđ])([)\.])$/.exec(s))) {
    const i = DIEM_LETTERS.indexOf(m[1]);
    return i >= 0 && i + 1 < DIEM_LETTERS.length ? DIEM_LETTERS[i + 1] + m[2] : undefined;
  }
  // A lone C, D, L or M is a Party-style section letter (A. B. C. D.), not a Roman numeral.
  if ((m = /^([IVXLCDM]+)([.\-)]?)$/.exec(s)) && !/^[CDLM]$/.test(m[1])) {
    const n = fromRoman(m[1]);
    return n ? toRoman(n + 1) + (m[2] || '.') : undefined;
  }
  if ((m = /^([A-ZĐ])([.\-)])$/.exec(s))) {
    const i = DIEM_LETTERS.indexOf(m[1].toLowerCase());
    return i >= 0 && i + 1 < DIEM_LETTERS.length ? DIEM_LETTERS[i + 1].toUpperCase() + m[2] : undefined;
  }
  if (/^[-+•*]$/.test(s)) return s;
  return undefined;
}

/** The first label of a child list under an item with this label. */
function firstChildLabels(label: NumberingLabel): string[] {
  switch (label.style) {
    case 'roman':
    case 'upper-letter':
      return ['1.'];
    case 'arabic':
      return ['a)', `${label.value ?? label.raw.replace(/\D/g, '')}.1.`];
    case 'arabic-dash':
      return ['a)'];
    case 'decimal':
      return ['a)', `${(label.parts ?? []).join('.')}.1.`];
    case 'letter':
      return ['-'];
    default:
      return [];
  }
}

// A line that is blank or holds the start of a label only: "", "  ", "I", "IV", "b", "2.", "1.1".
const LABEL_PREFIX = /^\s*([IVXLCDM]{0,6}|[A-ZĐ]|[a-zđ]|\d{1,3}(?:\.\d{0,3}){0,3})$/u;

/** Labels before the cursor when the parser found none: the nearest labelled line above. */
const LABEL_LINE = /^\s*((?:[IVXLCDM]+\.)|(?:\d+(?:\.\d+)+\.?)|(?:\d+[.\-])|(?:[a-zđ]\))|(?:[A-Z]\.))\s/u;

function labelsFromText(a: Analysis, line: number): string[] {
  const out: string[] = [];
  for (let l = line - 1; l >= 0 && l >= line - 200; l--) {
    const start = a.lines.offsetAt({ line: l, character: 0 });
    const end = a.lines.offsetAt({ line: l, character: 400 });
    const m = LABEL_LINE.exec(a.text.slice(start, end) + ' ');
    if (m) {
      const next = nextLabel(m[1]);
      if (next) out.push(next);
      break;
    }
  }
  return out;
}

function labelCandidates(a: Analysis, doc: PlanDocument, line: number): string[] {
  const lineStart = a.lines.offsetAt({ line, character: 0 });
  // The item the previous line belongs to, then its ancestors: after "b)" under "2." under "III."
  // the next line may be "c)", "3." or "IV.".
  const item = lineStart > 0 ? itemAt(doc, toModelOffset(doc, lineStart - 1)) : undefined;
  if (!item) return labelsFromText(a, line);
  const out: string[] = [];
  if (item.children.length === 0 && item.label) out.push(...firstChildLabels(item.label));
  let cur: OutlineItem | undefined = item;
  const chain: string[] = [];
  for (let guard = 0; cur && guard < 32; guard++) {
    if (cur.label) {
      const next = nextLabel(cur.label.raw);
      if (next) chain.push(next);
    }
    cur = cur.parent >= 0 && cur.parent !== cur.index ? doc.items[cur.parent] : undefined;
  }
  return [...chain, ...out];
}

/** The part of the line before the cursor a candidate would replace: the longest trailing run of words it starts with. */
function replaceStart(linePrefix: string, candidate: string): number {
  const folded = foldCase(candidate);
  const starts: number[] = [];
  for (let i = linePrefix.length - 1; i >= 0 && starts.length < 6; i--) {
    if (i === 0 || /\s/.test(linePrefix[i - 1])) if (!/\s/.test(linePrefix[i])) starts.push(i);
  }
  for (let k = starts.length - 1; k >= 0; k--) {
    const s = linePrefix.slice(starts[k]);
    if (s && folded.startsWith(foldCase(s))) return starts[k];
  }
  // No match: replace the word being typed (nothing, after a space).
  return starts.length && !/\s$/.test(linePrefix) ? starts[0] : linePrefix.length;
}

export interface CitationSummary {
  label: string;
  full: string;
  detail?: string;
}

export function citationSummary(c: Citation): CitationSummary {
  const type = c.typeWord?.value ?? c.number.type;
  const label = `${type} số ${c.number.raw}`;
  const full = [label, c.date ? `ngày ${c.date.raw.replace(/^ngày\s+/i, '')}` : '', c.issuer ? `của ${c.issuer.value}` : ''].filter(Boolean).join(' ');
  const detail = [c.date?.raw, c.issuer?.value].filter(Boolean).join(' — ');
  return detail ? { label, full, detail } : { label, full };
}

export function completion(a: Analysis, position: Position, otherCitations: readonly CitationSummary[] = []): CompletionItem[] {
  const result = a.result;
  if (!result) return [];
  const doc = result.doc;
  const offset = offsetOf(a, position);
  const pos = a.lines.positionAt(offset);
  const lineStart = a.lines.offsetAt({ line: pos.line, character: 0 });
  const linePrefix = a.text.slice(lineStart, offset);
  const items: CompletionItem[] = [];
  const rangeFrom = (startInLine: number) => ({ start: { line: pos.line, character: startInLine }, end: pos });

  if (LABEL_PREFIX.test(linePrefix)) {
    const indent = /^\s*/.exec(linePrefix)![0].length;
    const seen = new Set<string>();
    labelCandidates(a, doc, pos.line).forEach((label, i) => {
      if (seen.has(label)) return;
      seen.add(label);
      items.push({
        label,
        kind: CompletionItemKind.EnumMember,
        detail: msg(a, t('Số thứ tự tiếp theo', 'Next numbering label')),
        sortText: `0${String(i).padStart(3, '0')}`,
        textEdit: { range: rangeFrom(indent), newText: label + ' ' },
        filterText: label,
        preselect: i === 0,
      });
    });
    DIEM_LETTERS.forEach((l, i) => {
      const label = `${l})`;
      if (seen.has(label)) return;
      items.push({
        label,
        kind: CompletionItemKind.EnumMember,
        detail: msg(a, t('Điểm (Nghị định 30/2020: đ sau d, không có f, j, w, z)', 'Point (Decree 30/2020: đ after d, no f, j, w, z)')),
        sortText: `1${String(i).padStart(3, '0')}`,
        textEdit: { range: rangeFrom(indent), newText: label + ' ' },
        filterText: label,
      });
    });
  }

  // Agencies: the registry's, then those this plan already names.
  const agencies = new Map<string, string | undefined>();
  // Only agencies that exist at the plan's date: suggesting a merged-away name would be a finding.
  const planDate = result.planDate;
  for (const rec of a.registry.agencies.all()) {
    if (agencies.has(rec.name) || !a.registry.agencies.existsAt(rec, planDate)) continue;
    agencies.set(rec.name, rec.until ? `${msg(a, t('đến', 'until'))} ${rec.until}` : undefined);
  }
  for (const ref of doc.agencies) if (!ref.collective && !agencies.has(ref.name)) agencies.set(ref.name, msg(a, t('trong kế hoạch này', 'in this plan')));
  for (const task of doc.tasks) if (task.lead && !task.lead.collective && !agencies.has(task.lead.name)) agencies.set(task.lead.name, msg(a, t('trong kế hoạch này', 'in this plan')));
  for (const [name, detail] of agencies) {
    const start = replaceStart(linePrefix, name);
    const item: CompletionItem = { label: name, kind: CompletionItemKind.Module, sortText: `2${name}`, textEdit: { range: rangeFrom(start), newText: name }, filterText: name };
    if (detail) item.detail = detail;
    items.push(item);
  }

  // Citations: once the plan has introduced a document in full, later mentions may be short.
  const cited = new Set(doc.citations.map((c) => c.number.raw));
  const citations = new Map<string, CitationSummary>();
  for (const c of doc.citations) {
    const s = citationSummary(c);
    const prev = citations.get(s.label);
    if (!prev || s.full.length > prev.full.length) citations.set(s.label, s);
  }
  for (const s of otherCitations) if (!citations.has(s.label)) citations.set(s.label, s);
  for (const d of a.registry.directives.all()) {
    const label = `${d.type} số ${d.symbol}`;
    if (citations.has(label)) continue;
    const date = d.date && /^(\d{4})-(\d{2})-(\d{2})$/.exec(d.date);
    const full = [label, date ? `ngày ${date[3]}/${date[2]}/${date[1]}` : '', d.issuer ? `của ${d.issuer}` : ''].filter(Boolean).join(' ');
    citations.set(label, { label, full, ...(d.title ? { detail: d.title } : {}) });
  }
  for (const s of citations.values()) {
    const symbol = s.label.replace(/^.* số /, '');
    const newText = cited.has(symbol) ? s.label : s.full;
    const start = replaceStart(linePrefix, s.label);
    const item: CompletionItem = { label: s.label, kind: CompletionItemKind.Reference, sortText: `3${s.label}`, textEdit: { range: rangeFrom(start), newText }, filterText: s.label };
    if (s.detail) item.detail = s.detail;
    if (newText !== s.label) item.documentation = newText;
    items.push(item);
  }
  return items;
}
