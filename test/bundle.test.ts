// The bundles (dist/, made by `npm run build` and before `npm test`) as they ship: each copied
// alone into an empty folder — no node_modules, no data/, no out/ beside it — and run there.

import * as assert from 'assert';
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { main } from '../server/src/cli/main';
import { SERVER_NODE_FLAGS } from '../server/src/nodeFlags';
import { WORKER_FROM_CHARS } from '../server/src/server';
import { CORPUS, corpusFiles, readCorpus, ROOT } from './helpers';

const DIST = path.join(ROOT, 'dist');

/** A bundle copied alone (with the files it starts beside it) into a fresh folder. */
function isolated(file: string, ...beside: string[]): { file: string; dispose: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-bundle-'));
  for (const f of [file, ...beside]) fs.copyFileSync(path.join(DIST, f), path.join(dir, f));
  return { file: path.join(dir, file), dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function inProcess(args: string[]): Promise<string> {
  let out = '';
  await main(args, { out: (s) => (out += s), err: () => undefined });
  return out;
}

describe('bundles (dist/)', function () {
  this.timeout(60_000);

  it('are built: client, server and CLI, one file each with its source map', () => {
    for (const f of ['extension.js', 'server.js', 'analysisWorker.js', 'cli.js']) {
      assert.ok(fs.existsSync(path.join(DIST, f)), f);
      assert.ok(fs.existsSync(path.join(DIST, f + '.map')), f + '.map');
      assert.match(fs.readFileSync(path.join(DIST, f), 'utf8').slice(-200), new RegExp(`sourceMappingURL=${f.replace('.', '\\.')}\\.map`));
    }
    // The client leaves only the editor's own module outside.
    const client = fs.readFileSync(path.join(DIST, 'extension.js'), 'utf8');
    const required = new Set([...client.matchAll(/require\("([^"./][^"]*)"\)/g)].map((m) => m[1]).filter((m) => !m.startsWith('node:')));
    assert.deepStrictEqual([...required].filter((m) => !BUILTIN.has(m)), ['vscode']);
  });

  it('the CLI bundle alone gives the same JSON as the compiled modules on every corpus plan (agency data inlined)', async () => {
    const cli = isolated('cli.js');
    try {
      const files = corpusFiles().map((f) => path.join(CORPUS, f));
      const args = ['check', '--format', 'json', '--date', '2026-06-01', '--no-parents', ...files];
      const run = `require(${JSON.stringify(cli.file)}).main(process.argv.slice(1), { out: (s) => process.stdout.write(s), err: () => {} }).then((c) => { process.exitCode = c; })`;
      let bundled: string;
      try {
        bundled = execFileSync(process.execPath, ['-e', run, ...args], { encoding: 'utf8', cwd: path.dirname(cli.file), maxBuffer: 64 << 20 });
      } catch (err) {
        bundled = (err as { stdout: string }).stdout; // exit code 1: errors found
      }
      assert.strictEqual(bundled, await inProcess(args));
      // The renamed-agency rule needs data/agencies.json: it fired, so the data came along.
      assert.match(bundled, /"rule": ?"KH804"/);
    } finally {
      cli.dispose();
    }
  });

  it('bin/kehoach runs the CLI bundle through its code cache, and the same without it or with a cache V8 rejects', () => {
    // The cache was made by the build for this Node; a corrupt or foreign one must change nothing but the time.
    const cli = isolated('cli.js');
    const cache = path.join(DIST, 'cli.js.cache');
    assert.ok(fs.existsSync(cache), 'the build writes dist/cli.js.cache');
    const file = path.join(CORPUS, 'laocai_134-kh-ubnd_2026_thuc-hien-34-nq-tu.txt');
    const args = ['check', '--format', 'json', '--date', '2026-06-01', '--no-parents', file];
    const script = (bundle: string) =>
      `const { loadBundle } = require(${JSON.stringify(path.join(ROOT, 'bin', 'bundle-loader.js'))}); const held = {};` +
      `loadBundle(${JSON.stringify(bundle)}, held).main(process.argv.slice(1), { out: (s) => process.stdout.write(s), err: () => {} })` +
      `.then((c) => { process.stderr.write(String(held.script.cachedDataRejected)); process.exitCode = c; })`;
    const run = (bundle: string) => {
      const r = spawnSync(process.execPath, ['-e', script(bundle), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
      return { out: r.stdout, rejected: r.stderr };
    };
    try {
      const noCache = run(cli.file);
      assert.strictEqual(noCache.rejected, 'undefined', 'no cache given');
      const withCache = run(path.join(DIST, 'cli.js'));
      assert.strictEqual(withCache.rejected, 'false', 'the build\'s cache fits this Node');
      fs.writeFileSync(cli.file + '.cache', Buffer.from('not a V8 code cache'));
      const rejected = run(cli.file);
      assert.strictEqual(rejected.rejected, 'true');
      assert.match(noCache.out, /"rule": ?"KH/);
      assert.strictEqual(withCache.out, noCache.out);
      assert.strictEqual(rejected.out, noCache.out);
    } finally {
      cli.dispose();
    }
  });

  /** The server bundle (with `beside`) over stdio: the diagnostics of `text` opened as an untitled plan, and the CLI's rules for the same text. */
  async function overStdio(text: string, beside: string[] = []): Promise<{ published: (string | number | undefined)[]; expected: string[] }> {
    const server = isolated('server.js', ...beside);
    // With the Node flags the client starts it with (a flag Node refused would end the process).
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, server.file, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: path.dirname(server.file) });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => conn.onNotification(PublishDiagnosticsNotification.type, resolve));
    conn.listen();
    const file = path.join(path.dirname(server.file), 'plan.txt');
    try {
      const init = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {}, locale: 'vi' });
      assert.strictEqual(init.serverInfo?.name, 'kehoach-language-server');
      await conn.sendNotification(InitializedNotification.type, {});
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: 'untitled:plan.kehoach.txt', languageId: 'kehoach', version: 1, text } });
      const p = await diagnostics;
      fs.writeFileSync(file, text);
      const expected = JSON.parse(await inProcess(['check', '--format', 'json', '--no-parents', file]));
      const rules = (expected.files?.[0]?.findings ?? expected[0]?.findings ?? []).map((f: { rule: string }) => f.rule);
      return { published: p.diagnostics.map((d) => d.code), expected: rules };
    } finally {
      conn.dispose();
      child.kill();
      server.dispose();
    }
  }

  it('the server bundle alone answers over stdio and publishes the diagnostics of a real plan', async () => {
    const { published, expected } = await overStdio(readCorpus('tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt'));
    assert.ok(expected.length > 0);
    assert.deepStrictEqual(published, expected);
  });

  it('the server bundle checks a large plan in its worker bundle (dist/analysisWorker.js beside it)', async () => {
    // 147/KH-UBND's task section repeated past WORKER_FROM_CHARS.
    const plan = readCorpus('tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt');
    const tasks = plan.slice(plan.indexOf('\n1. Nâng cao nhận thức'), plan.indexOf('\n(Có phụ lục'));
    assert.ok(tasks.length > 1000, 'the task section');
    const text = plan.replace(tasks, tasks.repeat(Math.ceil(WORKER_FROM_CHARS / tasks.length) + 1));
    assert.ok(text.length > WORKER_FROM_CHARS);
    const { published, expected } = await overStdio(text, ['analysisWorker.js']);
    assert.ok(expected.length > 0);
    assert.deepStrictEqual(published, expected);
    // A copy of the server without its worker checks the same plan on its main thread.
    assert.deepStrictEqual((await overStdio(text)).published, expected);
  });
});

const BUILTIN = new Set(require('module').builtinModules as string[]);
