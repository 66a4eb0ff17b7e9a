// The one way a plan's parent directives are found and loaded, for the CLI (`check`, `coverage`)
// and the language server alike. A plan cites its parents by number ("Thực hiện Nghị quyết số
// 34-NQ/TU …"); a parent is a file whose header carries that number as its own. The resolver
// reads files through a small FileSource, so the CLI reads the disk and the server reads the
// editor's open text first, with the same limits and the same key (ownKeyOf).

import * as path from 'path';
import type { LintConfig } from './core/config';
import type { PlanDocument } from './core/model';
import { parsePlan } from './core/parse';
import { citedParents, ownKeyOf, parentKeyOf } from './core/parent/extract';
import type { ParentDoc } from './core/parent/context';
import { MAX_CONFIG_PARENTS } from './core/config-schema';
import { t, type Text } from './core/i18n';

/** What the resolver needs of files. Every method resolves, never throws: unreadable is an answer. */
export interface FileSource {
  /** The start of a file's text (at most `bytes`, cut at a line end, BOM dropped); undefined when it cannot be a plan. */
  head(file: string, bytes: number): Promise<string | undefined>;
  /** A stamp that changes when the file does (mtime and size, or an open editor's version), or why the file cannot be read. */
  stamp(file: string): Promise<{ stamp: string } | { error: string }>;
  /** A file's whole text, or why not; `maxBytes` overrides the source's own size limit (the editor's setting). */
  read(file: string, maxBytes?: number): Promise<{ text: string } | { error: string }>;
  /** The names of the files in a folder (empty when it cannot be read). */
  list(dir: string): Promise<string[]>;
}

/** One set of limits for every parent search. */
export const PARENT_LIMITS = {
  /** Files looked at in one search (a folder, or a workspace). */
  maxFiles: 5000,
  /** Larger files are not candidates: not plans. */
  maxBytes: 5 * 1024 * 1024,
  /** Bytes read from the start of a candidate to find its own number (the header is in the first lines). */
  headBytes: 6000,
  /** Parents checked against one plan, at most. */
  maxParents: MAX_CONFIG_PARENTS,
} as const;

/**
 * At most PARENT_LIMITS.maxParents parents for one plan (the CLI's `check` and `coverage` and the
 * server alike), with a note saying how many were left out.
 */
export function capParents(files: readonly string[]): { files: string[]; note?: Text } {
  const max = PARENT_LIMITS.maxParents;
  if (files.length <= max) return { files: [...files] };
  return {
    files: files.slice(0, max),
    note: t(`Có ${files.length} văn bản cấp trên: chỉ đối chiếu ${max} văn bản đầu`, `${files.length} parent directives: only the first ${max} are checked against`),
  };
}

/** Files in a folder that may be plans or parents. */
export const PARENT_FILE = /\.(txt|md|kehoach|docx)$/i;

/** The own key in the start of a text, or undefined (junk, no number, or the number it cites). */
export function ownKeyOfHead(head: string): string | undefined {
  try {
    return ownKeyOf(parsePlan(head))?.key;
  } catch {
    return undefined;
  }
}

/** The start of a text cut at a line end (so no line is split), as a head read from disk is. */
export function headOf(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const cut = text.lastIndexOf('\n', chars);
  return text.slice(0, cut > chars / 2 ? cut : chars);
}

/** The first bytes of a file as text: cut at a line end when the read stopped at the limit, a BOM dropped. */
export function headOfBytes(buf: Buffer, limit: number): string {
  let end = buf.length;
  if (buf.length === limit) {
    const nl = buf.lastIndexOf(10, buf.length - 1);
    if (nl > limit / 2) end = nl;
  }
  return buf.subarray(0, end).toString('utf8').replace(/^\uFEFF/, '');
}

/** Where files carrying a cited key are found: the plan's folder (CLI), or a workspace index (server). */
export interface KeyIndex {
  /** The file carrying each key, nearest the plan first, never the plan itself (an untitled plan has no file). */
  filesFor(keys: readonly string[], planFile: string | undefined, note: (s: string) => void): Promise<string[]>;
}

