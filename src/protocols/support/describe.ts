import type { ThreadEvent } from '../../domain/events.ts';
import { formatDay } from '../../domain/time.ts';

const AGENCY_NAMES: Record<string, string> = {
  midwifery: 'midwifery',
  'health-visiting': 'health visiting',
  gp: 'the GP',
  hospital: 'the hospital',
  'emergency-department': 'the emergency department',
  ambulance: 'the ambulance service',
  'children-social-care': "children's social care",
  'early-help': 'early help',
  police: 'the police',
  probation: 'probation',
  'adult-mental-health': 'adult mental health',
  'perinatal-mental-health': 'perinatal mental health',
  'substance-misuse': 'substance misuse services',
  'children-centre': "the children's centre",
  school: 'the school',
  housing: 'housing',
  court: 'the court',
  'family-or-public': 'a family member or the public',
  paediatrics: 'paediatrics',
  'feeding-clinic': 'the feeding clinic',
  iapt: 'talking therapies (IAPT)',
  'mother-and-baby-unit': 'the mother and baby unit',
};

export function agencyName(agency: string | undefined): string {
  return agency ? (AGENCY_NAMES[agency] ?? agency) : 'an unnamed agency';
}

/** "recorded by the GP on 6 Mar 2023": the citation every explanation uses for a record. */
export function cite(event: ThreadEvent, zone: string): string {
  return `${agencyName(event.agency)} on ${formatDay(event.at, zone)}`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
