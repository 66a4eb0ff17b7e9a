// "Quiet where told": quick fixes that silence one finding or one rule in this file, and that add
// an unknown body to the project's agencies — all written to `.kehoach.json` (projectFileEdit), never
// into the plan, whose text becomes the Word document.

import * as path from 'path';
import { fileURLToPath } from 'url';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { findingQuote, t, type AgencyRef } from '../core';
import { msg, type Analysis } from './analysis';
import type { DiagnosticData } from './diagnostics';
import { agencyEdit, ignoreEdit, projectRelative, type ProjectFileTarget } from './projectFileEdit';

export interface QuietEnv {
  projectFile?: ProjectFileTarget;
  canCreateFiles: boolean;
}

function planFileOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

function quickFix(title: string, d: Diagnostic | undefined, edit: CodeAction['edit']): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, ...(d ? { diagnostics: [d] } : {}), isPreferred: false, edit };
}

/** "Bỏ qua cảnh báo này" (this rule on these words in this file) and "Bỏ qua quy tắc này trong tệp". */
export function ignoreActions(a: Analysis, d: Diagnostic, data: DiagnosticData, env: QuietEnv): CodeAction[] {
  const target = env.projectFile;
  const plan = planFileOf(a.uri);
  if (!target || !plan) return [];
  const file = projectRelative(target, plan);
  const out: CodeAction[] = [];
  const one = ignoreEdit(target, { rule: data.rule, text: findingQuote(a.text, data), file }, env.canCreateFiles);
  if (one) out.push(quickFix(msg(a, t('Bỏ qua cảnh báo này', 'Ignore this finding')), d, one));
  const rule = ignoreEdit(target, { rule: data.rule, file }, env.canCreateFiles);
  if (rule) out.push(quickFix(msg(a, t(`Bỏ qua quy tắc ${data.rule} trong tệp này`, `Ignore rule ${data.rule} in this file`)), d, rule));
  return out;
}

/** The name to add: the words as written, on one line. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function addAgencyAction(a: Analysis, name: string, d: Diagnostic | undefined, env: QuietEnv): CodeAction | undefined {
  if (!env.projectFile || !name) return undefined;
  const edit = agencyEdit(env.projectFile, name, env.canCreateFiles);
  if (!edit) return undefined;
  return quickFix(msg(a, t(`Thêm "${name}" vào danh sách cơ quan của dự án`, `Add "${name}" to the project's agencies`)), d, edit);
}

/** A name the registry does not know, reported as a misspelling (KH804): the user may know better. */
export function unknownAgencyAction(a: Analysis, d: Diagnostic, data: DiagnosticData, env: QuietEnv): CodeAction | undefined {
  if (data.rule !== 'KH804') return undefined;
  return addAgencyAction(a, oneLine(a.text.slice(data.start, data.end)), d, env);
}

/** A lead agency under the cursor that the registry does not know (not a collective such as "các sở"). */
export function unknownLeadAction(a: Analysis, modelOffset: number, env: QuietEnv): CodeAction | undefined {
  const doc = a.result?.doc;
  if (!doc) return undefined;
  let lead: AgencyRef | undefined;
  for (const task of doc.tasks) {
    for (const ref of [task.lead, ...task.extraLeads]) {
      if (ref && modelOffset >= ref.start && modelOffset <= ref.end) lead = ref;
    }
    if (lead) break;
  }
  if (!lead || lead.collective || lead.agencyId || a.registry.agencies.lookup(lead.name)) return undefined;
  return addAgencyAction(a, oneLine(lead.name), undefined, env);
}
