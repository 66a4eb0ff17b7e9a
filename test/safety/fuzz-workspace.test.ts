// Fuzz: random hostile workspaces (configs with junk, FIFOs, symlink loops, unreadable files,
// /dev/zero links, directories named like plans, huge sparse files). The language server (in
// process) must answer every request within a bound and keep Object.prototype clean; the CLI (a
// child process) must finish within a bound with an exit code and no internal error. Seeded and
// bounded: KEHOACH_FUZZ_SEED and KEHOACH_FUZZ_ROUNDS change the run; a failure prints its seed.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CodeActionRequest,
  DidChangeWatchedFilesNotification,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FileChangeType,
  HoverRequest,
  SemanticTokensRequest,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from '../lsp/harness';
import { ROOT } from '../helpers';
import { prng as rng } from '../property/random';
import { DEV_ZERO, linkTo, makeFifo, sparse, symlinkLoop, unreadable } from './hostile-fs';

const SEED = Number(process.env.KEHOACH_FUZZ_SEED ?? 20261205);
const ROUNDS = Number(process.env.KEHOACH_FUZZ_ROUNDS ?? 6);
/** Every request answered within this. */
const REQUEST_BOUND_MS = 10000;
const CLI_BOUND_MS = 30000;

const PLAN = 'ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 12/KH-UBND\nTuyên Quang, ngày 05 tháng 3 năm 2025\n\nKẾ HOẠCH\nThực hiện Nghị quyết số 34-NQ/TU ngày 01 tháng 02 năm 2025\n\nI. MỤC ĐÍCH\n1. Một\n1. Hai\nII. TỔ CHỨC THỰC HIỆN\n- Sở Nội vụ chủ trì, báo cáo trước ngày 30/6/2025.\n';
const PARENT = 'TỈNH ỦY TUYÊN QUANG\nSố 34-NQ/TU\nNGHỊ QUYẾT\n1. Nhiệm vụ một\n2. Nhiệm vụ hai\n';

type Kind = 'plan' | 'parent' | 'fifo' | 'loop' | 'unreadable' | 'zero' | 'dir' | 'sparse' | 'outside' | 'binary';
const KINDS: Kind[] = ['plan', 'parent', 'fifo', 'loop', 'unreadable', 'zero', 'dir', 'sparse', 'outside', 'binary'];
const NAMES = ['a.txt', 'b.kehoach.txt', 'c.md', 'd.kh.txt', 'sub/e.txt', 'sub/f.kehoach.md', 'g.txt'];

interface Built {
  dir: string;
  names: string[];
  summary: string[];
}

/** A random workspace: hostile entries under plan-like names, and a random .kehoach.json. */
function buildWorkspace(r: () => number): Built {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-fuzz-')));
  fs.mkdirSync(path.join(dir, 'sub'));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const names: string[] = [];
  const summary: string[] = [];
  for (const name of NAMES) {
    if (r() < 0.2) continue;
    const kind = pick(KINDS);
    const file = path.join(dir, name);
    let made: string | undefined = file;
    switch (kind) {
      case 'plan': fs.writeFileSync(file, PLAN); break;
      case 'parent': fs.writeFileSync(file, PARENT); break;
      case 'fifo': made = makeFifo(file); break;
      case 'loop': made = symlinkLoop(path.dirname(file), path.basename(file)); break;
      case 'unreadable': made = unreadable(file, PARENT) ?? file; break;
      case 'zero': made = DEV_ZERO ? linkTo(file, DEV_ZERO) : undefined; break;
      case 'dir': fs.mkdirSync(file); break;
      case 'sparse': sparse(file, (1 + Math.floor(r() * 3)) * 1024 * 1024 * 1024); break;
      case 'outside': made = linkTo(file, '/etc/passwd'); break;
      case 'binary': fs.writeFileSync(file, Buffer.from(Array.from({ length: 5000 }, () => Math.floor(r() * 256)))); break;
    }
    if (made) {
      names.push(name);
      summary.push(`${name}=${kind}`);
    }
  }
  const junk = (): unknown => pick<() => unknown>([
    () => 1, () => null, () => ({}), () => [], () => 'x'.repeat(Math.floor(r() * 50)), () => pick(names.length ? names : ['none.txt']),
    () => '/etc/passwd', () => '../../../../etc/shadow', () => ({ __proto__: { polluted: true } }), () => true, () => -0.5,
  ])();
  const parents = Array.from({ length: Math.floor(r() * 8) }, () => (r() < 0.6 ? pick(names.length ? names : ['none.txt']) : junk()));
  const config: Record<string, unknown> = {};
  if (r() < 0.8) config.parents = r() < 0.1 ? Array.from({ length: 100000 }, (_, i) => String(i % 10)) : parents;
  if (r() < 0.5) config.directives = [{ symbol: '34-NQ/TU', path: junk() }, junk(), { path: 5 }];
  if (r() < 0.5) config.rules = { KH101: pick(['off', 'error', 5, ['warning', 3], null]), 'no-such-rule': 'off', constructor: { prototype: { polluted: 1 } } };
  if (r() < 0.3) config.planDate = junk();
  if (r() < 0.3) config.agencies = junk();
  let text = JSON.stringify(config);
  if (r() < 0.15) text = text.slice(0, Math.floor(text.length / 2)); // broken JSON
  if (r() < 0.1) text = '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}';
  const configPath = path.join(dir, '.kehoach.json');
  const configKind = r();
  if (configKind < 0.08) {
    makeFifo(configPath) ?? fs.writeFileSync(configPath, text);
    summary.push('.kehoach.json=fifo');
  } else if (configKind < 0.14) {
    fs.mkdirSync(configPath);
    summary.push('.kehoach.json=dir');
  } else fs.writeFileSync(configPath, text);
  summary.push(`config=${text.length > 200 ? text.slice(0, 200) + '…' : text}`);
  fs.writeFileSync(path.join(dir, 'plan.kehoach.txt'), PLAN);
  return { dir, names, summary };
}

