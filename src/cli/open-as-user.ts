import { openDatabase, storeLocationFromEnv } from '../store/open-database.ts';
import { RecordStore } from '../store/record-store.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { SystemClock } from '../engine/clock.ts';
import { createServices, type Services } from '../server/services.ts';
import { principalOf } from '../access/user-directory.ts';
import type { Principal } from '../access/principal.ts';
import { UserError } from './report-failure.ts';

/**
 * The store opened for a command that writes as one account (an import): the same
 * services the server builds, so every record passes the same authorisation and audit.
 */
export async function openAsUser(
  dataDir: string,
  username: string,
): Promise<{ services: Services; principal: Principal; close: () => Promise<void> }> {
  const db = await openDatabase(storeLocationFromEnv(process.env, dataDir));
  try {
    const store = await RecordStore.open(db, PROTOCOLS, loadPartnershipConfig({}, PROTOCOLS), new SystemClock());
    const services = createServices(db, store);
    const user = await services.users.byUsername(username);
    if (!user)
      throw new UserError(`--as ${username}: there is no such account in this store (create it in the web app, or run the demo once)`);
    if (user.disabled) throw new UserError(`--as ${username}: the account is disabled`);
    return {
      services,
      principal: principalOf(user),
      async close() {
        await services.audit.drain();
        await services.reads.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** The audit line of a command's write, as the server writes one for each request. */
export async function auditCommand(
  services: Services,
  principal: Principal,
  route: string,
  detail: string,
  subject?: string,
): Promise<void> {
  await services.audit.record({
    at: services.now(),
    actor: principal.userId,
    actorRole: principal.role,
    actorAgency: principal.agency,
    actorOrganisation: principal.organisation,
    action: 'write',
    route,
    ...(subject ? { subject } : {}),
    outcome: 'allowed',
    status: 200,
    detail,
  });
}
