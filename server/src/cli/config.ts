// The config of one plan on the command line: its project file (found by walking up from the
// plan, or given with --config) and the flags, assembled as the editor assembles its settings.

import { assembleConfig, type LintConfig } from '../core/config';
import { localeFrom } from '../core/i18n';
import { problemLines, projectConfigForCli, type ProjectConfig } from '../projectConfig';
import type { Io } from './io';

export interface ConfigFlags {
  config?: string;
  date?: string;
  locale?: string;
}

/** Config for one file: defaults ← project file (walked up, or --config) ← flags. */
export function configForFile(file: string, flags: ConfigFlags, io: Io): LintConfig | undefined {
  return projectAndConfigFor(file, flags, io)?.config;
}

/**
 * The project file and the config for one plan. Problems in a project file found by walking up are
 * printed and the rest of it applies; a file given with --config must be valid (undefined: exit 2).
 * `seen` says each project file's problems once when many plans share it.
 */
export function projectAndConfigFor(file: string, flags: ConfigFlags, io: Io, seen?: Set<string>): { project: ProjectConfig; config: LintConfig } | undefined {
  const project = projectConfigForCli(file, flags.config);
  const key = project.path ?? '';
  if (!seen?.has(key)) for (const line of problemLines(project)) io.err(`kehoach: ${line}\n`);
  seen?.add(key);
  if (flags.config && project.problems.some((p) => p.severity === 'warning')) return undefined;
  const config = assembleConfig(project.config, { planDate: flags.date, ...(flags.locale ? { locale: localeFrom(flags.locale) } : {}) });
  return { project, config };
}
