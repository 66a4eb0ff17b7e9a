#!/usr/bin/env node
// `kehoach-language-server`: the language server over stdio, for editors other than VS Code
// (Neovim, Helix …). Other transport flags are dropped so stdio always wins. Runs the bundle
// (dist/server.js) when there is one, else the compiled modules in out/.
// The server's memory settings: its idle garbage collection needs no flag (server/src/idleGc.ts);
// --max-semi-space-size (server/src/nodeFlags.ts) is a V8 start-up flag that cannot be set from
// here — starting a second Node with it would cost a process of ~40 MB — so an editor passes it:
// `node --max-semi-space-size=2 bin/kehoach-language-server.js --stdio` (README).
'use strict';
const rest = process.argv.slice(2).filter((a) => !/^--(node-ipc|stdio|socket|pipe)\b/.test(a));
process.argv = [process.argv[0], process.argv[1], '--stdio', ...rest];
let server;
try {
  server = require('../dist/server.js');
} catch (err) {
  if (err && err.code !== 'MODULE_NOT_FOUND') throw err;
  server = require('../out/server/src/main.js');
}
server.main();
