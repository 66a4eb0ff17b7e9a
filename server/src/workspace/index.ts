// The workspace index: which file is which directive. A plan cites its parents by number
// ("Thực hiện Nghị quyết số 34-NQ/TU …"); a parent's text is any workspace file whose header
// carries that number. Only the head of each file is read (the header is in the first lines), so
// indexing thousands of files costs a few KB each. An open document's text wins over the disk.

import * as fs from 'fs';
import * as path from 'path';
import { readFileLimited } from '../fileRead';
import { planInputOf, readLimitFor } from '../planFile';
import { isDocxPath } from '../core/docx/fileNames';
import { PARENT_LIMITS, headOf, headOfBytes, ownKeyOfHead } from '../parentResolver';

export interface IndexOptions {
  /** Stop after this many candidate files (a workspace may hold anything). */
  maxFiles?: number;
  /** Larger files are skipped: not plans. */
  maxBytes?: number;
  /** Bytes read from the start of each file to find its header. */
  headBytes?: number;
}

/** Plan-like files: *.txt, *.md (and so *.kehoach.txt, *.kh.txt), and Word files (*.docx). */
export const INDEXED_FILE = /\.(txt|md|docx)$/i;
/** Folders that never hold plans and may be huge. */
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', '.git', '.hg', '.svn', '.vscode-test']);

export const INDEX_DEFAULTS: Required<IndexOptions> = { maxFiles: PARENT_LIMITS.maxFiles, maxBytes: PARENT_LIMITS.maxBytes, headBytes: PARENT_LIMITS.headBytes };

// One key and one head for every parent search (parentResolver.ts); re-exported for the tests.
export { ownKeyOfHead as ownKeyOf, headOf } from '../parentResolver';

interface Entry {
  /** Key from the file on disk. */
  disk?: string;
  /** Key from the open editor's text (undefined: not open). */
  open?: { key?: string; head: string };
}

export class WorkspaceIndex {
  private readonly options: Required<IndexOptions>;
  private readonly entries = new Map<string, Entry>();
  private readonly byKey = new Map<string, Set<string>>();
  /** Files looked at by the last scans (bounded by maxFiles). */
  scanned = 0;
  /** The scan stopped at maxFiles. */
  truncated = false;

  constructor(options: IndexOptions = {}) {
    this.options = { ...INDEX_DEFAULTS, ...options };
  }

