// The agency registry: data/agencies.json (with the 2025 reorganisation) typed and indexed, plus
// the config's per-province overrides. Base data is parsed and indexed once per process; a
// registry with overrides is built per distinct override (and cached).

import type { LintConfig, AgencyOverride } from '../config';
import type { AgencyRef, PlanDocument, Ymd } from '../model';
import type { AgencyEntry, AgencyRecord, AgencyRegistry } from './types';
import { agencyKey, insertName, newNode, scanNames, tokenize, type NameMatch, type Tokens, type TrieNode } from './agency-names';
import { loadProvinces, type ProvinceTable } from './agency-provinces';
import { agenciesData } from './agency-data';
import { recognizeBody, type BodyRecognition } from './body-shape';

/** A record as data/agencies.json holds it (AgencyRecord plus what the agency rules need). */
export type { AgencyEntry } from './types';

interface AgencyFile {
  agencies: AgencyEntry[];
}

const PROVINCE_PLACEHOLDER = '<tỉnh>';

function isoOf(d: Ymd): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** A written name with a trailing qualifier ("Sở Nội vụ tỉnh Tuyên Quang") reduced to the agency. */
const QUALIFIER_WORDS = new Set(['tỉnh', 'thành', 'phố', 'trung', 'ương', 'thuộc', 'của', 'việt', 'nam', 'vn', 'khóa', 'khoá', 'tw']);

/** An agency the text names, found by the registry's scan or by the task parser. */
export interface AgencyMention {
  start: number;
  end: number;
  record: AgencyEntry;
  /** The text as written. */
  text: string;
  /** The listed form it matched (canonical name or alias). */
  form: string;
}

export class AgencyIndex implements AgencyRegistry {
  readonly records: readonly AgencyEntry[];
  private readonly ids = new Map<string, AgencyEntry>();
  private readonly keys = new Map<string, AgencyEntry>();
  readonly trie: TrieNode = newNode();
  /** Keys claimed by two records (a data error the tests look for). */
  readonly conflicts: { key: string; ids: string[] }[] = [];
  readonly provinces: ProvinceTable;
  readonly province?: string;

  constructor(records: AgencyEntry[], provinces: ProvinceTable, province?: string) {
    this.records = records;
    this.provinces = provinces;
    this.province = province ? provinces.canonical(province) ?? province : undefined;
    for (const r of records) this.ids.set(r.id, r);
    for (const r of records) {
      for (const form of this.formsOf(r)) {
        const key = agencyKey(form);
        if (!key) continue;
        const had = this.keys.get(key);
        if (had && had.id !== r.id) this.conflicts.push({ key, ids: [had.id, r.id] });
        else if (!had) this.keys.set(key, r);
        insertName(this.trie, form, r.id, key);
      }
    }
  }

  /** The canonical name and every alias, with "<tỉnh>" expanded to each province's name. */
  formsOf(r: AgencyRecord): string[] {
    const out: string[] = [];
    for (const f of [r.name, ...(r.aliases ?? [])]) {
      if (f.includes(PROVINCE_PLACEHOLDER)) {
        for (const p of this.provinces.allNames()) out.push(f.replace(PROVINCE_PLACEHOLDER, p));
      } else out.push(f);
    }
    return out;
  }

  all(): readonly AgencyRecord[] {
    return this.records;
  }

  byId(id: string): AgencyEntry | undefined {
    return this.ids.get(id);
  }

