import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser, seriousViolations } from './support/browser.ts';
import { startTestServer, type RunningTestServer } from './support/server.ts';
import { signIn, type Session } from './support/pages.ts';
import { userIn } from '../src/server/test-caller.ts';

// Findings belong to their owners (issue 11): the GP's finding about a bruised baby is
// actioned by the GP's practice; health visiting, who may see the child, can only
// challenge it; a GP of another practice cannot open it at all.
describe('a finding is actioned by its owner and challenged by others, with and without JavaScript', { timeout: 90_000 }, () => {
  let server: RunningTestServer;
  let browser: Browser;
  let findingUrl: string;
  const sessions: Session[] = [];

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    await userIn(server, 'fenland-gp-user', 'gp', 'Y10002');
    const finding = server.services.store.engine.world.findingsAbout('known-baby').find((f) => f.code === 'injury-in-non-mobile-infant')!;
    findingUrl = `/findings/${finding.id}`;
  });
  after(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    await server?.close();
  });

  async function session(role: string, javaScript: boolean) {
    const s = await signIn(browser, server.url, role, { javaScript });
    sessions.push(s);
    return s;
  }

  for (const javaScript of [false, true]) {
    test(`JavaScript ${javaScript ? 'on' : 'off'}: health visiting challenges the GP's finding; the GP sees the challenge and records the action`, async () => {
      const hv = await session('health-visitor', javaScript);
      await hv.page.goto(findingUrl);
      const main = hv.page.locator('main');
      assert.match(await main.innerText(), /belongs to Riverside Medical Practice/);
      assert.equal(await hv.page.getByLabel('Close it without action').count(), 0, 'only the owner closes it');
      const challenge = `Seen on ${javaScript ? 'Tuesday' : 'Monday'}: the bruise is not explained; please refer today`;
      await hv.page.getByLabel('Challenge it').check();
      await hv.page.getByLabel('What was done, why it is closed, or your note or challenge').fill(challenge);
      await hv.page.getByRole('button', { name: 'Record' }).click();
      await hv.page.waitForURL(new RegExp(`${findingUrl}$`));
      assert.match(await main.innerText(), new RegExp(`Challenged\\s+Test health-visitor[^\\n]*\\s+${challenge}`));

      const gp = await session('gp', javaScript);
      await gp.page.goto(findingUrl);
      assert.match(await gp.page.locator('main').innerText(), new RegExp(challenge));
      if (javaScript) assert.deepEqual(await seriousViolations(gp.page), []);
      await gp.page.getByLabel('The action has been taken').check();
      await gp.page.getByLabel('What was done, why it is closed, or your note or challenge').fill('Referred to the front door by phone');
      await gp.page.getByRole('button', { name: 'Record' }).click();
      await gp.page.waitForURL(new RegExp(`${findingUrl}$`));
      assert.match(await gp.page.locator('main').innerText(), /Actioned[\s\S]*Referred to the front door by phone/);
      await gp.page.getByLabel('Reopen it').check();
      await gp.page.getByRole('button', { name: 'Record' }).click();
      await gp.page.waitForURL(new RegExp(`${findingUrl}$`));
    });
  }

  test('a GP of another practice cannot open the finding', async () => {
    const other = await session('fenland-gp', false);
    const response = await other.page.goto(findingUrl);
    assert.equal(response?.status(), 403);
    assert.match(await other.page.locator('main').innerText(), /organisation is not involved/);
  });
});
