// The rule registry: one explicit list. Add a rule by writing its file and listing it here,
// under its category. Ids by category: numbering KH1xx, lead-agency KH2xx, reporting KH3xx,
// citation KH4xx, date KH5xx, structure KH6xx, encoding KH7xx, agency KH8xx, parent KH9xx.

import type { Rule } from '../rule';
// -- imports: numbering
// -- imports: lead-agency
// -- imports: reporting
// -- imports: citation
// -- imports: date
// -- imports: structure
// -- imports: encoding
import { encodingLegacyLetter } from './encoding-legacy-letter';
import { encodingMisplacedMark } from './encoding-misplaced-mark';
import { encodingSpacePunctuation } from './encoding-space-punctuation';
import { encodingLegacyFont } from './encoding-legacy-font';
// -- imports: agency

export const RULES: readonly Rule[] = [
  // -- rules: numbering
  // -- rules: lead-agency
  // -- rules: reporting
  // -- rules: citation
  // -- rules: date
  // -- rules: structure
  // -- rules: encoding
  encodingLegacyLetter,
  encodingMisplacedMark,
  encodingSpacePunctuation,
  encodingLegacyFont,
  // -- rules: agency
];

export function findRule(idOrAlias: string): Rule | undefined {
  return RULES.find((r) => r.id === idOrAlias || r.alias === idOrAlias);
}
