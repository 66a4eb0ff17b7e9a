#!/usr/bin/env node
// Bundles the three entry points with esbuild, one file each (with a source map) in dist/:
//   dist/extension.js  the VS Code client (vscode stays external: the editor provides it)
//   dist/server.js     the language server (VS Code starts it over IPC, other editors over stdio)
//   dist/analysisWorker.js  the server's worker thread that checks large plans
//   dist/cli.js        the `kehoach` command
// One file loads in one read and compile instead of ~100 module look-ups, and the packaged
// extension needs no node_modules. data/*.json are inlined. `--watch` rebuilds on change.
// Then dist/cli.js.cache: V8's code cache of the CLI (scripts/code-cache.js).
'use strict';
const path = require('path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const ENTRIES = [
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  { in: 'server/src/main.ts', out: 'dist/server.js' },
  // The server's analysis worker (a worker_threads script it starts beside itself for large plans).
  { in: 'server/src/analysisWorker.ts', out: 'dist/analysisWorker.js' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js' },
];

function options(e) {
  return {
    absWorkingDir: ROOT,
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Prefer a package's ES module build: jsonc-parser's UMD "main" loads its parts with a
    // dynamic require that a bundle cannot follow.
    mainFields: ['module', 'main'],
    // Smaller to parse; names are kept so a stack trace still reads (and the map gives lines).
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    // The map names the .ts files and lines; their text stays out (a smaller map).
    sourcesContent: false,
    external: e.external ?? [],
    logLevel: 'warning',
    legalComments: 'none',
  };
}

async function main() {
  if (process.argv.includes('--watch')) {
    for (const e of ENTRIES) await (await esbuild.context(options(e))).watch();
    process.stdout.write('bundling on change (dist/)\n');
    return;
  }
  const started = Date.now();
  await Promise.all(ENTRIES.map((e) => esbuild.build(options(e))));
  process.stdout.write(`bundled ${ENTRIES.map((e) => e.out).join(', ')} in ${Date.now() - started} ms\n`);
  // The CLI's compiled code, saved for its next cold start (a separate process: a clean heap).
  require('child_process').execFileSync(process.execPath, [path.join(__dirname, 'code-cache.js')], { stdio: 'inherit' });
}

main().catch((err) => {
  process.stderr.write(`bundle failed: ${err && err.stack}\n`);
  process.exit(1);
});
