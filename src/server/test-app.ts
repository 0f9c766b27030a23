// Support for tests that drive the whole app (in-process with inject, or over HTTP for
// the browser tests): an in-memory store, a user per role, and one family known to
// every practitioner agency.
import { DateTime } from 'luxon';
import type { FastifyInstance } from 'fastify';
import { openDatabase, openReadReplicaOf, type StoreLocation } from '../store/open-database.ts';
import { RecordStore } from '../store/record-store.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import type { Protocol } from '../protocols/protocol.ts';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { SystemClock } from '../engine/clock.ts';
import { ROLES, USUAL_AGENCY, type Role } from '../access/roles.ts';
import type { Principal } from '../access/principal.ts';
import { principalOf } from '../access/user-directory.ts';
import { createServices, type ServiceOptions, type Services } from './services.ts';
import { buildApp, type AppOptions } from './build-app.ts';
import { SESSION_COOKIE } from '../api/authenticate.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
const ZONE = 'Europe/London';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  users: Record<Role, Principal>;
  /** A fresh session cookie header for the role's user. */
  sessionCookie(role: Role): Promise<string>;
  /** A CSRF secret cookie and a token that matches it, for the session given (or none: before sign-in). */
  csrf(sessionCookie?: string): Promise<{ cookie: string; token: string }>;
  close(): Promise<void>;
}

/** A local date `daysAgo` days before today: a plausible date for a record about the fixture's families. */
export const recentDate = (daysAgo = 1) => DateTime.now().setZone(ZONE).minus({ days: daysAgo }).toISODate()!;

const local = (dt: DateTime) => dt.setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm");

/**
 * Family "known": a baby (8 weeks old) and mother (herself looked after as a child), with a
 * record from every practitioner agency, and a bruise seen by the GP (which raises a finding). Family "quiet": a baby
 * known only to midwifery.
 */
export function fixtureEvents(now = DateTime.now()): Record<string, unknown>[] {
  const born = now.minus({ weeks: 8 });
  const e = (id: string, at: DateTime, body: Record<string, unknown>) => ({ id, at: local(at), ...body });
  return [
    e('k1', born.minus({ months: 6 }), {
      type: 'person.recorded',
      person: 'known-mum',
      role: 'adult',
      sex: 'female',
      agency: 'midwifery',
      name: { given: 'Alice', family: 'Known' },
    }),
    e('k1b', born.minus({ months: 5 }), {
      type: 'concern.recorded',
      person: 'known-mum',
      kind: 'care-experienced-parent',
      severity: 'medium',
      agency: 'midwifery',
      detail: 'Looked after from the age of 9',
    }),
    e('k2', born, {
      type: 'birth',
      child: 'known-baby',
      mother: 'known-mum',
      gestationWeeks: 39,
      birthWeightKg: 3.3,
      sex: 'female',
      agency: 'midwifery',
    }),
    e('k3', born.plus({ days: 11 }), {
      type: 'contact',
      person: 'known-baby',
      kind: 'new-birth-visit',
      agency: 'health-visiting',
      seen: ['known-baby', 'known-mum'],
    }),
    e('k4', born.plus({ days: 20 }), { type: 'gp.registered', person: 'known-baby', agency: 'gp' }),
    e('k5', born.plus({ days: 21 }), { type: 'contact', person: 'known-baby', kind: 'ed-attendance', agency: 'hospital' }),
    e('k6', born.plus({ days: 22 }), { type: 'contact', person: 'known-mum', kind: 'phone-call', agency: 'children-social-care' }),
    e('k7', born.plus({ days: 23 }), { type: 'contact', person: 'known-mum', kind: 'home-visit', agency: 'police' }),
    e('k8', born.plus({ days: 24 }), { type: 'contact', person: 'known-mum', kind: 'supervision-session', agency: 'probation' }),
    e('k9', born.plus({ days: 25 }), {
      type: 'concern.recorded',
      person: 'known-mum',
      kind: 'anxiety',
      severity: 'low',
      agency: 'adult-mental-health',
    }),
    e('k10', now.minus({ hours: 1 }), { type: 'injury.observed', person: 'known-baby', kind: 'bruise', site: 'cheek', agency: 'gp' }),
    e('q1', born.minus({ months: 6 }), {
      type: 'person.recorded',
      person: 'quiet-mum',
      role: 'adult',
      sex: 'female',
      agency: 'midwifery',
      name: { given: 'Quinn', family: 'Quiet' },
    }),
    e('q2', born, {
      type: 'birth',
      child: 'quiet-baby',
      mother: 'quiet-mum',
      gestationWeeks: 40,
      birthWeightKg: 3.5,
      sex: 'male',
      agency: 'midwifery',
    }),
  ];
}

export async function startTestApp(
  options: {
    location?: StoreLocation;
    events?: Record<string, unknown>[];
    app?: AppOptions;
    services?: ServiceOptions;
    protocols?: readonly Protocol[];
    config?: unknown;
  } = {},
): Promise<TestApp> {
  const db = await openDatabase(options.location ?? {});
  const protocols = options.protocols ?? PROTOCOLS;
  const store = await RecordStore.open(db, protocols, loadPartnershipConfig(options.config ?? {}, protocols), new SystemClock());
  const events = options.events ?? fixtureEvents();
  for (const event of events) await store.submit(event, String(event.id));
  const services = createServices(db, store, { readReplica: await openReadReplicaOf(options.location ?? {}), ...options.services });
  const users = {} as Record<Role, Principal>;
  for (const role of ROLES) {
    const user = await services.users.create({
      username: `${role}-user`,
      displayName: `Test ${role}`,
      role,
      agency: USUAL_AGENCY[role],
      qualified: role !== 'front-door-worker',
      password: TEST_PASSWORD,
    });
    users[role] = principalOf(user);
  }
  const app = await buildApp(services, options.app);
  return {
    app,
    services,
    users,
    async sessionCookie(role) {
      const session = await services.sessions.start(users[role]);
      return `${SESSION_COOKIE}=${session.token}`;
    },
    async csrf(sessionCookie) {
      const response = await app.inject({ method: 'GET', url: '/api/csrf-token', headers: sessionCookie ? { cookie: sessionCookie } : {} });
      const cookie = String(response.headers['set-cookie']).split(';')[0];
      return { cookie, token: response.json<{ token: string }>().token };
    },
    async close() {
      await app.close();
      await services.audit.drain();
      await services.reads.close();
      await db.close();
    },
  };
}