function within<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${REQUEST_BOUND_MS} ms`)), REQUEST_BOUND_MS))),
  ]);
}

function cleanup(dir: string): void {
  // Unreadable files and folders named like plans: make everything removable first.
  try {
    for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
      try {
        fs.chmodSync(path.join(dir, f), 0o700);
      } catch {
        // links and FIFOs
      }
    }
  } catch {
    // gone
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

describe(`safety fuzz: random hostile workspaces (seed ${SEED}, ${ROUNDS} rounds)`, function () {
  this.timeout((REQUEST_BOUND_MS * 10 + CLI_BOUND_MS) * ROUNDS);
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  for (let round = 0; round < ROUNDS; round++) {
    it(`round ${round}: the server answers every request, the CLI finishes`, async () => {
      const r = rng(SEED + round);
      const ws = buildWorkspace(r);
      const context = `seed ${SEED + round}: ${ws.summary.join(', ')}`;
      const client = await TestClient.start({ workspace: ws.dir, server: { today: { year: 2026, month: 1, day: 1 } }, settings: { debounceMs: 10 } });
      try {
        const uri = pathToFileURL(path.join(ws.dir, 'plan.kehoach.txt')).toString();
        const first = await within(client.open(uri, PLAN), `diagnostics (${context})`);
        assert.ok(first.diagnostics.length > 0, `the plan is checked (${context})`);
        // Plans named like the hostile entries, opened as documents (an editor may open anything).
        for (const name of ws.names.slice(0, 3)) {
          await within(client.open(pathToFileURL(path.join(ws.dir, name)).toString(), PLAN.replace('12/KH', '13/KH')), `open ${name} (${context})`);
        }
        // Watched-file events for every entry, and the config.
        await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
          changes: [...ws.names, '.kehoach.json'].map((n) => ({ uri: pathToFileURL(path.join(ws.dir, n)).toString(), type: r() < 0.8 ? FileChangeType.Changed : FileChangeType.Created })),
        });
        const doc = { textDocument: { uri } };
        const position = { line: 9, character: 1 };
        await within(client.conn.sendRequest(HoverRequest.type, { ...doc, position }), `hover (${context})`);
        await within(client.conn.sendRequest(DocumentSymbolRequest.type, doc), `outline (${context})`);
        await within(client.conn.sendRequest(SemanticTokensRequest.type, doc), `tokens (${context})`);
        await within(client.conn.sendRequest(CodeActionRequest.type, { ...doc, range: { start: position, end: position }, context: { diagnostics: first.diagnostics } }), `code actions (${context})`);
        await within(client.conn.sendRequest(ExecuteCommandRequest.type, { command: 'kehoach.server.coverageReport', arguments: [uri] }), `coverage (${context})`);
        const edited = client.diagnostics(uri, (p) => p.version === 2);
        await client.change(uri, 2, PLAN + '3. Ba\n');
        await within(edited, `diagnostics after an edit (${context})`);
        await within(client.server.indexed(), `index (${context})`);
        assert.deepStrictEqual(client.errors, [], `no handler threw (${context})`);
        assert.deepStrictEqual(Object.getOwnPropertyNames(Object.prototype).sort(), protoBefore, `Object.prototype unchanged (${context})`);
        assert.strictEqual(({} as Record<string, unknown>).polluted, undefined, context);
        assert.ok(!client.published.some((p) => p.diagnostics.some((d) => /root:x?:0/.test(d.message + JSON.stringify(d.relatedInformation ?? [])))), `nothing of /etc/passwd shown (${context})`);
      } finally {
        client.dispose();
      }
      // The CLI on the same workspace, as a child process.
      const started = Date.now();
      const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kehoach.js'), 'check', 'plan.kehoach.txt', ...ws.names.slice(0, 2)], {
        cwd: ws.dir, encoding: 'utf8', timeout: CLI_BOUND_MS, maxBuffer: 64 * 1024 * 1024,
      });
      try {
        assert.ok(cli.status === 0 || cli.status === 1 || cli.status === 2, `CLI exit ${cli.status} ${cli.signal ?? ''} after ${Date.now() - started} ms (${context}): ${cli.stderr}`);
        assert.ok(!/internal error|lỗi nội bộ|\n\s+at .+:\d+:\d+\)/.test(cli.stderr), `${context}: ${cli.stderr}`);
        assert.match(cli.stdout + cli.stderr, /plan\.kehoach\.txt/, context);
        assert.ok(!/root:x?:0/.test(cli.stdout + cli.stderr), `nothing of /etc/passwd shown (${context})`);
      } finally {
        cleanup(ws.dir);
      }
    });
  }
});
