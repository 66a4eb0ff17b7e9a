#!/usr/bin/env node
'use strict';
// The `kehoach` command. The TypeScript is compiled to out/ by `npm install` (prepare) or `npm run build`.
let main;
try {
  ({ main } = require('../out/server/src/cli/main.js'));
} catch (err) {
  process.stderr.write('kehoach: chưa biên dịch — hãy chạy `npm install` hoặc `npm run build` (not built: run `npm install` or `npm run build`)\n');
  process.exit(2);
}
const io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
main(process.argv.slice(2), io).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`kehoach: ${err && err.message}\n`); process.exitCode = 2; },
);
