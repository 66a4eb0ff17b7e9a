// The development set of issue 11: real documents from outside the corpus (test/fixtures/devset), each
// warning/error finding judged by hand in labels.json. This module runs `kehoach check` on them the way
// the CLI does (same reader, parser, default config, no parents) and measures precision per rule.

import * as fs from 'fs';
import * as path from 'path';
import { checkParsed, defaultConfig, parsePlan, type Finding } from '../../server/src/core';
import { readPlanFile } from '../../server/src/planFile';
import { FIXTURES } from '../helpers';

export const DEVSET = path.join(FIXTURES, 'devset');
export const LABELS_FILE = path.join(DEVSET, 'labels.json');

/**
 * Documents without a header date are checked "as of today"; the set pins today so its numbers do not
 * drift with the calendar (the day the labels were made).
 */
export const DEVSET_TODAY = { year: 2026, month: 12, day: 5 };

export type Verdict = 'true' | 'false' | 'debatable';

/** One hand judgement, keyed by what survives rewording of messages and edits to other files. */
export interface Label {
  file: string;
  rule: string;
  /** 1-based line where the finding starts. */
  line: number;
  /** The source text of the finding's range, whitespace collapsed, trimmed, at most 80 characters. */
  text: string;
  verdict: Verdict;
  why: string;
}

/** A defect a reviewer sees that the tool does not report (for recall). */
export interface Miss {
  file: string;
  rule: string;
  line: number;
  note: string;
}

export interface LabelsFile {
  labels: Label[];
  misses: Miss[];
}

export interface JudgedFinding {
  file: string;
  finding: Finding;
  line: number;
  text: string;
  label?: Label;
}

export interface RuleStats {
  rule: string;
  fired: number;
  true: number;
  false: number;
  debatable: number;
  unlabelled: number;
  /** (true + debatable) / labelled; undefined when nothing labelled. */
  precision?: number;
}

export interface DevsetResult {
  documents: string[];
  /** Warning and error findings, each with its label when one matches. */
  findings: JudgedFinding[];
  /** Information findings (not counted for precision). */
  information: JudgedFinding[];
  perRule: RuleStats[];
  overall: RuleStats;
  /** Labels that match no finding of today's run (harmless: kept for when the finding returns). */
  stale: Label[];
}

/** The documents of the set: every file but the set's own notes and labels. */
export function devsetDocuments(): string[] {
  return fs
    .readdirSync(DEVSET)
    .filter((f) => (f.endsWith('.txt') || f.endsWith('.md')) && f !== 'README.md' && f !== 'SOURCES.md')
    .sort();
}

export function readLabels(): LabelsFile {
  const raw = JSON.parse(fs.readFileSync(LABELS_FILE, 'utf8')) as Partial<LabelsFile>;
  return { labels: raw.labels ?? [], misses: raw.misses ?? [] };
}

/** The key text of a range: what the reviewer sees underlined, on one line, short. */
export function keyText(source: string, start: number, end: number): string {
  return source.slice(start, end).replace(/\s+/g, ' ').trim().slice(0, 80);
}

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13 && source.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}

function labelKey(l: { file: string; rule: string; line: number; text: string }): string {
  return `${l.file}\u0000${l.rule}\u0000${l.line}\u0000${l.text}`;
}

/** Check one document as `kehoach check --no-parents FILE` does. */
export function checkDocument(file: string): { source: string; findings: Finding[] } {
  const input = readPlanFile(path.join(DEVSET, file));
  if (input.text === undefined) throw new Error(`${file}: ${input.error}`);
  const doc = parsePlan(input.text);
  const { findings } = checkParsed(doc, defaultConfig(), { today: DEVSET_TODAY });
  return { source: input.text, findings };
}

function stats(rule: string, items: JudgedFinding[]): RuleStats {
  const s: RuleStats = { rule, fired: items.length, true: 0, false: 0, debatable: 0, unlabelled: 0 };
  for (const f of items) {
    if (!f.label) s.unlabelled++;
    else s[f.label.verdict]++;
  }
  const labelled = s.true + s.false + s.debatable;
  if (labelled > 0) s.precision = (s.true + s.debatable) / labelled;
  return s;
}

export function runDevset(labels: LabelsFile = readLabels()): DevsetResult {
  const byKey = new Map<string, Label>();
  for (const l of labels.labels) byKey.set(labelKey(l), l);
  const used = new Set<string>();
  const documents = devsetDocuments();
  const findings: JudgedFinding[] = [];
  const information: JudgedFinding[] = [];
  for (const file of documents) {
    const { source, findings: found } = checkDocument(file);
    for (const finding of found) {
      const judged: JudgedFinding = { file, finding, line: lineOf(source, finding.start), text: keyText(source, finding.start, finding.end) };
      const key = labelKey({ file, rule: finding.rule, line: judged.line, text: judged.text });
      judged.label = byKey.get(key);
      if (judged.label) used.add(key);
      if (finding.severity === 'warning' || finding.severity === 'error') findings.push(judged);
      else information.push(judged);
    }
  }
  const rules = [...new Set(findings.map((f) => f.finding.rule))].sort();
  const perRule = rules.map((r) => stats(r, findings.filter((f) => f.finding.rule === r)));
  const stale = labels.labels.filter((l) => !used.has(labelKey(l)));
  return { documents, findings, information, perRule, overall: stats('overall', findings), stale };
}

/** A finding as a labels.json entry with the verdict left for a reviewer to fill in. */
export function labelTemplate(f: JudgedFinding): Label {
  return { file: f.file, rule: f.finding.rule, line: f.line, text: f.text, verdict: 'debatable', why: `TODO judge: ${f.finding.message}` };
}

const pct = (p: number | undefined) => (p === undefined ? '–' : `${(p * 100).toFixed(1)}%`);

/** The per-rule table and the overall numbers, as Markdown. */
export function formatReport(r: DevsetResult): string {
  const rows = [
    '| rule | fired | true | false | debatable | unlabelled | precision |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...[...r.perRule, r.overall].map((s) =>
      `| ${s.rule === 'overall' ? '**overall**' : s.rule} | ${s.fired} | ${s.true} | ${s.false} | ${s.debatable} | ${s.unlabelled} | ${pct(s.precision)} |`,
    ),
  ];
  const out = [
    `## Development set: precision of warnings and errors`,
    '',
    `${r.documents.length} documents, ${r.overall.fired} warning/error findings, ${r.information.length} information findings.`,
    '',
    ...rows,
    '',
  ];
  if (r.stale.length) {
    out.push(`Info: ${r.stale.length} labels no longer matched (kept; harmless):`, '');
    for (const l of r.stale) out.push(`- ${l.file}:${l.line} ${l.rule} "${l.text}" (${l.verdict})`);
    out.push('');
  }
  const unlabelled = r.findings.filter((f) => !f.label);
  if (unlabelled.length) {
    out.push(`${unlabelled.length} warning/error findings have no label; judge them and paste into labels.json:`, '', '```json');
    out.push(unlabelled.map((f) => JSON.stringify(labelTemplate(f))).join(',\n'));
    out.push('```', '');
  }
  return out.join('\n');
}
