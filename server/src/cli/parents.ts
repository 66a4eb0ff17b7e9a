// The parent directives of a plan on the command line, found as the editor finds them: files given
// with --parent, else those listed in `.kehoach.json` ("parents", or "directives" with a path),
// and the files in the plan's folder whose header carries a number the plan cites.
//
// One finder serves a whole run: `kehoach check *.txt` over a folder of plans and parents reads
// each folder's headers once and parses each parent once.

import * as fs from 'fs';
import * as path from 'path';
import type { LintConfig } from '../core/config';
import { parsePlan } from '../core/parse';
import type { PlanDocument } from '../core/model';
import { citedParents, parentKeyOf } from '../core/parent/extract';
import type { ParentDoc } from '../core/parent/context';
import { readPlanFile } from './input';
import { readFileLimitedSync } from '../fileRead';
import { isDocxPath } from '../core/docx/fileNames';

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

  /**
   * Parent files for a plan when none are given on the command line: those its project config
   * names (already checked and confined by projectConfig), then the plan's folder.
   */
  filesFor(planFile: string, plan: PlanDocument, project: Partial<LintConfig>, note: (s: string) => void = () => undefined): string[] {
    const wanted = new Set(citedParents(plan).map((c) => c.key));
    const ownKey = parentKeyOf(plan)?.key;
    const found: string[] = [...(project.parents ?? [])];
    for (const d of project.directives ?? []) {
      if (!d.path) continue;
      const key = parentKeyOf(parsePlan(d.symbol));
      if (!key || wanted.has(key.key)) found.push(d.path);
    }
    if (wanted.size > 0) {
      const self = path.resolve(planFile);
      for (const e of this.folder(path.dirname(self), note)) {
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
  private folder(dir: string, note: (s: string) => void): FolderEntry[] {
    let entries = this.folders.get(dir);
    if (entries) return entries;
    entries = [];
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir).filter((n) => SCAN_EXT.test(n)).sort();
    } catch {
      // an unreadable folder just has no parents to offer
    }
    if (names.length > SCAN_MAX_FILES) {
      note(`${dir}: thư mục có ${names.length} tệp văn bản, chỉ tìm văn bản cấp trên trong ${SCAN_MAX_FILES} tệp đầu (only the first ${SCAN_MAX_FILES} of ${names.length} text files searched for parents)`);
      names = names.slice(0, SCAN_MAX_FILES);
    }
    for (const name of names) {
      const file = path.join(dir, name);
      // FIFOs, devices and huge files named like plans are skipped by the reader without waiting.
      const read = readFileLimitedSync(file, { maxBytes: SCAN_MAX_BYTES, headBytes: HEADER_BYTES, timeoutMs: 1000 });
      if (!read.ok || read.size > SCAN_MAX_BYTES) continue;
      entries.push({ file, key: parentKeyOf(parsePlan(headerText(file, read.bytes)))?.key });
    }
    this.folders.set(dir, entries);
    return entries;
  }
}

/** The first bytes of a text file, or the start of a Word file's text (a .docx must be read whole). */
function headerText(file: string, head: Buffer): string {
  if (isDocxPath(file)) return (readPlanFile(file).text ?? '').slice(0, HEADER_BYTES);
  return head.toString('utf8');
}

/** Parents for a plan when none are given: project file entries, then the plan's folder. */
export function findParentFiles(planFile: string, plan: PlanDocument, project: Partial<LintConfig> = {}): string[] {
  return new ParentFinder().filesFor(planFile, plan, project);
}
