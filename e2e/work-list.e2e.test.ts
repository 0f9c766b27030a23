import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { launchBrowser, seriousViolations } from './support/browser.ts';
import { startTestServer, type RunningTestServer } from './support/server.ts';
import { signIn, type Session } from './support/pages.ts';

// Issue 12, "The work list is a triage tool": a new high-severity finding goes to the top of
// "due today", above what was already there, and it can be actioned from there.
describe('the work list in Chromium, with and without JavaScript', { timeout: 300_000 }, () => {
  let browser: Browser;
  const servers: RunningTestServer[] = [];
  const sessions: Session[] = [];

  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    for (const s of servers) await s.close();
  });

  for (const javaScript of [false, true]) {
    test(`JavaScript ${javaScript ? 'on' : 'off'}: the GP's new high-severity finding is first in "due today"; filtered; actioned`, async () => {
      const server = await startTestServer({ withoutBruise: true });
      servers.push(server);
      // Already on the GP's list, due today: an agreed follow-up owned by the practice.
      const today = DateTime.now().setZone('Europe/London');
      await server.services.store.submit(
        {
          type: 'action.agreed',
          person: 'known-baby',
          at: today.minus({ minutes: 30 }).toFormat("yyyy-MM-dd'T'HH:mm"),
          agency: 'children-social-care',
          action: 'follow-up-contact',
          due: today.toISODate(),
          owner: { agency: 'gp', name: 'Test gp' },
        },
        'agreed-follow-up',
      );
      const gp = await signIn(browser, server.url, 'gp', { javaScript });
      sessions.push(gp);
      const { page } = gp;
      await page.goto('/work');
      const dueToday = page.locator('table[data-group="due-today"] tbody tr');
      assert.equal(await dueToday.count(), 1);
      assert.match(await dueToday.first().innerText(), /Agreed action: follow up contact/);
      assert.match(await page.locator('.govuk-service-navigation').innerText(), /My work\s*1/);

      await page.goto('/people/known-baby/record/injury');
      await page.getByLabel('Who is this about?').selectOption('known-baby');
      await page.getByLabel('Kind of injury').selectOption('bruise');
      await page.getByRole('button', { name: 'Save the record' }).click();
      await page.waitForURL(/\/people\/known-baby\?recorded=/);

      await page.getByRole('link', { name: /^My work/ }).click();
      await page.waitForURL(/\/work$/);
      assert.equal(await dueToday.count(), 2);
      assert.match(await dueToday.first().innerText(), /Injury in non mobile infant[\s\S]*High/, 'the new high-severity finding is first');
      assert.match(await dueToday.nth(1).innerText(), /Agreed action/);
      assert.match(await page.locator('.govuk-service-navigation').innerText(), /My work\s*2/);
      if (javaScript) assert.deepEqual(await seriousViolations(page), []);

      // Filters are a GET form: they work without JavaScript and the address can be shared.
      await page.getByLabel('Severity').selectOption('high');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/severity=high/);
      assert.equal(await dueToday.count(), 1);
      assert.match(await page.locator('main').innerText(), /Showing 1 of 2 items/);

      await dueToday.first().getByRole('link', { name: 'Injury in non mobile infant' }).click();
      await page.waitForURL(/\/findings\//);
      await page.getByLabel('The action has been taken').check();
      await page.getByLabel('What was done, why it is closed, or your note or challenge').fill('Referred to the front door by phone');
      await page.getByRole('button', { name: 'Record' }).click();
      await page.waitForURL(/\/findings\/[^/]+$/);
      await page.goto('/work');
      assert.equal(await dueToday.count(), 1, 'the actioned finding has left the list');
      assert.match(await dueToday.first().innerText(), /Agreed action/);
      assert.deepEqual(gp.problems, []);
    });
  }
});
