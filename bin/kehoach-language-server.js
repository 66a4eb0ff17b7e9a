#!/usr/bin/env node
// `kehoach-language-server`: the language server over stdio, for editors other than VS Code
// (Neovim, Helix …). Other transport flags are dropped so stdio always wins. Runs the bundle
// (dist/server.js) when there is one, else the compiled modules in out/.
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
