// The `.kehoach.json` files the server uses, loaded without blocking and checked: each folder's
// config is read once (until it changes), its parents confined to the workspace folders, and its
// problems published as diagnostics on the config file itself, at the entry at fault, so the
// Problems panel shows "parents[2]: /etc/passwd is outside the workspace" where it is written.
// In Restricted Mode (an untrusted workspace) no config is read at all.

import * as path from 'path';
import { pathToFileURL } from 'url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { localize, t, type Locale } from '../core';
import { formatJsonPath, type ConfigProblem } from '../core/config-schema';
import { readFileLimited } from '../fileRead';
import { confineToFolders, findProjectFileAsync, readProjectFileAsync, withoutFiles, type ConfigFileRef, type ProjectConfig } from '../projectConfig';
import { LineIndex } from '../core';

export interface ProjectConfigsHost {
  folders(): readonly string[];
  trusted(): boolean;
  locale(): Locale;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** Largest parent file read, in bytes. */
  maxParentBytes(): number;
}

export class ProjectConfigs {
  private readonly byDir = new Map<string, Promise<ProjectConfig | undefined>>();
  private readonly published = new Set<string>();

  constructor(private readonly host: ProjectConfigsHost) {}

  /** The project config that applies to a plan file, or undefined (none, or not trusted yet). */
  forFile(file: string | undefined): Promise<ProjectConfig | undefined> {
    if (!file || !this.host.trusted()) return Promise.resolve(undefined);
    const dir = path.dirname(file);
    let pc = this.byDir.get(dir);
    if (!pc) {
      pc = this.load(dir).catch(() => undefined);
      this.byDir.set(dir, pc);
    }
    return pc;
  }

  /** A config changed (or trust was granted): read again; old diagnostics are cleared. */
  clear(): void {
    this.byDir.clear();
    for (const uri of this.published) this.host.publish(uri, []);
    this.published.clear();
  }

  private async load(dir: string): Promise<ProjectConfig | undefined> {
    const file = await findProjectFileAsync(dir);
    if (!file) return undefined;
    let pc = await readProjectFileAsync(file);
    // No workspace folder (a single file opened): the config's own folder is the bound.
    const folders = this.host.folders();
    pc = await confineToFolders(pc, folders.length ? folders : [path.dirname(file)]);
    pc = await this.checkReads(pc);
    const uri = pathToFileURL(file).toString();
    if (!this.published.has(uri) || pc.problems.length) {
      this.published.add(uri);
      this.host.publish(uri, configDiagnostics(pc, this.host.locale()));
    }
    return pc;
  }

  /**
   * The parents a config names that cannot be read (missing, a FIFO, a device, a folder, too
   * large) get a problem at their entry now, once, rather than a failure on every check.
   */
  private async checkReads(pc: ProjectConfig): Promise<ProjectConfig> {
    if (pc.reads.length === 0) return pc;
    const bad = new Map<string, ConfigProblem>();
    await Promise.all(
      pc.reads.map(async (ref: ConfigFileRef) => {
        // Only the first byte: whether it is a readable regular file within the size limit.
        const max = this.host.maxParentBytes();
        const r = await readFileLimited(ref.file, { maxBytes: max, headBytes: 1, timeoutMs: 2000 });
        const reason = !r.ok ? r.reason : r.size > max ? tooLarge(r.size, max) : undefined;
        if (reason) bad.set(ref.file, { path: ref.at, severity: 'warning', message: t(`văn bản cấp trên ${ref.file}: ${reason}`, `parent ${ref.file}: ${reason}`) });
      }),
    );
    return withoutFiles(pc, bad);
  }
}

function tooLarge(size: number, max: number): string {
  const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;
  return `tệp quá lớn (${kb(size)} > ${kb(max)}): không đọc (file too large, not read)`;
}

/** Problems of a config as diagnostics on the config file, each at the entry it is about. */
export function configDiagnostics(pc: ProjectConfig, locale: Locale): Diagnostic[] {
  const text = pc.text ?? '';
  const lines = new LineIndex(text);
  let root: Node | undefined;
  try {
    root = text ? parseTree(text) : undefined;
  } catch {
    root = undefined;
  }
  const diagnostics = pc.problems.map((p): Diagnostic => {
    // The value at the path; for a key that is not allowed or not known, its property name.
    let node = root && p.path.length ? findNodeAtLocation(root, p.path) : undefined;
    if (node?.parent?.type === 'property') node = node.parent.children?.[0] ?? node;
    const start = node ? node.offset : 0;
    const end = node ? node.offset + node.length : 0;
    const where = p.path.length && !node ? `${formatJsonPath(p.path)}: ` : '';
    return {
      range: { start: lines.positionAt(start), end: lines.positionAt(end) },
      severity: p.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
      source: 'kehoach',
      code: 'kehoach-config',
      message: where + localize(p.message, locale),
    };
  });
  // In the order of the file (the problems come in the order they were found).
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
