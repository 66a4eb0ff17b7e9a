// Editor settings (`kehoach.*`) as the server reads them, and how they merge with the project
// file into the LintConfig the core receives: defaults ← .kehoach.json ← settings.

import type { LintConfig, RuleSetting, Severity } from '../core';
import { assembleConfig, type Locale } from '../core';
import type { ProjectConfig } from '../projectConfig';
import { ISO_DATE } from '../core/isoDate';

export interface KehoachSettings {
  /** Rule id or alias → "off" | severity. */
  rules: Record<string, RuleSetting>;
  /** YYYY-MM-DD, or undefined to use the header date. */
  planDate?: string;
  locale: 'auto' | Locale;
  debounceMs: number;
  maxFileSizeKB: number;
  /** Time budget for one check while typing (ms); rules left when it is spent are skipped, with a KH699 note. */
  timeBudgetMs: number;
  province?: string;
  /** "Fix all" also applies suggestions (fixes that change what the plan says). Off: they are offered one by one. */
  fixAllIncludeSuggestions: boolean;
}

export const DEFAULT_SETTINGS: KehoachSettings = {
  rules: {},
  locale: 'auto',
  debounceMs: 150,
  maxFileSizeKB: 2048,
  timeBudgetMs: 2000,
  fixAllIncludeSuggestions: false,
};

const SEVERITIES: readonly string[] = ['off', 'error', 'warning', 'information', 'hint'];

/** Settings come from the client untrusted: keep what is well-formed, drop the rest. */
export function normalizeSettings(raw: unknown): KehoachSettings {
  const s: KehoachSettings = { ...DEFAULT_SETTINGS, rules: {} };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return s;
  const o = raw as Record<string, unknown>;
  if (o.rules && typeof o.rules === 'object' && !Array.isArray(o.rules)) {
    for (const [k, v] of Object.entries(o.rules as Record<string, unknown>)) {
      if (typeof v === 'string' && SEVERITIES.includes(v)) s.rules[k] = v as Severity | 'off';
      else if (Array.isArray(v) && typeof v[0] === 'string' && SEVERITIES.includes(v[0])) {
        const opts = v[1] && typeof v[1] === 'object' && !Array.isArray(v[1]) ? (v[1] as Record<string, unknown>) : {};
        s.rules[k] = [v[0] as Severity | 'off', opts];
      }
    }
  }
  if (typeof o.planDate === 'string' && ISO_DATE.test(o.planDate.trim())) s.planDate = o.planDate.trim();
  if (o.locale === 'vi' || o.locale === 'en' || o.locale === 'auto') s.locale = o.locale;
  if (typeof o.debounceMs === 'number' && Number.isFinite(o.debounceMs)) s.debounceMs = Math.min(5000, Math.max(0, o.debounceMs));
  if (typeof o.maxFileSizeKB === 'number' && Number.isFinite(o.maxFileSizeKB) && o.maxFileSizeKB > 0) s.maxFileSizeKB = o.maxFileSizeKB;
  if (typeof o.timeBudgetMs === 'number' && Number.isFinite(o.timeBudgetMs)) s.timeBudgetMs = Math.min(60000, Math.max(1, o.timeBudgetMs));
  if (typeof o.province === 'string' && o.province.trim()) s.province = o.province.trim();
  // VS Code hands "kehoach.fixAll.includeSuggestions" over as { fixAll: { includeSuggestions } }.
  const fixAll = o.fixAll as Record<string, unknown> | undefined;
  if (fixAll && typeof fixAll === 'object' && fixAll.includeSuggestions === true) s.fixAllIncludeSuggestions = true;
  return s;
}

/**
 * The locale messages use: an explicit setting wins, then the project file, else Vietnamese.
 * "auto" does not follow the editor's display language: VS Code has no Vietnamese one, so nearly
 * every Vietnamese user runs it in English and would get English messages.
 */
export function effectiveLocale(settings: KehoachSettings, project: Partial<LintConfig>): Locale {
  if (settings.locale !== 'auto') return settings.locale;
  return project.locale ?? 'vi';
}

export function lintConfigFor(settings: KehoachSettings, project: ProjectConfig | undefined): LintConfig {
  const fromProject = project?.config ?? {};
  return assembleConfig(fromProject, { rules: settings.rules, planDate: settings.planDate, province: settings.province, locale: effectiveLocale(settings, fromProject) });
}
