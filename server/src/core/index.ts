// The pure core: text in, typed model and findings out. No editor or LSP imports here.

export * from './model';
export * from './rule';
export * from './i18n';
export * from './config';
export * from './config-schema';
export * from './check';
export { applyEdits, FIX_KINDS, fixKindOf } from './fixes';
export { applyIgnores, findingQuote, parseIgnoreList, type IgnoreEntry } from './ignore';
export { parsePlan } from './parse';
export { RULES, findRule } from './rules';
export { LineIndex, splitLines, lineIndexAt } from './text/lines';
export { normalizeText, foldCase, stripDiacritics } from './text/normalize';
export { loadRegistry } from './registry/registry';
export type { Registry, AgencyRecord, DirectiveRecord } from './registry/registry';
