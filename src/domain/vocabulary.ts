// The shared vocabulary of the scenario contract (shared/spec/scenarios.md), plus the
// project's documented additions (docs/scenarios.md). One list per concept so that
// validation, forms and documentation read from the same source.

export const AGENCIES = [
  'midwifery',
  'health-visiting',
  'gp',
  'hospital',
  'emergency-department',
  'ambulance',
  'children-social-care',
  'early-help',
  'police',
  'probation',
  'adult-mental-health',
  'perinatal-mental-health',
  'substance-misuse',
  'children-centre',
  'school',
  'housing',
  'court',
  'family-or-public',
] as const;
export type Agency = (typeof AGENCIES)[number];

/** Agencies that count as "health" for strategy discussions and information sharing. */
export const HEALTH_AGENCIES: readonly Agency[] = [
  'midwifery',
  'health-visiting',
  'gp',
  'hospital',
  'emergency-department',
  'ambulance',
  'perinatal-mental-health',
];

/** Adult services whose concerns about a parent must reach the child's health services. */
export const ADULT_SERVICES: readonly Agency[] = [
  'adult-mental-health',
  'probation',
  'substance-misuse',
  'police',
  'perinatal-mental-health',
];

export const REFERRAL_DESTINATIONS = [...AGENCIES, 'paediatrics', 'feeding-clinic', 'iapt', 'mother-and-baby-unit'] as const;
export type ReferralDestination = (typeof REFERRAL_DESTINATIONS)[number];

