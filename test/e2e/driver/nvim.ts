// Headless Neovim as a second LSP client: the stdio server (bin/kehoach-language-server.js) must
// publish, for a real plan, the findings the core computes — same rule ids, same ranges.
//   node out/test/e2e/driver/nvim.js      (needs `nvim` on PATH; Debian's 0.7.2 is enough)

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { OUT, PLAN_FILE, ROOT, WS, core, expectedFindings, keyOf, lineStartsOf, positionAt, reportResult, workspaceConfig } from './common';

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
  // SERVER_CMD (space-separated) runs another server build; the default is the package's bin.
  const serverCmd = process.env.SERVER_CMD ? process.env.SERVER_CMD.split(' ').filter(Boolean)
    : [process.execPath, path.join(ROOT, 'bin', 'kehoach-language-server.js')];
  const t0 = Date.now();
  const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${path.join(ROOT, 'test', 'e2e', 'nvim', 'lsp-diag.lua')}`], {
    env: {
      ...process.env, TARGET: target, DIAG_OUT: diagOut, SERVER_CMD_JSON: JSON.stringify(serverCmd),
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
    fix: null | { diagnostic: LspDiagnostic; title: string; text: string; published: boolean; diagnostics: LspDiagnostic[] | Record<string, never> };
  };
  const got = Array.isArray(res.diagnostics) ? res.diagnostics : [];
  checks.push({ name: `diagnostics published over stdio (${got.length} in ${ms} ms)`, ok: res.ok && got.length > 0,
    detail: `publishes=${res.publishes} exited=${JSON.stringify(res.exited)} log=${res.log.slice(-3).join(' / ')}` });

  const text = fs.readFileSync(target, 'utf8');
  const config = workspaceConfig(WS);
  const want = expectedFindings(text, config);
  const wantKeys = want.map((f) => keyOf(f.rule, f.start, f.end)).sort();
  const gotKeys = got.map((d) => keyOf(String(d.code ?? ''), d.range.start, d.range.end)).sort();
  const missing = wantKeys.filter((k) => !gotKeys.includes(k));
  const extra = gotKeys.filter((k) => !wantKeys.includes(k));
  checks.push({ name: `same findings as the core (${wantKeys.length}: ${[...new Set(want.map((f) => f.rule))].join(', ')})`,
    ok: wantKeys.length > 0 && missing.length === 0 && extra.length === 0,
    detail: `missing ${missing.slice(0, 8).join(' ')}; unexpected ${extra.slice(0, 8).join(' ')}` });
  const bad = got.filter((d) => d.source !== 'kehoach' || !/^KH\d{3,4}$/.test(String(d.code)) || !d.codeDescription?.href);
  checks.push({ name: 'every diagnostic names its rule (source, code, codeDescription)', ok: got.length > 0 && bad.length === 0,
    detail: bad.slice(0, 3).map((d) => JSON.stringify(d).slice(0, 200)).join(' | ') });

  // The quick fix Neovim applied is the core's preferred fix of that finding, and the finding goes.
  const fix = res.fix;
  const starts = lineStartsOf(text);
  const finding = fix && core.checkPlan(text, config).findings.find((f) => {
    const p = positionAt(text, f.start, starts);
    return f.rule === String(fix.diagnostic.code) && p.line === fix.diagnostic.range.start.line && p.character === fix.diagnostic.range.start.character;
  });
  const preferred = finding?.fixes.find((f) => f.preferred);
  const fixedText = preferred ? core.applyEdits(text, preferred.edits).text : undefined;
  const sameText = (a: string, b: string) => a.replace(/\r?\n$/, '') === b.replace(/\r?\n$/, '');
  checks.push({ name: `quick fix over stdio: "${fix?.title ?? '(none offered)'}" makes the core's edit`,
    ok: !!fix && fixedText !== undefined && sameText(fix.text, fixedText),
    detail: fix ? `for ${keyOf(String(fix.diagnostic.code), fix.diagnostic.range.start, fix.diagnostic.range.end)}` : 'no finding had a preferred quick fix' });
  if (fix && fixedText !== undefined) {
    const after = Array.isArray(fix.diagnostics) ? fix.diagnostics : [];
    const wantAfter = expectedFindings(fixedText, config).map((f) => keyOf(f.rule, f.start, f.end)).sort();
    const gotAfter = after.map((d) => keyOf(String(d.code ?? ''), d.range.start, d.range.end)).sort();
    checks.push({ name: 'after the fix the server publishes the findings of the new text', ok: fix.published && wantAfter.join() === gotAfter.join(),
      detail: `published=${fix.published}; want ${wantAfter.join(' ')}; got ${gotAfter.join(' ')}` });
  }
  return reportResult('nvim', checks);
}

process.exitCode = main() > 0 ? 1 : 0;
