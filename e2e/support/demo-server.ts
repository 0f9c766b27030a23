import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/server/start-server.ts';
import { ephemeralServerKeys } from '../../src/server/server-keys.ts';

/** `threadline serve --demo` as a new user runs it: the scenarios loaded into a new embedded store, the demo accounts. */
export async function startDemoServer(): Promise<RunningServer & { remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'threadline-demo-'));
  const server = await startServer({
    location: { dataDir: join(dir, 'data') },
    port: 0,
    host: '127.0.0.1',
    demo: { scenariosDir: 'scenarios' },
    logger: false,
    keysDir: dir,
    keys: ephemeralServerKeys(),
  });
  return {
    ...server,
    async remove() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
