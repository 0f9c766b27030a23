import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { AxeAudit, launchBrowser } from './support/browser.ts';
import { startTestServer, type RunningTestServer } from './support/server.ts';
import { SignedInSessions } from './support/pages.ts';

// Issue 12, "nobody is told": a GP records a new man in a baby's household; the check of
// him falls to health visiting, and the health visitor is told in the app: a count in the
// navigation, the notifications page, a link to the finding, and an acknowledgement.
describe('notifications of new findings, with and without JavaScript', { timeout: 180_000 }, () => {
  let server: RunningTestServer;
  let browser: Browser;
  const sessions = new SignedInSessions();
  const audit = new AxeAudit();

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await sessions.closeAll();
    await browser?.close();
    await server?.close();
  });

  const session = (role: string, javaScript: boolean) => sessions.signIn(browser, server.url, role, javaScript);

  /** The number beside "Notifications" in the navigation (0 when there is none). */
  async function navCount(page: Page): Promise<number> {
    const link = page.locator('.govuk-service-navigation').getByRole('link', { name: /^Notifications/ });
    const label =
      (await link.count()) > 0 ? await link.innerText() : await page.locator('.govuk-service-navigation__active-fallback').innerText();
    return Number(/Notifications\s*(\d+)/.exec(label)?.[1] ?? 0);
  }

  for (const javaScript of [false, true]) {
    const mode = javaScript ? 'on' : 'off';
    test(`JavaScript ${mode}: the GP's record raises a health-visiting finding; the health visitor sees the count, follows the link and acknowledges`, async () => {
      const world = server.services.store.engine.world;
      const carerFindings = () => world.findingsAbout('known-baby').filter((f) => f.code === 'male-carer-not-identified');
      const earlier = new Set(carerFindings().map((f) => f.id));
      const gp = await session('gp', javaScript);
      await gp.page.goto('/people/known-baby/record/new-person');
      await gp.page.getByRole('radio', { name: 'Adult' }).check();
      await gp.page.getByLabel('First name', { exact: true }).fill(javaScript ? 'Robert' : 'Daniel');
      await gp.page.getByLabel('Last name', { exact: true }).fill(javaScript ? 'Ashdown' : 'Penrose');
      await gp.page.getByRole('radio', { name: 'Male', exact: true }).check();
      await gp.page.getByLabel('Which child are they related to?').selectOption('known-baby');
      await gp.page.getByLabel('Who are they to the child?').selectOption('partner-of-parent');
      // He moved in a month ago, as the mother tells the GP today.
      const at = new Date(Date.now() - 30 * 86_400_000);
      await gp.page.locator('#at-day').fill(String(at.getDate()));
      await gp.page.locator('#at-month').fill(String(at.getMonth() + 1));
      await gp.page.locator('#at-year').fill(String(at.getFullYear()));
      await gp.page.locator('#at-time').fill('10:00');
      await gp.page.getByRole('button', { name: 'Save the record' }).click();
      await gp.page.waitForURL(/\/people\/known-baby\?recorded=/);

      // Nobody has checked him in the 14 days since he moved in: that deadline was already past
      // when the GP recorded him, so the finding is raised as the record is stored.
      const finding = carerFindings().find((f) => !earlier.has(f.id));
      assert.ok(finding, 'a male carer finding is raised');
      assert.equal(finding.owner, 'health-visiting');

      const hv = await session('health-visitor', javaScript);
      await hv.page.goto('/work');
      const before = await navCount(hv.page);
      assert.ok(before >= 1, 'the navigation shows the unacknowledged notifications');
      await hv.page
        .locator('.govuk-service-navigation')
        .getByRole('link', { name: /^Notifications/ })
        .click();
      await hv.page.waitForURL(/\/notifications$/);
      if (javaScript) await audit.check(hv.page, 'notifications');
      const row = hv.page.locator('tr', { has: hv.page.locator(`a[href="/findings/${finding.id}"]`) });
      assert.equal(await row.count(), 1);
      const text = await row.innerText();
      assert.match(text, /Male carer not identified/);
      assert.match(text, /Medium/);
      assert.doesNotMatch(text, /Not shown/, 'the health visitor may see the child, so the child is named');

      await row.getByRole('link', { name: 'Male carer not identified' }).click();
      await hv.page.waitForURL(new RegExp(`/findings/${finding.id}$`));
      assert.match(await hv.page.locator('h1').innerText(), /Male carer not identified/);
      assert.match(await hv.page.locator('main').innerText(), /Robert Ashdown|Daniel Penrose|partner/i);
      if (javaScript) await audit.check(hv.page, 'finding-from-notification');

      await hv.page.goto('/notifications');
      await hv.page
        .locator('tr', { has: hv.page.locator(`a[href="/findings/${finding.id}"]`) })
        .getByRole('button', { name: /^Acknowledge/ })
        .click();
      await hv.page.waitForURL(/\/notifications\?acknowledged=\d+$/);
      assert.match(await hv.page.locator('.govuk-notification-banner').innerText(), /Notification acknowledged/);
      assert.equal(await navCount(hv.page), before - 1);
      const recent = hv.page.locator('table', { has: hv.page.locator('caption', { hasText: 'Acknowledged in the last 14 days' }) });
      assert.equal(await recent.locator(`a[href="/findings/${finding.id}"]`).count(), 1);
      assert.equal(await recent.getByRole('button', { name: /Acknowledge/ }).count(), 0);
      if (javaScript) await audit.check(hv.page, 'notifications-acknowledged');
      assert.deepEqual(hv.problems, []);
      assert.deepEqual(gp.problems, []);
    });
  }

  test('axe-core: no serious or critical violations on the pages visited', () => {
    assert.ok(audit.pages.length >= 3);
    assert.deepEqual(audit.failing(), []);
  });
});
