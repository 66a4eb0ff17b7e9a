// The registries rules consult: agencies (with the 2025 reorganisation) and well-known directives.
// Data lives in data/*.json at the repository root; loaders here type and index it.

import type { LintConfig } from '../config';
import type { Ymd } from '../model';

export interface AgencyRecord {
  id: string;
  /** Canonical name, e.g. "Sở Kế hoạch và Đầu tư". */
  name: string;
  aliases: string[];
  level: 'central' | 'province' | 'district' | 'commune' | 'party' | 'front' | 'other';
  /** ISO dates of existence; missing means open-ended. */
  from?: string;
  until?: string;
  /** Successor ids after `until`; several when functions were split. */
  successors?: { id: string; functions?: string }[];
  /** Where the facts come from (decree, resolution). */
  source?: string;
}

export interface DirectiveRecord {
  /** "94/NQ-CP", "43-NQ/TW", "30/2020/NĐ-CP". */
  symbol: string;
  type: string;
  date?: string;
  issuer?: string;
  title?: string;
  path?: string;
}

export interface AgencyRegistry {
  all(): readonly AgencyRecord[];
  byId(id: string): AgencyRecord | undefined;
  /** Find the agency a written name denotes (canonical name, alias or abbreviation). */
  lookup(name: string): AgencyRecord | undefined;
  /** Whether the agency exists at a date. */
  existsAt(record: AgencyRecord, date: Ymd): boolean;
}

export interface DirectiveRegistry {
  all(): readonly DirectiveRecord[];
  /** Look up by symbol, accepting either spelling of the separator ("94/NQ-CP"). */
  lookup(symbol: string): DirectiveRecord | undefined;
}

export interface Registry {
  agencies: AgencyRegistry;
  directives: DirectiveRegistry;
}

import { loadAgencyRegistry } from './agencies';
import { loadDirectiveRegistry } from './directives';

/** Build the registries for a configuration. Callers that check often (the server) cache the result per config. */
export function loadRegistry(config: LintConfig): Registry {
  return { agencies: loadAgencyRegistry(config), directives: loadDirectiveRegistry(config) };
}
