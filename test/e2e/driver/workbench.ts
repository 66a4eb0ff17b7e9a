// The installed extension (from the .vsix) in the VS Code workbench, as a user sees it: open a real
// plan with Ctrl+P, read the Problems panel, take a screenshot.
//   CS_URL=http://127.0.0.1:8765/ node out/test/e2e/driver/workbench.js
// E2E_SCREENSHOT=docs/screenshot-problems.png also saves the screenshot there (for the README).

import * as fs from 'fs';
import * as path from 'path';
import { OUT, PLAN_FILE, ROOT, WS, expectedFindings, reportResult, workspaceConfig } from './common';
import { CS_URL, openBrowser } from './browser';

async function main(): Promise<number> {
  const checks: { name: string; ok: boolean; detail?: string }[] = [];
  const text = fs.readFileSync(path.join(WS, PLAN_FILE), 'utf8');
  const want = expectedFindings(text, workspaceConfig(WS));
  const rules = [...new Set(want.map((f) => f.rule))];
  const dup = want.find((f) => /^III\.\s/.test(text.split(/\r?\n/)[f.start.line] ?? '') && f.start.line > 0);
  const { ctx, page, console: lines } = await openBrowser('workbench');
  let shot = path.join(OUT, 'problems.png');
  try {
    await page.goto(`${CS_URL}?folder=${encodeURIComponent(WS)}`);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90000 });
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget', { state: 'visible' });
    await page.keyboard.type(PLAN_FILE);
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.editor-instance .view-lines', { timeout: 30000 });
    // The language mode in the status bar says the file was recognised as a plan.
    const mode = await page.locator('.statusbar-item[id="status.editor.mode"]').innerText({ timeout: 15000 }).catch(() => '');
    checks.push({ name: `language mode of ${PLAN_FILE} (${mode.trim()})`, ok: /k(ế|e) ?ho(ạ|a)ch/i.test(mode), detail: `status bar says "${mode}"` });

    await page.keyboard.press('Control+Shift+M'); // Problems panel
    const row = page.locator('.markers-panel .monaco-list-row');
    const wantRow = rules.length ? row.filter({ hasText: new RegExp(rules.join('|')) }).first() : row.first();
    const shown = await wantRow.waitFor({ timeout: 60000 }).then(() => true, () => false);
    const rows = await row.allInnerTexts();
    fs.writeFileSync(path.join(OUT, 'problems.json'), JSON.stringify(rows, null, 2));
    checks.push({ name: `Problems panel lists the plan's findings (${rows.length} rows visible)`, ok: shown && rules.length > 0,
      detail: `expected rule ids ${rules.join(', ') || '(the core found nothing)'}; rows: ${JSON.stringify(rows.slice(0, 5))}` });
    // The file row carries the number of problems: it should be what the core finds.
    const fileRow = rows.find((r) => r.includes(PLAN_FILE)) ?? '';
    const count = /(\d+)\s*$/.exec(fileRow.trim())?.[1];
    checks.push({ name: `problem count on the file row = core findings (${want.length})`, ok: count !== undefined && +count === want.length,
      detail: `file row: ${JSON.stringify(fileRow)}` });
    const codes = rows.flatMap((r) => r.match(/KH\d{3}/g) ?? []);
    const strangers = codes.filter((c) => !rules.includes(c));
    checks.push({ name: 'every rule id in the panel is one the core reports', ok: codes.length > 0 && strangers.length === 0,
      detail: `codes ${codes.join(' ')}; not from the core: ${strangers.join(' ')}` });

    // Show the duplicate "III." with its squiggle for the screenshot: go to the line.
    if (dup) {
      await page.keyboard.press('Control+G');
      await page.keyboard.type(String(dup.start.line + 1));
      await page.keyboard.press('Enter');
      await page.locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning, .editor-instance .squiggly-info')
        .first().waitFor({ timeout: 10000 }).catch(() => undefined);
    }
  } catch (e) {
    checks.push({ name: 'workbench flow', ok: false, detail: (e as Error).message });
    shot = path.join(OUT, 'workbench-failure.png');
  } finally {
    await page.screenshot({ path: shot }).catch(() => undefined);
    fs.writeFileSync(path.join(OUT, 'workbench-browser-console.log'), lines.join('\n'));
    await ctx.close().catch(() => undefined);
  }
  const keep = process.env.E2E_SCREENSHOT;
  if (keep && checks.every((c) => c.ok)) fs.copyFileSync(shot, path.resolve(ROOT, keep));
  console.log(`screenshot: ${shot}`);
  return reportResult('vscode-workbench', checks);
}

main().then((failed) => { process.exitCode = failed > 0 ? 1 : 0; }, (err) => {
  reportResult('vscode-workbench', [{ name: 'driver', ok: false, detail: String(err && err.stack || err) }]);
  process.exitCode = 1;
});
