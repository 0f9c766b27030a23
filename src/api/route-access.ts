import type { Principal } from '../access/principal.ts';
import type { Capability } from '../access/roles.ts';
import type { AuditAction, AuditOutcome } from './audit/audit-entry.ts';

/**
 * Every route declares who may call it; a route without a declaration is refused at
 * start-up. `public`: anyone; `signed-in`: any signed-in user; a capability: users
 * whose role has it. Need-to-know on a particular record is checked in the handler.
 */
export type RouteAccess = 'public' | 'signed-in' | Capability;

/** What the audit hook records for this request, beyond what it can see for itself. */
export interface AuditNote {
  action?: AuditAction;
  subject?: string;
  detail?: string;
  outcome?: AuditOutcome;
  /** The acting user when the request itself signs them in. */
  actor?: Principal;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** false: not audited (static assets, the sign-in page itself). */
    audit?: false | AuditAction;
    /** A sign-in route: rate limited per client address. */
    signIn?: boolean;
    /** A sensitive look-up (the CP-IS check): rate limited per user. */
    lookup?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
    auditNote: AuditNote;
    cspNonce: string;
  }
}

/** The web pages and the JSON APIs (/api, /fhir) answer refusals differently (page vs JSON). */
export function isApiUrl(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/fhir/');
}
