import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, seriousViolations } from './support/browser.ts';
import { startDemoServer } from './support/demo-server.ts';
import { readScenario } from '../src/replay/scenario-file.ts';
import { demoIdentities } from '../src/demo/demo-identities.ts';

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

  for (const javaScript of [true, false]) {
    test(`a health visitor finds Child A by name, with a slip of spelling, and opens the record (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const scenario = await readScenario('scenarios/000-child-a.scenario.json');
      const child = demoIdentities(scenario.scenario, scenario.events as Record<string, unknown>[]).get('child-a')!;
      const page = await signInFromList('health-visitor', javaScript);
      await page.getByRole('link', { name: 'Find a person' }).first().click();
      // The family name with its last two letters swapped, as a hurried typist would.
      const slip = child.family.slice(0, -2) + child.family.at(-1) + child.family.at(-2);
      await page.getByLabel('Name, date of birth, NHS number or postcode').fill(`${child.given} ${slip}`);
      await page.getByRole('button', { name: 'Search' }).click();
      const row = page.locator('tbody tr', { hasText: `${child.given} ${child.family}` });
      assert.match(await row.innerText(), new RegExp(child.nhsNumber.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3')));
      if (javaScript) assert.deepEqual(await seriousViolations(page), []);
      await row.getByRole('link', { name: `${child.given} ${child.family}`, exact: true }).click();
      assert.equal(await page.locator('h1').innerText(), `${child.given} ${child.family}`);
      assert.match(await page.locator('.govuk-summary-list').first().innerText(), /NHS number\s+999 \d{3} \d{4}/);
    });
  }
});
