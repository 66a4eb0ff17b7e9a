// The project file `.kehoach.json`, found by walking up from a plan's folder. Node-only (fs),
// so it lives outside the pure core; the CLI and the server both use it.

import * as fs from 'fs';
import * as path from 'path';
import { validateConfigObject, type LintConfig } from './core/config';

export const PROJECT_FILE = '.kehoach.json';

/** The nearest `.kehoach.json` at or above `dir`, or undefined. */
export function findProjectFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, PROJECT_FILE);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here; keep walking up
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export interface ProjectConfig {
  config: Partial<LintConfig>;
  /** The file it came from, when one was found. */
  path?: string;
  /** Problems in plain words (unreadable file, bad JSON, bad fields). */
  problems: string[];
}

/** Read and validate a project file. Relative paths inside it ("parents") resolve from its folder. */
export function readProjectFile(file: string): ProjectConfig {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { config: {}, path: file, problems: [`cannot read ${file}: ${(err as Error).message}`] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { config: {}, path: file, problems: [`${file} is not valid JSON: ${(err as Error).message}`] };
  }
  const { config, problems } = validateConfigObject(parsed);
  const dir = path.dirname(file);
  if (config.parents) config.parents = config.parents.map((p) => path.resolve(dir, p));
  if (config.ignore) config.ignore = config.ignore.map((e) => (e.file ? { ...e, file: path.resolve(dir, e.file) } : e));
  if (config.directives) config.directives = config.directives.map((d) => (d.path ? { ...d, path: path.resolve(dir, d.path) } : d));
  return { config, path: file, problems: problems.map((p) => `${file}: ${p}`) };
}

/** The project configuration that applies to a plan file (walking up from its folder). */
export function loadProjectConfig(filePath: string): ProjectConfig {
  const file = findProjectFile(path.dirname(path.resolve(filePath)));
  return file ? readProjectFile(file) : { config: {}, problems: [] };
}
