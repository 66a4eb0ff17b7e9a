// What a `.kehoach.json` may hold, checked key by key. The file comes from whatever repository the
// user opened, so nothing in it is trusted: every value is type-checked, copied into fresh objects
// (never merged into a shared one, so "__proto__" or "constructor" keys cannot reach
// Object.prototype), and every problem names the place it is at (a JSON path) so the editor can
// underline that entry and the CLI can name it. Wrong parts are dropped; the rest still applies.
//
// A new key slots in by adding one entry to KEYS.

import { parseIgnoreList } from './ignore';
import type { AgencyOverride, DirectiveEntry, LintConfig, RuleSetting } from './config';
import { t, type Text } from './i18n';
import { RULES } from './rules';
import { isIsoDate } from './isoDate';

/** Where in the JSON a problem is: keys and array indices from the root. */
export type JsonPath = (string | number)[];

/** A file a config names (to be resolved from the config's folder and read). */
export interface ConfigRead {
  path: string;
  at: JsonPath;
}

export interface ConfigProblem {
  path: JsonPath;
  message: Text;
  /** "warning": an entry was dropped or cut; "information": ignored but harmless (an unknown key). */
  severity: 'warning' | 'information';
}

/** At most this many parents (and directive paths) are read: a config may list 200,000. */
export const MAX_CONFIG_PARENTS = 50;
/** Longer lists of rules, agencies or directives are cut. */
export const MAX_CONFIG_ENTRIES = 2000;
/** A `.kehoach.json` larger than this is not read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

const SEVERITIES = ['off', 'error', 'warning', 'information', 'hint'] as const;
/** Keys that would reach an object's prototype if merged naively. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** `"parents"[3]`, `"rules"."KH999"`: how a place is named in a message. */
export function formatJsonPath(p: JsonPath): string {
  return p.map((k) => (typeof k === 'number' ? `[${k}]` : `"${k}"`)).join('');
}

interface Ctx {
  problems: ConfigProblem[];
  /** Files the config asks to read (parents, directives' texts), as written, with their place. */
  reads: ConfigRead[];
  warn(path: JsonPath, vi: string, en: string): void;
  info(path: JsonPath, vi: string, en: string): void;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isDate = isIsoDate;

/** Own enumerable keys of a parsed object, with the dangerous ones reported and skipped. */
function safeEntries(o: Record<string, unknown>, at: JsonPath, c: Ctx): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const key of Object.keys(o)) {
    if (FORBIDDEN.has(key)) {
      c.warn([...at, key], `khóa "${key}" không được phép: bỏ qua`, `key "${key}" is not allowed; ignored`);
      continue;
    }
    out.push([key, o[key]]);
  }
  return out;
}

/** An array cut at `max` entries, with a problem at the first entry cut. */
function capped<T>(list: readonly T[], max: number, at: JsonPath, c: Ctx): readonly T[] {
  if (list.length <= max) return list;
  c.warn([...at, max], `danh sách có ${list.length} mục, chỉ dùng ${max} mục đầu`, `the list has ${list.length} entries; only the first ${max} are used`);
  return list.slice(0, max);
}

let knownRules: Set<string> | undefined;
/** Rule ids and aliases a config may name (built-in and parent rules). */
export function knownRuleNames(): Set<string> {
  if (!knownRules) {
    knownRules = new Set<string>();
    for (const r of RULES) {
      knownRules.add(r.id);
      knownRules.add(r.alias);
    }
  }
  return knownRules;
}

function ruleSetting(v: unknown, at: JsonPath, c: Ctx): RuleSetting | undefined {
  if (typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v)) return v as RuleSetting;
  if (Array.isArray(v) && typeof v[0] === 'string' && (SEVERITIES as readonly string[]).includes(v[0]) && (v.length === 1 || isObject(v[1]))) {
    const options: Record<string, unknown> = {};
    if (isObject(v[1])) for (const [k, x] of safeEntries(v[1], [...at, 1], c)) options[k] = x;
    return [v[0] as RuleSetting & string, options] as RuleSetting;
  }
  c.warn(at, `mức của quy tắc phải là "off", "error", "warning", "information", "hint" hoặc [mức, {tùy chọn}]`, `a rule's setting must be "off", "error", "warning", "information", "hint" or [severity, {options}]`);
  return undefined;
}

