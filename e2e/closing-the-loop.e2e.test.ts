import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { AxeAudit, launchBrowser } from './support/browser.ts';
import { startTestServer, type RunningTestServer } from './support/server.ts';
import { signIn, type Session } from './support/pages.ts';

// Closing the loop in the browser, each flow with JavaScript off (the forms must work
// without it) and on: information acknowledged from the inbox with one click; a named
// practitioner and an agreed action on the child's record, the action done; an escalation
// raised at stage 1 and resolved. axe-core checks every page the flows pass through.
describe('closing the loop in Chromium', { timeout: 120_000 }, () => {
  let server: RunningTestServer;
  let browser: Browser;
  const sessions: Session[] = [];
  const audit = new AxeAudit();

  async function session(role: string, javaScript: boolean) {
    const s = await signIn(browser, server.url, role, { javaScript });
    sessions.push(s);
    return s;
  }
  const axe = (page: Page, name: string) => audit.check(page, name);

  before(async () => {
    server = await startTestServer({ withoutBruise: true });
    browser = await launchBrowser();
    const at = new Date(Date.now() - 3_600_000).toISOString();
    for (const [id, to] of [
      ['share-js-off', 'health-visiting'],
      ['share-js-on', 'health-visiting'],
    ])
      await server.services.store.submit(
        { id, type: 'information.shared', at, person: 'known-baby', agency: 'midwifery', to, kind: 'handover', content: ['birth summary'] },
        id,
      );
  });
  after(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    await server?.close();
  });

  for (const javaScript of [false, true]) {
    const mode = javaScript ? 'with JavaScript' : 'without JavaScript';

    test(`the health visitor acknowledges a handover from the inbox with one click (${mode}); the GP cannot`, async () => {
      const hv = await session('health-visitor', javaScript);
      await hv.page.goto('/inbox');
      const share = javaScript ? 'share-js-on' : 'share-js-off';
      const button = hv.page.locator(`form[action="/inbox/${share}/acknowledge"] button`);
      await button.waitFor();
      if (javaScript) await axe(hv.page, 'inbox');
      await button.click();
      await hv.page.waitForURL(/\/inbox\?acknowledged=/);
      assert.match(await hv.page.locator('.govuk-notification-banner').innerText(), /Acknowledged/);
      assert.equal(await hv.page.locator(`form[action="/inbox/${share}/acknowledge"]`).count(), 0);
      const world = server.services.store.engine.world;
      assert.ok(
        world.eventsOf('known-baby', 'information.acknowledged').some((e) => e.type === 'information.acknowledged' && e.data.of === share),
      );
      // Another organisation gains nothing by trying: the share is not theirs to acknowledge.
      const gp = await server.sessionCookie('gp');
      const csrf = await server.csrf(gp);
      const refused = await server.app.inject({
        method: 'POST',
        url: '/inbox/share-js-on/acknowledge',
        headers: { cookie: `${csrf.cookie}; ${gp}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${encodeURIComponent(csrf.token)}`,
      });
      assert.equal(refused.statusCode, 404);
      assert.equal(world.eventsOf('known-baby', 'information.acknowledged').filter((e) => e.agency === 'gp').length, 0);
    });

    test(`a named health visitor and an agreed action are recorded on the child's record, and the action done (${mode})`, async () => {
      const hv = await session('health-visitor', javaScript);
      const name = javaScript ? 'Priya Shah' : 'Sam Patel';
      await hv.page.goto('/people/known-baby/record/allocation');
      if (javaScript) await axe(hv.page, 'record-allocation');
      await hv.page.getByLabel('Someone is named (allocated)').check();
      await hv.page.getByLabel('Health visitor', { exact: true }).check();
      await hv.page.getByLabel('Name of the practitioner').fill(name);
      await hv.page.getByRole('button', { name: 'Save the record' }).click();
      await hv.page.waitForURL(/recorded=allocation\.set/);
      const named = hv.page.locator('table', { hasText: 'Who has been named' });
      assert.match(await named.innerText(), new RegExp(`${name}\\s+Health visitor`));

      await hv.page.goto('/people/known-baby/record/action');
      if (javaScript) await axe(hv.page, 'record-action');
      await hv.page.getByLabel('Action', { exact: true }).selectOption('home-visit');
      await hv.page.getByLabel('Owner (the agency that will do it)').selectOption('health-visiting');
      await hv.page.getByLabel('Named owner (optional)').fill(name);
      const due = new Date(Date.now() + 7 * 86_400_000);
      await hv.page.locator('#due-day').fill(String(due.getDate()));
      await hv.page.locator('#due-month').fill(String(due.getMonth() + 1));
      await hv.page.locator('#due-year').fill(String(due.getFullYear()));
      await hv.page.getByRole('button', { name: 'Save the record' }).click();
      await hv.page.waitForURL(/recorded=action\.agreed/);
      const actions = hv.page.locator('table', { hasText: 'Actions agreed about' });
      assert.match(await actions.innerText(), new RegExp(`Home visit\\s+${name}, health visiting[\\s\\S]*Open`));

      await hv.page.goto('/people/known-baby/record/action-closed');
      if (javaScript) await axe(hv.page, 'record-action-closed');
      const choice = hv.page.getByLabel('Which agreed action?');
      const option = await choice.locator('option', { hasText: name }).first().getAttribute('value');
      await choice.selectOption(option);
      await hv.page.getByLabel('It is done').check();
      await hv.page.getByRole('button', { name: 'Save the record' }).click();
      await hv.page.waitForURL(/recorded=action\.completed/);
      assert.match(await hv.page.locator('table', { hasText: 'Actions agreed about' }).innerText(), /Done/);
      if (javaScript) await axe(hv.page, 'person-with-loops');
    });

    test(`an escalation is raised at stage 1 and resolved, with its stage on the child's record (${mode})`, async () => {
      const sw = await session('social-worker', javaScript);
      await sw.page.goto('/people/known-baby/record/escalation');
      if (javaScript) await axe(sw.page, 'record-escalation');
      await sw.page.getByLabel('Raised with').selectOption('hospital');
      const about = `discharge before the CP medical (${mode})`;
      await sw.page.getByLabel('What is the disagreement about?').fill(about);
      await sw.page.getByLabel('Stage 1').check();
      await sw.page.getByRole('button', { name: 'Save the record' }).click();
      await sw.page.waitForURL(/recorded=escalation\.raised/);
      const table = sw.page.locator('table', { hasText: 'escalation procedure' });
      assert.match(
        await table.innerText(),
        new RegExp(`Stage 1\\s+children's social care with the hospital: ${about.replace(/[()]/g, '.')}[\\s\\S]*Open`),
      );

      // Refused without saying how it was resolved: the error names the field, nothing is stored.
      await sw.page.goto('/people/known-baby/record/escalation-resolved');
      const choice = sw.page.getByLabel('Which escalation?');
      const option = await choice.locator('option', { hasText: about }).first().getAttribute('value');
      await choice.selectOption(option);
      await sw.page.getByRole('button', { name: 'Save the record' }).click();
      assert.match(await sw.page.locator('.govuk-error-summary').innerText(), /how it was resolved/i);
      await sw.page.getByLabel('Which escalation?').selectOption(option);
      await sw.page.getByLabel('How was it resolved?').fill('CP medical done before discharge');
      await sw.page.getByRole('button', { name: 'Save the record' }).click();
      await sw.page.waitForURL(/recorded=escalation\.resolved/);
      assert.match(
        await sw.page.locator('table', { hasText: 'escalation procedure' }).innerText(),
        /Resolved .*CP medical done before discharge/,
      );
    });
  }

  test('axe-core: no serious or critical violations on the closing-the-loop pages', () => {
    assert.ok(audit.pages.length >= 6, `only ${audit.pages.length} pages were checked`);
    assert.deepEqual(audit.failing(), []);
  });
});
