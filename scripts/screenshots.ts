// The README's screenshots, taken from the demo as a new user meets it (`npm run demo`):
// `npm run screenshots` rewrites docs/screenshots/demo-*.png.
import { readScenario } from '../src/replay/scenario-file.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { startDemoServer } from '../e2e/support/demo-server.ts';

const OUT = 'docs/screenshots';

const server = await startDemoServer();
const browser = await launchBrowser();
try {
  const childA = `${(await readScenario('scenarios/000-child-a.scenario.json')).scenario}-child-a`;
  const world = server.services.store.engine.world;
  const given = world.person(childA)?.name?.given ?? '';

  async function as(account: string, width = 1280) {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Username').fill(account);
    await page.getByLabel('Password', { exact: true }).fill(server.services.demo!.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForLoadState('load');
    return page;
  }

  const shots: { account: string; path: string; name: string; width?: number; fullPage?: boolean }[] = [
    { account: 'health-visitor', path: '/work', name: 'demo-my-work', fullPage: false },
    { account: 'health-visitor', path: `/search?q=${encodeURIComponent(given)}`, name: 'demo-search' },
    { account: 'health-visitor', path: `/people/${encodeURIComponent(childA)}`, name: 'demo-child-record', fullPage: false },
    { account: 'health-visitor', path: `/people/${encodeURIComponent(childA)}#chronology`, name: 'demo-chronology', fullPage: false },
    {
      account: 'health-visitor',
      path: `/people/${encodeURIComponent(childA)}#chronology`,
      name: 'demo-chronology-320',
      width: 320,
      fullPage: false,
    },
    { account: 'health-visitor', path: `/findings/${encodeURIComponent(world.findingsAbout(childA)[0].id)}`, name: 'demo-finding' },
    { account: 'front-door-worker', path: '/front-door', name: 'demo-front-door', fullPage: false },
  ];
  for (const shot of shots) {
    const page = await as(shot.account, shot.width);
    await page.goto(shot.path);
    await page.screenshot({ path: `${OUT}/${shot.name}.png`, fullPage: shot.fullPage ?? true });
    await page.context().close();
    console.log(`${OUT}/${shot.name}.png`);
  }
} finally {
  await browser.close();
  await server.remove();
}
