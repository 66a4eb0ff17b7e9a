// One check of one document version: parse, the parents it cites, the rules. The same code runs
// on the server's main thread (most plans) and in the analysis worker (large ones, see
// analysisWorker.ts); what differs is passed in: where the registry and the parents come from.

import { checkParsed, LineIndex, loadRegistry, parsePlan, t, type LintConfig, type PlanDocument, type Registry, type Text, type Ymd } from './core';
import { citedParents } from './core/parent';
import { capParents } from './parentResolver';
import type { Analysis } from './features/analysis';
import type { ParentRules, ParentSet } from './workspace/parents';
import type { KehoachSettings } from './workspace/settings';
import { docxLayoutFor } from './workspace/docxLayout';

/** What a check reads besides the text; all of it plain data (it crosses to the worker). */
export interface CheckInput {
  uri: string;
  version: number;
  text: string;
  settings: KehoachSettings;
  config: LintConfig;
  /** The project file and how many of its problems are warnings (its faulty parts are ignored). */
  project?: { path?: string; warnings: number };
  /** The plan's own file (undefined for an untitled document). */
  file?: string;
  today?: Ymd;
}

/** The parent files of a plan, found by the directive keys it cites (the workspace index lives on the main thread). */
export interface ParentFiles {
  paths: string[];
  notes: Text[];
}

export interface CheckDeps {
  registryFor(config: LintConfig): Registry;
  /** Parent files for the cited keys; undefined in Restricted Mode (no discovery). */
  parentFiles(keys: string[], input: CheckInput): Promise<ParentFiles | undefined>;
  parentRules: ParentRules;
  log(what: string, err: unknown): void;
}

export async function buildAnalysis(input: CheckInput, deps: CheckDeps, started = performance.now()): Promise<Analysis> {
  const { text, config, settings } = input;
  const registry = deps.registryFor(config);
  const a: Analysis = {
    uri: input.uri,
    version: input.version,
    text,
    lines: new LineIndex(text),
    config,
    locale: config.locale,
    registry,
    maxFileSizeKB: settings.maxFileSizeKB,
    fixAllSuggestions: settings.fixAllIncludeSuggestions,
  };
  // The config's own problems are underlined in .kehoach.json; the plan says where to look.
  if (input.project?.warnings && input.project.path) {
    const n = input.project.warnings;
    a.notes = [t(
      `${input.project.path}: ${n} vấn đề, phần sai bị bỏ qua (xem bảng Problems)`,
      `${input.project.path}: ${n} problems; the faulty parts are ignored (see the Problems panel)`,
    )];
  }
  // Bytes, not characters: the limit is what the user sees on disk.
  const sizeKB = Buffer.byteLength(text, 'utf8') / 1024;
  if (sizeKB > settings.maxFileSizeKB) {
    a.tooLargeKB = Math.ceil(sizeKB);
    return a;
  }
  try {
    const plan = parsePlan(text);
    const parents = await parentsOf(plan, input, a, deps);
    a.parentContext = parents.context;
    a.result = checkParsed(plan, config, {
      registry,
      today: input.today,
      budgetMs: settings.timeBudgetMs,
      file: input.file,
      ...(parents.context ? { parents: parents.context } : {}),
      layout: await docxLayoutFor(input.uri, text), // a .docx opened as its plan: its formatting, for KH10xx
    });
  } catch (err) {
    deps.log(`checking ${input.uri}`, err);
  }
  a.checkMs = performance.now() - started;
  return a;
}

/**
 * The parents of a plan: files named in the configuration, and the workspace files whose header
 * carries a number the plan cites ("Thực hiện Nghị quyết số 34-NQ/TU"). Records on the analysis
 * what it depends on, so a change to a parent (or a new file with a cited number) re-checks it.
 */
async function parentsOf(plan: PlanDocument, input: CheckInput, a: Analysis, deps: CheckDeps): Promise<ParentSet> {
  try {
    const citedKeys = [...new Set(citedParents(plan).map((c) => c.key))];
    a.citedKeys = citedKeys;
    const found = await deps.parentFiles(citedKeys, input);
    if (!found) return {};
    const { files: paths, note: capped } = capParents(found.paths);
    const notes: Text[] = capped ? [capped, ...found.notes] : [...found.notes];
    a.parentPaths = paths;
    const unreadable = (p: string, reason: string) => notes.push(t(`Không đọc được văn bản cấp trên ${p}: ${reason}`, `Cannot read the parent ${p}: ${reason}`));
    const set = await deps.parentRules.setFor(paths, unreadable, { maxBytes: input.settings.maxFileSizeKB * 1024 });
    if (notes.length) a.notes = [...(a.notes ?? []), ...notes];
    return set;
  } catch (err) {
    deps.log('parent directives', err);
    return {};
  }
}

/** Registries by the parts of the configuration that shape them, loaded once each. */
export function registryCache(): (config: LintConfig) => Registry {
  const cache = new Map<string, Registry>();
  return (config) => {
    const key = JSON.stringify([config.province ?? '', config.agencies ?? null, config.directives ?? []]);
    let r = cache.get(key);
    if (!r) {
      r = loadRegistry(config);
      if (cache.size > 16) cache.clear();
      cache.set(key, r);
    }
    return r;
  };
}
