import { z } from 'zod';
import * as v from './vocabulary.ts';
import { SERVICE_LEVEL_SYNONYMS } from './vocabulary.ts';
import { text } from './safe-text.ts';
import { eventRef, id, personRef } from './reference-ids.ts';
import { isValidNhsNumber } from '../linkage/nhs-number.ts';
import { matchEvidence } from './match-evidence.ts';

// One schema per event type of the scenario contract. Schemas are strict: a misspelt
// field is refused rather than silently dropped. Dates stay as text here and are
// resolved to instants by the normaliser, which knows the partnership's time zone.

// Every string field is built on `text` (safe-text.ts: no NUL, no lone surrogate). A field
// naming a person is a `personRef` and one naming an earlier record an `eventRef`
// (reference-ids.ts): access is decided on everything they name.
const isoDate = text.regex(/^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'must be an ISO date (YYYY-MM-DD) or date-time');
const words = z.array(text.min(1)).max(100);
export const nhsNumber = text
  .regex(/^\d{3} ?\d{3} ?\d{4}$/, 'must be 10 digits')
  .refine(isValidNhsNumber, 'fails the NHS number check digit (modulus 11): check it was copied correctly');

const envelope = {
  at: isoDate,
  type: text,
  id: id.optional(),
  supersedes: eventRef.optional(),
  /** Why a correction (a record with `supersedes`) was made: the web form requires it. */
  correctionReason: text.trim().min(1).max(2000).optional(),
  recordedAt: isoDate.optional(),
  agency: z.enum(v.AGENCIES).optional(),
  /** The recording organisation's code (src/config/organisations.ts); absent: the default organisation of `agency`. */
  organisation: text.min(1).max(10).optional(),
  note: text.max(20_000).optional(),
  /**
   * Where the record came from when another system sent it (a FHIR resource): the source
   * system, the resource's type, id and version. The same version sent twice is stored
   * once; a later version supersedes (src/fhir/provenance.ts).
   */
  source: z
    .strictObject({
      system: text.min(1).max(500),
      resourceType: text.min(1).max(64),
      id: text.min(1).max(200),
      version: text.min(1).max(200),
      part: text.min(1).max(64).optional(),
    })
    .optional(),
  recordedBy: z
    .strictObject({
      role: text.min(1).max(100),
      qualified: z.boolean().optional(),
      name: text.max(200).optional(),
    })
    .optional(),
};

const serviceLevel = z.preprocess(
  (value) => (typeof value === 'string' && value in SERVICE_LEVEL_SYNONYMS ? SERVICE_LEVEL_SYNONYMS[value] : value),
  z.enum(v.SERVICE_LEVELS),
);

/** The agency is required on version 2 records: it is who answers for them. */
const agency = z.enum(v.AGENCIES);
const reason = (hint: string) => text.trim().min(1, hint).max(2000);

function event<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ ...envelope, ...shape });
}

