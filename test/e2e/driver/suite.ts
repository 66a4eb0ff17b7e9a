// Runs the extension-host suite (test/e2e/suite) inside code-server: the workbench is opened with
// extensionDevelopmentPath/extensionTestsPath in its payload, exactly what @vscode/test-electron
// passes to a desktop VS Code. The suite writes its outcome to a result file; this reads it.
//   CS_URL=http://127.0.0.1:8765/ E2E_EXT_DIR=<extension folder> node out/test/e2e/driver/suite.js

import * as fs from 'fs';
import * as path from 'path';
import { OUT, PLAN_FILE, ROOT, WS, reportResult } from './common';
import { CS_URL, openBrowser, remoteUri } from './browser';

const EXT_DIR = path.resolve(process.env.E2E_EXT_DIR || ROOT);
const TESTS = path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
const RESULT = process.env.KEHOACH_E2E_RESULT || path.join(ROOT, '.e2e', 'out', 'suite-result.json');
const TIMEOUT_MS = Number(process.env.E2E_SUITE_TIMEOUT_MS) || 240000;

interface SuiteResult { passed: number; failed: number; finished?: boolean; tests: { title: string; state: string; error?: string }[] }

/** The suite's result file, once the suite has finished writing it. */
function readResult(): SuiteResult | undefined {
  try {
    const r = JSON.parse(fs.readFileSync(RESULT, 'utf8')) as SuiteResult;
    return r.finished ? r : undefined;
  } catch { return undefined; }
}

/** Resolve when the result file is written (fs.watch on its folder; a slow poll as a backstop). */
function waitForResult(ms: number): Promise<SuiteResult | undefined> {
  return new Promise((resolve) => {
    fs.mkdirSync(path.dirname(RESULT), { recursive: true });
    let done = false;
    const finish = (r: SuiteResult | undefined) => {
      if (done) return;
      done = true; watcher.close(); clearInterval(poll); clearTimeout(timer); resolve(r);
    };
    const look = () => { const r = readResult(); if (r) finish(r); };
    const watcher = fs.watch(path.dirname(RESULT), look);
    const poll = setInterval(look, 1000);
    const timer = setTimeout(() => finish(readResult()), ms);
    look();
  });
}

async function main(): Promise<number> {
  try { fs.unlinkSync(RESULT); } catch { /* none yet */ }
  if (!fs.existsSync(TESTS)) return reportResult('vscode-suite', [{ name: 'suite compiled', ok: false, detail: `${TESTS} missing: run npx tsc -p .` }]);
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remoteUri(EXT_DIR)],
    ['extensionTestsPath', remoteUri(TESTS)],
  ]);
  const url = `${CS_URL}?folder=${encodeURIComponent(WS)}&payload=${encodeURIComponent(payload)}`;
  const sample = path.join(WS, PLAN_FILE);
  const sampleBefore = fs.readFileSync(sample, 'utf8');
  const { ctx, page, console: lines } = await openBrowser('suite');
  let result: SuiteResult | undefined;
  const t0 = Date.now();
  try {
    await page.goto(url);
    result = await waitForResult(TIMEOUT_MS);
  } finally {
    fs.writeFileSync(path.join(OUT, 'suite-browser-console.log'), lines.join('\n'));
    if (!result) await page.screenshot({ path: path.join(OUT, 'suite-failure.png') }).catch(() => undefined);
    await ctx.close().catch(() => undefined);
  }
  if (!result) {
    return reportResult('vscode-suite', [{ name: 'the extension-host suite ran', ok: false,
      detail: `no result in ${RESULT} after ${Date.now() - t0} ms; browser console in ${OUT}/suite-browser-console.log` }]);
  }
  console.log(`extension-host suite: ${Date.now() - t0} ms`);
  const checks: { name: string; ok: boolean; detail?: string }[] = result.tests.map((t) => ({ name: t.title, ok: t.state === 'passed', detail: t.error?.split('\n').slice(0, 12).join('\n      ') }));
  if (checks.length === 0) checks.push({ name: 'the suite ran at least one test', ok: false, detail: JSON.stringify(result) });
  // The suite edits a copy; the sample in the repository must come out as it went in.
  const sampleAfter = fs.readFileSync(sample, 'utf8');
  checks.push({ name: `${PLAN_FILE} in the workspace is unchanged`, ok: sampleAfter === sampleBefore });
  if (sampleAfter !== sampleBefore) fs.writeFileSync(sample, sampleBefore);
  return reportResult('vscode-suite', checks);
}

main().then((failed) => { process.exitCode = failed > 0 ? 1 : 0; }, (err) => {
  reportResult('vscode-suite', [{ name: 'driver', ok: false, detail: String(err && err.stack || err) }]);
  process.exitCode = 1;
});