function rules(v: unknown, at: JsonPath, c: Ctx): LintConfig['rules'] | undefined {
  if (!isObject(v)) {
    c.warn(at, '"rules" phải là một đối tượng { "mã": "mức" }', '"rules" must be an object { "id": "severity" }');
    return undefined;
  }
  const out: LintConfig['rules'] = {};
  const names = knownRuleNames();
  for (const [name, setting] of capped(safeEntries(v, at, c), MAX_CONFIG_ENTRIES, at, c)) {
    if (!names.has(name)) {
      c.warn([...at, name], `không có quy tắc "${name}" (xem \`kehoach rules\`): bỏ qua`, `no rule named "${name}" (see \`kehoach rules\`); ignored`);
      continue;
    }
    const s = ruleSetting(setting, [...at, name], c);
    if (s !== undefined) out[name] = s;
  }
  return out;
}

function stringList(v: unknown, at: JsonPath, c: Ctx, what: Text): string[] | undefined {
  if (!Array.isArray(v)) {
    c.warn(at, `phải là một danh sách ${what.vi}`, `must be a list of ${what.en}`);
    return undefined;
  }
  const out: string[] = [];
  v.forEach((x, i) => {
    if (typeof x === 'string' && x.trim() !== '' && !x.includes('\0')) out.push(x);
    else c.warn([...at, i], `phải là ${what.vi} (chuỗi): bỏ qua mục này`, `must be ${what.en} (a string); entry ignored`);
  });
  return out;
}

function agencies(v: unknown, at: JsonPath, c: Ctx): LintConfig['agencies'] | undefined {
  if (!isObject(v) || !Array.isArray(v.list)) {
    c.warn(at, '"agencies" phải có dạng { "mode": "extend" | "replace", "list": [ … ] }', '"agencies" must look like { "mode": "extend" | "replace", "list": [ … ] }');
    return undefined;
  }
  let mode: 'extend' | 'replace' | undefined;
  if (v.mode === 'extend' || v.mode === 'replace') mode = v.mode;
  else if (v.mode !== undefined) c.warn([...at, 'mode'], '"mode" phải là "extend" hoặc "replace"', '"mode" must be "extend" or "replace"');
  const list: AgencyOverride[] = [];
  capped(v.list, MAX_CONFIG_ENTRIES, [...at, 'list'], c).forEach((a, i) => {
    const here = [...at, 'list', i];
    if (!isObject(a) || typeof a.name !== 'string' || !a.name.trim()) {
      c.warn(here, 'mỗi cơ quan cần "name" (chuỗi): bỏ qua', 'each agency needs a "name" (string); ignored');
      return;
    }
    const entry: AgencyOverride = { name: a.name };
    if (a.aliases !== undefined) entry.aliases = stringList(a.aliases, [...here, 'aliases'], c, t('tên', 'names'));
    if (a.successors !== undefined) entry.successors = stringList(a.successors, [...here, 'successors'], c, t('tên', 'names'));
    for (const k of ['from', 'until'] as const) {
      if (a[k] === undefined) continue;
      if (isDate(a[k])) entry[k] = a[k] as string;
      else c.warn([...here, k], `"${k}" phải là ngày YYYY-MM-DD`, `"${k}" must be a date YYYY-MM-DD`);
    }
    list.push(entry);
  });
  return { ...(mode ? { mode } : {}), list };
}

function directives(v: unknown, at: JsonPath, c: Ctx): DirectiveEntry[] | undefined {
  if (!Array.isArray(v)) {
    c.warn(at, '"directives" phải là một danh sách', '"directives" must be a list');
    return undefined;
  }
  const out: DirectiveEntry[] = [];
  capped(v, MAX_CONFIG_ENTRIES, at, c).forEach((d, i) => {
    const here = [...at, i];
    if (!isObject(d) || typeof d.symbol !== 'string' || !d.symbol.trim()) {
      c.warn(here, 'mỗi văn bản cần "symbol" (chuỗi, ví dụ "94/NQ-CP"): bỏ qua', 'each directive needs a "symbol" (a string such as "94/NQ-CP"); ignored');
      return;
    }
    const entry: DirectiveEntry = { symbol: d.symbol };
    for (const k of ['issuer', 'title', 'path'] as const) {
      if (d[k] === undefined) continue;
      if (typeof d[k] === 'string' && (d[k] as string).trim() !== '' && !(d[k] as string).includes('\0')) entry[k] = d[k] as string;
      else c.warn([...here, k], `"${k}" phải là chuỗi: bỏ qua`, `"${k}" must be a string; ignored`);
    }
    if (entry.path !== undefined) {
      if (c.reads.length >= MAX_CONFIG_PARENTS) {
        c.warn([...here, 'path'], `đã có ${MAX_CONFIG_PARENTS} tệp văn bản cấp trên: không đọc thêm tệp này`, `already ${MAX_CONFIG_PARENTS} parent files; this one is not read`);
        delete entry.path;
      } else c.reads.push({ path: entry.path, at: [...here, 'path'] });
    }
    if (d.date !== undefined) {
      if (isDate(d.date)) entry.date = d.date;
      else c.warn([...here, 'date'], '"date" phải là ngày YYYY-MM-DD', '"date" must be a date YYYY-MM-DD');
    }
    out.push(entry);
  });
  return out;
}

