#!/usr/bin/env node
// `kehoach-language-server`: the language server over stdio, for editors other than VS Code
// (Neovim, Helix …). Other transport flags are dropped so stdio always wins.
'use strict';
const rest = process.argv.slice(2).filter((a) => !/^--(node-ipc|stdio|socket|pipe)\b/.test(a));
process.argv = [process.argv[0], process.argv[1], '--stdio', ...rest];
require('../out/server/src/main.js').main();
