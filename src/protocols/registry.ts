import type { Protocol } from './protocol.ts';
import { injuryInNonMobileInfant } from './injury-in-non-mobile-infant.ts';
import { seriousIllnessInNonMobileInfant } from './serious-illness-in-non-mobile-infant.ts';
import { safeguardingReferralOverdue } from './safeguarding-referral-overdue.ts';
import { strategyDiscussionOverdue } from './strategy-discussion-overdue.ts';
import { strategyDiscussionWithoutHealth } from './strategy-discussion-without-health.ts';
import { cpMedicalIncompleteAtDischarge } from './cp-medical-incomplete-at-discharge.ts';
import { wasNotBrought } from './was-not-brought.ts';
import { repeatedWasNotBrought } from './repeated-was-not-brought.ts';
import { mandatedContactMissing } from './mandated-contact-missing.ts';
import { unsafeSleepObserved } from './unsafe-sleep-observed.ts';
import { unscheduledCareWhileOnPlan } from './unscheduled-care-while-on-plan.ts';
import { notRegisteredWithGp } from './not-registered-with-gp.ts';
import { falteringGrowth } from './faltering-growth.ts';
import { growthNotMonitored } from './growth-not-monitored.ts';
import { preBirthAssessmentIndicated } from './pre-birth-assessment-indicated.ts';
import { vulnerabilityOnUniversalOffer } from './vulnerability-on-universal-offer.ts';
import { parentRiskNotShared } from './parent-risk-not-shared.ts';
import { frontDoorDecisionNeedsReview } from './front-door-decision-needs-review.ts';
import { movedWithoutTransfer } from './moved-without-transfer.ts';
import { maleCarerNotIdentified } from './male-carer-not-identified.ts';
import { agreedActionOverdue } from './agreed-action-overdue.ts';
import { referralOutcomeMissing } from './referral-outcome-missing.ts';
import { informationNotAcknowledged } from './information-not-acknowledged.ts';
import { noLeadProfessional } from './no-lead-professional.ts';
import { escalationUnresolved } from './escalation-unresolved.ts';
import { immunisationsOverdue } from './immunisations-overdue.ts';
import { childNotSeen } from './child-not-seen.ts';
import { persistentNeglect } from './persistent-neglect.ts';

/** Every protocol Threadline knows, in evaluation order. */
export const PROTOCOLS: readonly Protocol[] = [
  injuryInNonMobileInfant,
  seriousIllnessInNonMobileInfant,
  safeguardingReferralOverdue,
  strategyDiscussionOverdue,
  strategyDiscussionWithoutHealth,
  cpMedicalIncompleteAtDischarge,
  wasNotBrought,
  repeatedWasNotBrought,
  mandatedContactMissing,
  unsafeSleepObserved,
  unscheduledCareWhileOnPlan,
  notRegisteredWithGp,
  falteringGrowth,
  growthNotMonitored,
  preBirthAssessmentIndicated,
  vulnerabilityOnUniversalOffer,
  parentRiskNotShared,
  frontDoorDecisionNeedsReview,
  movedWithoutTransfer,
  maleCarerNotIdentified,
  agreedActionOverdue,
  referralOutcomeMissing,
  informationNotAcknowledged,
  noLeadProfessional,
  escalationUnresolved,
  immunisationsOverdue,
  childNotSeen,
  // After the protocols whose findings it reads (faltering growth, immunisations overdue).
  persistentNeglect,
];
