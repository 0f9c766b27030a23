import type { Bundle, Flag, Organization } from '@medplum/fhirtypes';
import type { CpIsAnswer, CpIsPlan } from '../unscheduled-care/cp-is-check.ts';
import { NHS_NUMBER, ODS_CODE, SYSTEMS } from './fhir-codes.ts';

/** HL7's flag category for a safety alert. */
const FLAG_CATEGORY = 'http://terminology.hl7.org/CodeSystem/flag-category';

/** The owning local authority, contained in the Flag: its ODS code, name and how to reach it. */
function localAuthority(plan: CpIsPlan): Organization {
  const la = plan.localAuthority;
  return {
    resourceType: 'Organization',
    id: 'local-authority',
    identifier: [{ system: ODS_CODE, value: la.code }],
    name: la.name,
    telecom: [
      ...(la.phone ? [{ system: 'phone' as const, value: la.phone, use: 'work' as const }] : []),
      ...(la.outOfHoursPhone ? [{ system: 'phone' as const, value: la.outOfHoursPhone, use: 'temp' as const }] : []),
      ...(la.email ? [{ system: 'email' as const, value: la.email, use: 'work' as const }] : []),
    ],
  };
}

function flagOf(plan: CpIsPlan, nhsNumber: string): Flag {
  return {
    resourceType: 'Flag',
    contained: [localAuthority(plan)],
    status: 'active',
    category: [{ coding: [{ system: FLAG_CATEGORY, code: 'safety', display: 'Safety' }] }],
    code: { coding: [{ system: SYSTEMS.cpIsPlanType, code: plan.type, display: plan.label }], text: plan.label },
    subject: { identifier: { system: NHS_NUMBER, value: nhsNumber } },
    period: { start: plan.startDate },
    author: { reference: '#local-authority', display: plan.localAuthority.name },
  };
}

/**
 * The CP-IS answer as FHIR: a searchset Bundle with one active Flag per plan (child
 * protection plan or looked after), or none when no plan is known here. The Flag names the
 * child by NHS number only, as it was asked.
 */
export function cpIsBundle(answer: CpIsAnswer): Bundle {
  const digits = answer.nhsNumber.replace(/\s/g, '');
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    timestamp: answer.checkedAt,
    total: answer.plans.length,
    entry: answer.plans.map((plan) => ({ resource: flagOf(plan, digits), search: { mode: 'match' as const } })),
  };
}
