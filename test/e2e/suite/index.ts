// Entry of the extension-host suite: `run()` is what VS Code calls as extensionTestsPath, both under
// @vscode/test-electron (runTest.ts) and in code-server (driver/suite.ts). A failing run() is still
// logged by the host as "exited with code 0", so the outcome is also written to a result file that
// the driver reads: { passed, failed, tests: [{ title, state, error? }] }.

import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export const SUITE_FILES = ['plan.e2e.js', 'features.e2e.js', 'snippets.e2e.js', 'docx.e2e.js', 'word.e2e.js'];

export function resultPath(): string {
  // out/test/e2e/suite → <repo>/.e2e/out
  return process.env.KEHOACH_E2E_RESULT || path.resolve(__dirname, '../../../../.e2e/out/suite-result.json');
}

interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  ms?: number;
  error?: string;
}

export function run(): Promise<void> {
  const out = resultPath();
  const tests: TestResult[] = [];
  const write = (extra: Record<string, unknown> = {}) => {
    const passed = tests.filter((t) => t.state === 'passed').length;
    const failed = tests.filter((t) => t.state === 'failed').length;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ passed, failed, tests, ...extra }, null, 2));
    return failed;
  };
  // A stale result from an earlier run must never count as this run's outcome.
  try { fs.unlinkSync(out); } catch { /* none yet */ }

  const mocha = new Mocha({ ui: 'bdd', timeout: 90000, color: false, reporter: 'spec' });
  // Run a part of the suite while working on it (the host's environment comes from the launcher).
  if (process.env.KEHOACH_E2E_GREP) mocha.grep(process.env.KEHOACH_E2E_GREP);
  for (const f of SUITE_FILES) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const failed = write({ finished: true });
        console.log(`[kehoach e2e] ${tests.length - failed} passed, ${failed} failed → ${out}`);
        if (failed > 0) reject(new Error(`${failed} e2e tests failed`));
        else resolve();
      });
      runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
      runner.on('fail', (t, err: Error) => {
        tests.push({ title: t.fullTitle(), state: 'failed', error: String(err && (err.stack || err.message || err)) });
      });
    } catch (err) {
      tests.push({ title: 'suite setup', state: 'failed', error: String((err as Error).stack || err) });
      write({ finished: true });
      reject(err);
    }
  });
}
