// Parent directives named in the configuration ("parents": [paths]) become the parent-coverage
// rules (KH9xx) of a check. Their texts are read from disk through the bounded reader (or taken
// from an open editor) and parsed once per version; the rules are rebuilt only when a parent
// changes. Reads never block the event loop: a parent that is a FIFO, a device or a stuck file
// costs this one plan its parent rules, not the server its other documents.

import * as fs from 'fs';
import { parsePlan, type PlanDocument, type Rule } from '../core';
import { parentRulesWithContext, type ParentContext, type ParentDoc } from '../core/parent';
import { decodePlanBytes } from '../planFile';
import { readFileLimited } from '../fileRead';

/** The parent rules of one set of parents and the context they share (its coverage is cached per plan). */
export interface ParentSet {
  rules: Rule[];
  context?: ParentContext;
}

interface Entry {
  /** mtime and size of the file, or -version of the open document it came from. */
  stamp: string;
  doc: PlanDocument;
}

export interface ParentReadLimits {
  maxBytes: number;
  timeoutMs?: number;
}

export class ParentRules {
  private readonly parsed = new Map<string, Entry>();
  private readonly rules = new Map<string, ParentSet>();

  /**
   * The parent rules for a set of parent paths. `openText` gives the editor's text of a parent
   * that is open (newer than the disk). Unreadable parents are skipped, each with its reason.
   */
  async rulesFor(paths: readonly string[] | undefined, openText: (path: string) => { version: number; text: string } | undefined, problems: (path: string, reason: string) => void, limits: ParentReadLimits): Promise<Rule[]> {
    return (await this.setFor(paths, openText, problems, limits)).rules;
  }

  /** The rules with their shared context (hover, navigation and the coverage report read it). */
  async setFor(paths: readonly string[] | undefined, openText: (path: string) => { version: number; text: string } | undefined, problems: (path: string, reason: string) => void, limits: ParentReadLimits): Promise<ParentSet> {
    if (!paths || paths.length === 0) return { rules: [] };
    const loaded = await Promise.all(paths.map((p) => this.load(p, openText, problems, limits)));
    const parents: ParentDoc[] = [];
    const stamps: string[] = [];
    paths.forEach((p, i) => {
      const entry = loaded[i];
      if (!entry) return;
      parents.push({ doc: entry.doc, path: p });
      stamps.push(`${p}@${entry.stamp}`);
    });
    if (parents.length === 0) return { rules: [] };
    const key = stamps.join('|');
    let set = this.rules.get(key);
    if (!set) {
      if (this.rules.size >= 8) this.rules.clear();
      set = parentRulesWithContext(parents);
      this.rules.set(key, set);
    }
    return set;
  }

  private async load(p: string, openText: (path: string) => { version: number; text: string } | undefined, problems: (path: string, reason: string) => void, limits: ParentReadLimits): Promise<Entry | undefined> {
    const open = openText(p);
    let stamp: string;
    if (open) stamp = `open:${open.version}`;
    else {
      try {
        const st = await fs.promises.stat(p);
        stamp = `${st.mtimeMs}:${st.size}`;
      } catch (err) {
        problems(p, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'không tìm thấy tệp (no such file)' : (err as Error).message);
        return undefined;
      }
    }
    const cached = this.parsed.get(p);
    if (cached && cached.stamp === stamp) return cached;
    let text = open?.text;
    if (text === undefined) {
      const read = await readFileLimited(p, limits);
      if (!read.ok) {
        problems(p, read.reason);
        return undefined;
      }
      const decoded = decodePlanBytes(read.bytes);
      if (decoded.text === undefined) {
        problems(p, decoded.error ?? 'không đọc được (unreadable)');
        return undefined;
      }
      text = decoded.text;
    }
    const entry = { stamp, doc: parsePlan(text) };
    if (this.parsed.size > 256) this.parsed.clear();
    this.parsed.set(p, entry);
    return entry;
  }
}
