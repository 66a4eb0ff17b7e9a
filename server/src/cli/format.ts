// Output formats for `kehoach check`: compiler-style text, JSON, SARIF 2.1.0.

import type { Finding } from '../core/check';
import { LineIndex, type Position } from '../core/text/lines';
import { RULES } from '../core/rules';
import type { RuleMeta, Severity } from '../core/rule';
import type { Locale } from '../core/i18n';
import type { DocxDocument, DocxLocation } from '../core/docx';

export interface FileResult {
  path: string;
  text: string;
  findings: Finding[];
  /** The kind of document as detected ("plan", "letter", "report" …): which rules applied. */
  kind?: string;
  /** Set when the file could not be checked. */
  error?: string;
  /** Set for a Word file: `text` is derived from it, and this maps offsets back to its paragraphs. */
  docx?: DocxDocument;
}

/** Where a finding starts in the .docx (paragraph ordinal, 0-based, and offset in its text). */
function docxPlace(r: FileResult, offset: number): DocxLocation | undefined {
  return r.docx?.map.toDocx(offset);
}

export interface LspRange {
  start: Position;
  end: Position;
}

function rangeOf(index: LineIndex, start: number, end: number): LspRange {
  return { start: index.positionAt(start), end: index.positionAt(end) };
}

export function formatText(results: FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.error) {
      out.push(`${r.path}: error: ${r.error}`);
      continue;
    }
    const index = new LineIndex(r.text);
    for (const f of r.findings) {
      const p = index.positionAt(f.start);
      out.push(`${r.path}:${p.line + 1}:${p.character + 1} ${f.severity} ${f.rule}/${f.alias} ${f.message}`);
    }
  }
  const counts = countBySeverity(results);
  out.push(
    `${results.length} tệp, ${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.information + counts.hint} gợi ý` +
      ` (${results.length} files, ${counts.error} errors, ${counts.warning} warnings, ${counts.information + counts.hint} notes)`,
  );
  return out.join('\n') + '\n';
}

export function countBySeverity(results: FileResult[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) for (const f of r.findings) c[f.severity]++;
  return c;
}

export function formatJson(results: FileResult[]): string {
  const files = results.map((r) => {
    if (r.error) return { path: r.path, error: r.error, findings: [] };
    const index = new LineIndex(r.text);
    return {
      path: r.path,
      ...(r.kind ? { documentKind: r.kind } : {}),
      findings: r.findings.map((f) => ({
        rule: f.rule,
        alias: f.alias,
        category: f.category,
        severity: f.severity,
        message: f.message,
        range: rangeOf(index, f.start, f.end),
        ...(r.docx ? { docx: docxPlace(r, f.start) ?? null } : {}),
        fixes: f.fixes.map((x) => ({
          title: x.title,
          preferred: x.preferred,
          // "fix": --fix applies it; "suggestion": only with --fix-type suggestion.
          kind: x.kind,
          edits: x.edits.map((e) => ({ range: rangeOf(index, e.start, e.end), newText: e.text })),
        })),
        related: f.related.map((p) => ({
          message: p.message,
          ...(p.start !== undefined && p.end !== undefined ? { range: rangeOf(index, p.start, p.end) } : {}),
          ...(p.file ? { file: p.file } : {}),
        })),
        ...(f.data ? { data: f.data } : {}),
      })),
    };
  });
  return JSON.stringify({ files }, null, 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0: one run, the rule catalogue as tool.driver.rules, 1-based line/column regions. */
export function formatSarif(results: FileResult[], locale: Locale, extraRules: readonly RuleMeta[] = [], version = '0.1.0'): string {
  const catalogue = [...RULES, ...extraRules];
  const ruleIndex = new Map(catalogue.map((r, i) => [r.id, i]));
  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of results) {
    const uri = r.path.replace(/\\/g, '/');
    if (r.error) {
      notifications.push({ level: 'error', message: { text: `${r.path}: ${r.error}` } });
      continue;
    }
    const index = new LineIndex(r.text);
    for (const f of r.findings) {
      const s = index.positionAt(f.start);
      const e = index.positionAt(f.end);
      const place = docxPlace(r, f.start);
      sarifResults.push({
        ruleId: f.rule,
        ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 },
            },
            // In a Word file the region is in the derived text; the paragraph names the place in Word.
            ...(place ? { logicalLocations: [{ name: `${place.part === 'document' ? '' : place.part + ' '}paragraph ${place.paragraph + 1}`, kind: 'element' }] } : {}),
          },
        ],
        ...(place ? { properties: { docx: place } } : {}),
        ...(f.fixes.length
          ? {
              fixes: f.fixes.map((x) => ({
                description: { text: x.title },
                artifactChanges: [
                  {
                    artifactLocation: { uri },
                    replacements: x.edits.map((ed) => {
                      const a = index.positionAt(ed.start);
                      const b = index.positionAt(ed.end);
                      return {
                        deletedRegion: { startLine: a.line + 1, startColumn: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 },
                        insertedContent: { text: ed.text },
                      };
                    }),
                  },
                ],
              })),
            }
          : {}),
      });
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kehoach',
            version,
            informationUri: 'https://github.com/kehoach/kehoach',
            rules: catalogue.map((rule) => ({
              id: rule.id,
              name: rule.alias,
              shortDescription: { text: locale === 'en' ? rule.description.en : rule.description.vi },
              ...(rule.rationale ? { fullDescription: { text: locale === 'en' ? rule.rationale.en : rule.rationale.vi } } : {}),
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
              properties: { category: rule.category, fixable: rule.fixable },
            })),
          },
        },
        results: sarifResults,
        ...(notifications.length ? { invocations: [{ executionSuccessful: false, toolExecutionNotifications: notifications }] } : {}),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
