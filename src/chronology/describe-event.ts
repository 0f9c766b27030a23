import type { ThreadEvent } from '../domain/events.ts';
import { formatDay } from '../domain/time.ts';
import { agencyName } from '../protocols/support/describe.ts';
import {
  GCP2_AREA_NAMES,
  GCP2_AREAS,
  UNSCHEDULED_CARE_SETTING_NAMES,
  type AssessmentTool,
  type ImmunisationStage,
} from '../domain/vocabulary.ts';

const words = (text: string) => text.replaceAll('-', ' ');

function describeAgreedAction(action: ThreadEvent<'action.agreed'>['data']): string {
  if (action.action === 'referral') return `referral to ${agencyName(action.to)}`;
  if (action.action === 'other') return action.detail ?? 'other';
  return words(action.action);
}

/** "8 weeks", "3 years 4 months": a stage of the routine schedule in words. */
export const IMMUNISATION_STAGE_NAMES: Record<ImmunisationStage, string> = {
  '8-weeks': '8 weeks',
  '12-weeks': '12 weeks',
  '16-weeks': '16 weeks',
  '1-year': '1 year',
  '3-years-4-months': '3 years 4 months',
};

const TOOL_NAMES: Record<AssessmentTool, string> = {
  'graded-care-profile-2': 'Graded Care Profile 2',
  'early-help-assessment': 'Early help assessment',
  'single-assessment': 'Single assessment',
  'pre-birth-assessment': 'Pre-birth assessment',
};

function describeAssessment(assessment: ThreadEvent<'assessment.recorded'>['data']): string {
  const scores = assessment.scores
    ? `: ${GCP2_AREAS.map((area) => `${GCP2_AREA_NAMES[area]} ${assessment.scores![area]}`).join(', ')} (1 best, 5 worst)`
    : '';
  return `${TOOL_NAMES[assessment.tool]} recorded${scores}${assessment.outcome ? `; outcome: ${assessment.outcome}` : ''}`;
}

function ownerText(owner: { agency: string; name?: string }): string {
  return owner.name ? `${owner.name} (${agencyName(owner.agency)})` : agencyName(owner.agency);
}

/** What a description needs from outside the record it describes. */
export interface DescribeContext {
  /** How a person is named to the reader: by name, or a neutral label outside their access (src/api/read/person-labels.ts). */
  name: (personId: string) => string;
  /** A record this one refers to (the action completed, the information acknowledged). */
  record: (key: string) => ThreadEvent | undefined;
}

/** Names people by their ids: for operators' tools (the CLI) that show the record as stored. */
export const BY_ID: DescribeContext = { name: (id) => id, record: () => undefined };

/** "the referral to the GP of 3 May 2027": the record another refers to, or "a record" when it cannot be read. */
function referenced(key: string, context: DescribeContext, zone: string): string {
  const event = context.record(key);
  if (!event) return context === BY_ID ? key : 'an earlier record';
  const what =
    event.type === 'action.agreed'
      ? describeAgreedAction(event.data)
      : event.type === 'information.shared'
        ? event.data.kind
          ? words(event.data.kind)
          : `information shared with ${agencyName(event.data.to)}`
        : event.type === 'referral.made'
          ? `referral to ${agencyName(event.data.to)}`
          : event.type === 'escalation.raised'
            ? `escalation to ${agencyName(event.data.to)}`
            : words(event.type.replaceAll('.', ' '));
  return `${what} of ${formatDay(event.at, zone)}`;
}