  lookup(name: string): AgencyEntry | undefined {
    if (typeof name !== 'string' || name.length === 0 || name.length > 500) return undefined;
    const key = agencyKey(name);
    const direct = this.keys.get(key);
    if (direct) return direct;
    // "Sở Nội vụ tỉnh Tuyên Quang", "Công an tỉnh Lào Cai": the longest known name from the start,
    // when what follows is only a place qualifier.
    const tokens = tokenize(name);
    if (tokens.length === 0) return undefined;
    tokens.upper[0] = 1; // the name as a whole: its first word starts it, whatever its case
    const m = scanNames(name, tokens, this.trie)[0];
    if (!m || m.first !== 0) return undefined;
    const place = this.provinces.keyTokens;
    const record = this.ids.get(m.id);
    // Only qualifiers that leave the body the same kind of body: "tỉnh Tuyên Quang", "khóa XIII",
    // a stray number. "UBND phường Văn Phú" is one commune, not the commune level: no match.
    const qualifier = (k: string) => QUALIFIER_WORDS.has(k) || place.has(k) || /^\d+$/.test(k) || /^[ivxl]+$/.test(k);
    const rest = tokens.key.slice(m.last + 1);
    if (rest.length <= 5 && rest.every(qualifier)) return record;
    return undefined;
  }

  /** Is this phrase a body: known to the registry, or unknown but named as bodies are (see body-shape.ts)? */
  recognize(phrase: string): BodyRecognition | undefined {
    return recognizeBody(phrase, this);
  }

  existsAt(record: AgencyRecord, date: Ymd): boolean {
    const d = isoOf(date);
    if (record.from && d < record.from) return false;
    if (record.until && d > record.until) return false;
    return true;
  }

  /** Successors of a body that ended, for this configuration's province (ids that exist in this registry). */
  successorsOf(record: AgencyEntry): { record: AgencyEntry; functions?: string }[] {
    const perProvince = this.province ? record.byProvince?.[this.province] : undefined;
    const list = perProvince ? perProvince.map((id) => ({ id, functions: undefined as string | undefined })) : record.successors ?? [];
    const out: { record: AgencyEntry; functions?: string }[] = [];
    for (const s of list) {
      const r = this.ids.get(s.id);
      if (r && !out.some((o) => o.record.id === r.id)) out.push({ record: r, functions: s.functions });
    }
    return out;
  }

  /** Every known agency name in a text (model offsets), one pass. */
  scan(text: string, tokens?: Tokens): AgencyMention[] {
    const toks = tokens ?? tokenize(text);
    return scanNames(text, toks, this.trie).map((m: NameMatch) => ({
      start: m.start,
      end: m.end,
      record: this.ids.get(m.id)!,
      text: text.slice(m.start, m.end),
      form: m.display,
    }));
  }
}

// ---------------------------------------------------------------------------------------------
// Loading and caching

let baseRecords: AgencyEntry[] | undefined;
let baseIndex: AgencyIndex | undefined;
const overrideCache = new Map<string, AgencyIndex>();

/** The built-in records, parsed once. */
export function baseAgencies(): AgencyEntry[] {
  if (!baseRecords) {
    const file = agenciesData() as AgencyFile | undefined;
    baseRecords = Array.isArray(file?.agencies) ? file!.agencies.filter(validEntry) : [];
  }
  return baseRecords;
}

function validEntry(r: unknown): r is AgencyEntry {
  const o = r as AgencyEntry;
  return !!o && typeof o.id === 'string' && typeof o.name === 'string' && Array.isArray(o.aliases);
}

function overrideId(name: string): string {
  return 'custom:' + agencyKey(name).replace(/ /g, '-');
}

