// Configuration flows one way: settings and `.kehoach.json` are merged into a LintConfig the
// core receives. The core never reads settings or files itself.

import type { Severity } from './finding';
import type { Locale } from './i18n';
import type { IgnoreEntry } from './ignore';

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

/** What the user set for one run, over the project file: command-line flags or editor settings. */
export interface RunSettings {
  rules?: Record<string, RuleSetting>;
  /** YYYY-MM-DD. */
  planDate?: string;
  province?: string;
  locale?: Locale;
}

/**
 * The one way a LintConfig is assembled, for the CLI, the server and the extension alike:
 * defaults ← the project file (`.kehoach.json`) ← what the user set for this run.
 */
export function assembleConfig(project: Partial<LintConfig> | undefined, run: RunSettings = {}): LintConfig {
  const over: Partial<LintConfig> = {};
  if (run.rules) over.rules = run.rules;
  if (run.planDate) over.planDate = run.planDate;
  if (run.province) over.province = run.province;
  const config = mergeConfig(mergeConfig(defaultConfig(), project), over);
  if (run.locale) config.locale = run.locale;
  return config;
}