/** One plain-English line for a record, as a chronology shows it, naming people as the reader may see them. */
export function describeEvent(event: ThreadEvent, zone: string, context: DescribeContext = BY_ID): string {
  const name = context.name;
  switch (event.type) {
    case 'person.recorded': {
      const d = event.data;
      if (context !== BY_ID)
        return `${name(d.person)} recorded as${d.role === 'unborn' ? ' an unborn baby' : d.role === 'adult' ? ' an adult' : ' a child'}${d.area ? ` in ${d.area}` : ''}`;
      const given = [d.name?.given, d.name?.family].filter(Boolean).join(' ');
      return `${d.person}${given ? ` (${given})` : ''} recorded as ${d.role === 'unborn' ? 'an unborn baby' : `a${d.role === 'adult' ? 'n adult' : ' child'}`}${d.area ? ` in ${d.area}` : ''}`;
    }
    case 'relationship.recorded':
      return `${name(event.data.person)} recorded as ${words(event.data.kind)} of ${name(event.data.of)}`;
    case 'address.changed':
      return `${event.data.persons.map(name).join(', ')} moved to ${event.data.area}`;
    case 'gp.registered':
      return `${name(event.data.person)} registered with a GP${event.data.area ? ` in ${event.data.area}` : ''}`;
    case 'pregnancy.booked':
      return `Pregnancy booked at ${event.data.gestationWeeks} weeks; due ${formatDay(event.dueMs!, zone)}`;
    case 'birth':
      return `Born at ${event.data.gestationWeeks}${event.data.gestationDays ? `+${event.data.gestationDays}` : ''} weeks, ${event.data.birthWeightKg} kg`;
    case 'contact': {
      const seen = event.data.seen?.length ? `; seen: ${event.data.seen.map(name).join(', ')}` : '';
      const child = event.data.childSeen === false ? '; child not seen' : '';
      return `${words(event.data.kind)} with ${name(event.data.person)}${seen}${child}`;
    }
    case 'visit.no-access':
      return `Home visit to ${name(event.data.person)}: no access`;
    case 'appointment.booked':
      return `${words(event.data.kind)} booked for ${formatDay(event.dueMs!, zone)}`;
    case 'appointment.missed':
      return `${words(event.data.kind)} missed: ${words(event.data.reason)}`;
    case 'service-level.set':
      return `Health visiting offer set to ${words(event.data.level)}`;
    case 'measurement':
      return `${words(event.data.kind)} ${event.data.value} ${event.data.kind === 'weight' ? 'kg' : 'cm'}`;
    case 'injury.observed':
      return `Injury: ${event.data.kind}${event.data.site ? ` (${event.data.site})` : ''}${event.data.count ? ` x${event.data.count}` : ''}${event.data.explanation ? `; explanation given: "${event.data.explanation}"` : ''}`;
    case 'illness.presented':
      return `${event.data.severity === 'serious-unexpected' ? 'Serious unexpected illness' : 'Minor illness'}${event.data.description ? `: ${event.data.description}` : ''}`;
    case 'concern.recorded':
      return `Concern about ${name(event.data.person)}: ${words(event.data.kind)}${event.data.severity ? ` (${event.data.severity})` : ''}${event.data.detail ? `: ${event.data.detail}` : ''}`;
    case 'referral.made':
      return `Referral to ${agencyName(event.data.to)}${event.data.category ? ` (${words(event.data.category)})` : ''}${event.data.reason ? `: ${event.data.reason}` : ''}`;
    case 'referral.decision':
      return `Decision: ${words(event.data.outcome)}${event.recordedBy ? ` by ${event.recordedBy.role}${event.recordedBy.qualified === false ? ' (unqualified)' : ''}` : ''}${event.data.rationale ? `; rationale: ${event.data.rationale}` : ''}`;
    case 'action.agreed':
      return `Action agreed: ${describeAgreedAction(event.data)}${event.dueMs ? ` by ${formatDay(event.dueMs, zone)}` : ''}${event.data.owner ? `; owner: ${ownerText(event.data.owner)}` : ''}`;
    case 'action.completed':
      return `Agreed action completed: ${referenced(event.data.action, context, zone)}`;
    case 'action.cancelled':
      return `Agreed action cancelled (${referenced(event.data.action, context, zone)}): ${event.data.reason}`;
    case 'information.acknowledged':
      return `Receipt of ${referenced(event.data.of, context, zone)} acknowledged by ${agencyName(event.agency)}`;
    case 'referral.outcome':
      return `Outcome of ${referenced(event.data.of, context, zone)}: ${words(event.data.outcome)}`;
    case 'allocation.set':
      return `${event.data.name} allocated as ${words(event.data.role)} (${agencyName(event.agency)})`;
    case 'allocation.ended':
      return `Allocation of ${event.data.name} as ${words(event.data.role)} ended: ${event.data.reason}`;
    case 'escalation.raised':
      return `Escalation at stage ${event.data.stage} to ${agencyName(event.data.to)}: ${event.data.about}`;
    case 'escalation.resolved':
      return `Escalation resolved (${referenced(event.data.of, context, zone)}): ${event.data.outcome}`;
    case 'strategy.discussion':
      return `Strategy discussion with ${event.data.attendees.map(agencyName).join(', ')}${event.data.paediatricianInput ? ' and a paediatrician' : ''}${event.data.decisions?.length ? `; decided: ${event.data.decisions.map(words).join(', ')}` : ''}`;
    case 'investigation':
      return `${words(event.data.kind)} ${event.data.status}${event.data.findings ? `: ${event.data.findings}` : ''}`;
    case 'hospital.admitted':
      return `Admitted to hospital${event.data.reason ? `: ${event.data.reason}` : ''}`;
    case 'hospital.fit-for-discharge':
      return 'Declared fit for discharge';
    case 'hospital.discharged':
      return `Discharged from hospital${event.data.reason ? `: ${event.data.reason}` : ''}`;
    case 'plan.started':
      return `${words(event.data.kind)} plan started`;
    case 'plan.ended':
      return `${words(event.data.kind)} plan ended`;
    case 'information.shared':
      return `${event.data.kind ? `${words(event.data.kind).replace(/^./, (c) => c.toUpperCase())} sent to` : 'Information shared with'} ${agencyName(event.data.to)}${event.data.area ? ` in ${event.data.area}` : ''}${event.data.content?.length ? `: ${event.data.content.map(words).join(', ')}` : ''}`;
    case 'identity.linked':
      return `${name(event.data.person)} and ${name(event.data.to)} recorded as the same person (${event.data.basis === 'automatic' ? `automatic match, probability ${(event.data.probability ?? 1).toFixed(3)}` : 'confirmed by a practitioner'})`;
    case 'identity.review':
      return `${name(event.data.person)} may be ${name(event.data.candidate)}: match probability ${event.data.probability.toFixed(3)}, for a practitioner to decide`;
    case 'identity.unlinked':
      return `${name(event.data.person)} and ${name(event.data.from)} recorded as different people: ${event.data.reason}`;
    case 'assessment.recorded':
      return describeAssessment(event.data);
    case 'immunisation.given':
      return `Immunisations given: the ${IMMUNISATION_STAGE_NAMES[event.data.stage]} stage of the routine schedule`;
    case 'consent.refused':
      return `Consent refused for ${event.data.for}`;
    case 'unscheduled-care.queried':
      return `A ${UNSCHEDULED_CARE_SETTING_NAMES[event.data.setting]} checked for a child protection plan or looked-after status (CP-IS)`;
    case 'incident.serious':
      return `Serious incident${event.data.description ? `: ${event.data.description}` : ''}`;
  }
}
