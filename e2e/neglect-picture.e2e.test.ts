import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { launchBrowser, seriousViolations } from './support/browser.ts';
import { startTestServer, type RunningTestServer } from './support/server.ts';
import { signIn, type Session } from './support/pages.ts';

// Issue 14, "the neglect picture": on the household's record, every indicator across the
// children, the adults and the agencies, drawn by agency and year, with a table beside it.
describe('the neglect picture in Chromium, with and without JavaScript', { timeout: 300_000 }, () => {
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
    test(`JavaScript ${javaScript ? 'on' : 'off'}: the household's indicators by agency, as a chart and as a table`, async () => {
      const server = await startTestServer();
      servers.push(server);
      const now = DateTime.now().setZone('Europe/London');
      const at = (days: number) => now.minus({ days }).toFormat("yyyy-MM-dd'T'HH:mm");
      const records = [
        { type: 'concern.recorded', person: 'known-mum', kind: 'poor-home-conditions', agency: 'health-visiting', at: at(30) },
        { type: 'visit.no-access', person: 'known-baby', agency: 'health-visiting', at: at(20) },
        { type: 'concern.recorded', person: 'known-baby', kind: 'treatment-not-followed', agency: 'gp', at: at(10) },
        { type: 'concern.recorded', person: 'known-mum', kind: 'home-conditions-improved', agency: 'health-visiting', at: at(5) },
      ];
      for (const [i, r] of records.entries()) await server.services.store.submit(r, `neglect-${i}`);

      const visitor = await signIn(browser, server.url, 'health-visitor', { javaScript });
      sessions.push(visitor);
      const { page } = visitor;
      await page.goto('/people/known-baby');
      const chart = page.locator('#neglect-picture + p + .tl-chart svg[role="img"]');
      assert.equal(await chart.count(), 1);
      assert.match(
        (await chart.locator('desc').textContent()) ?? '',
        /4 indicators of possible neglect recorded about 2 people of this household by 2 agencies/,
      );
      // One row per agency, one mark per indicator, each naming its date, agency and person.
      const marks = chart.locator('g > title');
      assert.equal(await marks.count(), 4);
      assert.match((await marks.nth(0).textContent()) ?? '', /health visiting, Alice Known \(mother\): poor home conditions/);

      await page.getByText(/The neglect picture as a table \(4 indicators\)/).click();
      const rows = page.locator('#neglect-picture ~ .govuk-details table tbody tr');
      assert.equal(await rows.count(), 4);
      assert.match(await rows.nth(2).innerText(), /The GP[\s\S]*treatment not followed[\s\S]*\+1/i);
      assert.match(await rows.nth(3).innerText(), /home conditions improved[\s\S]*-2/);
      if (javaScript) assert.deepEqual(await seriousViolations(page), []);
    });
  }
});
