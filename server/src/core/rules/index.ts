// The rule registry: one explicit list. Add a rule by writing its file and listing it here,
// under its category. Ids by category: numbering KH1xx, lead-agency KH2xx, reporting KH3xx,
// citation KH4xx, date KH5xx, structure KH6xx, encoding KH7xx, agency KH8xx, parent KH9xx,
// layout KH10xx (thể thức of a .docx: they run only when the text came from a Word file).

import type { Rule } from '../rule';
// -- imports: numbering
import { numberingSequence } from './numbering-sequence';
import { numberingLetterOrder } from './numbering-letter-order';
import { numberingParent } from './numbering-parent';
import { numberingStyle } from './numbering-style';
import { numberingAppendixRow } from './numbering-appendix-row';
// -- imports: lead-agency
import { leadAgencyMissing } from './lead-agency-missing';
import { leadAgencyCollective } from './lead-agency-collective';
import { leadAgencyMultiple } from './lead-agency-multiple';
import { leadAgencyAlsoCoordinator } from './lead-agency-also-coordinator';
// -- imports: reporting
import { reportingNoDeadline } from './reporting-no-deadline';
import { reportingConsolidationOrder } from './reporting-consolidation-order';
// -- imports: citation
import { citationSymbolForm } from './citation-symbol-form';
import { citationIssuerMismatch } from './citation-issuer-mismatch';
import { citationTypeMismatch } from './citation-type-mismatch';
import { citationInconsistent } from './citation-inconsistent';
import { citationMissingDate } from './citation-missing-date';
import { citationFutureDate } from './citation-future-date';
import { citationRegistryMismatch } from './citation-registry-mismatch';
import { citationBlankNumber } from './citation-blank-number';
// -- imports: date
import { dateInvalid } from './date-invalid';
import { dateNd30Form } from './date-nd30-form';
// -- imports: structure
import { checkBudget } from './structure-check-budget';
import { structureSections } from './structure-sections';
import { structureHeader } from './structure-header';
import { structureDocType } from './structure-doc-type';
// -- imports: encoding
import { encodingLegacyLetter } from './encoding-legacy-letter';
import { encodingMisplacedMark } from './encoding-misplaced-mark';
import { encodingSpacePunctuation } from './encoding-space-punctuation';
import { encodingLegacyFont } from './encoding-legacy-font';
// -- imports: agency
import { agencyDefunct } from './agency-defunct';
import { agencyDistrictLevel } from './agency-district-level';
import { agencyProvinceMerged } from './agency-province-merged';
import { agencyMisspelled } from './agency-misspelled';
import { agencyInconsistentName } from './agency-inconsistent-name';
// -- imports: parent
import { parentTaskUncovered } from './parent-uncovered';
import { parentDeadlineLater } from './parent-deadline-later';
import { parentReportingLater } from './parent-reporting-later';
import { parentPlanLate } from './parent-plan-late';
import { parentCitationMismatch } from './parent-citation-mismatch';
// -- imports: layout
import { layoutPaper } from './layout-paper';
import { layoutMargins } from './layout-margins';
import { layoutFont } from './layout-font';
import { layoutHeaderFormat } from './layout-header-format';
import { layoutBodyText } from './layout-body-text';
import { layoutRecipients } from './layout-recipients';
import { layoutPageNumber } from './layout-page-number';
import { layoutSignature } from './layout-signature';
import { layoutHeaderRules } from './layout-header-rules';

export const RULES: readonly Rule[] = [
  // -- rules: numbering
  numberingSequence,
  numberingLetterOrder,
  numberingParent,
  numberingStyle,
  numberingAppendixRow,
  // -- rules: lead-agency
  leadAgencyMissing,
  leadAgencyCollective,
  leadAgencyMultiple,
  leadAgencyAlsoCoordinator,
  // -- rules: reporting
  reportingNoDeadline,
  reportingConsolidationOrder,
  // -- rules: citation
  citationSymbolForm,
  citationIssuerMismatch,
  citationTypeMismatch,
  citationInconsistent,
  citationMissingDate,
  citationFutureDate,
  citationRegistryMismatch,
  citationBlankNumber,
  // -- rules: date
  dateInvalid,
  dateNd30Form,
  // -- rules: structure
  checkBudget,
  structureSections,
  structureHeader,
  structureDocType,
  // -- rules: encoding
  encodingLegacyLetter,
  encodingMisplacedMark,
  encodingSpacePunctuation,
  encodingLegacyFont,
  // -- rules: agency
  agencyDefunct,
  agencyDistrictLevel,
  agencyProvinceMerged,
  agencyMisspelled,
  agencyInconsistentName,
  // -- rules: layout
  layoutPaper,
  layoutMargins,
  layoutFont,
  layoutHeaderFormat,
  layoutBodyText,
  layoutRecipients,
  layoutPageNumber,
  layoutSignature,
  layoutHeaderRules,
  // -- rules: parent (run only when the check is given parents: CheckOptions.parents; last, as they always ran)
  parentTaskUncovered,
  parentDeadlineLater,
  parentReportingLater,
  parentPlanLate,
  parentCitationMismatch,
];

export function findRule(idOrAlias: string): Rule | undefined {
  return RULES.find((r) => r.id === idOrAlias || r.alias === idOrAlias);
}
