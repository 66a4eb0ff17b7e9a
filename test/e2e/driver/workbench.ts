// The installed extension (from the .vsix) in the VS Code workbench, as a user sees it: open a real
// plan with Ctrl+P, read the Problems panel (Vietnamese with an English VS Code), take a screenshot,
// open the walkthrough.
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
  let shotTaken = false;
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

    // The extension's status-bar item says what VS Code's own counter does not: the date the plan is
    // judged at (the workspace's .kehoach.json sets it) — no second problem counter.
    const planDate = workspaceConfig(WS).planDate?.split('-').reverse().join('/') ?? '';
    const dated = await page.waitForFunction((d) => {
      // runs in the page; typed loosely because this project compiles without the DOM library
      const document = (globalThis as unknown as { document: { getElementById(id: string): { getAttribute(a: string): string | null } | null } }).document;
      return (document.getElementById('kehoach.kehoach.kehoach.status')?.getAttribute('aria-label') ?? '').includes(d);
    }, planDate, { timeout: 60000 }).then(() => true, () => false);
    const label = await page.locator('[id="kehoach.kehoach.kehoach.status"]').getAttribute('aria-label', { timeout: 5000 }).catch(() => null);
    checks.push({ name: `status bar shows the plan date used (${planDate}), not a problem count`, ok: dated && !/\$\(error\)|lỗi, \d+ cảnh báo/.test(label ?? ''),
      detail: `status item label: ${JSON.stringify(label)}` });
    await page.keyboard.press('Control+Shift+M'); // Problems panel
    await page.locator('.markers-panel').waitFor({ timeout: 10000 }).catch(() => undefined);
    checks.push({ name: 'the Problems panel opens', ok: await page.locator('.markers-panel').isVisible() });
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
    // VS Code's UI is in English and kehoach.locale is not set: the messages are Vietnamese.
    const viMessage = want.map((f) => f.message).find((m) => rows.some((r) => r.includes(m.slice(0, 40))));
    checks.push({ name: 'the findings are in Vietnamese with an English VS Code and no kehoach.locale', ok: !!viMessage && /[ăâđêôơư]/.test(viMessage),
      detail: `expected one of ${JSON.stringify(want.slice(0, 3).map((f) => f.message))} in ${JSON.stringify(rows.slice(0, 3))}` });
    const codes = rows.flatMap((r) => r.match(/KH\d{3,4}/g) ?? []);
    const strangers = codes.filter((c) => !rules.includes(c));
    checks.push({ name: 'every rule id in the panel is one the core reports', ok: codes.length > 0 && strangers.length === 0,
      detail: `codes ${codes.join(' ')}; not from the core: ${strangers.join(' ')}` });

    // Show the duplicate "III." (else the first finding) with its squiggle for the screenshot.
    const focus = dup ?? want[0];
    if (focus) {
      await page.keyboard.press('Control+G');
      await page.keyboard.type(String(focus.start.line + 1));
      await page.keyboard.press('Enter');
      await page.locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning, .editor-instance .squiggly-info')
        .first().waitFor({ timeout: 10000 }).catch(() => undefined);
    }
    await page.screenshot({ path: shot });
    shotTaken = true;

    // The walkthrough is contributed and opens on its first step (Welcome: Open Walkthrough…).
    await page.keyboard.press('Control+Shift+P');
    await page.waitForSelector('.quick-input-widget', { state: 'visible' });
    await page.keyboard.type('Open Walkthrough');
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: /Open Walkthrough/ }).first().waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    const listed = await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Bắt đầu với Kế hoạch' }).first()
      .waitFor({ timeout: 15000 }).then(() => true, () => false);
    checks.push({ name: 'the walkthrough "Bắt đầu với Kế hoạch" is listed', ok: listed });
    if (listed) {
      await page.keyboard.type('Bắt đầu với Kế hoạch');
      await page.keyboard.press('Enter');
      const opened = await page.locator('.gettingStartedContainer').filter({ hasText: 'Mở kế hoạch mẫu' }).first()
        .waitFor({ timeout: 20000 }).then(() => true, () => false);
      checks.push({ name: 'the walkthrough opens on its steps (Mở kế hoạch mẫu …)', ok: opened });
      await page.screenshot({ path: path.join(OUT, 'walkthrough.png') }).catch(() => undefined);
    }
  } catch (e) {
    checks.push({ name: 'workbench flow', ok: false, detail: (e as Error).message });
    shot = path.join(OUT, 'workbench-failure.png');
  } finally {
    if (!shotTaken) await page.screenshot({ path: shot }).catch(() => undefined);
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
