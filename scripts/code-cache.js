#!/usr/bin/env node
// Saves V8's compiled code of dist/cli.js as dist/cli.js.cache (read by bin/bundle-loader.js).
// The cache is taken after one check of the sample plan, in text and JSON, so it holds the
// functions a check runs and not only the top level: a cold `kehoach check` then compiles little.
'use strict';
const fs = require('fs');
const path = require('path');
const { loadBundle } = require('../bin/bundle-loader');

const ROOT = path.resolve(__dirname, '..');
const BUNDLE = path.join(ROOT, 'dist', 'cli.js');
const SAMPLE = path.join(ROOT, 'examples', 'ke-hoach-mau.kehoach.txt');

async function main() {
  // A stale cache would only be rejected, but the build must not read it while producing a new one.
  fs.rmSync(BUNDLE + '.cache', { force: true });
  const held = {};
  const { main: cli } = loadBundle(BUNDLE, held);
  const quiet = { out: () => undefined, err: () => undefined };
  await cli(['check', SAMPLE], quiet);
  await cli(['check', '--format', 'json', SAMPLE], quiet);
  const data = held.script.createCachedData();
  fs.writeFileSync(BUNDLE + '.cache', data);
  process.stdout.write(`code cache dist/cli.js.cache: ${(data.length / 1024).toFixed(0)} KB\n`);
}

main().catch((err) => {
  // No cache is not an error: the CLI compiles its bundle as usual.
  process.stderr.write(`code cache not made: ${err && err.stack}\n`);
});