export const EVENT_SCHEMAS = {
  'person.recorded': event({
    person: personRef,
    role: z.enum(v.PERSON_ROLES),
    sex: z.enum(v.SEXES).optional(),
    born: isoDate.optional(),
    due: isoDate.optional(),
    name: z.strictObject({ given: text.max(200).optional(), family: text.max(200).optional() }).optional(),
    nhsNumber: nhsNumber.optional(),
    postcode: text.max(10).optional(),
    area: text.min(1).max(200).optional(),
    email: text.max(200).optional(),
    phone: text.max(40).optional(),
  }),
  'relationship.recorded': event({ person: personRef, of: personRef, kind: z.enum(v.RELATIONSHIP_KINDS) }),
  'address.changed': event({ persons: z.array(personRef).min(1), area: text.min(1).max(200), postcode: text.max(10).optional() }),
  'gp.registered': event({ person: personRef, area: text.min(1).max(200).optional() }),
  'pregnancy.booked': event({
    person: personRef,
    unborn: personRef,
    gestationWeeks: z.number().min(0).max(45),
    due: isoDate,
  }),
  birth: event({
    child: personRef,
    mother: personRef,
    gestationWeeks: z.number().min(20).max(45),
    gestationDays: z.number().int().min(0).max(6).optional(),
    birthWeightKg: z.number().gt(0.2).lt(7),
    sex: z.enum(v.SEXES),
  }),
  contact: event({
    person: personRef,
    kind: z.enum(v.CONTACT_KINDS),
    seen: z.array(personRef).optional(),
    childSeen: z.boolean().optional(),
  }),
  'visit.no-access': event({ person: personRef }),
  'appointment.booked': event({ person: personRef, kind: z.enum(v.CONTACT_KINDS), due: isoDate }),
  'appointment.missed': event({ person: personRef, kind: z.enum(v.CONTACT_KINDS), reason: z.enum(v.MISSED_REASONS) }),
  'service-level.set': event({ person: personRef, level: serviceLevel }),
  measurement: event({ person: personRef, kind: z.enum(v.MEASUREMENT_KINDS), value: z.number().positive() }),
  'injury.observed': event({
    person: personRef,
    kind: z.enum(v.INJURY_KINDS),
    site: text.max(200).optional(),
    count: z.number().int().positive().optional(),
    explanation: text.max(2000).optional(),
    mobile: z.boolean().optional(),
  }),
  'illness.presented': event({
    person: personRef,
    severity: z.enum(v.ILLNESS_SEVERITIES),
    description: text.max(2000).optional(),
    mobile: z.boolean().optional(),
  }),
  'concern.recorded': event({
    person: personRef,
    kind: z.enum(v.CONCERN_KINDS),
    detail: text.max(5000).optional(),
    severity: z.enum(v.SEVERITIES).optional(),
  }),
  'referral.made': event({
    person: personRef,
    to: z.enum(v.REFERRAL_DESTINATIONS),
    reason: text.max(2000).optional(),
    /** Version 2: what the referral is about; the free-text reason is read only when it is absent. */
    category: z.enum(v.REFERRAL_CATEGORIES).optional(),
  }),
  'referral.decision': event({ person: personRef, outcome: z.enum(v.DECISION_OUTCOMES), rationale: text.max(5000).optional() }),
  'action.agreed': event({
    person: personRef,
    action: z.enum(v.AGREED_ACTIONS),
    due: isoDate.optional(),
    to: z.enum(v.REFERRAL_DESTINATIONS).optional(),
    detail: text.min(1).max(2000).optional(),
    owner: z.strictObject({ agency: z.enum(v.AGENCIES), name: text.trim().min(1).max(200).optional() }).optional(),
  }).superRefine((action, ctx) => {
    if (action.action === 'referral' && action.to === undefined)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required for an agreed referral (the service to refer to)' });
    if (action.action !== 'referral' && action.to !== undefined)
      ctx.addIssue({ code: 'custom', path: ['to'], message: "is only for action 'referral'" });
    if (action.action === 'other' && action.detail === undefined)
      ctx.addIssue({ code: 'custom', path: ['detail'], message: "is required for action 'other' (say what was agreed)" });
    if (action.owner === undefined && action.agency === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['agency'],
        message: 'is required: the agency that agreed the action owns it unless owner is given',
      });
  }),
  'strategy.discussion': event({
    person: personRef,
    attendees: z.array(z.enum(v.AGENCIES)),
    paediatricianInput: z.boolean().optional(),
    decisions: z.array(z.enum(v.STRATEGY_DECISIONS)).optional(),
  }),
  investigation: event({
    person: personRef,
    kind: z.enum(v.INVESTIGATION_KINDS),
    status: z.enum(v.INVESTIGATION_STATUSES),
    findings: text.max(5000).optional(),
  }),
  'hospital.admitted': event({ person: personRef, reason: text.max(2000).optional() }),
  'hospital.fit-for-discharge': event({ person: personRef, reason: text.max(2000).optional() }),
  'hospital.discharged': event({ person: personRef, reason: text.max(2000).optional() }),
  'plan.started': event({ person: personRef, kind: z.enum(v.PLAN_KINDS) }),
  'plan.ended': event({ person: personRef, kind: z.enum(v.PLAN_KINDS) }),
  'information.shared': event({
    person: personRef,
    to: z.enum(v.REFERRAL_DESTINATIONS),
    content: words.optional(),
    area: text.max(200).optional(),
    kind: z.enum(v.INFORMATION_KINDS).optional(),
    requiresAcknowledgement: z.boolean().optional(),
  }),
  'incident.serious': event({ person: personRef, description: text.max(5000).optional() }),
  // Version 2, closing the loop: explicit closure of agreed actions, receipts, referral
  // outcomes, named allocations and escalation between agencies. References to earlier
  // records are by their `id`.
  'action.completed': event({ person: personRef, agency, action: eventRef }),
  'action.cancelled': event({ person: personRef, agency, action: eventRef, reason: reason('say why the action is no longer needed') }),
  'information.acknowledged': event({ person: personRef, agency, of: eventRef }),
  'referral.outcome': event({ person: personRef, agency, of: eventRef, outcome: z.enum(v.REFERRAL_OUTCOMES) }),
  'allocation.set': event({ person: personRef, agency, role: z.enum(v.ALLOCATION_ROLES), name: text.trim().min(1).max(200) }),
  'allocation.ended': event({
    person: personRef,
    agency,
    role: z.enum(v.ALLOCATION_ROLES),
    name: text.trim().min(1).max(200),
    reason: reason('say why the allocation ended (for example: left the service, case closed, transferred)'),
  }),
  'escalation.raised': event({
    person: personRef,
    agency,
    to: z.enum(v.AGENCIES),
    about: text.trim().min(1).max(2000),
    stage: z.literal(v.ESCALATION_STAGES),
    follows: eventRef.optional(),
  }),
  'escalation.resolved': event({
    person: personRef,
    agency,
    of: eventRef,
    outcome: text.trim().min(1, 'say how it was resolved').max(5000),
  }),
  // Version 2, neglect over time: structured assessments, the routine immunisations, a
  // service or assessment refused.
  'assessment.recorded': event({
    person: personRef,
    agency,
    tool: z.enum(v.ASSESSMENT_TOOLS),
    scores: z
      .strictObject(
        Object.fromEntries(
          v.GCP2_AREAS.map((area) => [
            area,
            z
              .number({ error: `must be the ${v.GCP2_AREA_NAMES[area]} score, a whole number from 1 to 5` })
              .min(1, 'must be from 1 (best) to 5 (worst)')
              .max(5, 'must be from 1 (best) to 5 (worst)')
              .refine(Number.isInteger, 'must be a whole number from 1 (best) to 5 (worst)'),
          ]),
        ) as Record<v.Gcp2Area, z.ZodNumber>,
      )
      .optional(),
    outcome: text.trim().min(1).max(5000).optional(),
  }).superRefine((assessment, ctx) => {
    if (assessment.scores !== undefined && assessment.tool !== 'graded-care-profile-2')
      ctx.addIssue({ code: 'custom', path: ['scores'], message: "are only for the Graded Care Profile 2 (tool 'graded-care-profile-2')" });
  }),
  'immunisation.given': event({ person: personRef, stage: z.enum(v.IMMUNISATION_STAGES) }),
  'consent.refused': event({
    person: personRef,
    agency,
    for: text.trim().min(1, 'say what was refused (the service, assessment or referral)').max(2000),
  }),
  // A CP-IS check by an unscheduled care setting (README, "Interoperability"): the question
  // asked about the child, recorded so that the protocol tells the social worker. It never
  // makes the asking organisation involved (src/access/involvement.ts).
  'unscheduled-care.queried': event({ person: personRef, agency, setting: z.enum(v.UNSCHEDULED_CARE_SETTINGS) }),
  // Identity: two records of the same person, made by different agencies, joined or parted.
  'identity.linked': event({
    person: personRef,
    to: personRef,
    basis: z.enum(['automatic', 'confirmed']),
    matchWeight: z.number().optional(),
    probability: z.number().min(0).max(1).optional(),
    explanation: text.max(5000).optional(),
  }),
  'identity.review': event({
    person: personRef,
    candidate: personRef,
    matchWeight: z.number(),
    probability: z.number().min(0).max(1),
    explanation: text.max(5000).optional(),
    /** The model's waterfall, step by step, as the identity review page shows it. */
    waterfall: matchEvidence.optional(),
  }),
  'identity.unlinked': event({
    person: personRef,
    from: personRef,
    reason: text.min(1, 'say why the records are not the same person').max(2000),
  }),
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];
export type RawEvent<T extends EventType = EventType> = { [K in T]: z.infer<(typeof EVENT_SCHEMAS)[K]> & { type: K } }[T];

export function isEventType(type: unknown): type is EventType {
  return typeof type === 'string' && Object.hasOwn(EVENT_SCHEMAS, type);
}
