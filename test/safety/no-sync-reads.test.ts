// The server must never block its event loop on a file it did not ship: no fs.*Sync call in the
// modules the language server runs, except the CLI's sync helpers (which the server never calls)
// and the registry's bundled data/ file.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers';

/** Files allowed to hold sync calls, and why. */
const ALLOWED: Record<string, RegExp> = {
  // The reader itself: readFileLimitedSync is the CLI's, beside the server's async one.
  'server/src/fileRead.ts': /./,
  // findProjectFile / readProjectFile / confineToFoldersSync: the CLI's; the server uses the async ones.
  'server/src/projectConfig.ts': /lstatSync|realpathSync|readFileLimitedSync|confineToFoldersSync/,
  // readPlanFile: the CLI's; the server reads through readFileLimited and turns bytes into text with planInputOf.
  'server/src/planFile.ts': /readFileLimitedSync\(file, \{ maxBytes: readLimitFor\(file, maxBytes\) \}\)/,
  // data/directives.json ships with the extension.
  'server/src/core/registry/directives.ts': /readFileSync\(candidate/,
  // Finding the package's own root once at start (out/ and dist/ sit at different depths).
  'server/src/packageRoot.ts': /existsSync\(path\.join\(dir, 'package\.json'\)\)/,
};

function serverFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'cli' && e.name !== 'tools') out.push(...serverFiles(p));
    } else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('safety: no sync file access in the language server', () => {
  it('fs.*Sync appears only in the CLI helpers and the bundled registry', () => {
    const offending: string[] = [];
    for (const file of serverFiles(path.join(ROOT, 'server', 'src'))) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      const source = fs.readFileSync(file, 'utf8');
      // Only modules that can touch the file system (fflate's zipSync/inflateSync work on bytes in memory).
      if (!/from '(node:)?fs'|require\('(node:)?fs'\)|from '\.\.?\/(\.\.\/)*fileRead'/.test(source)) continue;
      source.split('\n').forEach((line, i) => {
        if (!/\b\w+Sync\(/.test(line) || /^\s*(\/\/|\*)/.test(line)) return;
        if (ALLOWED[rel]?.test(line)) return;
        offending.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepStrictEqual(offending, []);
  });

  it('the server module does not import the sync project-file functions', () => {
    const server = fs.readFileSync(path.join(ROOT, 'server', 'src', 'server.ts'), 'utf8');
    assert.ok(!/\b(findProjectFile|readProjectFile|loadProjectConfig|readFileLimitedSync|readPlanFile)\b/.test(server));
  });
});