/** Apply config.agencies: "extend" merges into the built-in list (matching by name), "replace" starts empty. */
function applyOverrides(base: AgencyEntry[], provinces: ProvinceTable, agencies: NonNullable<LintConfig['agencies']>, province?: string): AgencyIndex {
  const baseIndexed = new AgencyIndex(base, provinces);
  const replace = agencies.mode === 'replace';
  const records = new Map<string, AgencyEntry>();
  if (!replace) for (const r of base) records.set(r.id, r);
  const list: AgencyOverride[] = Array.isArray(agencies.list) ? agencies.list : [];
  const resolved: { entry: AgencyEntry; o: AgencyOverride }[] = [];
  for (const o of list) {
    if (!o || typeof o.name !== 'string' || !o.name.trim()) continue;
    const known = baseIndexed.lookup(o.name);
    const entry: AgencyEntry = known
      ? { ...known, aliases: [...known.aliases] }
      : { id: overrideId(o.name), name: o.name.trim(), aliases: [], level: 'other', source: 'cấu hình (config.agencies)' };
    if (Array.isArray(o.aliases)) entry.aliases.push(...o.aliases.filter((a) => typeof a === 'string'));
    if (typeof o.from === 'string') entry.from = o.from;
    if (typeof o.until === 'string') entry.until = o.until;
    // Listed for this province: it exists here, whatever the built-in data says about other provinces.
    entry.optional = false;
    records.set(entry.id, entry);
    resolved.push({ entry, o });
  }
  // Successors are names or ids; resolve them once every override is in.
  const tmp = new AgencyIndex([...records.values()], provinces);
  for (const { entry, o } of resolved) {
    if (!Array.isArray(o.successors)) continue;
    entry.successors = o.successors
      .map((s) => (typeof s === 'string' ? tmp.byId(s) ?? tmp.lookup(s) ?? baseIndexed.lookup(s) : undefined))
      .filter((r): r is AgencyEntry => !!r)
      .map((r) => ({ id: r.id }));
    entry.byProvince = undefined;
    for (const s of entry.successors) {
      if (!records.has(s.id)) {
        const r = baseIndexed.byId(s.id);
        if (r) records.set(r.id, r);
      }
    }
  }
  return new AgencyIndex([...records.values()], provinces, province);
}

/** Load data/agencies.json (and the config's per-province overrides). */
export function loadAgencyRegistry(config: LintConfig): AgencyIndex {
  const provinces = loadProvinces();
  const agencies = config?.agencies;
  const province = typeof config?.province === 'string' && config.province.trim() ? config.province.trim() : undefined;
  const hasOverrides = !!agencies && Array.isArray(agencies.list) && (agencies.list.length > 0 || agencies.mode === 'replace');
  if (!hasOverrides && !province) {
    if (!baseIndex) baseIndex = new AgencyIndex(baseAgencies(), provinces);
    return baseIndex;
  }
  const cacheKey = JSON.stringify([province ?? '', agencies ?? null]);
  let idx = overrideCache.get(cacheKey);
  if (!idx) {
    idx = hasOverrides ? applyOverrides(baseAgencies(), provinces, agencies!, province) : new AgencyIndex(baseAgencies(), provinces, province);
    if (overrideCache.size > 32) overrideCache.clear();
    overrideCache.set(cacheKey, idx);
  }
  return idx;
}

/** The registry a rule should use: the context's when it is ours, else one built for the config. */
export function agencyIndexOf(registry: AgencyRegistry | undefined, config: LintConfig): AgencyIndex {
  return registry instanceof AgencyIndex ? registry : loadAgencyRegistry(config);
}

/**
 * Fill `agencyId` on every agency reference the registry recognises (doc.agencies and the tasks'
 * lead, extra leads and coordinators), for features that group by agency. Leaves unknown names alone.
 */
export function resolveAgencyIds(doc: PlanDocument, registry: AgencyRegistry): void {
  const seen = new Map<string, string | undefined>();
  const resolve = (ref: AgencyRef | undefined) => {
    if (!ref || ref.agencyId || typeof ref.name !== 'string') return;
    let id = seen.get(ref.name);
    if (!seen.has(ref.name)) seen.set(ref.name, (id = registry.lookup(ref.name)?.id));
    if (id) ref.agencyId = id;
  };
  for (const ref of doc.agencies ?? []) resolve(ref);
  for (const task of doc.tasks ?? []) {
    resolve(task.lead);
    for (const r of task.extraLeads ?? []) resolve(r);
    for (const r of task.coordinators ?? []) resolve(r);
  }
}
