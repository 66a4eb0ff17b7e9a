#!/usr/bin/env node
'use strict';
// The `kehoach` command. Runs the bundle (dist/cli.js, made by `npm run build`) when there is one,
// through its V8 code cache (bin/bundle-loader.js), else the compiled modules in out/ (a checkout
// built with `npx tsc -p .` only).
const path = require('path');
let main;
try {
  ({ main } = require('./bundle-loader').loadBundle(path.join(__dirname, '..', 'dist', 'cli.js')));
} catch (bundleErr) {
  if (bundleErr && bundleErr.code !== 'ENOENT') throw bundleErr;
  try {
    ({ main } = require('../out/server/src/cli/main.js'));
  } catch (err) {
    process.stderr.write('kehoach: chưa biên dịch — hãy chạy `npm install` hoặc `npm run build` (not built: run `npm install` or `npm run build`)\n');
    process.exit(2);
  }
}
const io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
main(process.argv.slice(2), io).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`kehoach: ${err && err.message}\n`); process.exitCode = 2; },
);
