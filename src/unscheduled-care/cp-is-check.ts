import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from '../access/principal.ts';
import { unscheduledCareSetting, type Organisation, type OrganisationContact } from '../config/organisations.ts';
import { nhsNumber as nhsNumberSchema } from '../domain/event-schemas.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { localDateKey } from '../domain/time.ts';
import { ValidationError } from '../domain/validation-error.ts';
import { CP_IS_PLANS, UNSCHEDULED_CARE_SETTING_NAMES, type PlanKind, type UnscheduledCareSetting } from '../domain/vocabulary.ts';
import { formatNhsNumber } from '../linkage/nhs-number.ts';
import { Refusal } from '../api/errors.ts';
import type { AuditNote } from '../api/route-access.ts';
import type { Services } from '../server/services.ts';
import { notifyLocalAuthority } from './notify-local-authority.ts';
import { personsWithNhsNumber } from './persons-by-nhs-number.ts';

/** CP-IS's two kinds of answer: a child protection plan (unborn included) or looked after (a care order included). */
export type CpIsPlanType = 'child-protection-plan' | 'looked-after';

const PLAN_TYPE: Partial<Record<PlanKind, CpIsPlanType>> = {
  'child-protection': 'child-protection-plan',
  'unborn-child-protection': 'child-protection-plan',
  'looked-after': 'looked-after',
  'interim-care-order': 'looked-after',
};

export const PLAN_LABEL: Partial<Record<PlanKind, string>> = {
  'child-protection': 'Child protection plan',
  'unborn-child-protection': 'Unborn child protection plan',
  'looked-after': 'Looked after child',
  'interim-care-order': 'Looked after child (interim care order)',
};

const SAYS: Record<CpIsPlanType, string> = { 'child-protection-plan': 'has a child protection plan', 'looked-after': 'is looked after' };

export interface CpIsPlan {
  type: CpIsPlanType;
  kind: PlanKind;
  label: string;
  /** The local date the plan started (YYYY-MM-DD). */
  startDate: string;
  localAuthority: { code: string; name: string } & Partial<OrganisationContact>;
}

export interface CpIsAnswer {
  nhsNumber: string;
  /** Whether a child protection plan or looked-after status is known here. */
  onPlan: boolean;
  plans: CpIsPlan[];
  /** The answer in words, the same whatever the reason for a "no" (unknown here, no plan, a plan ended). */
  message: string;
  checkedAt: string;
}

export const NO_PLAN_KNOWN = 'No child protection plan or looked-after status is known here for this NHS number.';

/** What the CP-IS question takes: an NHS number, spaced or not, with a valid check digit. */
export const cpIsQuestion = z.object({ nhsNumber: z.string().max(40) });

function validNhsNumber(text: string): string {
  const parsed = nhsNumberSchema.safeParse(text.trim());
  if (!parsed.success)
    throw new ValidationError([{ field: 'nhsNumber', reason: parsed.error.issues[0]?.message ?? 'must be an NHS number' }]);
  return parsed.data.replace(/\s/g, '');
}

/** The unscheduled care setting the user asks from, or a refusal naming their organisation. */
export function askingSetting(services: Services, principal: Principal): { organisation: Organisation; setting: UnscheduledCareSetting } {
  const organisation = services.store.engine.world.organisations.get(principal.organisation);
  const setting = organisation && unscheduledCareSetting(organisation);
  if (!organisation || !setting)
    throw new Refusal(
      403,
      `CP-IS checks are made from unscheduled care (an emergency department, urgent treatment centre, minor injuries unit, out-of-hours GP service or ambulance service); ${organisation?.name ?? 'your organisation'} is not one.`,
    );
  return { organisation, setting };
}

/** The local authority that owns a plan: the children's services that recorded it, else the partnership's. */
function owningLocalAuthority(services: Services, plan: ThreadEvent): Organisation {
  const directory = services.store.engine.world.organisations;
  const recorder = directory.get(services.store.engine.world.organisationOf(plan) ?? '');
  return recorder?.agency === 'children-social-care' ? recorder : directory.defaultFor('children-social-care');
}

/**
 * The CP-IS question from an unscheduled care setting: does the child with this NHS number
 * have a child protection plan or looked-after status here? Answers only that: the plan's
 * type, start date and the owning local authority's contact, and for anything else (a number
 * nobody here has, a child with no plan, a plan ended) the same "no plan known here". Asking
 * is recorded about each child the number names (`unscheduled-care.queried`, which never makes
 * the asking organisation involved, so it opens no record), so that the protocol
 * `unscheduled-care-while-on-plan` tells the social worker, and the owning local authority's
 * social workers are notified of a check that raised it. This is the one write made without
 * need-to-know on the child: the question is the whole of what the asker learns.
 */
export async function checkChildProtection(services: Services, principal: Principal, text: string, audit: AuditNote): Promise<CpIsAnswer> {
  const { organisation, setting } = askingSetting(services, principal);
  const digits = validNhsNumber(text);
  const nhsNumber = formatNhsNumber(digits);
  const world = services.store.engine.world;
  const now = services.now();
  const children = (await personsWithNhsNumber(services.db, digits)).filter((id) => {
    const role = world.person(id)?.role;
    return role === 'child' || role === 'unborn';
  });
  const plans: CpIsPlan[] = [];
  for (const child of children) {
    const person = world.person(child)!;
    for (const kind of CP_IS_PLANS) {
      const plan = person.openPlans.get(kind);
      if (!plan) continue;
      const authority = owningLocalAuthority(services, plan);
      plans.push({
        type: PLAN_TYPE[kind]!,
        kind,
        label: PLAN_LABEL[kind]!,
        startDate: localDateKey(plan.at, services.zone),
        localAuthority: { code: authority.code, name: authority.name, ...authority.contact },
      });
    }
  }
  for (const child of children) {
    const stored = await services.store.submit(
      {
        type: 'unscheduled-care.queried',
        at: new Date(now).toISOString(),
        person: child,
        agency: principal.agency,
        organisation: principal.organisation,
        setting,
        recordedBy: { role: principal.role, qualified: principal.qualified, name: principal.displayName },
      },
      `cp-is-check-${randomUUID()}`,
      { userId: principal.userId },
    );
    const raised = stored.findings.filter((f) => f.code === 'unscheduled-care-while-on-plan' && f.subject === child);
    if (raised.length > 0)
      await notifyLocalAuthority(services, {
        child,
        at: now,
        asker: principal,
        from: `${organisation.name} (${UNSCHEDULED_CARE_SETTING_NAMES[setting]})`,
        plans: plans.map((p) => ({ label: p.label, localAuthority: p.localAuthority.code })),
      });
  }
  audit.subject = children[0];
  audit.detail = `CP-IS check of NHS number ${nhsNumber} from ${organisation.name}: ${
    plans.length > 0 ? plans.map((p) => p.label.toLowerCase()).join(', ') : children.length > 0 ? 'no plan known' : 'nobody known with it'
  }`;
  return {
    nhsNumber,
    onPlan: plans.length > 0,
    plans,
    message:
      plans.length > 0
        ? `Yes: this child ${[...new Set(plans.map((p) => SAYS[p.type]))].join(' and ')} here. Contact the local authority below.`
        : NO_PLAN_KNOWN,
    checkedAt: new Date(now).toISOString(),
  };
}
