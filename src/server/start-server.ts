import { familiesInMemory } from '../config/families-in-memory.ts';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDatabase, openReadReplicaOf, type StoreLocation } from '../store/open-database.ts';
import { RecordStore } from '../store/record-store.ts';
import type { Database } from '../store/database.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { SystemClock } from '../engine/clock.ts';
import { DateTime } from 'luxon';
import { loadDemoScenarios } from '../demo/load-scenarios.ts';
import { recordDemoSecondRecords } from '../demo/demo-second-records.ts';
import { recordDemoActions } from '../demo/demo-actions.ts';
import { AuditCheckpoints, CHECKPOINT_FILE } from '../api/audit/audit-checkpoints.ts';
import { createServices, type Services } from './services.ts';
import { buildApp, type AppOptions } from './build-app.ts';
import { ensureDemoUsers, DEMO_PASSWORD, type DemoAccount } from './demo-users.ts';
import { claimDemoStore } from './demo-guard.ts';
import { loadServerKeys, type ServerKeys } from './server-keys.ts';
import { emailSettings, type EmailSettings } from '../notifications/email-settings.ts';
import { NotificationMailer } from '../notifications/notification-mailer.ts';
import { scheduleNotificationEmails } from '../notifications/email-schedule.ts';

export const DEFAULT_CHECKPOINT_MS = 5 * 60_000;
/** How often the engine's state is snapshotted (and always at shutdown), so that a restart replays only the log since. */
export const DEFAULT_SNAPSHOT_MS = 10 * 60_000;

export interface StartOptions {
  location: StoreLocation;
  port: number;
  host: string;
  demo?: { scenariosDir: string };
  config?: unknown;
  /** Where the configuration came from ("--config FILE", "THREADLINE_CONFIG FILE"), shown to safeguarding leads. */
  configSource?: string;
  logger?: boolean;
  trustProxy?: AppOptions['trustProxy'];
  https?: AppOptions['https'];
  /** Where the server's keys and its copy of the audit checkpoints live (outside the database). */
  keysDir: string;
  /** Keys given directly (tests); otherwise loaded from `keysDir` or the environment. */
  keys?: ServerKeys;
  tickMs?: number;
  /** How often the audit chain's head is signed (and always at shutdown). */
  checkpointMs?: number;
  /** How often the engine's state is snapshotted to the database (and always at shutdown). */
  snapshotMs?: number;
  /** Where notification emails go instead of THREADLINE_SMTP_URL's server (tests: nodemailer's JSON transport). */
  mailer?: (settings: EmailSettings, db: Database) => NotificationMailer;
  /** The environment email settings are read from (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface RunningServer {
  app: FastifyInstance;
  services: Services;
  url: string;
  demoAccounts?: DemoAccount[];
  demoLoaded?: { scenarios: number; events: number; actions?: number };
  /** Set when the store had no accounts: the first administrator, created now. */
  firstAdmin?: { username: string; password: string };
  close(): Promise<void>;
}

