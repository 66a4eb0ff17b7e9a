// Parent directives named in the configuration ("parents": [paths]) become the parent-coverage
// rules (KH9xx) of a check. Their texts are read from disk (or taken from an open editor) and
// parsed once per version; the rules are rebuilt only when a parent changes.

import * as fs from 'fs';
import { parsePlan, type PlanDocument, type Rule } from '../core';
import { parentRules, type ParentDoc } from '../core/parent';

interface Entry {
  /** mtime of the file, or -version of the open document it came from. */
  stamp: number;
  doc: PlanDocument;
}

export class ParentRules {
  private readonly parsed = new Map<string, Entry>();
  private readonly rules = new Map<string, Rule[]>();

  /**
   * The parent rules for a set of parent paths. `openText` gives the editor's text of a parent
   * that is open (newer than the disk). Unreadable parents are skipped and reported once.
   */
  rulesFor(paths: readonly string[] | undefined, openText: (path: string) => { version: number; text: string } | undefined, problems: (p: string) => void): Rule[] {
    if (!paths || paths.length === 0) return [];
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
    let rules = this.rules.get(key);
    if (!rules) {
      if (this.rules.size >= 8) this.rules.clear();
      rules = parentRules(parents);
      this.rules.set(key, rules);
    }
    return rules;
  }
}
