// The language server's side of the parent resolver (parentResolver.ts): its file source prefers
// the editor's open text over the disk and never blocks the event loop (a parent that is a FIFO, a
// device or a stuck file costs this one plan its parent rules, not the server its other
// documents); its key index is the workspace index. Parent sets become the KH9xx rules, rebuilt
// only when a parent changes.

import * as fs from 'fs';
import type { LintConfig, PlanDocument } from '../core';
import { ParentContext, type ParentDoc } from '../core/parent';
import { planInputOf, readLimitFor } from '../planFile';
import { readFileLimited } from '../fileRead';
import { ParentResolver, PARENT_LIMITS, headOf, type FileSource, type KeyIndex } from '../parentResolver';
import { readHead } from './index';

/** One set of parents as the KH9xx rules read them (CheckOptions.parents); its coverage is cached per plan. */
export interface ParentSet {
  context?: ParentContext;
}

export interface ParentReadLimits {
  maxBytes: number;
  timeoutMs?: number;
}

/** An open document's text and version, when the editor has the file open. */
export type OpenText = (path: string) => { version: number; text: string } | undefined;

/** Files as the server sees them: the editor's open text first, else the disk through the async bounded reader. */
export function editorSource(openText: OpenText): FileSource {
  return {
    async head(file, bytes) {
      const open = openText(file);
      if (open) return headOf(open.text, bytes);
      return readHead(file, bytes);
    },
    async stamp(file) {
      const open = openText(file);
      if (open) return { stamp: `open:${open.version}` };
      try {
        const st = await fs.promises.stat(file);
        return { stamp: `${st.mtimeMs}:${st.size}` };
      } catch (err) {
        return { error: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'không tìm thấy tệp (no such file)' : (err as Error).message };
      }
    },
    async read(file, maxBytes = PARENT_LIMITS.maxBytes) {
      const open = openText(file);
      if (open) return { text: open.text };
      const read = await readFileLimited(file, { maxBytes: readLimitFor(file, maxBytes) });
      if (!read.ok) return { error: read.reason };
      const decoded = planInputOf(file, read.bytes);
      return decoded.text === undefined ? { error: decoded.error ?? 'không đọc được (unreadable)' } : { text: decoded.text };
    },
    async list(dir) {
      try {
        return await fs.promises.readdir(dir);
      } catch {
        return [];
      }
    },
  };
}

export class ParentRules {
  private readonly resolver: ParentResolver;
  private readonly sets = new Map<string, ParentSet>();
  /** A number per parsed parent: the rules are rebuilt when any parent of a set is parsed anew. */
  private readonly ids = new WeakMap<ParentDoc, number>();
  private nextId = 0;

  constructor(openText: OpenText, index: { parentsFor(keys: Iterable<string>, planFile?: string): string[] }) {
    const keyIndex: KeyIndex = { filesFor: async (keys, planFile) => index.parentsFor(keys, planFile) };
    this.resolver = new ParentResolver(editorSource(openText), keyIndex);
  }

  /** The parent files of a plan (project file, then the workspace files carrying a number it cites), never the plan itself. */
  async filesFor(plan: PlanDocument, file: string | undefined, config: Partial<LintConfig>): Promise<string[]> {
    return this.resolver.filesFor(file, plan, config);
  }

  /** The same from the directive keys the plan cites. */
  async filesForKeys(keys: readonly string[], file: string | undefined, config: Partial<LintConfig>): Promise<string[]> {
    return this.resolver.filesForKeys(file, keys, config);
  }

  /** The context for a set of parent paths. Unreadable parents are skipped, each with its reason. */
  async setFor(paths: readonly string[] | undefined, problems: (path: string, reason: string) => void, limits: ParentReadLimits): Promise<ParentSet> {
    if (!paths || paths.length === 0) return {};
    const loaded = await Promise.all(paths.map((p) => this.resolver.load(p, limits.maxBytes)));
    const parents: ParentDoc[] = [];
    const stamps: string[] = [];
    paths.forEach((p, i) => {
      const parent = loaded[i];
      if (typeof parent === 'string') return problems(p, parent);
      // The resolver's ParentDoc carries its path as given; the rules' related places use it.
      parents.push(parent);
      stamps.push(`${p}@${this.idOf(parent)}`);
    });
    if (parents.length === 0) return {};
    const key = stamps.join('|');
    let set = this.sets.get(key);
    if (!set) {
      if (this.sets.size >= 8) this.sets.clear();
      set = { context: new ParentContext(parents) };
      this.sets.set(key, set);
    }
    return set;
  }

  private idOf(parent: ParentDoc): number {
    let id = this.ids.get(parent);
    if (id === undefined) this.ids.set(parent, (id = this.nextId++));
    return id;
  }
}
