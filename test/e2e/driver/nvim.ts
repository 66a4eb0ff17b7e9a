// Headless Neovim as a second LSP client: the stdio server (bin/kehoach-language-server.js) must
// publish, for a real plan, the findings the core computes — same rule ids, same ranges.
//   node out/test/e2e/driver/nvim.js      (needs `nvim` on PATH; Debian's 0.7.2 is enough)

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { OUT, PLAN_FILE, ROOT, WS, expectedFindings, keyOf, reportResult, workspaceConfig } from './common';

interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  severity?: number;
}

function main(): number {
  fs.mkdirSync(OUT, { recursive: true });
  const target = path.join(WS, PLAN_FILE);
  const diagOut = path.join(OUT, 'nvim-diag.json');
  try { fs.unlinkSync(diagOut); } catch { /* none yet */ }
  const serverCmd = process.env.SERVER_CMD || `node ${path.join(ROOT, 'bin', 'kehoach-language-server.js')}`;
  const t0 = Date.now();
  const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${path.join(ROOT, 'test', 'e2e', 'nvim', 'lsp-diag.lua')}`], {
    env: {
      ...process.env, TARGET: target, DIAG_OUT: diagOut, SERVER_CMD: serverCmd,
      XDG_CACHE_HOME: path.join(OUT, 'nvim-cache'), XDG_STATE_HOME: path.join(OUT, 'nvim-state'),
      XDG_DATA_HOME: path.join(OUT, 'nvim-data'),
    },
    timeout: 60000, encoding: 'utf8',
  });
  const ms = Date.now() - t0;
  const checks: { name: string; ok: boolean; detail?: string }[] = [];
  const ran = fs.existsSync(diagOut);
  checks.push({ name: 'nvim runs the client and writes its result', ok: ran,
    detail: `status ${r.status} signal ${r.signal} ${r.error ?? ''} ${(r.stderr || '').slice(0, 500)}` });
  if (!ran) return reportResult('nvim', checks);

  const res = JSON.parse(fs.readFileSync(diagOut, 'utf8')) as {
    ok: boolean; diagnostics: LspDiagnostic[] | Record<string, never>; publishes: number; exited?: unknown; log: string[];
  };
  const got = Array.isArray(res.diagnostics) ? res.diagnostics : [];
  checks.push({ name: `diagnostics published over stdio (${got.length} in ${ms} ms)`, ok: res.ok && got.length > 0,
    detail: `publishes=${res.publishes} exited=${JSON.stringify(res.exited)} log=${res.log.slice(-3).join(' / ')}` });

  const text = fs.readFileSync(target, 'utf8');
  const want = expectedFindings(text, workspaceConfig(WS));
  const wantKeys = want.map((f) => keyOf(f.rule, f.start, f.end)).sort();
  const gotKeys = got.map((d) => keyOf(String(d.code ?? ''), d.range.start, d.range.end)).sort();
  const missing = wantKeys.filter((k) => !gotKeys.includes(k));
  const extra = gotKeys.filter((k) => !wantKeys.includes(k));
  checks.push({ name: `same findings as the core (${wantKeys.length}: ${[...new Set(want.map((f) => f.rule))].join(', ')})`,
    ok: wantKeys.length > 0 && missing.length === 0 && extra.length === 0,
    detail: `missing ${missing.slice(0, 8).join(' ')}; unexpected ${extra.slice(0, 8).join(' ')}` });
  const bad = got.filter((d) => d.source !== 'kehoach' || !/^KH\d{3}$/.test(String(d.code)) || !d.codeDescription?.href);
  checks.push({ name: 'every diagnostic names its rule (source, code, codeDescription)', ok: got.length > 0 && bad.length === 0,
    detail: bad.slice(0, 3).map((d) => JSON.stringify(d).slice(0, 200)).join(' | ') });
  return reportResult('nvim', checks);
}

process.exitCode = main() > 0 ? 1 : 0;
