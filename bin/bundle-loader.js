'use strict';
// Loads a CommonJS bundle (dist/cli.js) through V8's code cache: the bundle is compiled once at
// build time (scripts/code-cache.js runs a check and saves the compiled code beside it as
// <bundle>.cache), so a run skips most of parsing and compiling. Node 20 has no
// module.enableCompileCache. When V8 rejects the cache (another Node version, other flags, a
// rebuilt bundle) or it is missing, the bundle compiles as usual: nothing changes but the time.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

/**
 * Run `file` as a module and return its exports, with its code cache when one fits.
 * `hold`: keep the compiled script so that `cacheOf` can save its code after a run (the build).
 */
function loadBundle(file, hold) {
  const source = fs.readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = fs.readFileSync(file + '.cache');
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  const wrapper = script.runInThisContext({ displayErrors: true });
  wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  if (hold) hold.script = script;
  return mod.exports;
}

module.exports = { loadBundle };
