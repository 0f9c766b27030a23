import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { AxeAudit, launchBrowser } from './support/browser.ts';
import { SignedInSessions } from './support/pages.ts';
import { fixtureEvents, startTestApp, type TestApp } from '../src/server/test-app.ts';
import { userIn } from '../src/server/test-caller.ts';

// The CP-IS check (issue 16): an emergency department clinician asks by NHS number whether a
// child has a child protection plan, sees the answer and who to call, and opens no record; the
// local authority's social worker is told.
const ZONE = 'Europe/London';
const ON_PLAN = '999 001 0005';
const NOBODY = '9990010056';

function events(): Record<string, unknown>[] {
  const now = DateTime.now().setZone(ZONE);
  const at = (dt: DateTime) => dt.toFormat("yyyy-MM-dd'T'HH:mm");
  return [
    ...fixtureEvents(),
    {
      id: 'cp-child-born',
      type: 'person.recorded',
      at: at(now.minus({ years: 2 })),
      person: 'cp-child',
      role: 'child',
      born: now.minus({ years: 2 }).toISODate(),
      nhsNumber: ON_PLAN,
      name: { given: 'Robin', family: 'Planned' },
      agency: 'gp',
    },
    {
      id: 'cp-child-plan',
      type: 'plan.started',
      at: at(now.minus({ days: 30 })),
      person: 'cp-child',
      kind: 'child-protection',
      agency: 'children-social-care',
    },
  ];
}

describe('CP-IS check from the emergency department, with and without JavaScript', { timeout: 180_000 }, () => {
  let server: TestApp & { url: string };
  let browser: Browser;
  const sessions = new SignedInSessions();
  const audit = new AxeAudit();

  before(async () => {
    const t = await startTestApp({ events: events() });
    server = { ...t, url: await t.app.listen({ port: 0, host: '127.0.0.1' }) };
    await userIn(server, 'ed-clinician-user', 'hospital-clinician', 'ZED001');
    browser = await launchBrowser();
  });
  after(async () => {
    await sessions.closeAll();
    await browser?.close();
    await server?.close();
  });

  const session = (role: string, javaScript: boolean) => sessions.signIn(browser, server.url, role, javaScript);

  for (const javaScript of [false, true]) {
    test(`JavaScript ${javaScript ? 'on' : 'off'}: a wrong check digit is refused, a child on a plan is flagged with the council to call, an unknown number is "no plan known here"`, async () => {
      const ed = await session('ed-clinician', javaScript);
      const { page } = ed;
      await page.getByRole('link', { name: 'CP-IS check' }).click();
      await page.waitForURL(/\/cp-is$/);
      const main = page.locator('main');
      assert.match(await main.innerText(), /Riverside Hospital Emergency Department \(emergency department\)/);
      if (javaScript) await audit.check(page, 'CP-IS form'); // axe runs in the page: JavaScript on only

      await page.getByLabel('NHS number').fill('999 001 0006');
      await page.getByRole('button', { name: 'Check' }).click();
      await page.waitForLoadState('load');
      assert.match(await page.locator('.govuk-error-summary').innerText(), /NHS number fails the NHS number check digit \(modulus 11\)/);
      assert.match(await page.locator('#nhsNumber-error').innerText(), /check it was copied correctly/);
      if (javaScript) await audit.check(page, 'CP-IS error'); // axe runs in the page: JavaScript on only

      await page.getByLabel('NHS number').fill(ON_PLAN);
      await page.getByRole('button', { name: 'Check' }).click();
      await page.waitForLoadState('load');
      const answer = await page.locator('#cp-is-answer').innerText();
      assert.match(answer, /Yes: this child has a child protection plan here/);
      assert.match(answer, /Started\s+\d{1,2} \w+ \d{4}/);
      assert.match(answer, /Local authority\s+Riverside Council Children's Services/);
      assert.match(answer, /Telephone\s+020 7946 0300/);
      assert.match(answer, /Out of hours\s+020 7946 0399/);
      assert.doesNotMatch(answer, /Robin|Planned/, 'the answer names nobody');
      if (javaScript) await audit.check(page, 'CP-IS yes'); // axe runs in the page: JavaScript on only

      await page.getByLabel('NHS number').fill(NOBODY);
      await page.getByRole('button', { name: 'Check' }).click();
      await page.waitForLoadState('load');
      assert.match(await page.locator('#cp-is-answer').innerText(), /No plan known here/);
      if (javaScript) await audit.check(page, 'CP-IS no'); // axe runs in the page: JavaScript on only

      const record = await page.goto('/people/cp-child');
      assert.equal(record?.status(), 403, 'asking opened no record');
      assert.deepEqual(ed.problems, []);
    });
  }

  test("the local authority's social worker sees the check in Notifications; a GP practice has no CP-IS check", async () => {
    const sw = await session('social-worker', true);
    await sw.page.getByRole('link', { name: 'Notifications' }).click();
    await sw.page.waitForURL(/\/notifications$/);
    const text = await sw.page.locator('main').innerText();
    assert.match(
      text,
      /Riverside Hospital Emergency Department \(emergency department\) checked CP-IS for (cp-child|Robin Planned) \(child protection plan\)/,
    );
    await audit.check(sw.page, 'notifications (social worker)');
    const gp = await session('gp', false);
    assert.equal(await gp.page.getByRole('link', { name: 'CP-IS check' }).count(), 0);
    assert.equal((await gp.page.goto('/cp-is'))?.status(), 403);
  });

  test('no page has serious or critical accessibility violations', () => {
    assert.ok(audit.pages.length >= 5, `only ${audit.pages.length} pages were checked`);
    assert.deepEqual(audit.failing(), []);
  });
});
