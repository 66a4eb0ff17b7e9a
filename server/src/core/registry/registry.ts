// The registries rules consult: agencies (with the 2025 reorganisation) and well-known directives.
// Data lives in data/*.json at the repository root; loaders here type and index it.

import type { LintConfig } from '../config';
import type { Registry } from './types';

export type { AgencyEntry, AgencyRecord, AgencyRegistry, DirectiveRecord, DirectiveRegistry, Registry } from './types';

import { loadAgencyRegistry } from './agencies';
import { loadDirectiveRegistry } from './directives';

/** Build the registries for a configuration. Callers that check often (the server) cache the result per config. */
export function loadRegistry(config: LintConfig): Registry {
  return { agencies: loadAgencyRegistry(config), directives: loadDirectiveRegistry(config) };
}
