// Runs the extension-host suite in a downloaded VS Code (needs internet the first time):
//   npx tsc -p . && node out/test/e2e/runTest.js
// Where VS Code cannot be downloaded (CI here), .ci/e2e.sh runs the same suite in code-server.

import * as fs from 'fs';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { resultPath } from './suite/index';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..'); // out/test/e2e → repo root
  const result = resultPath();
  try { fs.unlinkSync(result); } catch { /* none yet */ }
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'suite', 'index'),
    launchArgs: [path.join(root, 'test', 'e2e', 'ws'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    extensionTestsEnv: { KEHOACH_E2E_RESULT: result },
  });
  // runTests rejects on a failing run(), but check the written outcome too.
  const r = JSON.parse(fs.readFileSync(result, 'utf8')) as { passed: number; failed: number };
  console.log(`${r.passed} passed, ${r.failed} failed`);
  if (r.failed > 0 || r.passed === 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error('e2e failed:', err);
  process.exitCode = 1;
});
