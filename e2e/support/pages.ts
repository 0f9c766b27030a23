import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_PASSWORD } from '../../src/server/test-app.ts';

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations seen on any page. */
  problems: string[];
}

/** A new browser context signed in through the sign-in page as the role's test user. */
export async function signIn(browser: Browser, baseURL: string, role: string, options: { javaScript?: boolean } = {}): Promise<Session> {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: 1200, height: 900 },
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // Failed loads are caught below with their URL (pages answered 400/403 on purpose are not failures).
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document')
      problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(`${role}-user`);
  await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState('load');
  return { context, page, problems };
}

/** The sessions a browser test opens, each signed in as a role, all closed together at the end. */
export class SignedInSessions {
  private readonly open: Session[] = [];

  async signIn(browser: Browser, baseURL: string, role: string, javaScript: boolean): Promise<Session> {
    const session = await signIn(browser, baseURL, role, { javaScript });
    this.open.push(session);
    return session;
  }

  async closeAll(): Promise<void> {
    for (const session of this.open.splice(0)) await session.context.close();
  }
}
