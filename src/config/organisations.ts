import { z } from 'zod';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { AGENCIES, UNSCHEDULED_CARE_SETTINGS, type Agency, type UnscheduledCareSetting } from '../domain/vocabulary.ts';

/**
 * An organisation of the partnership: a GP practice, a health visiting team, a police
 * force, a local authority's children's services. People work in organisations, and
 * need-to-know follows the organisation that is actually involved with a family; the
 * agency type is what protocols reason about ("a health agency", "the GP").
 */
export interface Organisation {
  /** An ODS-style code: capital letters and digits, unique in the partnership. */
  code: string;
  name: string;
  agency: Agency;
  /** How other agencies reach it (a local authority's: what a CP-IS check answers with). */
  contact?: OrganisationContact;
  /** The unscheduled care it gives, when its agency type does not say (an urgent treatment centre run by a hospital). */
  unscheduledCare?: UnscheduledCareSetting;
}

export interface OrganisationContact {
  /** A UK telephone number, in hours. */
  phone: string;
  /** Out of hours (a local authority's emergency duty team). */
  outOfHoursPhone?: string;
  email?: string;
}

const phone = z
  .string()
  .trim()
  .refine((value) => isValidPhoneNumber(value, 'GB'), 'must be a UK telephone number (for example 020 7946 0123)');

export const organisationContactSchema = z.strictObject({
  phone,
  outOfHoursPhone: phone.optional(),
  email: z.email('must be an email address').max(200).optional(),
});

export const organisationSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Z0-9]{3,10}$/, 'must be an ODS-style code: 3 to 10 capital letters or digits')
    .describe('ODS-style code'),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  agency: z.enum(AGENCIES),
  contact: organisationContactSchema.optional(),
  unscheduledCare: z.enum(UNSCHEDULED_CARE_SETTINGS).optional(),
});

/** The unscheduled care an organisation gives, if any: its own setting, or the one its agency type is. */
export function unscheduledCareSetting(organisation: Organisation): UnscheduledCareSetting | undefined {
  if (organisation.unscheduledCare) return organisation.unscheduledCare;
  if (organisation.agency === 'emergency-department' || organisation.agency === 'ambulance') return organisation.agency;
  return undefined;
}

/**
 * The organisations a partnership has when its configuration names none: one for each
 * agency type (the first listed of a type is that type's default), and a second GP
 * practice and police force so that need-to-know by organisation is visible. The codes
 * are made up (the Y and Z prefixes are not issued to real ODS organisations here), and
 * so are the contact details.
 */
export const DEFAULT_ORGANISATIONS: readonly Organisation[] = [
  { code: 'ZMW001', name: 'Riverside Hospital Maternity Service', agency: 'midwifery' },
  { code: 'ZHV001', name: 'Riverside Health Visiting Team', agency: 'health-visiting' },
  { code: 'Y10001', name: 'Riverside Medical Practice', agency: 'gp' },
  { code: 'Y10002', name: 'Fenland Surgery', agency: 'gp' },
  { code: 'ZHP001', name: 'Riverside Hospital Paediatrics', agency: 'hospital' },
  { code: 'ZED001', name: 'Riverside Hospital Emergency Department', agency: 'emergency-department' },
  { code: 'ZAM001', name: 'Eastern Ambulance Service', agency: 'ambulance' },
  {
    code: 'ZLA001',
    name: "Riverside Council Children's Services",
    agency: 'children-social-care',
    // Ofcom's numbers for drama (020 7946 0000 to 0999) and a reserved domain: nobody real.
    contact: { phone: '020 7946 0300', outOfHoursPhone: '020 7946 0399', email: 'childrens.services@riverside.example' },
  },
  { code: 'ZEH001', name: 'Riverside Council Early Help', agency: 'early-help' },
  { code: 'ZPF001', name: 'Riverside Constabulary', agency: 'police' },
  { code: 'ZPF002', name: 'Northshire Police', agency: 'police' },
  { code: 'ZPR001', name: 'Riverside Probation Delivery Unit', agency: 'probation' },
  { code: 'ZMH001', name: 'Riverside Community Mental Health Team', agency: 'adult-mental-health' },
  { code: 'ZPM001', name: 'Riverside Perinatal Mental Health Service', agency: 'perinatal-mental-health' },
  { code: 'ZSM001', name: 'Riverside Drug and Alcohol Service', agency: 'substance-misuse' },
  { code: 'ZCC001', name: "Riverside Children's Centre", agency: 'children-centre' },
  { code: 'ZSC001', name: 'Riverside Primary School', agency: 'school' },
  { code: 'ZHO001', name: 'Riverside Council Housing', agency: 'housing' },
  { code: 'ZCT001', name: 'Riverside Family Court', agency: 'court' },
  { code: 'ZPB001', name: 'A family member or the public', agency: 'family-or-public' },
];

/**
 * The organisations in force: the partnership's own list, and for each agency type it
 * does not list, the default organisation of that type (so that every record, including
 * replayed ones that name no organisation, has one).
 */
export function resolveOrganisations(listed: readonly Organisation[] | undefined): Organisation[] {
  const own = [...(listed ?? [])];
  const covered = new Set(own.map((o) => o.agency));
  return [...own, ...DEFAULT_ORGANISATIONS.filter((o) => listed === undefined || !covered.has(o.agency))];
}

/** Looks organisations up by code and by agency type. */
export class OrganisationDirectory {
  private readonly byCode = new Map<string, Organisation>();
  private readonly byAgency = new Map<Agency, Organisation[]>();

  constructor(organisations: readonly Organisation[] = DEFAULT_ORGANISATIONS) {
    for (const organisation of resolveOrganisations(organisations)) {
      if (this.byCode.has(organisation.code)) continue;
      this.byCode.set(organisation.code, organisation);
      this.byAgency.set(organisation.agency, [...(this.byAgency.get(organisation.agency) ?? []), organisation]);
    }
  }

  get(code: string): Organisation | undefined {
    return this.byCode.get(code);
  }

  all(): Organisation[] {
    return [...this.byCode.values()];
  }

  ofAgency(agency: Agency): readonly Organisation[] {
    return this.byAgency.get(agency) ?? [];
  }

  /**
   * The organisation a record of this agency type is attributed to when it names none
   * (scenario files, imports and records made before organisations existed): the first
   * organisation of that type in the partnership's list.
   */
  defaultFor(agency: Agency): Organisation {
    return this.ofAgency(agency)[0];
  }
}
