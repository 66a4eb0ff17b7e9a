import type { LintConfig } from '../config';
import type { AgencyRegistry } from './registry';

/** Load data/agencies.json (and the config's per-province overrides). */
export function loadAgencyRegistry(_config: LintConfig): AgencyRegistry {
  return { all: () => [], byId: () => undefined, lookup: () => undefined, existsAt: () => true }; // TODO(registry)
}
