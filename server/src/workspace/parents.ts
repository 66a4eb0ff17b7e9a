// Parent directives named in the configuration ("parents": [paths]) become the parent-coverage
// rules (KH9xx) of a check. Their texts are read from disk (or taken from an open editor) and
// parsed once per version; the rules are rebuilt only when a parent changes.

import * as fs from 'fs';
import { parsePlan, type PlanDocument, type Rule } from '../core';
import { parentRulesWithContext, type ParentContext, type ParentDoc } from '../core/parent';

/** The parent rules of one set of parents and the context they share (its coverage is cached per plan). */
export interface ParentSet {
  rules: Rule[];
  context?: ParentContext;
}

interface Entry {
  /** mtime of the file, or -version of the open document it came from. */
  stamp: number;
  doc: PlanDocument;
}

export class ParentRules {
  private readonly parsed = new Map<string, Entry>();
  private readonly rules = new Map<string, ParentSet>();

  /**
   * The parent rules for a set of parent paths. `openText` gives the editor's text of a parent
   * that is open (newer than the disk). Unreadable parents are skipped and reported once.
   */
  rulesFor(paths: readonly string[] | undefined, openText: (path: string) => { version: number; text: string } | undefined, problems: (p: string) => void): Rule[] {
    return this.setFor(paths, openText, problems).rules;
  }

  /** The rules with their shared context (hover, navigation and the coverage report read it). */
  setFor(paths: readonly string[] | undefined, openText: (path: string) => { version: number; text: string } | undefined, problems: (p: string) => void): ParentSet {
    if (!paths || paths.length === 0) return { rules: [] };
    const parents: ParentDoc[] = [];
    const stamps: string[] = [];
    for (const p of paths) {
      const open = openText(p);
      let stamp: number;
      let text: string | undefined;
      if (open) {
        stamp = -open.version - 1;
        text = open.text;
      } else {
        try {
          stamp = fs.statSync(p).mtimeMs;
        } catch (err) {
          problems(`cannot read parent ${p}: ${(err as Error).message}`);
          continue;
        }
      }
      let entry = this.parsed.get(p);
      if (!entry || entry.stamp !== stamp) {
        try {
          text ??= fs.readFileSync(p, 'utf8').replace(/^\uFEFF/, '');
        } catch (err) {
          problems(`cannot read parent ${p}: ${(err as Error).message}`);
          continue;
        }
        entry = { stamp, doc: parsePlan(text) };
        this.parsed.set(p, entry);
      }
      parents.push({ doc: entry.doc, path: p });
      stamps.push(`${p}@${stamp}`);
    }
    const key = stamps.join('|');
    let set = this.rules.get(key);
    if (!set) {
      if (this.rules.size >= 8) this.rules.clear();
      set = parentRulesWithContext(parents);
      this.rules.set(key, set);
    }
    return set;
  }
}