  /** How many files a scan looks at, at most. */
  get limit(): number {
    return this.options.maxFiles;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The key a file is indexed under now. */
  keyOf(file: string): string | undefined {
    const e = this.entries.get(file);
    return e?.open ? e.open.key : e?.disk;
  }

  /** Files whose header carries a key. */
  filesFor(key: string): string[] {
    return [...(this.byKey.get(key) ?? [])];
  }

  /**
   * The parent file for each cited key, seen from a plan: the nearest one (same folder first,
   * then the longest shared path), never the plan itself.
   */
  parentsFor(keys: Iterable<string>, planFile?: string): string[] {
    const out: string[] = [];
    for (const key of new Set(keys)) {
      const files = this.filesFor(key).filter((f) => f !== planFile);
      if (files.length === 0) continue;
      const shared = (f: string) => (planFile ? commonPrefix(f, planFile) : 0);
      files.sort((a, b) => shared(b) - shared(a) || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
      out.push(files[0]);
    }
    return out;
  }

  /** Scan folders for plan-like files (async, so the server keeps answering while it reads). */
  async scan(folders: readonly string[], shouldStop: () => boolean = () => false): Promise<void> {
    const files: string[] = [];
    const queue = [...folders];
    while (queue.length && files.length < this.options.maxFiles && !shouldStop()) {
      const dir = queue.shift()!;
      let dirents: fs.Dirent[];
      try {
        dirents = await fs.promises.readdir(dir, { withFileTypes: true });
      } catch {
        continue; // unreadable folder: nothing to index
      }
      dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const d of dirents) {
        if (d.isDirectory()) {
          if (!SKIP_DIRS.has(d.name) && !d.name.startsWith('.')) queue.push(path.join(dir, d.name));
        } else if (d.isFile() && INDEXED_FILE.test(d.name)) {
          if (files.length >= this.options.maxFiles) {
            this.truncated = true;
            break;
          }
          files.push(path.join(dir, d.name));
        }
      }
    }
    if (queue.length && files.length >= this.options.maxFiles) this.truncated = true;
    // A few reads at a time: enough to overlap I/O, few enough not to starve requests.
    const BATCH = 16;
    for (let i = 0; i < files.length && !shouldStop(); i += BATCH) {
      await Promise.all(files.slice(i, i + BATCH).map((f) => this.refreshFile(f)));
      this.scanned += Math.min(BATCH, files.length - i);
    }
  }

  /** Re-read one file's head from disk (created or changed). Returns the keys it moved between. */
  async refreshFile(file: string): Promise<{ before?: string; after?: string }> {
    const before = this.keyOf(file);
    let disk: string | undefined;
    let exists = false;
    try {
      // lstat: a link is not followed (a link to /dev/zero or outside the workspace is no parent).
      const stat = await fs.promises.lstat(file);
      if (stat.isFile()) {
        exists = true;
        if (stat.size <= this.options.maxBytes) disk = await readKey(file, this.options);
      }
    } catch {
      exists = false;
    }
    const e = this.entries.get(file);
    if (!exists && !e?.open) this.entries.delete(file);
    else this.entries.set(file, { ...(e ?? {}), disk });
    this.reindex(file, before);
    return { before, after: this.keyOf(file) };
  }

  /** A file was deleted. */
  remove(file: string): { before?: string; after?: string } {
    const before = this.keyOf(file);
    const e = this.entries.get(file);
    if (e?.open) this.entries.set(file, { open: e.open });
    else this.entries.delete(file);
    this.reindex(file, before);
    return { before, after: this.keyOf(file) };
  }

  /** An open document's text (it wins over the disk). Cheap when the head did not change. */
  setOpenText(file: string, text: string): { before?: string; after?: string } {
    const before = this.keyOf(file);
    const head = headOf(text, this.options.headBytes);
    const e = this.entries.get(file) ?? {};
    if (e.open && e.open.head === head) return { before, after: before };
    if (Buffer.byteLength(text, 'utf8') > this.options.maxBytes) this.entries.set(file, { ...e, open: { head } });
    else this.entries.set(file, { ...e, open: { key: ownKeyOfHead(head), head } });
    this.reindex(file, before);
    return { before, after: this.keyOf(file) };
  }

  /** The document was closed: the disk's version counts again. */
  closeText(file: string): { before?: string; after?: string } {
    const before = this.keyOf(file);
    const e = this.entries.get(file);
    if (!e) return { before, after: before };
    // No disk read here (this runs on the event loop): a file without a key on disk is dropped;
    // the watcher re-adds it if it gains one.
    if (e.disk === undefined) this.entries.delete(file);
    else this.entries.set(file, { disk: e.disk });
    this.reindex(file, before);
    return { before, after: this.keyOf(file) };
  }

  /** Forget files under a folder (removed from the workspace). */
  removeFolder(folder: string): void {
    const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
    for (const file of [...this.entries.keys()]) {
      if (!file.startsWith(prefix) || this.entries.get(file)?.open) continue;
      const before = this.keyOf(file);
      this.entries.delete(file);
      this.reindex(file, before);
    }
  }

  private reindex(file: string, before: string | undefined): void {
    const after = this.keyOf(file);
    if (before === after) return;
    if (before !== undefined) {
      const set = this.byKey.get(before);
      set?.delete(file);
      if (set && set.size === 0) this.byKey.delete(before);
    }
    if (after !== undefined) {
      let set = this.byKey.get(after);
      if (!set) this.byKey.set(after, (set = new Set()));
      set.add(file);
    }
  }
}

/**
 * Whether a file reported by the editor's watcher belongs in the index: a .txt/.md inside a
 * workspace folder and outside the folders a scan skips (node_modules, out, dot-folders).
 */
export function isIndexable(file: string, folders: readonly string[]): boolean {
  if (!INDEXED_FILE.test(file)) return false;
  for (const folder of folders) {
    const rel = path.relative(folder, file);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) continue;
    const dirs = rel.split(path.sep).slice(0, -1);
    return !dirs.some((d) => SKIP_DIRS.has(d) || d.startsWith('.'));
  }
  return false;
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The key in the first bytes of a file (cut at a line end; a BOM dropped), through the bounded reader. */
async function readKey(file: string, options: Required<IndexOptions>): Promise<string | undefined> {
  const head = await readHead(file, options.headBytes, options.maxBytes);
  return head === undefined ? undefined : ownKeyOfHead(head);
}

/**
 * The start of a file's text, or undefined when it cannot be read. A Word file is read whole (its
 * text is in a zip) through the Word reader, loaded on the first Word file only; its text's start
 * stands for the head, as the CLI reads it.
 */
export async function readHead(file: string, headBytes: number, maxBytes: number = PARENT_LIMITS.maxBytes): Promise<string | undefined> {
  if (isDocxPath(file)) {
    const read = await readFileLimited(file, { maxBytes: readLimitFor(file, maxBytes), timeoutMs: 2000 });
    const text = read.ok ? planInputOf(file, read.bytes).text : undefined;
    return text === undefined ? undefined : headOf(text, headBytes);
  }
  const read = await readFileLimited(file, { maxBytes, headBytes, timeoutMs: 2000 });
  return read.ok ? headOfBytes(read.bytes, headBytes) : undefined;
}
