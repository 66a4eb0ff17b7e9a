// Hostile filesystem objects for the safety tests: FIFOs, device links, symlink loops, sparse
// giants, unreadable files. Each maker returns undefined where the platform cannot make it.

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export function makeFifo(file: string): string | undefined {
  try {
    execFileSync('mkfifo', [file]);
    return file;
  } catch {
    return undefined;
  }
}

export function linkTo(file: string, target: string): string | undefined {
  try {
    fs.symlinkSync(target, file);
    return file;
  } catch {
    return undefined;
  }
}

/** A file of `bytes` size that takes no disk space (truncate). */
export function sparse(file: string, bytes: number): string {
  const fd = fs.openSync(file, 'w');
  fs.ftruncateSync(fd, bytes);
  fs.closeSync(fd);
  return file;
}

/** A loop a → b → a. */
export function symlinkLoop(dir: string, name: string): string | undefined {
  const a = path.join(dir, name);
  const b = path.join(dir, `${name}.loop`);
  return linkTo(a, b) && linkTo(b, a) ? a : undefined;
}

/** Unreadable for this user (root reads anyway: then undefined). */
export function unreadable(file: string, content = 'KẾ HOẠCH\n'): string | undefined {
  fs.writeFileSync(file, content);
  fs.chmodSync(file, 0o000);
  try {
    fs.readFileSync(file);
    return undefined;
  } catch {
    return file;
  }
}

export const DEV_ZERO = fs.existsSync('/dev/zero') ? '/dev/zero' : undefined;
