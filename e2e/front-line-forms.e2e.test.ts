import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { AxeAudit, launchBrowser } from './support/browser.ts';
import { startTestServer, type RunningTestServer } from './support/server.ts';
import { signIn, type Session } from './support/pages.ts';

// The front line's everyday records in the browser, each with JavaScript off (the forms
// must work without it) and on: a missed appointment raises Was Not Brought, named and
// linked on saving; a mistyped weight is corrected and the growth chart redrawn, the
// original struck through in the chronology. axe-core checks the pages on the way.
describe('front-line forms in Chromium', { timeout: 300_000 }, () => {
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
  /** Today's date in the date boxes of a form's "when" field, an hour ago. */
  async function earlierToday(page: Page) {
    const at = new Date(Date.now() - 3_600_000);
    await page.locator('#at-day').fill(String(at.getDate()));
    await page.locator('#at-month').fill(String(at.getMonth() + 1));
    await page.locator('#at-year').fill(String(at.getFullYear()));
    await page.locator('#at-time').fill(`${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`);
  }

  before(async () => {
    server = await startTestServer({ withoutBruise: true });
    browser = await launchBrowser();
    // A baby already recorded by the midwifery team before the birth notification reaches them, once for each run.
    const at = new Date(Date.now() - 2 * 3_600_000);
    const local = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
    for (const [id, given, nhsNumber] of [
      ['ward-baby-off', 'Ava', '9990000018'],
      ['ward-baby-on', 'Isla', '9990000026'],
    ])
      await server.services.store.submit(
        {
          id,
          type: 'person.recorded',
          at: `${local}T${String(at.getHours()).padStart(2, '0')}:00`,
          person: id,
          role: 'child',
          sex: 'female',
          born: local,
          name: { given, family: 'Known' },
          nhsNumber,
          agency: 'midwifery',
        },
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

    test(`a health visitor records a missed appointment and is told of the Was Not Brought finding by name, with its link (${mode})`, async () => {
      const hv = await session('health-visitor', javaScript);
      await hv.page.goto('/people/known-baby');
      await hv.page.getByRole('link', { name: 'Missed appointment', exact: true }).click();
      if (javaScript) await axe(hv.page, 'record-missed-appointment');
      // Saved with nothing chosen: each missing answer is named in people's words, nothing is stored.
      const before = server.services.store.engine.world.eventsOf('known-baby', 'appointment.missed').length;
      await hv.page.getByRole('button', { name: 'Save the record' }).click();
      const summary = await hv.page.locator('.govuk-error-summary').innerText();
      assert.match(summary, /Select which appointment was missed/);
      assert.match(summary, /Select why the appointment was missed/);
      assert.equal(server.services.store.engine.world.eventsOf('known-baby', 'appointment.missed').length, before);
      if (javaScript) await axe(hv.page, 'record-missed-appointment-errors');

      await hv.page.getByLabel('Which appointment was missed?').selectOption(javaScript ? 'six-to-eight-week-review' : 'clinic');
      await hv.page.getByRole('radio', { name: 'Was not brought: the child’s carers did not bring them' }).check();
      await earlierToday(hv.page);
      await hv.page.getByRole('button', { name: 'Save the record' }).click();
      await hv.page.waitForURL(/recorded=appointment\.missed/);
      const banner = hv.page.locator('.govuk-notification-banner');
      assert.match(await banner.innerText(), /Recorded: (Clinic|Six to eight week review) missed: was not brought\./);
      // The second missed appointment within 90 days also raises Repeated Was Not Brought, named too.
      assert.match(
        await banner.innerText(),
        javaScript
          ? /It raised 2 new findings:\s+Medium Was not brought about Name not recorded\s+High Repeated was not brought about Name not recorded/
          : /It raised 1 new finding:\s+Medium Was not brought about Name not recorded/,
      );
      if (javaScript) await axe(hv.page, 'person-after-missed-appointment');
      await banner.getByRole('link', { name: 'Was not brought', exact: true }).click();
      await hv.page.waitForURL(/\/findings\//);
      assert.match(await hv.page.locator('h1').innerText(), /Was not brought/);
      assert.match(await hv.page.locator('main').innerText(), /was not brought to a/);
    });

    test(`a mistyped weight is refused or corrected, and the growth chart redrawn without it (${mode})`, async () => {
      const hv = await session('health-visitor', javaScript);
      const wrong = javaScript ? '6.9' : '6.8';
      const right = javaScript ? '4.9' : '4.8';
      await hv.page.goto('/people/known-baby/record/measurement');
      await hv.page.getByLabel('Weight', { exact: true }).check();
      await earlierToday(hv.page);
      // 80 kg for an 8-week-old: plausibility explains, in words, and nothing is stored.
      await hv.page.getByLabel('Value').fill('80');
      await hv.page.getByRole('button', { name: 'Save the record' }).click();
      assert.match(
        await hv.page.locator('.govuk-error-summary').innerText(),
        /Weight 80 kg is not plausible for a girl of \d+ weeks: UK-WHO puts ±5 SDS at [\d.]+ to [\d.]+ kg\. Check the value and that it is in kilograms/,
      );
      // A slip that is plausible gets through, and is plotted.
      await hv.page.getByLabel('Value').fill(wrong);
      await hv.page.getByRole('button', { name: 'Save the record' }).click();
      await hv.page.waitForURL(/recorded=measurement/);
      const chart = hv.page.locator('#weight-chart-desc');
      assert.match(await chart.textContent().then(String), new RegExp(`${wrong.replace('.', '\\.')}\\d? kg`));

      const row = hv.page.locator('#chronology ~ table tr', { hasText: `Weight ${wrong} kg` });
      await row.getByRole('link', { name: /Correct this record/ }).click();
      if (javaScript) await axe(hv.page, 'correct-weight');
      assert.equal(await hv.page.getByLabel('Value').inputValue(), wrong, 'the form starts from the record as it stands');
      await hv.page.getByLabel('Value').fill(right);
      await hv.page.getByRole('button', { name: 'Save the record' }).click();
      assert.match(await hv.page.locator('.govuk-error-summary').innerText(), /Enter why you are correcting this record/);
      await hv.page.getByLabel('Why are you correcting this record?').fill(`Typed ${wrong} for ${right}`);
      await hv.page.getByRole('button', { name: 'Save the record' }).click();
      await hv.page.waitForURL(/recorded=measurement/);

      const corrected = hv.page.locator('#chronology ~ table tr', { hasText: `Weight ${right} kg` });
      assert.equal(await corrected.locator('del').innerText(), `Weight ${wrong} kg`);
      assert.match(await corrected.innerText(), new RegExp(`corrected because: Typed ${wrong} for ${right}`));
      const redrawn = String(await hv.page.locator('#weight-chart-desc').textContent());
      assert.match(redrawn, new RegExp(`${right.replace('.', '\\.')}\\d? kg`));
      assert.doesNotMatch(redrawn, new RegExp(`${wrong.replace('.', '\\.')}\\d? kg`), 'the wrong weight is no longer plotted');
      if (javaScript) await axe(hv.page, 'person-after-correction');

      // Another organisation cannot correct it: no link, and the address is refused.
      const gp = await session('gp', javaScript);
      await gp.page.goto('/people/known-baby');
      assert.equal(
        await gp.page
          .locator('#chronology ~ table tr', { hasText: `Weight ${right} kg` })
          .getByText('Correct this record')
          .count(),
        0,
      );
    });
  }

  for (const javaScript of [false, true]) {
    const mode = javaScript ? 'with JavaScript' : 'without JavaScript';
    test(`a midwife records a birth, is shown the baby already known and records against that record (${mode})`, async () => {
      const [existing, given, nhsNumber] = javaScript ? ['ward-baby-on', 'Isla', '999 000 0026'] : ['ward-baby-off', 'Ava', '999 000 0018'];
      const mw = await session('midwife', javaScript);
      await mw.page.goto('/people/known-mum');
      await mw.page.getByRole('link', { name: 'Birth', exact: true }).click();
      if (javaScript) await axe(mw.page, 'record-birth');
      await mw.page.getByLabel('Who is the mother?').selectOption('known-mum');
      await mw.page.getByLabel('First name (optional)').fill(given);
      await mw.page.getByLabel('Last name (optional)').fill('Known');
      await mw.page.getByLabel('NHS number (optional)').fill(nhsNumber);
      await mw.page.getByRole('radio', { name: 'Female' }).check();
      await mw.page.getByLabel('Gestation at birth, in completed weeks').fill('39');
      await mw.page.getByLabel('Birth weight in kilograms').fill('3.4');
      const at = new Date(Date.now() - 2 * 3_600_000);
      await mw.page.locator('#at-day').fill(String(at.getDate()));
      await mw.page.locator('#at-month').fill(String(at.getMonth() + 1));
      await mw.page.locator('#at-year').fill(String(at.getFullYear()));
      await mw.page.locator('#at-time').fill(`${String(at.getHours()).padStart(2, '0')}:30`);
      await mw.page.getByRole('button', { name: 'Save the record' }).click();

      // Nothing is created yet: the baby already known is offered first.
      const question = mw.page.locator('fieldset', { hasText: 'Is this baby already on Threadline?' });
      await question.waitFor();
      assert.match(
        await question.innerText(),
        new RegExp(`${given} Known\\s+0 days old · born .* · NHS number ${nhsNumber.replaceAll(' ', '')}`),
      );
      assert.equal(server.services.store.engine.world.identityGroup(existing).length, 1, 'nothing recorded before the choice');
      if (javaScript) await axe(mw.page, 'record-birth-matches');
      await mw.page.getByRole('radio', { name: `${given} Known` }).check();
      await mw.page.getByRole('button', { name: 'Save the record' }).click();
      await mw.page.waitForURL(/recorded=birth/);
      assert.match(await mw.page.locator('.govuk-notification-banner').innerText(), /Recorded: Born at 39 weeks, 3\.4 kg/);
      assert.match(await mw.page.locator('h1').innerText(), new RegExp(`${given} Known`));
      const world = server.services.store.engine.world;
      const group = world.identityGroup(existing);
      assert.equal(group.length, 2, 'the birth is recorded against the baby already known (a confirmed link), not a second baby');
      const confirmed = world
        .eventsOf(existing, 'identity.linked')
        .filter((e) => e.type === 'identity.linked' && e.data.basis === 'confirmed');
      assert.equal(confirmed.length, 1);
    });
  }

  test('axe-core finds no serious or critical violation on any page the flows passed through', () => {
    assert.ok(audit.pages.length >= 4, `${audit.pages.length} pages checked`);
    assert.deepEqual(audit.failing(), []);
  });
});
