import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousViolations } from './support/browser.ts';
import { startTestServer, type RunningTestServer } from './support/server.ts';
import { signIn, type Session } from './support/pages.ts';

const SHOTS = 'docs/screenshots';
// Ordinary runs write name.tmp.png (ignored by git); THREADLINE_SCREENSHOTS=1 refreshes the committed ones.
const SUFFIX = process.env.THREADLINE_SCREENSHOTS === '1' ? '.png' : '.tmp.png';

describe("the practitioners' web app in Chromium", { timeout: 110_000 }, () => {
  let server: RunningTestServer;
  let browser: Browser;
  const sessions: Session[] = [];
  const audited: { name: string; violations: Awaited<ReturnType<typeof seriousViolations>> }[] = [];

  async function session(role: string, options?: { javaScript?: boolean }) {
    const s = await signIn(browser, server.url, role, options);
    sessions.push(s);
    return s;
  }

  /** axe-core on the page as it is now, and a screenshot of it. */
  async function check(page: Page, name: string, screenshot = true) {
    if (screenshot) await page.screenshot({ path: `${SHOTS}/${name}${SUFFIX}`, fullPage: true });
    audited.push({ name, violations: await seriousViolations(page) });
  }

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    server = await startTestServer({ withoutBruise: true });
    browser = await launchBrowser();
  });
  after(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    await server?.close();
  });

  test('sign-in page: wrong password is refused with an error summary', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await check(page, 'sign-in');
    await page.getByLabel('Username').fill('gp-user');
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    assert.match(await page.locator('.govuk-error-summary').innerText(), /username or password is not right/);
    await check(page, 'sign-in-error', false);
    await context.close();
  });

  test('a GP records a bruise on an 8-week-old without JavaScript; the front door sees the finding within a second', async () => {
    const frontDoor = await session('front-door-worker');
    await frontDoor.page.goto('/front-door');
    assert.equal(await frontDoor.page.locator('text=Injury in non mobile infant').count(), 0, 'no finding before the bruise is recorded');

    // The GP's browser runs no JavaScript at all: the forms must work without it.
    // (axe-core needs JavaScript, so pages are checked from a second, scripted session.)
    const gp = await session('gp', { javaScript: false });
    const gpChecks = await session('gp');
    await gpChecks.page.goto('/people/known-baby/record/injury');
    await check(gpChecks.page, 'record-injury');
    await gp.page.goto('/people/known-baby');
    await gp.page.getByRole('link', { name: 'Injury', exact: true }).click();
    await gp.page.getByLabel('Who is this about?').selectOption('known-baby');
    await gp.page.getByLabel('Kind of injury').selectOption('bruise');
    await gp.page.getByLabel('Where on the body (optional)').fill('left cheek');
    await gp.page.getByLabel('What the parent or carer said (optional)').fill('Says the baby rolled against the cot bars');
    await gp.page.getByRole('button', { name: 'Save the record' }).click();
    const recordedAt = Date.now();
    await gp.page.waitForURL(/\/people\/known-baby\?recorded=injury\.observed/);
    assert.match(await gp.page.locator('.govuk-notification-banner').innerText(), /Recorded: Injury: bruise \(left cheek\)/);
    assert.match(await gp.page.locator('.tl-banner').innerText(), /Injury in non mobile infant/);

    await frontDoor.page.reload();
    const item = frontDoor.page.locator('.govuk-summary-card', { hasText: 'Injury in non mobile infant' });
    await item.first().waitFor({ timeout: 1_000 });
    const seenAfter = Date.now() - recordedAt;
    assert.ok(seenAfter < 1_000, `the front door saw the finding ${seenAfter} ms after it was recorded`);
    const card = await item.first().innerText();
    assert.match(card, /Name not recorded, 8 weeks old/, 'the card names the child as the front door may see them');
    assert.match(
      card,
      /Parents’ own childhood\s+[^\n]*Alice Known[^\n]*care experienced parent/i,
      "the mother's own care history is surfaced beside the finding",
    );
    await check(frontDoor.page, 'front-door-queue');

    // The record page, its finding and the decision form, with the history beside it.
    await gpChecks.page.goto('/work');
    assert.match(
      await gpChecks.page.locator('main').innerText(),
      /Injury in non mobile infant/,
      'the GP owns the finding and sees it under My work',
    );
    await check(gpChecks.page, 'my-work');
    await gpChecks.page.goto('/people/known-baby');
    await check(gpChecks.page, 'child-record');
    await gpChecks.page.locator('.tl-banner').getByRole('link', { name: 'Injury in non mobile infant' }).click();
    await check(gpChecks.page, 'finding');
    await frontDoor.page.goto('/people/known-baby/record/decision');
    await check(frontDoor.page, 'front-door-decision');
    await frontDoor.page.getByLabel('No further action').check();
    await frontDoor.page.getByRole('button', { name: 'Save the record' }).click();
    assert.match(await frontDoor.page.locator('.govuk-error-summary').innerText(), /Rationale/i, 'a decision needs a rationale');
    await check(frontDoor.page, 'front-door-decision-error', false);
    assert.deepEqual(gpChecks.problems, []);
    assert.deepEqual(frontDoor.problems, []);
  });

  test('an uninvolved agency is refused and the refusal is audited; break-glass opens the record and is audited and notified', async () => {
    const police = await session('police');
    const refused = await police.page.goto('/people/quiet-baby');
    assert.equal(refused?.status(), 403);
    assert.match(await police.page.locator('h1').innerText(), /You do not have access/);
    await check(police.page, 'refused');

    await police.page.getByRole('button', { name: /break glass/ }).click();
    await check(police.page, 'break-glass');
    await police.page.getByLabel('Why do you need this record?').fill('Attending a domestic incident at the address tonight');
    await police.page.getByRole('button', { name: 'Open the record' }).click();
    await police.page.waitForURL(/\/people\/quiet-baby$/);
    assert.match(await police.page.locator('.govuk-warning-text').innerText(), /break-glass/);

    const lead = await session('safeguarding-lead');
    await lead.page.goto('/notifications');
    assert.match(await lead.page.locator('main').innerText(), /Attending a domestic incident at the address tonight/);
    await check(lead.page, 'notifications');
    await lead.page.goto('/audit?subject=quiet-baby');
    const audit = await lead.page.locator('table').innerText();
    assert.match(audit, /Test police[^\n]*\n?[\s\S]*Refused/);
    assert.match(audit, /Break glass/);
    assert.match(audit, /through break-glass/);
    await check(lead.page, 'audit');
    await lead.page.goto('/figures');
    await check(lead.page, 'figures');
    assert.deepEqual(police.problems, []);
    assert.deepEqual(lead.problems, []);
  });

  test('the other pages and forms have no serious or critical accessibility violations', async () => {
    const sw = await session('social-worker');
    await sw.page.goto('/search?q=known');
    await check(sw.page, 'search');
    for (const form of ['contact', 'measurement', 'concern', 'referral', 'strategy', 'investigation', 'plan', 'information', 'action']) {
      await sw.page.goto(`/people/known-baby/record/${form}`);
      await check(sw.page, `record-${form}`, form === 'contact' || form === 'strategy');
    }
    await sw.page.goto('/people/known-baby/record/measurement');
    await sw.page.getByRole('button', { name: 'Save the record' }).click();
    assert.match(
      await sw.page.locator('.govuk-error-summary').innerText(),
      /Select the measurement\s+Enter the measurement as a number: a weight in kilograms, for example 4\.2/,
    );
    await check(sw.page, 'record-measurement-errors', false);
    await sw.page.goto('/people/known-mum');
    await check(sw.page, 'adult-record', false);
    const admin = await session('administrator');
    await admin.page.goto('/admin/users');
    await check(admin.page, 'accounts');
    const missing = await admin.page.goto('/no-such-page');
    assert.equal(missing?.status(), 404);
    await check(admin.page, 'not-found', false);
    assert.deepEqual(sw.problems, []);
  });

  test('axe-core finds violations when there are some (the check can fail)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(
      '<!doctype html><html><head><title>Bad</title></head><body><main><img src="x.png"><input type="text"></main></body></html>',
    );
    const ids = (await seriousViolations(page)).map((v) => v.id).sort();
    await context.close();
    assert.ok(ids.includes('image-alt') && ids.includes('label'), `axe found ${ids.join(', ')}`);
  });

  test('axe-core: no serious or critical violations on any page checked', () => {
    const failing = audited
      .filter((a) => a.violations.length > 0)
      .map(
        (a) =>
          `${a.name}: ${a.violations.map((v) => `${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('; ')}`,
      );
    assert.ok(audited.length >= 20, `only ${audited.length} pages were checked`);
    assert.deepEqual(failing, []);
  });
});