/**
 * Parents of plans and their parsed texts. One resolver serves a whole CLI run or the server's
 * life: each folder's heads are read once and each parent is parsed once per stamp.
 */
export class ParentResolver {
  private readonly parsed = new Map<string, { stamp: string; doc: ParentDoc }>();

  constructor(private readonly source: FileSource, private readonly index: KeyIndex = new FolderIndex(source)) {}

  /**
   * The parent files of a plan: those its project config names ("parents", and "directives" with a
   * path that the plan cites or that name no number), then the files carrying a number it cites.
   * An untitled plan (no file yet) has no folder to search and no path to leave out.
   */
  async filesFor(planFile: string | undefined, plan: PlanDocument, project: Partial<LintConfig>, note: (s: string) => void = () => undefined): Promise<string[]> {
    return this.filesForKeys(planFile, [...new Set(citedParents(plan).map((c) => c.key))], project, note);
  }

  /** The same from the keys the plan cites (the server's analysis worker parses the plan, the main thread resolves). */
  async filesForKeys(planFile: string | undefined, wanted: readonly string[], project: Partial<LintConfig>, note: (s: string) => void = () => undefined): Promise<string[]> {
    const found: string[] = [...(project.parents ?? [])];
    for (const d of project.directives ?? []) {
      if (!d.path) continue;
      const key = parentKeyOf(parsePlan(d.symbol));
      if (!key || wanted.includes(key.key)) found.push(d.path);
    }
    const self = planFile === undefined ? undefined : path.resolve(planFile);
    if (wanted.length > 0) found.push(...(await this.index.filesFor(wanted, self, note)));
    return [...new Set(found.map((f) => path.resolve(f)))].filter((f) => f !== self);
  }

  /** A parent file parsed (once per stamp), or why it cannot be read. */
  async load(file: string, maxBytes?: number): Promise<ParentDoc | string> {
    const stamp = await this.source.stamp(file);
    if ('error' in stamp) return stamp.error;
    const cached = this.parsed.get(file);
    if (cached && cached.stamp === stamp.stamp) return cached.doc;
    const read = await this.source.read(file, maxBytes);
    if ('error' in read) return read.error;
    const doc: ParentDoc = { doc: parsePlan(read.text), path: file };
    if (this.parsed.size > 256) this.parsed.clear();
    this.parsed.set(file, { stamp: stamp.stamp, doc });
    return doc;
  }
}

/** The CLI's index: the files beside the plan, each folder's heads read once. */
export class FolderIndex implements KeyIndex {
  private readonly folders = new Map<string, Promise<{ file: string; key?: string }[]>>();

  constructor(private readonly source: FileSource) {}

  async filesFor(keys: readonly string[], planFile: string | undefined, note: (s: string) => void): Promise<string[]> {
    if (planFile === undefined) return [];
    const entries = await this.folder(path.dirname(planFile), note);
    return entries.filter((e) => e.file !== planFile && e.key !== undefined && keys.includes(e.key)).map((e) => e.file);
  }

  private folder(dir: string, note: (s: string) => void): Promise<{ file: string; key?: string }[]> {
    let entries = this.folders.get(dir);
    if (!entries) this.folders.set(dir, (entries = this.scan(dir, note)));
    return entries;
  }

  private async scan(dir: string, note: (s: string) => void): Promise<{ file: string; key?: string }[]> {
    let names = (await this.source.list(dir)).filter((n) => PARENT_FILE.test(n)).sort();
    const max = PARENT_LIMITS.maxFiles;
    if (names.length > max) {
      note(`${dir}: thư mục có ${names.length} tệp văn bản, chỉ tìm văn bản cấp trên trong ${max} tệp đầu (only the first ${max} of ${names.length} text files searched for parents)`);
      names = names.slice(0, max);
    }
    const out: { file: string; key?: string }[] = [];
    for (const name of names) {
      const file = path.join(dir, name);
      const head = await this.source.head(file, PARENT_LIMITS.headBytes);
      if (head !== undefined) out.push({ file, key: ownKeyOfHead(head) });
    }
    return out;
  }
}
