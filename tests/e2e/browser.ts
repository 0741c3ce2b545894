/**
 * One Chromium for a test file, and pages that fail the test on any console
 * error, uncaught exception or Content-Security-Policy violation.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromiumArgs, chromiumPath } from '../browser/chromium.ts';

/** Problems a page reported; a test asserts the list is empty. */
export type PageProblems = string[];

/** Start Chromium before the file's tests and close it after. */
export function useBrowser(): { browser: () => Browser; baseUrl: string } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    browser: () => {
      if (!browser) throw new Error('The browser is not started yet.');
      return browser;
    },
    baseUrl: inject('baseUrl')
  };
}

/**
 * Open a page and collect console errors and CSP violations on it.
 *
 * @param browser the browser.
 * @param url the address.
 * @param options viewport and JavaScript switch.
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: { width?: number; height?: number; javaScript?: boolean } = {}
): Promise<{ page: Page; problems: PageProblems; status: number | undefined }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    javaScriptEnabled: options.javaScript ?? true
  });
  const page = await context.newPage();
  const problems: PageProblems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 404/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  const response = await page.goto(url);
  await page.waitForLoadState('load');
  return { page, problems, status: response?.status() };
}
