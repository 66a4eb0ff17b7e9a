// The requests answered from a document's analysis (its model and findings), by name, so the main
// thread and the analysis worker answer them with the same code: parameters and answers are plain
// data (they cross the thread boundary by structured clone; the model itself does not).

import type { CodeAction, CodeActionParams, Position, TextEdit } from 'vscode-languageserver';
import type { Ymd } from './core';
import { t } from './core';
import { msg, offsetOf, toModelOffset, type Analysis } from './features/analysis';
import { codeActions, fixAllEdits, resolveAction, type ActionEnv } from './features/codeActions';
import { completion, type CitationSummary } from './features/completion';
import { hover } from './features/hover';
import { documentSymbols, foldingRanges } from './features/outline';
import { agencyMatrixMarkdown, coverageMarkdown, definition, documentLinks } from './features/parents';
import { planStatus } from './features/planStatus';
import { semanticTokens } from './features/semanticTokens';

export const MODEL_REQUESTS = {
  hover: (a: Analysis, p: { position: Position }) => hover(a, p.position),
  documentSymbol: (a: Analysis) => documentSymbols(a),
  foldingRange: (a: Analysis) => foldingRanges(a),
  semanticTokens: (a: Analysis) => semanticTokens(a),
  documentLink: (a: Analysis) => documentLinks(a),
  definition: (a: Analysis, p: { position: Position }) => (a.result ? definition(a, toModelOffset(a.result.doc, offsetOf(a, p.position))) : []),
  /** `others`: citations other open plans make (from their last analyses). */
  completion: (a: Analysis, p: { position: Position; others: CitationSummary[] }) => completion(a, p.position, p.others),
  codeAction: (a: Analysis, p: { params: CodeActionParams; env: ActionEnv }) => codeActions(a, p.params, p.env),
  codeActionResolve: (a: Analysis, p: { action: CodeAction; today?: Ymd }) => resolveAction(p.action, a, { today: p.today }),
  coverageReport: (a: Analysis) => coverageMarkdown(a),
  agencyMatrix: (a: Analysis) => agencyMatrixMarkdown(a),
  planStatus: (a: Analysis) => planStatus(a),
  /** The edits of "fix all" (or of renumbering), with the label of the workspace edit; undefined when the plan was not checked. */
  fixAll: (a: Analysis, p: { today?: Ymd; numbering: boolean }): { edits: TextEdit[]; label: string } | undefined =>
    a.result
      ? {
          edits: fixAllEdits(a, { today: p.today }, p.numbering),
          label: p.numbering ? msg(a, t('Đánh số lại', 'Renumber')) : msg(a, t('Sửa tất cả', 'Fix all')),
        }
      : undefined,
};

export type ModelRequest = keyof typeof MODEL_REQUESTS;
export type ParamsOf<K extends ModelRequest> = Parameters<(typeof MODEL_REQUESTS)[K]>[1];
export type AnswerOf<K extends ModelRequest> = ReturnType<(typeof MODEL_REQUESTS)[K]>;

export function answer<K extends ModelRequest>(name: K, a: Analysis, params: ParamsOf<K>): AnswerOf<K> {
  return (MODEL_REQUESTS[name] as (a: Analysis, p: ParamsOf<K>) => AnswerOf<K>)(a, params);
}
