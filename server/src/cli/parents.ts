// The parent directives of a plan on the command line, found as the editor finds them (one
// resolver, parentResolver.ts): files given with --parent, else those listed in `.kehoach.json`
// ("parents", or "directives" with a path), and the files in the plan's folder whose header
// carries a number the plan cites. This module is the CLI's file source: the disk, read once.

import * as fs from 'fs';
import { readPlanFile } from '../planFile';
import { readFileLimitedSync } from '../fileRead';
import { isDocxPath } from '../core/docx/fileNames';
import { ParentResolver, PARENT_LIMITS, headOf, headOfBytes, type FileSource } from '../parentResolver';

/** The disk as the CLI reads it: sync reads through the bounded reader (a CLI run has nothing else to do meanwhile). */
export const diskSource: FileSource = {
  async head(file, bytes) {
    // A Word file must be read whole to know its text; its start stands for the head.
    if (isDocxPath(file)) return headOf(readPlanFile(file, PARENT_LIMITS.maxBytes).text ?? '', bytes);
    // FIFOs, devices and huge files named like plans are skipped by the reader without waiting.
    const read = readFileLimitedSync(file, { maxBytes: PARENT_LIMITS.maxBytes, headBytes: bytes, timeoutMs: 1000 });
    if (!read.ok || read.size > PARENT_LIMITS.maxBytes) return undefined;
    return headOfBytes(read.bytes, bytes);
  },
  async stamp() {
    // One run reads each file once: any stamp will do.
    return { stamp: 'disk' };
  },
  async read(file) {
    const input = readPlanFile(file);
    return input.text === undefined ? { error: input.error ?? 'không đọc được (unreadable)' } : { text: input.text };
  },
  async list(dir) {
    try {
      return fs.readdirSync(dir);
    } catch {
      return []; // an unreadable folder just has no parents to offer
    }
  },
};

/** A resolver over the disk, for one CLI run. */
export function cliParentResolver(): ParentResolver {
  return new ParentResolver(diskSource);
}
