import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { AxeAudit, launchBrowser } from './support/browser.ts';
import { startTestServer, type RunningTestServer } from './support/server.ts';
import { signIn, type Session } from './support/pages.ts';
import { EVENT_FORMS, type EventFormSpec, type FieldSpec } from '../src/web/forms/event-forms.ts';
import { can } from '../src/access/roles.ts';

// Every form the other browser tests do not walk, walked as a health visitor would: from
// the child's record by its link, the required fields filled (dates in GOV.UK's day,
// month and year boxes, radios, the conditional parts they reveal), saved, and the record
// on the child's record; first submitted empty, to see each required field named in the
// error summary and nothing stored. With JavaScript off (the forms must work without it)
// and on; axe-core checks each form.
const WALKED_ELSEWHERE = new Set([
  'missed-appointment', // front-line-forms
  'measurement', // front-line-forms
  'birth', // front-line-forms
  'allocation', // closing-the-loop
  'action', // closing-the-loop
  'action-closed', // closing-the-loop
  'escalation', // closing-the-loop
  'escalation-resolved', // closing-the-loop
]);
const FORMS = EVENT_FORMS.filter((f) => !WALKED_ELSEWHERE.has(f.slug));
/** The health visitor, or for a form of the front door's (a decision on a referral) the front door. */
const writerOf = (form: EventFormSpec) =>
  !form.capability || can('health-visitor', form.capability) ? 'health-visitor' : 'front-door-worker';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000);
/** What a practitioner would enter where the first choice or plain words would not do. */
const ENTRIES: Record<string, string | Date> = {
  'pregnancy.person': 'known-mum',
  'pregnancy.gestationWeeks': '12',
  'pregnancy.due': day(196),
  'appointment.due': day(7),
  'relationship.person': 'known-mum',
  'relationship.of': 'known-baby',
  'new-person.givenName': 'Robin',
  'new-person.familyName': 'Testington',
  'new-person.of': 'known-baby',
  'contact.kind': 'home-visit',
  'investigation.kind': 'cp-medical',
};

