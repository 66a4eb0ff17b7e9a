// Parent-directive coverage (issue 4): pure functions the CLI and the language server call.
export { parentKeyOf, ownKeyOf, citedParents, extractParentTasks, levelOfIssuer, type DocKey, type ParentCitation, type ParentTask, type Level } from './extract';
export { matchCoverage, laterDeadlines, DEFAULT_THRESHOLDS, type CoverageResult, type TaskCoverage, type PlanMatch, type CoverageStatus, type CoverageOptions } from './match';
export { wordDiff, type DiffPart } from './diff';
export { unitsOf, type Unit } from './units';
export { textSimilarity, syllables } from './similarity';
export { ParentContext, type ParentDoc } from './context';
export { formatReport, formatText, formatMarkdown, formatCsv, formatJson, reportRows, type ReportFormat } from './coverageTable';
export { canonicalSymbol, numberKey } from '../parse/docNumber';
export { parseSymbol } from '../parse/citation-symbol';