/** Opens the record, builds the app, listens, fires deadlines every few seconds and signs the audit's head every few minutes. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  // A bad configuration stops the start before anything is opened, naming each field.
  const config = loadPartnershipConfig(options.config ?? {}, PROTOCOLS);
  const keys = options.keys ?? loadServerKeys(options.keysDir);
  // Email is off unless the environment names an SMTP server; then a missing setting stops the start.
  const mail = emailSettings(config.notificationEmail, options.env ?? process.env);
  const inMemory = familiesInMemory(options.env ?? process.env);
  const db: Database = await openDatabase(options.location);
  let demoLoaded: RunningServer['demoLoaded'];
  // The day each demo family's story ends, for its records and for what practitioners did.
  const today = DateTime.now();
  let readReplica: Awaited<ReturnType<typeof openReadReplicaOf>>;
  try {
    readReplica = await openReadReplicaOf(options.location);
    if (options.demo) await claimDemoStore(db);
    if (options.demo && existsSync(options.demo.scenariosDir)) demoLoaded = await loadDemoScenarios(db, options.demo.scenariosDir, today);
  } catch (error) {
    await readReplica?.close();
    await db.close();
    throw error;
  }
  const store = await RecordStore.open(db, PROTOCOLS, config, new SystemClock(), { familiesInMemory: inMemory });
  // Only on the store the demo has just loaded: a second record the linker is unsure of, for the identity review page.
  if (demoLoaded && demoLoaded.events > 0) await recordDemoSecondRecords(store, config.timezone, today);
  const services = createServices(db, store, { keys, readReplica, configSource: options.configSource });
  await services.users.storeOrganisations();
  let demoAccounts: DemoAccount[] | undefined;
  let firstAdmin: RunningServer['firstAdmin'];
  if (options.demo) {
    demoAccounts = await ensureDemoUsers(services.users);
    // Only on the load that put the families in the store, so a restart never records them twice.
    if (options.demo && demoLoaded && demoLoaded.events > 0)
      demoLoaded.actions = (await recordDemoActions(services, options.demo.scenariosDir, today)).length;
    services.demo = { accounts: demoAccounts, password: DEMO_PASSWORD };
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
  const app = await buildApp(services, { logger: options.logger ?? true, trustProxy: options.trustProxy, https: options.https });
  const checkpoints = new AuditCheckpoints(db, keys.auditSigningKey, Date.now, join(options.keysDir, CHECKPOINT_FILE), (checkpoint) =>
    app.log.info(
      { checkpoint: checkpoint.number, seq: checkpoint.seq, headHash: checkpoint.headHash, signature: checkpoint.signature },
      'audit checkpoint',
    ),
  );
  const checkpoint = async () => {
    const outcome = await checkpoints.write();
    if (!outcome.written && outcome.reason === 'broken')
      app.log.error({ problem: outcome.problem }, 'audit chain broken: checkpoint not signed');
  };
  const restored = store.lastRestore;
  app.log.info(
    { snapshot: restored?.snapshot?.id, replayed: restored?.replayed, skipped: restored?.skipped, ms: Math.round(restored?.ms ?? 0) },
    restored?.snapshot ? 'engine started from a snapshot and the log after it' : 'engine rebuilt from the whole log',
  );
  const snapshot = () =>
    store.snapshot().then(
      (written) => {
        if (written)
          app.log.info({ snapshot: written.id, lastSeq: written.lastSeq, bytes: written.storedBytes }, 'engine snapshot written');
      },
      (error: unknown) => app.log.error({ err: error }, 'engine snapshot failed'),
    );
  const stopEmails = mail
    ? scheduleNotificationEmails(
        store,
        options.mailer?.(mail, db) ?? NotificationMailer.smtp(db, mail, services.users.organisations, config.timezone),
        app.log,
      )
    : undefined;
  app.log.info({ email: mail ? 'on' : 'off' }, 'notification emails');
  const address = await app.listen({ port: options.port, host: options.host });
  const timer = setInterval(() => {
    store.tick().catch((error: unknown) => app.log.error({ err: error }, 'deadline tick failed'));
  }, options.tickMs ?? 5_000);
  timer.unref();
  const checkpointTimer = setInterval(() => {
    checkpoint().catch((error: unknown) => app.log.error({ err: error }, 'audit checkpoint failed'));
  }, options.checkpointMs ?? DEFAULT_CHECKPOINT_MS);
  checkpointTimer.unref();
  const snapshotTimer = setInterval(() => void snapshot(), options.snapshotMs ?? DEFAULT_SNAPSHOT_MS);
  snapshotTimer.unref();
  return {
    app,
    services,
    url: address.replace('[::1]', 'localhost'),
    demoAccounts,
    demoLoaded,
    firstAdmin,
    async close() {
      clearInterval(timer);
      clearInterval(checkpointTimer);
      clearInterval(snapshotTimer);
      stopEmails?.();
      await app.close();
      await snapshot();
      await services.audit.drain();
      await checkpoint().catch((error: unknown) => app.log.error({ err: error }, 'audit checkpoint at shutdown failed'));
      await services.reads.close();
      await db.close();
    },
  };
}

export { DEMO_PASSWORD };
