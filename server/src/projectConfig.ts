// The project file `.kehoach.json`, found by walking up from a plan's folder. Node-only (fs),
// so it lives outside the pure core; the CLI (sync) and the server (async) both use it. The file
// is read through the bounded reader and checked by core/config-schema: whatever it holds, the
// result is a usable config plus problems that name their place in the file.

import * as fs from 'fs';
import * as path from 'path';
import {
  configFileProblem,
  formatJsonPath,
  MAX_CONFIG_BYTES,
  validateConfig,
  type ConfigProblem,
  type JsonPath,
} from './core/config-schema';
import type { LintConfig } from './core/config';
import { t } from './core/i18n';
import { readFileLimited, readFileLimitedSync, type ReadResult } from './fileRead';

export const PROJECT_FILE = '.kehoach.json';

/** A file the config asks to read, resolved from the config's folder, with its place in the config. */
export interface ConfigFileRef {
  file: string;
  at: JsonPath;
}

export interface ProjectConfig {
  config: Partial<LintConfig>;
  /** The file it came from, when one was found. */
  path?: string;
  /** The file's text as read (code actions edit it; diagnostics locate problems in it). */
  text?: string;
  /** Problems, each at its place in the file. */
  problems: ConfigProblem[];
  /** The parents and directive texts it names (absolute paths). */
  reads: ConfigFileRef[];
}

const EMPTY: ProjectConfig = { config: {}, problems: [], reads: [] };

