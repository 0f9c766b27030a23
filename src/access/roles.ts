import type { Agency } from '../domain/vocabulary.ts';

/** Who uses Threadline. Each user has one role and belongs to one agency. */
export const ROLES = [
  'midwife',
  'health-visitor',
  'gp',
  'hospital-clinician',
  'front-door-worker',
  'social-worker',
  'police',
  'probation',
  'adult-mental-health',
  'safeguarding-lead',
  'partnership-auditor',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  midwife: 'Midwife',
  'health-visitor': 'Health visitor',
  gp: 'GP',
  'hospital-clinician': 'Hospital clinician',
  'front-door-worker': 'Front-door worker (MASH)',
  'social-worker': 'Social worker',
  police: 'Police officer',
  probation: 'Probation officer',
  'adult-mental-health': 'Adult mental health practitioner',
  'safeguarding-lead': 'Safeguarding lead',
  'partnership-auditor': 'Partnership auditor',
  administrator: 'Administrator',
};

/** The agency a new user of each role usually belongs to (the demo accounts use it). */
export const USUAL_AGENCY: Record<Role, Agency> = {
  midwife: 'midwifery',
  'health-visitor': 'health-visiting',
  gp: 'gp',
  'hospital-clinician': 'hospital',
  'front-door-worker': 'children-social-care',
  'social-worker': 'children-social-care',
  police: 'police',
  probation: 'probation',
  'adult-mental-health': 'adult-mental-health',
  'safeguarding-lead': 'children-social-care',
  'partnership-auditor': 'children-social-care',
  administrator: 'children-social-care',
};

/**
 * What a role may do. Reading a particular child's record also needs need-to-know
 * (the agency is involved with the child or household) unless the role reads all.
 */
export const CAPABILITIES = [
  'record.read', // read records where need-to-know holds (or through break-glass)
  'record.read-all', // read every record (the front door, safeguarding leads)
  'record.write', // record events about people whose record one may read
  'break-glass', // open a record outside need-to-know, with a reason, audited and notified
  'front-door', // the queue of referrals and findings
  'decide', // record a front-door or team decision on a referral
  'audit.read', // the audit of who saw what
  'figures.read', // partnership figures: findings and their timeliness
  'notifications.read', // break-glass notifications, and CP-IS checks about a child on the local authority's plan
  'cp-is.check', // ask whether a child has a protection plan or is looked after, from an unscheduled care setting
  'configuration.read', // the partnership configuration in force
  'users.manage', // create and list accounts
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const PRACTITIONER: readonly Capability[] = ['record.read', 'record.write', 'break-glass'];
/** Clinicians who may work in unscheduled care (an ED, an urgent treatment centre, out-of-hours, an ambulance); the organisation decides. */
const UNSCHEDULED_CARE_CLINICIAN: readonly Capability[] = [...PRACTITIONER, 'cp-is.check'];

export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  midwife: PRACTITIONER,
  'health-visitor': PRACTITIONER,
  gp: UNSCHEDULED_CARE_CLINICIAN,
  'hospital-clinician': UNSCHEDULED_CARE_CLINICIAN,
  'front-door-worker': ['record.read', 'record.read-all', 'record.write', 'front-door', 'decide'],
  'social-worker': [...PRACTITIONER, 'decide', 'notifications.read'],
  police: PRACTITIONER,
  probation: PRACTITIONER,
  'adult-mental-health': PRACTITIONER,
  'safeguarding-lead': [
    'record.read',
    'record.read-all',
    'record.write',
    'front-door',
    'decide',
    'audit.read',
    'figures.read',
    'notifications.read',
    'configuration.read',
  ],
  'partnership-auditor': ['audit.read', 'figures.read'],
  administrator: ['users.manage'],
};

export function can(role: Role, capability: Capability): boolean {
  return ROLE_CAPABILITIES[role].includes(capability);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
