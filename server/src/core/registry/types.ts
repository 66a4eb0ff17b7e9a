// What the registries hold and answer (agencies, well-known directives). Types only: the loaders
// (agencies.ts, directives.ts), the body recogniser and registry.ts all read them.

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

export interface AgencyEntry extends AgencyRecord {
  /** Exists only in some provinces (Sở Ngoại vụ, Sở Dân tộc và Tôn giáo): never reported missing. */
  optional?: boolean;
  /** Its short form (UBND, HĐND) is ordinary usage: mixing it with the full name is not an inconsistency. */
  conventionalShortForm?: boolean;
  /** Successor ids per province (province name → ids), where the split depends on the province. */
  byProvince?: Record<string, string[]>;
}
