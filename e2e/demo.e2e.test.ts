import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, seriousViolations } from './support/browser.ts';
import { startDemoServer } from './support/demo-server.ts';

// The demo as a new user meets it (`npm run demo`): the scenarios loaded, the demo accounts.
describe('the demo in Chromium', { timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function newPage(javaScript: boolean) {
    const context = await browser.newContext({
      baseURL: server.url,
      javaScriptEnabled: javaScript,
      viewport: { width: 1200, height: 900 },
    });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    return context.newPage();
  }

  /** Signs in with an account and the password as the sign-in page lists them, as a new user would. */
  async function signInFromList(username: string, javaScript: boolean) {
    const page = await newPage(javaScript);
    await page.goto('/sign-in');
    const password = (await page.locator('[data-demo-password]').innerText()).trim();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForLoadState('load');
    return page;
  }

  before(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.remove();
  });

  for (const javaScript of [true, false]) {
    test(`the sign-in page lists every demo account and the password, and each signs in (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const page = await newPage(javaScript);
      await page.goto('/sign-in');
      const table = page.locator('table', { has: page.locator('caption', { hasText: 'Sign in as any of these' }) });
      const usernames = (await table.locator('tbody tr td:first-child').allInnerTexts()).map((u) => u.trim());
      assert.deepEqual(usernames.sort(), server.demoAccounts!.map((a) => a.username).sort());
      assert.match(await table.innerText(), /Health visitor/);
      // axe runs in the page's JavaScript.
      if (javaScript) assert.deepEqual(await seriousViolations(page), []);
      const home = await signInFromList('health-visitor', javaScript);
      assert.equal(new URL(home.url()).pathname, '/work');
      assert.match(await home.locator('header').innerText(), /Signed in as/);
    });
  }
});
