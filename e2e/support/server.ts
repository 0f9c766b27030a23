import { startTestApp, fixtureEvents, type TestApp } from '../../src/server/test-app.ts';

export interface RunningTestServer extends TestApp {
  url: string;
}

/** The real app over HTTP on 127.0.0.1, an in-memory store, a user per role. */
export async function startTestServer(options: { withoutBruise?: boolean } = {}): Promise<RunningTestServer> {
  const events = fixtureEvents().filter((e) => !(options.withoutBruise && e.id === 'k10'));
  const t = await startTestApp({ events });
  const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...t, url };
}
