// Configuration flows one way: settings and `.kehoach.json` are merged into a LintConfig the
// core receives. The core never reads settings or files itself.

import type { Severity } from './rule';
import type { Locale } from './i18n';
import { parseIgnoreList, type IgnoreEntry } from './ignore';

/** "off", a severity, or [severity, options]. */
export type RuleSetting = 'off' | Severity | [Severity | 'off', Record<string, unknown>];

export interface AgencyOverride {
  /** Canonical name. */
  name: string;
  aliases?: string[];
  /** ISO dates. */
  from?: string;
  until?: string;
  successors?: string[];
}

export interface DirectiveEntry {
  /** "94/NQ-CP", "43-NQ/TW". */
  symbol: string;
  date?: string;
  issuer?: string;
  title?: string;
  /** Path to the text of the directive, when the user has it. */
  path?: string;
}

export interface LintConfig {
  /** Rule id or alias → setting. */
  rules: Record<string, RuleSetting>;
  /** ISO date to judge the plan at; otherwise the header date, otherwise today. */
  planDate?: string;
  locale: Locale;
  /** Province the plan belongs to, for per-province agency lists ("Tuyên Quang"). */
  province?: string;
  /** Per-province agency lists: extend (default) or replace the built-in registry. */
  agencies?: { mode?: 'extend' | 'replace'; list: AgencyOverride[] };
  directives?: DirectiveEntry[];
  /** Paths of parent directives' texts. */
  parents?: string[];
  /** Findings the user chose to silence (core/ignore.ts); file paths absolute once read. */
  ignore?: IgnoreEntry[];
}

export function defaultConfig(): LintConfig {
  return { rules: {}, locale: 'vi' };
}

/** Merge a partial config (from a project file or settings) over a base. */
export function mergeConfig(base: LintConfig, over: Partial<LintConfig> | undefined): LintConfig {
  if (!over) return base;
  return {
    ...base,
    ...over,
    rules: { ...base.rules, ...(over.rules ?? {}) },
    directives: [...(base.directives ?? []), ...(over.directives ?? [])],
    parents: [...(base.parents ?? []), ...(over.parents ?? [])],
  };
}

/** Validate an untrusted object (a parsed `.kehoach.json`); returns problems in plain words. */
export function validateConfigObject(o: unknown): { config: Partial<LintConfig>; problems: string[] } {
  const problems: string[] = [];
  if (o === null || typeof o !== 'object' || Array.isArray(o)) {
    return { config: {}, problems: ['the configuration must be a JSON object'] };
  }
  const src = o as Record<string, unknown>;
  const config: Partial<LintConfig> = {};
  if (src.rules !== undefined) {
    if (typeof src.rules !== 'object' || src.rules === null || Array.isArray(src.rules)) problems.push('"rules" must be an object');
    else config.rules = src.rules as Record<string, RuleSetting>;
  }
  if (src.planDate !== undefined) {
    if (typeof src.planDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(src.planDate)) config.planDate = src.planDate;
    else problems.push('"planDate" must be a date YYYY-MM-DD');
  }
  if (src.locale !== undefined) {
    if (src.locale === 'vi' || src.locale === 'en') config.locale = src.locale;
    else problems.push('"locale" must be "vi" or "en"');
  }
  if (typeof src.province === 'string') config.province = src.province;
  if (src.agencies !== undefined) {
    const r = parseAgencyOverrides(src.agencies);
    if (r.agencies) config.agencies = r.agencies;
    problems.push(...r.problems);
  }
  if (src.ignore !== undefined) {
    const r = parseIgnoreList(src.ignore);
    config.ignore = r.entries;
    problems.push(...r.problems);
  }
  if (src.directives !== undefined) {
    if (Array.isArray(src.directives)) config.directives = src.directives as DirectiveEntry[];
    else problems.push('"directives" must be an array');
  }
  if (src.parents !== undefined) {
    if (Array.isArray(src.parents) && src.parents.every((p) => typeof p === 'string')) config.parents = src.parents as string[];
    else problems.push('"parents" must be an array of paths');
  }
  return { config, problems };
}

/**
 * Validate an untrusted `agencies` value: `{ "mode"?: "extend" | "replace", "list": [{ "name", … }] }`.
 * Entries without a name are dropped with a problem; the rest keep their optional fields.
 */
export function parseAgencyOverrides(raw: unknown): { agencies?: LintConfig['agencies']; problems: string[] } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { problems: ['"agencies" must be an object {"mode"?, "list": [...]}'] };
  const o = raw as Record<string, unknown>;
  const problems: string[] = [];
  let mode: 'extend' | 'replace' | undefined;
  if (o.mode === 'extend' || o.mode === 'replace') mode = o.mode;
  else if (o.mode !== undefined) problems.push('"agencies".mode must be "extend" or "replace"');
  const list: AgencyOverride[] = [];
  if (o.list !== undefined && !Array.isArray(o.list)) problems.push('"agencies".list must be an array');
  const items: unknown[] = Array.isArray(o.list) ? o.list : [];
  items.forEach((e, i) => {
    const a = e as Record<string, unknown> | null;
    if (!a || typeof a !== 'object' || typeof a.name !== 'string' || !a.name.trim()) return void problems.push(`"agencies".list[${i}] needs a "name"`);
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
    const entry: AgencyOverride = { name: a.name };
    const aliases = strings(a.aliases);
    if (aliases) entry.aliases = aliases;
    if (typeof a.from === 'string') entry.from = a.from;
    if (typeof a.until === 'string') entry.until = a.until;
    const successors = strings(a.successors);
    if (successors) entry.successors = successors;
    list.push(entry);
  });
  return { agencies: mode ? { mode, list } : { list }, problems };
}
