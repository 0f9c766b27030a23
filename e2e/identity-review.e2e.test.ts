import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { AxeAudit, launchBrowser } from './support/browser.ts';
import { startTestServer, type RunningTestServer } from './support/server.ts';
import { signIn, type Session } from './support/pages.ts';
import { possibleMatch } from '../src/server/test-identity-review.ts';

// Issue 12 item 8: the front door decides a possible match in the browser, with
// JavaScript off and on. The linker raises each review itself (a man recorded by
// probation and, with his date of birth a year out, by the police); the worker opens
// the list from the navigation, the review, sees both records and the waterfall, is told
// to give a reason, then confirms. axe-core checks every page at 1280 and 320 px wide.
describe('identity review in Chromium', { timeout: 240_000 }, () => {
  let server: RunningTestServer;
  let browser: Browser;
  const sessions: Session[] = [];
  const audit = new AxeAudit();
  const pairs = {
    off: possibleMatch('e2e-off', { variant: 3, nhsNumber: '9990001235', fatherOf: 'known-baby' }),
    on: possibleMatch('e2e-on', { variant: 4 }),
  };

  async function session(role: string, javaScript: boolean) {
    const s = await signIn(browser, server.url, role, { javaScript });
    sessions.push(s);
    return s;
  }

  /**
   * axe at desktop and at 320 px, where nothing may need scrolling sideways (WCAG 1.4.10).
   * Only with JavaScript on: axe and the width check run as scripts in the page.
   */
  async function checkBothWidths(page: Page, name: string) {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await audit.check(page, `${name} at ${width} px`);
      if (width === 320) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${name} scrolls sideways by ${overflow} px at 320 px`);
      }
    }
    await page.setViewportSize({ width: 1200, height: 900 });
  }

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    for (const pair of Object.values(pairs)) for (const event of pair.events) await server.services.store.submit(event, String(event.id));
    assert.equal(server.services.store.engine.world.pendingReviews().length, 2, 'the linker raised a review for each pair');
  });
  after(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    await server?.close();
  });

  for (const javaScript of [false, true]) {
    const mode = javaScript ? 'with JavaScript' : 'without JavaScript';
    const pair = javaScript ? pairs.on : pairs.off;
    const href = `/identity-reviews/${pair.person}/${pair.candidate}`;

    test(`a front-door worker confirms a possible match with a reason (${mode})`, async () => {
      const { page } = await session('front-door-worker', javaScript);
      await page.getByRole('link', { name: /^Identity reviews/ }).click();
      await page.waitForURL(/\/identity-reviews$/);
      const list = page.locator('main');
      assert.match(await list.innerText(), /waiting for a decision/);
      assert.match(await list.innerText(), /Strong\s+91%/);
      if (javaScript) await checkBothWidths(page, 'list');

      await page.locator(`a[href="${href}"]`).click();
      await page.waitForURL(new RegExp(`${href}$`));
      const main = page.locator('main');
      const records = await page.locator('#records').innerText();
      for (const shown of [`E13 ${javaScript ? 4 : 3}AB`, `B12 ${javaScript ? 4 : 3}XY`, 'Riverside Constabulary', 'Probation'])
        assert.ok(records.includes(shown), `the records show ${shown}`);
      if (!javaScript) assert.match(records, /999 000 1235/);
      const waterfall = await page.locator('#match-waterfall').innerText();
      assert.match(waterfall, /Date of birth\s+Year out by one/);
      assert.match(waterfall, /Total match weight\s+\+3\.31/);
      if (javaScript) await checkBothWidths(page, 'review');

      await page.getByLabel('Yes, the same person').check();
      await page.getByRole('button', { name: 'Record decision' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter why you decided/);
      assert.equal(await page.getByLabel('Yes, the same person').isChecked(), true, 'the choice is kept');
      assert.equal(server.services.store.engine.world.identityGroup(pair.person).length, 1, 'nothing is stored');
      if (javaScript) await checkBothWidths(page, 'review with an error');

      await page.getByLabel('Why did you decide this?').fill('Probation confirmed his move and his date of birth by phone');
      await page.getByRole('button', { name: 'Record decision' }).click();
      await page.waitForURL(/\/identity-reviews\?decided=/);
      assert.match(await page.locator('.govuk-notification-banner').innerText(), /are recorded as the same person/);
      assert.equal(await page.locator(`a[href="${href}"]`).count(), 0, 'the decided review has left the list');
      assert.ok(server.services.store.engine.world.identityGroup(pair.person).includes(pair.candidate));
      assert.match(await main.innerText(), /Identity reviews/);
      if (javaScript) await checkBothWidths(page, 'list after a decision');
    });
  }

  test('a police officer is refused the list and a review, and is not offered the link', async () => {
    const { page } = await session('police', false);
    assert.equal(await page.getByRole('link', { name: /^Identity reviews/ }).count(), 0);
    for (const url of ['/identity-reviews', `/identity-reviews/${pairs.on.person}/${pairs.on.candidate}`]) {
      const response = await page.goto(url);
      assert.equal(response?.status(), 403, url);
    }
  });

  test('no page has a serious or critical axe-core violation', () => {
    assert.ok(audit.pages.length >= 8, `only ${audit.pages.length} pages were checked`);
    assert.deepEqual(audit.failing(), []);
  });
});
