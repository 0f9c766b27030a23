import type { Database } from '../store/database.ts';
import type { RecordStore } from '../store/record-store.ts';
import { AccessGrants } from '../access/access-grants.ts';
import { AccountAdministration } from '../access/account-administration.ts';
import type { Authenticator } from '../access/authenticator.ts';
import { LocalAuthenticator, type PasswordChecker } from '../access/local-authenticator.ts';
import type { LockoutPolicy } from '../access/sign-in-throttle.ts';
import { RecordAccess } from '../access/record-access.ts';
import { SessionStore } from '../access/sessions.ts';
import { UserDirectory } from '../access/user-directory.ts';
import { AuditLog } from '../api/audit/audit-log.ts';
import { ephemeralServerKeys, type ServerKeys } from './server-keys.ts';
import type { ReadReplica } from '../store/read-replica.ts';
import type { DemoAccount } from './demo-users.ts';
import { ReadRouting, type ReadRoutingOptions } from '../store/read-routing.ts';

/** Everything the routes need, built once per server. */
export interface Services {
  /** The writer: every write, sessions, sign-in lock-out, break-glass grants, the audit. */
  db: Database;
  /** Where reads of tables run (the replica when there is one; see README "Reads on replicas"); routes read through `request.reads`. */
  reads: ReadRouting;
  store: RecordStore;
  users: UserDirectory;
  authenticator: Authenticator;
  sessions: SessionStore;
  accounts: AccountAdministration;
  grants: AccessGrants;
  access: RecordAccess;
  audit: AuditLog;
  keys: ServerKeys;
  /** Where the partnership configuration in force came from; undefined for the defaults. */
  configSource?: string;
  /** The partnership's time zone, for dates shown to users. */
  zone: string;
  now: () => number;
  /** Demo mode only: the demo accounts, listed on the sign-in page with their one password. */
  demo?: { accounts: readonly DemoAccount[]; password: string };
}

export interface ServiceOptions {
  lockout?: LockoutPolicy;
  now?: () => number;
  /** Replace local passwords with another sign-in (e.g. OpenID Connect). */
  authenticator?: Authenticator;
  /** How passwords are checked (tests count the checks). */
  passwords?: PasswordChecker;
  /** The server's secrets (audit signing, CSRF); tests get keys of their own. */
  keys?: ServerKeys;
  /** A streaming replica of `db` for reads (DATABASE_READ_URL), and how reads use it. */
  readReplica?: ReadReplica;
  readRouting?: ReadRoutingOptions;
  /** Where the partnership configuration came from (for the configuration page). */
  configSource?: string;
}

export function createServices(db: Database, store: RecordStore, options: ServiceOptions = {}): Services {
  const now = options.now ?? Date.now;
  const users = new UserDirectory(db, store.engine.world.organisations);
  const grants = new AccessGrants(db, now);
  const sessions = new SessionStore(db, users.organisations, now);
  const local = options.authenticator ? undefined : new LocalAuthenticator(db, users, options.lockout, now, options.passwords);
  const authenticator = options.authenticator ?? local!;
  const throttle = authenticator instanceof LocalAuthenticator ? authenticator.throttle : undefined;
  const keys = options.keys ?? ephemeralServerKeys();
  const audit = new AuditLog(db);
  // The engine's own writes are audited too: each step of a finding's escalation.
  store.onEscalation = (steps) => {
    for (const { finding, step } of steps)
      audit
        .record({
          at: step.at,
          actor: 'threadline',
          action: 'write',
          route: 'ENGINE finding escalation',
          subject: finding.subject,
          outcome: 'allowed',
          status: 200,
          detail: `finding ${finding.id} escalated to the ${step.level === 'organisation' ? `${step.to} safeguarding lead` : 'partnership safeguarding lead'}`,
        })
        .catch(() => undefined);
  };
  // ... and each new finding's notification to the organisation that owns it.
  const announceNotifications = store.onFindingNotifications;
  store.onFindingNotifications = (notifications) => {
    announceNotifications?.(notifications);
    for (const n of notifications)
      audit
        .record({
          at: now(),
          actor: 'threadline',
          action: 'write',
          route: 'ENGINE finding notification',
          subject: n.subject,
          outcome: 'allowed',
          status: 200,
          detail: `finding ${n.findingId} (${n.severity}) notified to ${n.organisation}`,
        })
        .catch(() => undefined);
  };
  return {
    db,
    reads: new ReadRouting(db, options.readReplica, { now, ...options.readRouting }),
    store,
    users,
    authenticator,
    sessions,
    accounts: new AccountAdministration(users, sessions, throttle, now),
    grants,
    access: new RecordAccess(store.engine.world, grants),
    audit,
    keys,
    configSource: options.configSource,
    zone: store.config.timezone,
    now,
  };
}
