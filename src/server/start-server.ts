import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type StoreLocation } from '../store/open-database.ts';
import { RecordStore } from '../store/record-store.ts';
import type { Database } from '../store/database.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { SystemClock } from '../engine/clock.ts';
import { loadDemoScenarios } from '../demo/load-scenarios.ts';
import { createServices, type Services } from './services.ts';
import { buildApp } from './build-app.ts';
import { ensureDemoUsers, DEMO_PASSWORD, type DemoAccount } from './demo-users.ts';

export interface StartOptions {
  location: StoreLocation;
  port: number;
  host: string;
  demo?: { scenariosDir: string };
  config?: unknown;
  logger?: boolean;
  trustProxy?: boolean;
  tickMs?: number;
}

export interface RunningServer {
  app: FastifyInstance;
  services: Services;
  url: string;
  demoAccounts?: DemoAccount[];
  demoLoaded?: { scenarios: number; events: number };
  /** Set when the store had no accounts: the first administrator, created now. */
  firstAdmin?: { username: string; password: string };
  close(): Promise<void>;
}

/** Opens the record, builds the app, listens, and fires deadlines every few seconds. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const db: Database = await openDatabase(options.location);
  let demoLoaded: RunningServer['demoLoaded'];
  if (options.demo && existsSync(options.demo.scenariosDir)) demoLoaded = await loadDemoScenarios(db, options.demo.scenariosDir);
  const store = await RecordStore.open(db, PROTOCOLS, loadPartnershipConfig(options.config ?? {}, PROTOCOLS), new SystemClock());
  const services = createServices(db, store);
  await services.users.storeOrganisations();
  let demoAccounts: DemoAccount[] | undefined;
  let firstAdmin: RunningServer['firstAdmin'];
  if (options.demo) {
    demoAccounts = await ensureDemoUsers(services.users);
  } else if ((await services.users.list()).length === 0) {
    firstAdmin = { username: 'admin', password: randomBytes(12).toString('base64url') };
    await services.users.create({
      username: firstAdmin.username,
      displayName: 'Administrator',
      role: 'administrator',
      agency: 'children-social-care',
      password: firstAdmin.password,
    });
  }
  const app = await buildApp(services, { logger: options.logger ?? true, trustProxy: options.trustProxy });
  const address = await app.listen({ port: options.port, host: options.host });
  const timer = setInterval(() => {
    store.tick().catch((error: unknown) => app.log.error({ err: error }, 'deadline tick failed'));
  }, options.tickMs ?? 5_000);
  timer.unref();
  return {
    app,
    services,
    url: address.replace('[::1]', 'localhost'),
    demoAccounts,
    demoLoaded,
    firstAdmin,
    async close() {
      clearInterval(timer);
      await app.close();
      await services.audit.drain();
      await db.close();
    },
  };
}

export { DEMO_PASSWORD };
