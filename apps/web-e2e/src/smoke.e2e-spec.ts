import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startServer, type RunningServer } from './support/server';

// `npm run screenshots` writes them into docs/screenshots for the README
const ROOT = join(import.meta.dirname, '..', '..', '..');
const SHOTS = join(ROOT, process.env['KEPAI_SCREENSHOTS'] ?? join('dist', 'e2e-screenshots'));

describe('the web app in Chromium, served by the api', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
  });

  beforeEach(async () => {
    consoleErrors.length = 0;
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  afterEach(async () => {
    // a page that logged an error has a defect, whatever it showed: every test fails on one
    const errors = consoleErrors.splice(0);
    await page?.close();
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renders the home page with a live status line from /api/v1/health', async () => {
    await page.goto(server.url);
    const status = page.getByTestId('status-line');
    await status.and(page.locator('[data-state="ok"]')).waitFor({ timeout: 15_000 });
    await expect(status.textContent()).resolves.toContain('服务正常');
    await expect(page.getByTestId('status-database').textContent()).resolves.toMatch(
      /^数据库：正常/,
    );
    await expect(page.locator('h1').textContent()).resolves.toContain('科技成果');
    await page.screenshot({ path: join(SHOTS, 'home.png'), fullPage: true });
  });

  it('opens a deep link through the history fallback and stays in the app', async () => {
    const response = await page.goto(`${server.url}/results/no-such-result`);
    expect(response?.status()).toBe(200);
    await page.getByTestId('not-found').waitFor();
    await page
      .getByTestId('status-line')
      .and(page.locator('[data-state="ok"]'))
      .waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: '返回首页' }).click();
    await page.waitForURL(`${server.url}/`);
  });

  it('switches to English and back', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('All systems normal').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('status-database').textContent()).resolves.toMatch(
      /^Database: up/,
    );
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByText('服务正常').waitFor();
  });

  it('fits a phone-width screen', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(server.url);
    await page
      .getByTestId('status-line')
      .and(page.locator('[data-state="ok"]'))
      .waitFor({ timeout: 15_000 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'home-phone.png'), fullPage: true });
  });
});
