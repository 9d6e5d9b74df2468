import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Express } from 'express';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AppConfig } from '../../server/config/app-config';
import type { Storage } from '../../server/storage/open-storage';
import { testApp, type TestAppOptions } from './test-app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS_DIR = path.join(__dirname, '../../test-output/screenshots');
export const AXE_DIR = path.join(__dirname, '../../test-output/axe');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface BrowserHarness {
  app: Express;
  /** The app's data layer (to add operators: test/support/operators.ts). */
  storage: Storage;
  browser: Browser;
  baseUrl: string;
  close: () => Promise<void>;
}

/**
 * The real app on a loopback port and Debian's Chromium driven by playwright-core: one of each per test file. No
 * e-mail unless the options give an outbox (which stays the test's to close).
 */
export async function startBrowserHarness(
  overrides: Partial<AppConfig> = {},
  options: TestAppOptions = {},
): Promise<BrowserHarness> {
  const { app, stop, storage } = testApp(overrides, options);
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  return {
    app,
    storage,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stop();
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page (WCAG 2.x A/AA rules). It is evaluated through the DevTools protocol, which the page's
 * CSP does not restrict, so the check runs against the real policy.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate<AxeViolation[]>(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    .then((result) => result.violations.map((v) =>
      ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`);
}

/** How far the page is wider than its viewport (0 = no sideways scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

export interface WidthAudit {
  width: number;
  overflow: number;
  violations: AxeViolation[];
}

/**
 * The page at a phone width (360 px) and a desktop width (1280 px): sideways overflow, axe-core violations, and a
 * full-page screenshot in the git-ignored test-output/screenshots/. Every violation (any impact) is also written to
 * test-output/axe/<name>.json so the run leaves a readable record.
 */
export async function auditAtBothWidths(page: Page, name: string): Promise<WidthAudit[]> {
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  fs.mkdirSync(AXE_DIR, { recursive: true });
  const original = page.viewportSize();
  const audits: WidthAudit[] = [];
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    audits.push({ width, overflow: await horizontalOverflow(page), violations: await axeViolations(page) });
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}-${width}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
  fs.writeFileSync(path.join(AXE_DIR, `${name}.json`), `${JSON.stringify(audits, null, 2)}\n`);
  return audits;
}

/** No sideways overflow and no serious or critical axe-core violation at either width. */
export function expectGoodAtBothWidths(audits: WidthAudit[]): void {
  const serious = audits.map(({ width, overflow, violations }) => ({
    width,
    overflow,
    serious: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
  }));
  expect(serious).toEqual(audits.map(({ width }) => ({ width, overflow: 0, serious: [] })));
}
