// The package's root folder (package.json, docs/rules): the compiled code runs from
// out/server/src/…, the bundles from dist/, so it is found by walking up, not by a fixed depth.

import * as fs from 'fs';
import * as path from 'path';

let root: string | undefined;

export function packageRoot(): string {
  if (root !== undefined) return root;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return (root = dir);
    if (path.dirname(dir) === dir) return (root = path.resolve(__dirname, '..', '..', '..'));
  }
}
