// Shared by the drivers that run outside the editor (workbench, Neovim): paths, the expected
// findings (computed by the core on the same text and config), and the result line e2e.sh sums.

import * as fs from 'fs';
import * as path from 'path';
import * as core from '../../../server/src/core';

export const ROOT = path.resolve(__dirname, '../../../..'); // out/test/e2e/driver → repo root
export const WS = process.env.E2E_WS || path.join(ROOT, 'test', 'e2e', 'ws');
export const PLAN_FILE = process.env.E2E_FILE || 'thainguyen.kehoach.txt';
export const OUT = process.env.E2E_OUT || path.join(ROOT, '.e2e', 'out');

export interface Position { line: number; character: number }
export interface ExpectedFinding { rule: string; severity: core.Severity; start: Position; end: Position; message: string }

/** UTF-16 offset → LSP position (lines split at \r\n, \n, \r as the server does). */
export function positionAt(text: string, offset: number, lineStarts = lineStartsOf(text)): Position {
  let lo = 0, hi = lineStarts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1; }
  return { line: lo, character: offset - lineStarts[lo] };
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** The workspace config the server should find by walking up from the plan: its .kehoach.json. */
export function workspaceConfig(dir = WS): core.LintConfig {
  const file = path.join(dir, '.kehoach.json');
  if (!fs.existsSync(file)) return core.defaultConfig();
  const v = core.validateConfigObject(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (v.problems.length) throw new Error(`${file}: ${v.problems.join('; ')}`);
  return core.mergeConfig(core.defaultConfig(), v.config);
}

export function expectedFindings(text: string, config: core.LintConfig): ExpectedFinding[] {
  const starts = lineStartsOf(text);
  return core.checkPlan(text, config).findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    start: positionAt(text, f.start, starts),
    end: positionAt(text, f.end, starts),
    message: f.message,
  }));
}

export const keyOf = (rule: string, s: Position, e: Position) => `${rule}@${s.line}:${s.character}-${e.line}:${e.character}`;

/** e2e.sh sums these lines across drivers. */
export function reportResult(name: string, checks: { name: string; ok: boolean; detail?: string }[]): number {
  for (const c of checks) console.log(`${c.ok ? '  ✓' : '  ✗'} ${name}: ${c.name}${c.ok || !c.detail ? '' : `\n      ${c.detail}`}`);
  const passed = checks.filter((c) => c.ok).length;
  const failed = checks.length - passed;
  console.log(`RESULT ${name} ${passed} passed, ${failed} failed`);
  return failed;
}

export { core };
