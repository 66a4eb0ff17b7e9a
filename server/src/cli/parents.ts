// The parent directives of a plan on the command line, found as the editor finds them: files given
// with --parent, else those listed in `.kehoach.json` ("parents", or "directives" with a path),
// and the files in the plan's folder whose header carries a number the plan cites.
//
// One finder serves a whole run: `kehoach check *.txt` over a folder of plans and parents reads
// each folder's headers once and parses each parent once.

import * as fs from 'fs';
import * as path from 'path';
import { parsePlan } from '../core/parse';
import type { PlanDocument } from '../core/model';
import { citedParents, parentKeyOf } from '../core/parent/extract';
import type { ParentDoc } from '../core/parent/context';
import { readPlanFile } from './input';
import { loadProjectConfig } from '../projectConfig';
import { isDocxPath } from '../core/docx';

/** Folder scan limits: a plan's folder may hold anything; read only plausible text files. */
const SCAN_MAX_FILES = 300;
const SCAN_MAX_BYTES = 5 * 1024 * 1024;
const SCAN_EXT = /\.(txt|md|kehoach|docx)$/i;
/** The header is in the first lines: only these bytes are parsed to learn a file's number. */
const HEADER_BYTES = 6000;

interface FolderEntry {
  file: string;
  key?: string;
}

export class ParentFinder {
  private readonly folders = new Map<string, FolderEntry[]>();
  private readonly parsed = new Map<string, ParentDoc | string>();

  /** Parent files for a plan when none are given on the command line. */
  filesFor(planFile: string, plan: PlanDocument): string[] {
    const wanted = new Set(citedParents(plan).map((c) => c.key));
    const ownKey = parentKeyOf(plan)?.key;
    const project = loadProjectConfig(planFile).config;
    const found: string[] = [...(project.parents ?? [])];
    for (const d of project.directives ?? []) {
      if (!d.path) continue;
      const key = parentKeyOf(parsePlan(d.symbol));
      if (!key || wanted.has(key.key)) found.push(d.path);
    }
    if (wanted.size > 0) {
      const self = path.resolve(planFile);
      for (const e of this.folder(path.dirname(self))) {
        if (e.file !== self && e.key && e.key !== ownKey && wanted.has(e.key)) found.push(e.file);
      }
    }
    return [...new Set(found.map((f) => path.resolve(f)))];
  }

  /** A parent file parsed (once per run), or why it cannot be read. */
  load(file: string): ParentDoc | string {
    const abs = path.resolve(file);
    let doc = this.parsed.get(abs);
    if (doc === undefined) {
      const input = readPlanFile(abs);
      doc = input.text === undefined ? input.error ?? 'không đọc được (unreadable)' : { doc: parsePlan(input.text), path: abs };
      this.parsed.set(abs, doc);
    }
    return doc;
  }

  /** The text files of a folder with the document number in each one's header. */
  private folder(dir: string): FolderEntry[] {
    let entries = this.folders.get(dir);
    if (entries) return entries;
    entries = [];
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir).filter((n) => SCAN_EXT.test(n)).sort().slice(0, SCAN_MAX_FILES);
    } catch {
      // an unreadable folder just has no parents to offer
    }
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        const stat = fs.statSync(file);
        if (!stat.isFile() || stat.size > SCAN_MAX_BYTES) continue;
        entries.push({ file, key: parentKeyOf(parsePlan(headerText(file, stat.size)))?.key });
      } catch {
        // skip files we cannot read
      }
    }
    this.folders.set(dir, entries);
    return entries;
  }
}

/** The first bytes of a text file, or the start of a Word file's text (a .docx must be read whole). */
function headerText(file: string, size: number): string {
  if (isDocxPath(file)) return (readPlanFile(file).text ?? '').slice(0, HEADER_BYTES);
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(Math.min(size, HEADER_BYTES));
  fs.readSync(fd, buf, 0, buf.length, 0);
  fs.closeSync(fd);
  return buf.toString('utf8');
}

/** Parents for a plan when none are given: project file entries, then the plan's folder. */
export function findParentFiles(planFile: string, plan: PlanDocument): string[] {
  return new ParentFinder().filesFor(planFile, plan);
}
