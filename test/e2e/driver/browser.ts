// Debian's chromium driven by playwright-core, pointed at a running code-server (CS_URL).

import * as fs from 'fs';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { OUT } from './common';

export const CS_URL = (process.env.CS_URL || 'http://127.0.0.1:8765/').replace(/\/?$/, '/');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export async function openBrowser(name: string): Promise<{ ctx: BrowserContext; page: Page; console: string[] }> {
  fs.mkdirSync(OUT, { recursive: true });
  const udd = fs.mkdtempSync(path.join(OUT, `chromium-${name}-`));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] || await ctx.newPage();
  const lines: string[] = [];
  page.on('console', (m) => lines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => lines.push(`[pageerror] ${e.message}`));
  return { ctx, page, console: lines };
}

/** `vscode-remote://host:port/abs/path` — how code-server's browser names a folder on its machine. */
export function remoteUri(absPath: string): string {
  const u = new URL(CS_URL);
  return `vscode-remote://${u.host}${absPath}`;
}
