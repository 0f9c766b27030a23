import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeAudit, launchBrowser } from './support/browser.ts';
import { startDemoServer } from './support/demo-server.ts';
import { readScenario } from '../src/replay/scenario-file.ts';
import { EVENT_FORMS } from '../src/web/forms/event-forms.ts';
import { can } from '../src/access/roles.ts';
import { DEMO_ACCOUNTS } from '../src/server/demo-users.ts';

// Every page of the web app, as the demo's users meet it, at a desktop width and at
// 320 px (WCAG 1.4.10 reflow): axe-core finds no serious or critical violation, and at
// 320 px nothing but a deliberate scroll container is wider than the window. The pages
// come from Fastify's route table, so a new page is visited without anyone listing it.

const WIDTHS = [1280, 320] as const;
/** Routes that are not pages for people: the API, FHIR, health checks and static files. */
const NOT_PAGES = /^\/(api|fhir|healthz|readyz|assets|static)(\/|$)/;

interface Visit {
  /** The demo account to sign in as; undefined: signed out. */
  as?: string;
  path: string;
}

/** A route pattern as a regular expression over paths ("/people/:id" matches "/people/x"). */
const patternOf = (url: string) => new RegExp(`^${url.replace(/:[^/]+/g, '[^/?#]+').replace(/\*/g, '.*')}(?:[?#].*)?$`);

describe('every page at 1280 px and 320 px', { timeout: 900_000 }, () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  const sessions = new Map<string, Page>();
  const contexts: BrowserContext[] = [];
  /** Links seen on the pages visited so far, with who saw them: ids for pages no recipe names. */
  const seenLinks: Visit[] = [];
  let childA: string;
  let jack: string;
  let jacksMother: string;

  async function pageAs(account: string | undefined): Promise<Page> {
    const key = account ?? '';
    const open = sessions.get(key);
    if (open) return open;
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: WIDTHS[0], height: 900 } });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await context.newPage();
    if (account) {
      await page.goto('/sign-in');
      await page.getByLabel('Username').fill(account);
      await page.getByLabel('Password', { exact: true }).fill(server.services.demo!.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForLoadState('load');
      assert.notEqual(new URL(page.url()).pathname, '/sign-in', `${account} signs in`);
    }
    sessions.set(key, page);
    return page;
  }

  /** The ids a page needs, from the demo's own data. */
  function recipes(): Record<string, () => Visit[] | Promise<Visit[]>> {
    const world = server.services.store.engine.world;
    const formsFor = (role: 'front-door-worker') =>
      EVENT_FORMS.filter((f) => !f.capability || can(role, f.capability)).map((f) => ({
        as: 'front-door-worker',
        path: `/people/${encodeURIComponent(childA)}/record/${f.slug}`,
      }));
    return {
      '/sign-in': () => [{ path: '/sign-in' }],
      '/search': () => [
        { as: 'health-visitor', path: '/search' },
        { as: 'health-visitor', path: `/search?q=${encodeURIComponent(world.person(childA)!.name!.given!)}` },
        // Results outside need-to-know: name, age band and area only, with the way to ask for break-glass.
        { as: 'gp', path: `/search?q=${encodeURIComponent(world.person(jack)!.name!.family!)}` },
      ],
      '/people/:id': () => [
        { as: 'health-visitor', path: `/people/${encodeURIComponent(childA)}` },
        { as: 'front-door-worker', path: `/people/${encodeURIComponent(jack)}` },
        { as: 'front-door-worker', path: `/people/${encodeURIComponent(jacksMother)}` },
      ],
      '/people/:id/break-glass': () => [{ as: 'gp', path: `/people/${encodeURIComponent(jack)}/break-glass` }],
      '/people/:id/record/:form': () => formsFor('front-door-worker'),
      '/findings/:id': () => [{ as: 'health-visitor', path: `/findings/${encodeURIComponent(world.findingsAbout(childA)[0].id)}` }],
    };
  }

  /** Accounts tried, in turn, for a page no recipe names: the first that may open it is used. */
  const FALLBACK_ACCOUNTS = [...new Set(['health-visitor', 'safeguarding-lead', ...DEMO_ACCOUNTS.map((a) => a.username)])];

  async function check(audit: AxeAudit, visit: Visit, overflow: string[]): Promise<number> {
    const page = await pageAs(visit.as);
    let status = 0;
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const response = await page.goto(visit.path);
      status = response?.status() ?? 0;
      if (status >= 400) return status;
      const name = `${visit.path} as ${visit.as ?? 'nobody'} at ${width} px`;
      await audit.check(page, name);
      if (width === 320) {
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        if (scroll > client + 1) overflow.push(`${name}: page is ${scroll} px wide in a ${client} px window`);
      }
    }
    const links = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const path of links) seenLinks.push({ as: visit.as, path });
    return status;
  }

  before(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    const a = await readScenario('scenarios/000-child-a.scenario.json');
    const j = await readScenario('scenarios/001-jack.scenario.json');
    childA = `${a.scenario}-child-a`;
    jack = `${j.scenario}-jack`;
    const world = server.services.store.engine.world;
    jacksMother = world.carersOf(jack).find((r) => r.kind === 'mother')!.person;
    assert.ok(world.hasPerson(childA) && world.hasPerson(jack) && world.hasPerson(jacksMother));
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.remove();
  });

  test('every GET page in the route table is visited, passes axe and reflows at 320 px', async () => {
    const pages = [...new Set(server.app.routeTable.filter((r) => r.method === 'GET' && !NOT_PAGES.test(r.url)).map((r) => r.url))];
    assert.ok(pages.length >= 15, `the route table lists the app's pages (${pages.length})`);
    const known = recipes();
    const audit = new AxeAudit();
    const overflow: string[] = [];
    const unvisited: string[] = [];
    // Pages without parameters first, so their links can supply the ids of the rest.
    const ordered = [...pages].sort((x, y) => Number(x.includes(':')) - Number(y.includes(':')));
    for (const url of ordered) {
      const recipe = known[url];
      if (recipe) {
        for (const visit of await recipe()) {
          const status = await check(audit, visit, overflow);
          assert.ok(status < 400, `${visit.path} as ${visit.as ?? 'nobody'} answered ${status}`);
        }
        continue;
      }
      if (!url.includes(':')) {
        let opened = false;
        for (const as of FALLBACK_ACCOUNTS) {
          if ((await check(audit, { as, path: url }, overflow)) < 400) {
            opened = true;
            break;
          }
        }
        if (!opened) unvisited.push(`${url}: no demo account could open it`);
        continue;
      }
      const pattern = patternOf(url);
      const link = seenLinks.find((l) => pattern.test(l.path));
      if (!link) {
        unvisited.push(`${url}: no link to it on the pages visited, and no recipe in e2e/every-page.e2e.test.ts`);
        continue;
      }
      const status = await check(audit, link, overflow);
      if (status >= 400) unvisited.push(`${url}: ${link.path} as ${link.as} answered ${status}`);
    }
    assert.deepEqual(unvisited, [], 'every page is visited');
    assert.deepEqual(audit.failing(), [], 'no serious or critical axe violations');
    assert.deepEqual(overflow, [], 'no page is wider than a 320 px window');
    assert.ok(audit.pages.length >= 2 * pages.length, `checked ${audit.pages.length} page views`);
  });
});