describe('more forms in Chromium: each walked from the child’s record, with JavaScript off and on', { timeout: 600_000 }, () => {
  let server: RunningTestServer;
  let browser: Browser;
  const sessions: Session[] = [];
  const signedIn = new Map<string, Session>();
  /**
   * One session per role and mode, as a practitioner records one form after another: signing
   * in for each of 54 forms would pass the sign-in rate limit (30 a minute from one address).
   */
  async function sessionOf(role: string, javaScript: boolean): Promise<Session> {
    const key = `${role}:${javaScript}`;
    let s = signedIn.get(key);
    if (!s) {
      s = await signIn(browser, server.url, role, { javaScript });
      sessions.push(s);
      signedIn.set(key, s);
    }
    return s;
  }
  const audit = new AxeAudit();

  before(async () => {
    server = await startTestServer({ withoutBruise: true });
    browser = await launchBrowser();
    const at = new Date(Date.now() - 3_600_000).toISOString();
    // Something for the acknowledgement and referral-outcome forms to answer, once per mode.
    for (const name of ['Sam Patel', 'Priya Shah'])
      await server.services.store.submit(
        {
          id: `more-named-${name.length}`,
          type: 'allocation.set',
          at,
          person: 'known-baby',
          agency: 'health-visiting',
          role: 'health-visitor',
          name,
        },
        `more-named-${name.length}`,
      );
    for (const mode of ['off', 'on']) {
      await server.services.store.submit(
        {
          id: `more-share-${mode}`,
          type: 'information.shared',
          at,
          person: 'known-baby',
          agency: 'midwifery',
          to: 'health-visiting',
          requiresAcknowledgement: true,
          content: ['discharge summary'],
        },
        `more-share-${mode}`,
      );
      await server.services.store.submit(
        {
          id: `more-referral-${mode}`,
          type: 'referral.made',
          at,
          person: 'known-baby',
          agency: 'gp',
          to: 'health-visiting',
          reason: 'Feeding',
        },
        `more-referral-${mode}`,
      );
    }
  });
  after(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    await server?.close();
  });

  async function fill(page: Page, form: EventFormSpec, field: FieldSpec): Promise<void> {
    const entry = ENTRIES[`${form.slug}.${field.name}`];
    const id = field.name.replaceAll('.', '\\.');
    switch (field.kind) {
      case 'person':
      case 'select':
      case 'record': {
        const select = page.locator(`select#${id}`);
        const value = typeof entry === 'string' ? entry : await select.locator('option:not([value=""])').first().getAttribute('value');
        await select.selectOption(value);
        return;
      }
      case 'persons':
      case 'checkboxes':
      case 'radios':
      case 'yesno':
        await page.locator(`input[name="${field.name}"]`).first().check();
        return;
      case 'text':
      case 'textarea':
      case 'number':
        await page.locator(`#${id}`).fill(typeof entry === 'string' ? entry : 'Recorded in the browser test');
        return;
      case 'when':
      case 'date': {
        const when = entry instanceof Date ? entry : day(-1 / 24);
        await page.locator(`#${id}-day`).fill(String(when.getDate()));
        await page.locator(`#${id}-month`).fill(String(when.getMonth() + 1));
        await page.locator(`#${id}-year`).fill(String(when.getFullYear()));
        if (field.kind === 'when')
          await page
            .locator(`#${id}-time`)
            .fill(`${String(when.getHours()).padStart(2, '0')}:${String(when.getMinutes()).padStart(2, '0')}`);
        return;
      }
    }
  }

  for (const javaScript of [false, true]) {
    const mode = javaScript ? 'on' : 'off';
    for (const form of FORMS)
      test(`${form.title}: refused empty with each required field named, then saved (JavaScript ${mode})`, async () => {
        const { page } = await sessionOf(writerOf(form), javaScript);
        await page.goto('/people/known-baby');
        await page.locator(`a[href="/people/known-baby/record/${form.slug}"]`).click();
        await page.waitForURL(new RegExp(`/record/${form.slug}$`));
        assert.equal(await page.locator('h1').innerText(), form.title);
        if (javaScript) await audit.check(page, `record-${form.slug}`);
        const before = server.services.store.engine.world.eventsOf('known-baby').length;

        // Empty (the dates too): every required field without a value the page chose is named.
        for (const field of form.fields.filter((f) => f.kind === 'when' || f.kind === 'date'))
          for (const part of ['day', 'month', 'year']) await page.locator(`#${field.name}-${part}`).fill('');
        await page.getByRole('button', { name: 'Save the record' }).click();
        await page.waitForLoadState('load');
        const summary = await page.locator('.govuk-error-summary').innerText();
        assert.match(summary, /There is a problem/);
        assert.ok(!/[a-z]+[A-Z][a-z]+|Required|Invalid|expected/.test(summary.replace(/NHS|GP|CP/g, '')), `plain words: ${summary}`);
        assert.equal(server.services.store.engine.world.eventsOf('known-baby').length, before, 'nothing stored');
        if (javaScript) await audit.check(page, `record-${form.slug}-errors`);

        for (const field of form.fields.filter((f) => f.required || ENTRIES[`${form.slug}.${f.name}`] !== undefined))
          await fill(page, form, field);
        await page.getByRole('button', { name: 'Save the record' }).click();
        await page.waitForLoadState('load');
        // A form introducing a person first asks whether they are someone already known.
        const newOne = page.locator('input[name="match"][value="new"]');
        if (await newOne.count()) {
          await newOne.check();
          await page
            .getByRole('button', { name: /Save|Continue|Record/ })
            .first()
            .click();
          await page.waitForLoadState('load');
        }
        const errors = page.locator('.govuk-error-summary');
        assert.equal(await errors.count(), 0, (await errors.count()) ? await errors.innerText() : '');
        const types = typeof form.type === 'string' ? [form.type] : Object.values(form.type.types);
        assert.match(page.url(), new RegExp(`recorded=(${types.map((t) => t.replace('.', '\\.')).join('|')})`));
        assert.match(await page.locator('.govuk-notification-banner').first().innerText(), /recorded|saved/i);
      });
  }

  for (const javaScript of [false, true])
    test(`a named practitioner's allocation ended asks why beneath that answer: shown when chosen with JavaScript, always without (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const { page } = await sessionOf('health-visitor', javaScript);
      await page.goto('/people/known-baby/record/allocation');
      const reason = page.getByLabel('Why the allocation ends');
      assert.equal(await reason.isVisible(), !javaScript, 'hidden until its answer is chosen, with JavaScript');
      const ends = page.locator('input[name="change"][value="ended"]');
      // The question sits beneath its answer, as GOV.UK's conditional reveal places it.
      // (GOV.UK's script turns data-aria-controls into aria-controls.)
      const controls = (await ends.getAttribute('aria-controls')) ?? (await ends.getAttribute('data-aria-controls'));
      assert.equal(await page.locator(`#${controls} textarea#reason`).count(), 1);
      await ends.check();
      assert.ok(await reason.isVisible());
      if (javaScript) await audit.check(page, 'record-allocation-ended');
      await page.locator('input[name="role"][value="health-visitor"]').check();
      await page.getByLabel('Name of the practitioner').fill(javaScript ? 'Priya Shah' : 'Sam Patel');
      await reason.fill('Moved to another team');
      await page.getByRole('button', { name: 'Save the record' }).click();
      await page.waitForURL(/recorded=allocation\.ended/);
      const ended = server.services.store.engine.world
        .eventsOf('known-baby', 'allocation.ended')
        .filter((e) => e.type === 'allocation.ended' && e.data.reason === 'Moved to another team');
      assert.equal(ended.length, javaScript ? 2 : 1);
    });

  test('axe-core: no serious or critical violations on any form or its error page', () => {
    assert.ok(audit.pages.length >= FORMS.length * 2, `${audit.pages.length} pages checked`);
    assert.deepEqual(audit.failing(), []);
  });
});
