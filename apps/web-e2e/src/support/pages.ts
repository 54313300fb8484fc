import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { withCheckCharacter } from '@kepai/contracts';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

/** `npm run screenshots` writes them into docs/screenshots for the README; tests into dist. */
export const SHOTS = join(
  ROOT,
  process.env['KEPAI_SCREENSHOTS'] ?? join('dist', 'e2e-screenshots'),
);
mkdirSync(SHOTS, { recursive: true });

export const DEMO_PASSWORD = 'Kepai-Demo-2026';
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 740 };

/** A browser context of its own (its own cookies: one signed-in person) that records errors. */
export interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

export async function newPerson(
  browser: Browser,
  baseURL: string,
  viewport = DESKTOP,
): Promise<Person> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  // antd spaces out two-character labels (登 录): the form's one submit button
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(/\/console\//);
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A fresh, valid unified social credit code for a made-up company. */
export function newCreditCode(): string {
  let body = '91330100MA';
  for (let i = 0; i < 7; i++) body += CREDIT_ALPHABET[randomInt(CREDIT_ALPHABET.length)];
  return withCheckCharacter(body);
}

/**
 * How far a page scrolls sideways on a phone; 0 means it fits. When it does not, the elements
 * sticking out are printed, to say what to fix.
 */
export async function horizontalOverflow(page: Page): Promise<number> {
  // charts and tables follow a new viewport on their next frame
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))),
  );
  const { overflow, culprits } = await page.evaluate(() => {
    const width = window.innerWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} ${Math.round(element.getBoundingClientRect().right)}px`,
      );
    return { overflow: document.documentElement.scrollWidth - width, culprits };
  });
  if (overflow > 0) console.log(`wider than the screen on ${page.url()}:\n${culprits.join('\n')}`);
  return overflow;
}

export async function shot(page: Page, name: string): Promise<void> {
  // charts grow into place for about a second: take the picture once they stand still
  if ((await page.locator('canvas').count()) > 0) await page.waitForTimeout(1500);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