export const PERSON_ROLES = ['child', 'unborn', 'adult'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const SEXES = ['male', 'female', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const RELATIONSHIP_KINDS = [
  'mother',
  'father',
  'male-carer',
  'female-carer',
  'partner-of-parent',
  'grandparent',
  'sibling',
  'household-member',
] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

export const CONTACT_KINDS = [
  'antenatal-contact',
  'new-birth-visit',
  'six-to-eight-week-review',
  'one-year-review',
  'two-year-review',
  'home-visit',
  'clinic',
  'gp-consultation',
  'ed-attendance',
  'urgent-care-attendance',
  'phone-call',
  'assessment',
  'supervision-session',
  'children-centre-session',
  // Version 2 (neglect over time): the police attend the household.
  'police-attendance',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const MISSED_REASONS = ['was-not-brought', 'did-not-attend', 'cancelled-by-family', 'cancelled-by-service'] as const;
export type MissedReason = (typeof MISSED_REASONS)[number];

export const SERVICE_LEVELS = ['universal', 'universal-plus', 'universal-partnership-plus'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];
export const SERVICE_LEVEL_SYNONYMS: Record<string, ServiceLevel> = {
  targeted: 'universal-plus',
  specialist: 'universal-partnership-plus',
};

export const MEASUREMENT_KINDS = ['weight', 'length', 'head-circumference'] as const;
export type MeasurementKind = (typeof MEASUREMENT_KINDS)[number];

export const INJURY_KINDS = ['bruise', 'mark', 'swelling', 'burn', 'bite', 'fracture', 'head-injury', 'bleeding'] as const;
export type InjuryKind = (typeof INJURY_KINDS)[number];

export const ILLNESS_SEVERITIES = ['serious-unexpected', 'minor'] as const;

export const CONCERN_KINDS = [
  'mental-health',
  'postnatal-depression',
  'psychosis',
  'suicidal-ideation',
  'anxiety',
  'learning-disability',
  'physical-disability',
  'substance-misuse',
  'alcohol-misuse',
  'domestic-abuse',
  'criminal-history',
  'care-experienced-parent',
  'adverse-childhood-experiences',
  'previous-child-removed',
  'young-parent',
  'isolation',
  'unsuitable-housing',
  'poor-home-conditions',
  'feeding-difficulty',
  'excessive-crying',
  'traumatic-birth',
  'unsafe-sleep',
  'poor-hygiene',
  'neglect',
  'non-engagement',
  'parent-minimising',
  'anonymous-referral',
  'rough-handling',
  // Version 2 (neglect over time).
  'treatment-not-followed',
  'dental-neglect',
  'home-conditions-improved',
] as const;
export type ConcernKind = (typeof CONCERN_KINDS)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DECISION_OUTCOMES = [
  'no-further-action',
  'signpost',
  'early-help',
  'assessment',
  'strategy-discussion',
  'section-47',
] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const AGREED_ACTIONS = [
  'refer-to-children-social-care',
  'home-visit',
  'weigh',
  'follow-up-contact',
  'share-information',
  // Version 2 (closing the loop).
  'assessment',
  'referral',
  'review-growth',
  'safety-plan',
  'other',
] as const;
export type AgreedAction = (typeof AGREED_ACTIONS)[number];

export const STRATEGY_DECISIONS = ['cp-medical', 'skeletal-survey', 'section-47', 'police-investigation', 'safety-plan'] as const;
export type StrategyDecision = (typeof STRATEGY_DECISIONS)[number];

export const INVESTIGATION_KINDS = ['cp-medical', 'skeletal-survey', 'ct-head'] as const;
export type InvestigationKind = (typeof INVESTIGATION_KINDS)[number];
export const INVESTIGATION_STATUSES = ['requested', 'completed'] as const;

export const PLAN_KINDS = [
  'early-help',
  'child-in-need',
  'child-protection',
  'unborn-child-protection',
  'looked-after',
  'interim-supervision-order',
  'interim-care-order',
] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** Plans under which emergency attendances must be notified to the social worker (CP-IS). */
export const CP_IS_PLANS: readonly PlanKind[] = ['child-protection', 'unborn-child-protection', 'looked-after', 'interim-care-order'];

/**
 * The unscheduled care settings that ask the CP-IS question (NHS England CP-IS): who may
 * check whether a child has a child protection plan or is looked after.
 */
export const UNSCHEDULED_CARE_SETTINGS = [
  'emergency-department',
  'urgent-treatment-centre',
  'minor-injuries-unit',
  'out-of-hours-gp',
  'ambulance',
] as const;
export type UnscheduledCareSetting = (typeof UNSCHEDULED_CARE_SETTINGS)[number];
export const UNSCHEDULED_CARE_SETTING_NAMES: Record<UnscheduledCareSetting, string> = {
  'emergency-department': 'emergency department',
  'urgent-treatment-centre': 'urgent treatment centre',
  'minor-injuries-unit': 'minor injuries unit',
  'out-of-hours-gp': 'out-of-hours GP service',
  ambulance: 'ambulance service',
};

export const FINDING_CODES = [
  'injury-in-non-mobile-infant',
  'serious-illness-in-non-mobile-infant',
  'safeguarding-referral-overdue',
  'strategy-discussion-overdue',
  'strategy-discussion-without-health',
  'cp-medical-incomplete-at-discharge',
  'faltering-growth',
  'growth-not-monitored',
  'was-not-brought',
  'repeated-was-not-brought',
  'mandated-contact-missing',
  'pre-birth-assessment-indicated',
  'vulnerability-on-universal-offer',
  'front-door-decision-needs-review',
  'parent-risk-not-shared',
  'male-carer-not-identified',
  'not-registered-with-gp',
  'moved-without-transfer',
  'unscheduled-care-while-on-plan',
  'unsafe-sleep-observed',
  // Version 2: closing the loop.
  'agreed-action-overdue',
  'referral-outcome-missing',
  'information-not-acknowledged',
  'no-lead-professional',
  'escalation-unresolved',
  // Version 2: neglect over time.
  'persistent-neglect',
  'child-not-seen',
  'immunisations-overdue',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

// Version 2: closing the loop (shared/spec/scenarios.md, "Version 2 additions").

export const INFORMATION_KINDS = ['handover', 'discharge-summary', 'transfer', 'notification', 'communique', 'report', 'minutes'] as const;
export type InformationKind = (typeof INFORMATION_KINDS)[number];

export const REFERRAL_OUTCOMES = ['accepted', 'declined', 'seen', 'waiting-list', 'no-further-action'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const ALLOCATION_ROLES = ['lead-professional', 'social-worker', 'health-visitor', 'named-midwife', 'family-practitioner'] as const;
export type AllocationRole = (typeof ALLOCATION_ROLES)[number];

export const ESCALATION_STAGES = [1, 2, 3] as const;
export type EscalationStage = (typeof ESCALATION_STAGES)[number];

/**
 * The agency that answers for a service that is not itself an agency of the contract:
 * who acknowledges information sent to it and records the outcome of a referral to it.
 */
export const SERVICE_AGENCIES: Record<Exclude<ReferralDestination, Agency>, Agency> = {
  paediatrics: 'hospital',
  'feeding-clinic': 'hospital',
  iapt: 'adult-mental-health',
  'mother-and-baby-unit': 'perinatal-mental-health',
};

/** The agency that receives what is sent to a destination (an agency, or a service's agency). */
export function receivingAgency(destination: ReferralDestination): Agency {
  return (SERVICE_AGENCIES as Partial<Record<ReferralDestination, Agency>>)[destination] ?? (destination as Agency);
}

// Version 2: neglect over time (shared/spec/scenarios.md, "Neglect over time").

/** A positive observation: recorded as a concern kind, it never counts against the family. */
export const POSITIVE_CONCERN_KINDS: readonly ConcernKind[] = ['home-conditions-improved'];

export const ASSESSMENT_TOOLS = ['graded-care-profile-2', 'early-help-assessment', 'single-assessment', 'pre-birth-assessment'] as const;
export type AssessmentTool = (typeof ASSESSMENT_TOOLS)[number];

/** The Graded Care Profile 2's four areas of care (NSPCC), each scored 1 (best) to 5 (worst). */
export const GCP2_AREAS = ['physical', 'safety', 'love', 'esteem'] as const;
export type Gcp2Area = (typeof GCP2_AREAS)[number];
export const GCP2_AREA_NAMES: Record<Gcp2Area, string> = {
  physical: 'physical care',
  safety: 'safety',
  love: 'love and care',
  esteem: 'esteem',
};

/** The UK routine childhood schedule's stages (UKHSA, The complete routine immunisation schedule). */
export const IMMUNISATION_STAGES = ['8-weeks', '12-weeks', '16-weeks', '1-year', '3-years-4-months'] as const;
export type ImmunisationStage = (typeof IMMUNISATION_STAGES)[number];

export const REFERRAL_CATEGORIES = [
  'physical-abuse',
  'neglect',
  'sexual-abuse',
  'emotional-abuse',
  'domestic-abuse',
  'parental-mental-health',
  'other',
] as const;
export type ReferralCategory = (typeof REFERRAL_CATEGORIES)[number];
