// Code actions: a finding's own fixes (from Diagnostic.data), fix all, renumbering, inserting a
// missing lead-agency or deadline line, and turning a rule off for the workspace.

import * as path from 'path';
import { fileURLToPath } from 'url';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import {
  batchFix,
  fixAll,
  RULES,
  t,
  type Finding,
  type FindingEdit,
  type LintConfig,
  type OutlineItem,
  type PlanDocument,
  type Task,
  type Ymd,
} from '../core';
import { msg, offsetOf, toModelOffset, type Analysis } from './analysis';
import { isDiagnosticData, SOURCE, type DiagnosticData } from './diagnostics';
import { minimalEdits, nonOverlapping, toTextEdits } from './edits';
import { ruleOffEdit, type ProjectFileTarget } from './projectFileEdit';
import { ignoreActions, unknownAgencyAction, unknownLeadAction } from './quietActions';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kehoach`;
export const RENUMBER_KIND = `${CodeActionKind.RefactorRewrite}.kehoach.renumber`;

export type { ProjectFileTarget } from './projectFileEdit';

export interface ActionEnv {
  today?: Ymd;
  projectFile?: ProjectFileTarget;
  /** Client can create files in a workspace edit. */
  canCreateFiles: boolean;
  /** Client resolves code actions lazily (edit computed in codeAction/resolve). */
  canResolve: boolean;
}

/** What a lazily computed action carries until it is resolved. */
export interface ActionData {
  kehoach: 'fixAll' | 'renumberDocument';
  uri: string;
  version: number;
}

export function isActionData(d: unknown): d is ActionData {
  return !!d && typeof d === 'object' && typeof (d as ActionData).kehoach === 'string' && typeof (d as ActionData).uri === 'string';
}

function wanted(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function workspaceEdit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

// ---------------------------------------------------------------------------------------------
// Fix all and renumbering: rewrite the text with the core, then send minimal edits.

/** A config with only the numbering rules on (turned back on if the user had them off: this is an explicit request). */
export function numberingOnlyConfig(config: LintConfig): LintConfig {
  const rules: LintConfig['rules'] = { ...config.rules };
  for (const r of RULES) {
    if (r.category !== 'numbering') rules[r.id] = 'off';
    else {
      const s = rules[r.id] ?? rules[r.alias];
      if (s === 'off' || (Array.isArray(s) && s[0] === 'off')) rules[r.id] = r.defaultSeverity;
    }
  }
  return { ...config, rules };
}

export function fixAllEdits(a: Analysis, env: Pick<ActionEnv, 'today'>, onlyNumbering = false): TextEdit[] {
  const config = onlyNumbering ? numberingOnlyConfig(a.config) : a.config;
  const registry = a.registry;
  const parents = onlyNumbering ? undefined : a.parentContext;
  const file = a.uri.startsWith('file:') ? path.resolve(fileURLToPath(a.uri)) : undefined;
  const { text } = fixAll(a.text, config, { registry, today: env.today, file, includeSuggestions: !!a.fixAllSuggestions, ...(parents ? { parents } : {}) });
  return minimalEdits(a.text, text, a.lines);
}

export function resolveAction(action: CodeAction, a: Analysis, env: Pick<ActionEnv, 'today'>): CodeAction {
  if (!isActionData(action.data) || action.data.version !== a.version) return action;
  const edits = fixAllEdits(a, env, action.data.kehoach === 'renumberDocument');
  return { ...action, edit: workspaceEdit(a.uri, edits) };
}

/** Whether batch fixing would change something (suggestions count only when the setting asks). */
function hasBatchFix(findings: readonly Finding[], includeSuggestions: boolean, pred: (f: Finding) => boolean = () => true): boolean {
  return findings.some((f) => pred(f) && !!batchFix(f, includeSuggestions));
}

/** Items in document order: the one whose text holds the offset (last item starting at or before it). */
export function itemAt(doc: PlanDocument, modelOffset: number): OutlineItem | undefined {
  const items = doc.items;
  let lo = 0, hi = items.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start <= modelOffset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (found < 0) return undefined;
  const it = items[found];
  return modelOffset <= subtreeEnd(doc, it) ? it : undefined;
}

/** Where an item's subtree ends (its own span may stop at its first child). */
export function subtreeEnd(doc: PlanDocument, item: OutlineItem): number {
  let end = item.end;
  let cur: OutlineItem | undefined = item;
  // The last descendant is reached by following last children; bounded by the tree's depth.
  for (let guard = 0; cur && cur.children.length && guard < 64; guard++) {
    cur = doc.items[cur.children[cur.children.length - 1]];
    if (cur) end = Math.max(end, cur.end);
  }
  return end;
}

/** The numbering findings on the labels of one list (the item's siblings), preferred fixes only. */
export function renumberListEdits(a: Analysis, item: OutlineItem): FindingEdit[] {
  const doc = a.result!.doc;
  const siblings = item.parent >= 0 ? (doc.items[item.parent]?.children ?? []) : doc.items.filter((i) => i.parent < 0).map((i) => i.index);
  const heads = siblings
    .map((i) => doc.items[i])
    .filter((i): i is OutlineItem => !!i)
    .map((i) => ({ start: doc.toSourceOffset(i.start), end: doc.toSourceOffset(Math.max(i.title.end, i.label?.end ?? i.start)) }));
  const onHead = (f: Finding) => heads.some((h) => f.start >= h.start && f.start <= h.end);
  const edits = a.result!.findings
    .filter((f) => f.category === 'numbering' && onHead(f))
    .flatMap((f) => batchFix(f)?.edits ?? []);
  return nonOverlapping(edits);
}

// ---------------------------------------------------------------------------------------------
// Inserting a missing line after a task

/** The innermost outline task holding a model offset. */
export function taskAt(doc: PlanDocument, modelOffset: number): Task | undefined {
  let best: Task | undefined;
  for (const task of doc.tasks) {
    if (task.source !== 'outline') continue;
    if (modelOffset >= task.start && modelOffset <= task.end && (!best || task.end - task.start < best.end - best.start)) best = task;
  }
  return best;
}

/** Source offset of the end of the last non-blank line of a model span, and that span's first-line indentation. */
function insertionPoint(a: Analysis, doc: PlanDocument, span: { start: number; end: number }): { offset: number; indent: string } {
  let end = Math.min(span.end, doc.text.length);
  while (end > span.start && /\s/.test(doc.text[end - 1])) end--;
  const srcEnd = doc.toSourceOffset(end);
  const pos = a.lines.positionAt(srcEnd);
  const lineEnd = a.lines.offsetAt({ line: pos.line, character: Number.MAX_SAFE_INTEGER });
  const firstLine = a.lines.positionAt(doc.toSourceOffset(span.start)).line;
  const lineStart = a.lines.offsetAt({ line: firstLine, character: 0 });
  const indent = /^[ \t]*/.exec(a.text.slice(lineStart, lineStart + 200))?.[0] ?? '';
  return { offset: lineEnd, indent };
}

export const LEAD_LINE = '- Cơ quan chủ trì: ';
export const DEADLINE_LINE = '- Thời gian hoàn thành: ';

function insertLineAction(a: Analysis, d: Diagnostic, data: DiagnosticData, which: 'lead' | 'deadline'): CodeAction | undefined {
  const doc = a.result?.doc;
  if (!doc) return undefined;
  // Only after an outline task: a line inserted into a pasted table (one cell per line) would break it.
  const task = taskAt(doc, toModelOffset(doc, data.start));
  if (!task) return undefined;
  const { offset, indent } = insertionPoint(a, doc, task);
  const eol = /\r\n/.test(a.text) ? '\r\n' : '\n';
  const line = which === 'lead' ? LEAD_LINE : DEADLINE_LINE;
  const pos = a.lines.positionAt(offset);
  const title = which === 'lead'
    ? msg(a, t('Thêm dòng "Cơ quan chủ trì" cho nhiệm vụ', 'Add a "Cơ quan chủ trì" (lead agency) line to the task'))
    : msg(a, t('Thêm dòng "Thời gian hoàn thành" cho nhiệm vụ', 'Add a "Thời gian hoàn thành" (deadline) line to the task'));
  const placeholder = which === 'lead' ? msg(a, t('tên cơ quan', 'agency name')) : msg(a, t('trước ngày dd/mm/yyyy', 'trước ngày dd/mm/yyyy'));
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: false,
    edit: workspaceEdit(a.uri, [{ range: { start: pos, end: pos }, newText: eol + indent + line }]),
    // Editors that take snippets (the VS Code client) turn this into a tab stop.
    data: { snippet: { uri: a.uri, position: pos, text: `${eol}${indent}${line}\${1:${placeholder}}.` } },
  };
}

// ---------------------------------------------------------------------------------------------

export function codeActions(a: Analysis, params: CodeActionParams, env: ActionEnv): CodeAction[] {
  const out: CodeAction[] = [];
  const result = a.result;
  if (!result) return out;
  const only = params.context?.only;
  const ours = (params.context?.diagnostics ?? []).filter((d) => d.source === SOURCE && isDiagnosticData(d.data));

  if (wanted(only, CodeActionKind.QuickFix)) {
    const offered = new Set<string>();
    const quietTitles = new Set<string>();
    for (const d of ours) {
      const data = d.data as DiagnosticData;
      // Offsets in data belong to the version they were computed for; a newer text gets new diagnostics soon.
      if (data.version !== a.version) continue;
      for (const fix of data.fixes) {
        out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.preferred, edit: workspaceEdit(a.uri, fix.edits) });
      }
      if (data.category === 'lead-agency') {
        const act = insertLineAction(a, d, data, 'lead');
        if (act) out.push(act);
      } else if (data.category === 'reporting') {
        const act = insertLineAction(a, d, data, 'deadline');
        if (act) out.push(act);
      }
      const agency = unknownAgencyAction(a, d, data, env);
      if (agency) out.push(agency);
      // One "ignore" per finding, and one "ignore the rule in this file" per rule.
      for (const act of ignoreActions(a, d, data, env)) if (!quietTitles.has(act.title)) quietTitles.add(act.title), out.push(act);
    }
    // A lead the registry does not know, under the cursor (with or without a finding on it).
    const lead = unknownLeadAction(a, toModelOffset(result.doc, offsetOf(a, params.range?.start)), env);
    if (lead && !out.some((x) => x.title === lead.title)) out.push(lead);
    for (const d of ours) {
      const data = d.data as DiagnosticData;
      if (offered.has(data.rule) || !env.projectFile) continue;
      offered.add(data.rule);
      const edit = ruleOffEdit(env.projectFile, data.rule, env.canCreateFiles);
      if (!edit) continue;
      out.push({
        title: msg(a, t(`Tắt quy tắc ${data.rule} (${data.alias}) cho không gian làm việc này`, `Turn rule ${data.rule} (${data.alias}) off for this workspace`)),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: false,
        edit,
      });
    }
  }

  const lazy = (kind: ActionData['kehoach'], title: string, actionKind: string): CodeAction => {
    const action: CodeAction = { title, kind: actionKind, data: { kehoach: kind, uri: a.uri, version: a.version } satisfies ActionData };
    return env.canResolve ? action : resolveAction(action, a, env);
  };

  // Renumbering: offered where the cursor is on a numbered list that the numbering rules would change.
  if (wanted(only, RENUMBER_KIND)) {
    const doc = result.doc;
    const start = offsetOf(a, params.range?.start);
    const item = itemAt(doc, toModelOffset(doc, start));
    if (item) {
      const edits = renumberListEdits(a, item);
      if (edits.length) {
        out.push({
          title: msg(a, t('Đánh số lại danh sách này', 'Renumber this list')),
          kind: RENUMBER_KIND,
          edit: workspaceEdit(a.uri, toTextEdits(a.lines, edits)),
        });
      }
    }
    if (hasBatchFix(result.findings, false, (f) => f.category === 'numbering')) {
      out.push(lazy('renumberDocument', msg(a, t('Đánh số lại toàn văn bản', 'Renumber the whole document')), RENUMBER_KIND));
    }
  }

  if (wanted(only, FIX_ALL_KIND) && hasBatchFix(result.findings, !!a.fixAllSuggestions)) {
    out.push(lazy('fixAll', msg(a, t('Kế hoạch: sửa tất cả lỗi sửa được', 'Kế hoạch: fix all auto-fixable problems')), FIX_ALL_KIND));
  }
  return out;
}