/** The nearest `.kehoach.json` at or above `dir`, or undefined (synchronous: the CLI). */
export function findProjectFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, PROJECT_FILE);
    try {
      // A directory or a FIFO named .kehoach.json is still "the project file": the reader says why it cannot be read.
      fs.lstatSync(candidate);
      return candidate;
    } catch {
      // not here; keep walking up
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** The same, without blocking (the server). */
export async function findProjectFileAsync(dir: string): Promise<string | undefined> {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, PROJECT_FILE);
    try {
      await fs.promises.lstat(candidate);
      return candidate;
    } catch {
      // not here
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Turn the bytes of a project file into a checked config. Relative paths resolve from its folder. */
export function projectConfigFrom(file: string, read: ReadResult): ProjectConfig {
  if (!read.ok) {
    return { ...EMPTY, path: file, problems: [configFileProblem(t(`không đọc được ${PROJECT_FILE}: ${read.reason}; dùng mặc định`, `cannot read ${PROJECT_FILE}: ${read.reason}; defaults used`))] };
  }
  const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    const why = (err as Error).message;
    return { ...EMPTY, path: file, text, problems: [configFileProblem(t(`${PROJECT_FILE} không phải JSON hợp lệ (${why}); dùng mặc định`, `${PROJECT_FILE} is not valid JSON (${why}); defaults used`))] };
  }
  const { config, problems, reads } = validateConfig(parsed);
  const dir = path.dirname(file);
  if (config.parents) config.parents = config.parents.map((p) => path.resolve(dir, p));
  if (config.ignore) config.ignore = config.ignore.map((e) => (e.file ? { ...e, file: path.resolve(dir, e.file) } : e));
  if (config.directives) config.directives = config.directives.map((d) => (d.path ? { ...d, path: path.resolve(dir, d.path) } : d));
  return { config, path: file, text, problems, reads: reads.map((r) => ({ file: path.resolve(dir, r.path), at: r.at })) };
}

/** Read and check a project file (synchronous: the CLI). */
export function readProjectFile(file: string): ProjectConfig {
  return projectConfigFrom(file, readFileLimitedSync(file, { maxBytes: MAX_CONFIG_BYTES }));
}

/** Read and check a project file without blocking (the server). */
export async function readProjectFileAsync(file: string): Promise<ProjectConfig> {
  return projectConfigFrom(file, await readFileLimited(file, { maxBytes: MAX_CONFIG_BYTES }));
}

/** The project configuration that applies to a plan file (walking up from its folder). */
export function loadProjectConfig(filePath: string): ProjectConfig {
  const file = findProjectFile(path.dirname(path.resolve(filePath)));
  return file ? readProjectFile(file) : { ...EMPTY };
}

/** One line per problem for a terminal or a message box: `file: "parents"[1]: tiếng Việt (English)`. */
export function problemLines(pc: ProjectConfig, only: ConfigProblem['severity'][] = ['warning', 'information']): string[] {
  return pc.problems
    .filter((p) => only.includes(p.severity))
    .map((p) => `${pc.path ?? PROJECT_FILE}: ${p.path.length ? formatJsonPath(p.path) + ': ' : ''}${p.message.vi} (${p.message.en})`);
}

// ---------------------------------------------------------------------------------------------
// Parents the config names must lie inside the trusted folders (symlinks resolved): a cloned
// repository's `.kehoach.json` must not make the tool read /etc/passwd and quote it in hovers.

/** Whether a real (symlink-free) path lies inside one of the real roots. */
export function insideRoots(real: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const rel = path.relative(root, real);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

function outsideProblem(ref: ConfigFileRef): ConfigProblem {
  return {
    path: ref.at,
    severity: 'warning',
    message: t(
      `${ref.file} nằm ngoài thư mục làm việc: không đọc (chỉ đọc văn bản cấp trên trong thư mục làm việc)`,
      `${ref.file} is outside the workspace: not read (parents are read only from inside the workspace folders)`,
    ),
  };
}

/** Drop files from the config (outside the roots, unreadable), each with its problem at its entry. */
export function withoutFiles(pc: ProjectConfig, dropped: Map<string, ConfigProblem>): ProjectConfig {
  if (dropped.size === 0) return pc;
  const keep = (f: string) => !dropped.has(f);
  const config = { ...pc.config };
  if (config.parents) config.parents = config.parents.filter(keep);
  if (config.directives) config.directives = config.directives.map((d) => (d.path && !keep(d.path) ? { ...d, path: undefined } : d));
  return { ...pc, config, problems: [...pc.problems, ...dropped.values()], reads: pc.reads.filter((r) => keep(r.file)) };
}

/** Server: keep only the named files whose real path is inside a workspace folder. */
export async function confineToFolders(pc: ProjectConfig, folders: readonly string[]): Promise<ProjectConfig> {
  if (pc.reads.length === 0) return pc;
  const roots: string[] = [];
  for (const f of folders) roots.push(await fs.promises.realpath(f).catch(() => path.resolve(f)));
  const dropped = new Map<string, ConfigProblem>();
  for (const ref of pc.reads) {
    // A file that does not exist yet is judged by its folder (it may appear later).
    const real = await fs.promises.realpath(ref.file).catch(async () => path.join(await fs.promises.realpath(path.dirname(ref.file)).catch(() => path.dirname(ref.file)), path.basename(ref.file)));
    if (!insideRoots(real, roots)) dropped.set(ref.file, outsideProblem(ref));
  }
  return withoutFiles(pc, dropped);
}

/**
 * CLI: a `.kehoach.json` comes with the repository being checked (a CI job checks whatever a pull
 * request brings), so its parents must lie inside the config's folder or the current folder. Paths
 * typed on the command line (--parent) are the user's own choice and are not confined.
 */
export function confineToFoldersSync(pc: ProjectConfig, folders: readonly string[]): ProjectConfig {
  if (pc.reads.length === 0) return pc;
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return undefined;
    }
  };
  const roots = folders.map((f) => real(f) ?? path.resolve(f));
  const dropped = new Map<string, ConfigProblem>();
  for (const ref of pc.reads) {
    const r = real(ref.file) ?? path.join(real(path.dirname(ref.file)) ?? path.dirname(ref.file), path.basename(ref.file));
    if (!insideRoots(r, roots)) dropped.set(ref.file, outsideProblem(ref));
  }
  return withoutFiles(pc, dropped);
}

/**
 * The command line's project config for a plan: the file given with --config, or the one found by
 * walking up, with its parents confined to the config's folder and the current folder.
 */
export function projectConfigForCli(planFile: string, explicit?: string): ProjectConfig {
  const pc = explicit ? readProjectFile(path.resolve(explicit)) : loadProjectConfig(planFile);
  return pc.path ? confineToFoldersSync(pc, [path.dirname(pc.path), process.cwd()]) : pc;
}