type KeyCheck = (v: unknown, at: JsonPath, c: Ctx, config: Partial<LintConfig>) => void;

/**
 * Every key a `.kehoach.json` may hold. A key other engineers document but this build does not
 * read yet is listed with `accept` (no warning, nothing copied).
 */
const KEYS: Record<string, KeyCheck> = {
  rules: (v, at, c, config) => {
    const r = rules(v, at, c);
    if (r) config.rules = r;
  },
  planDate: (v, at, c, config) => {
    if (isDate(v)) config.planDate = v;
    else c.warn(at, '"planDate" phải là ngày YYYY-MM-DD', '"planDate" must be a date YYYY-MM-DD');
  },
  locale: (v, at, c, config) => {
    if (v === 'vi' || v === 'en') config.locale = v;
    else c.warn(at, '"locale" phải là "vi" hoặc "en"', '"locale" must be "vi" or "en"');
  },
  province: (v, at, c, config) => {
    if (typeof v === 'string') config.province = v;
    else c.warn(at, '"province" phải là tên tỉnh (chuỗi)', '"province" must be a province name (a string)');
  },
  agencies: (v, at, c, config) => {
    const a = agencies(v, at, c);
    if (a) config.agencies = a;
  },
  directives: (v, at, c, config) => {
    const d = directives(v, at, c);
    if (d) config.directives = d;
  },
  parents: (v, at, c, config) => {
    const room = Math.max(0, MAX_CONFIG_PARENTS - c.reads.length);
    const p = stringList(Array.isArray(v) ? capped(v, room, at, c) : v, at, c, t('đường dẫn', 'paths'));
    if (!p) return;
    config.parents = p;
    // Each kept path with its index in the file (entries dropped above keep their own index).
    const list = v as unknown[];
    list.forEach((x, i) => {
      if (i < room && typeof x === 'string' && p.includes(x)) c.reads.push({ path: x, at: [...at, i] });
    });
  },
  // Suppressions (core/ignore.ts): entries kept as written; file paths are made absolute by the reader.
  ignore: (v, at, c, config) => {
    const r = parseIgnoreList(v);
    config.ignore = r.entries;
    for (const p of r.problems) c.warn(at, p, p);
  },
  $schema: () => undefined,
};

/** Validate an untrusted object (a parsed `.kehoach.json`): what applies, and each problem with its place. */
export function validateConfig(o: unknown): { config: Partial<LintConfig>; problems: ConfigProblem[]; reads: ConfigRead[] } {
  const problems: ConfigProblem[] = [];
  const reads: ConfigRead[] = [];
  const c: Ctx = {
    problems,
    reads,
    warn: (path, vi, en) => problems.push({ path, message: t(vi, en), severity: 'warning' }),
    info: (path, vi, en) => problems.push({ path, message: t(vi, en), severity: 'information' }),
  };
  const config: Partial<LintConfig> = {};
  if (!isObject(o)) {
    c.warn([], 'cấu hình phải là một đối tượng JSON { … }: dùng mặc định', 'the configuration must be a JSON object { … }; defaults used');
    return { config, problems, reads };
  }
  for (const [key, value] of safeEntries(o, [], c)) {
    const check = Object.prototype.hasOwnProperty.call(KEYS, key) ? KEYS[key] : undefined;
    if (check) check(value, [key], c, config);
    else c.info([key], `khóa không rõ "${key}": bỏ qua`, `unknown key "${key}"; ignored`);
  }
  return { config, problems, reads };
}

/** A parse failure or an unreadable file, as a problem at the root. */
export function configFileProblem(message: Text): ConfigProblem {
  return { path: [], message, severity: 'warning' };
}

/** The problems in plain words (English, with their place): for callers that only print them. */
export function validateConfigObject(o: unknown): { config: Partial<LintConfig>; problems: string[] } {
  const { config, problems } = validateConfig(o);
  return { config, problems: problems.filter((p) => p.severity === 'warning').map((p) => `${p.path.length ? formatJsonPath(p.path) + ': ' : ''}${p.message.en}`) };
}
