// Findings → LSP diagnostics. Each names its rule (code + a link to the rule's page) and carries
// its fixes in `data`, so code actions read them back without a side table.

import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type TextEdit,
} from 'vscode-languageserver';
import type { Category, Finding, FixKind, Severity } from '../core';
import { t } from '../core';
import { msg, range, type Analysis } from './analysis';

export const SOURCE = 'kehoach';

/** What a diagnostic carries for code actions; `version` guards against stale offsets. */
export interface DiagnosticData {
  version: number;
  rule: string;
  alias: string;
  category: Category;
  /** Source offsets of the finding, for finding the task it belongs to. */
  start: number;
  end: number;
  fixes: { title: string; preferred: boolean; kind: FixKind; edits: TextEdit[] }[];
}

export function isDiagnosticData(d: unknown): d is DiagnosticData {
  if (!d || typeof d !== 'object') return false;
  const o = d as Record<string, unknown>;
  return typeof o.version === 'number' && typeof o.rule === 'string' && Array.isArray(o.fixes);
}

export function toLspSeverity(s: Severity): DiagnosticSeverity {
  switch (s) {
    case 'error': return DiagnosticSeverity.Error;
    case 'warning': return DiagnosticSeverity.Warning;
    case 'information': return DiagnosticSeverity.Information;
    default: return DiagnosticSeverity.Hint;
  }
}

/** Where the rule pages live: docs/rules/<id>.md in the extension folder. */
export function ruleDocHref(extensionRoot: string, ruleId: string): string {
  return pathToFileURL(path.join(extensionRoot, 'docs', 'rules', `${ruleId}.md`)).toString();
}

export function toDiagnostic(a: Analysis, f: Finding, extensionRoot: string): Diagnostic {
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of f.related) {
    if (r.start !== undefined) {
      related.push({ location: { uri: a.uri, range: range(a.lines, r.start, r.end ?? r.start) }, message: r.message });
    } else if (r.file) {
      const start = { line: r.file.line, character: r.file.character };
      const end = { line: r.file.endLine ?? r.file.line, character: r.file.endCharacter ?? r.file.character };
      related.push({ location: { uri: pathToFileURL(r.file.path).toString(), range: { start, end } }, message: r.message });
    }
  }
  const data: DiagnosticData = {
    version: a.version,
    rule: f.rule,
    alias: f.alias,
    category: f.category,
    start: f.start,
    end: f.end,
    fixes: f.fixes.map((fix) => ({
      title: fix.title,
      preferred: fix.preferred,
      kind: fix.kind,
      edits: fix.edits.map((e) => ({ range: range(a.lines, e.start, e.end), newText: e.text })),
    })),
  };
  const d: Diagnostic = {
    range: range(a.lines, f.start, f.end),
    severity: toLspSeverity(f.severity),
    code: f.rule,
    codeDescription: { href: ruleDocHref(extensionRoot, f.rule) },
    source: SOURCE,
    message: f.message,
    data,
  };
  if (related.length) d.relatedInformation = related;
  return d;
}

export function diagnosticsFor(a: Analysis, extensionRoot: string): Diagnostic[] {
  if (a.tooLargeKB !== undefined) {
    return [...notesOf(a), {
      range: range(a.lines, 0, 0),
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      code: 'file-too-large',
      message: msg(a, t(
        `Tệp lớn ${a.tooLargeKB} KB, vượt giới hạn ${a.maxFileSizeKB} KB: không kiểm tra. Tăng "kehoach.maxFileSizeKB" để kiểm tra tệp này.`,
        `The file is ${a.tooLargeKB} KB, above the ${a.maxFileSizeKB} KB limit: not checked. Raise "kehoach.maxFileSizeKB" to check it.`,
      )),
    }];
  }
  return [...notesOf(a), ...(a.result?.findings ?? []).map((f) => toDiagnostic(a, f, extensionRoot))];
}

/** Limits that cut something and checks waiting for trust: information on the first line. */
function notesOf(a: Analysis): Diagnostic[] {
  return (a.notes ?? []).map((note) => ({
    range: range(a.lines, 0, 0),
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'kehoach-limit',
    message: msg(a, note),
  }));
}
