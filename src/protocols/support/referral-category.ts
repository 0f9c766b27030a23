// What a referral is about. Version 2 referrals carry a structured `category`; the free-text
// reason is read only when there is none (older records, scenario files, imports).
import type { ThreadEvent } from '../../domain/events.ts';

/** Words in a reason that describe an injury or suspected physical abuse. */
const PHYSICAL_ABUSE_WORDS = new RegExp(
  [
    String.raw`bruis\w*`,
    String.raw`injur\w*`,
    String.raw`fractur\w*`,
    String.raw`burns?`,
    'burnt',
    'burned',
    String.raw`scald\w*`,
    String.raw`bites?`,
    'bitten',
    String.raw`bleed\w*`,
    'swelling',
    'swollen',
    'head injury',
    String.raw`(?:baby\s+|infant\s+|child\s+)?shak(?:en|ing)`,
    'abusive head trauma',
    String.raw`subdural(?:\s+(?:haematoma|hematoma|haemorrhage|hemorrhage|bleed))?`,
    String.raw`torn\s+frenulum`,
    String.raw`slap(?:s|ped|ping)?`,
    'physical abuse',
    'non-accidental',
    'nai',
    // "Mark" alone is a name ("Referral re: Mark Smith"): only marks described as on the body count.
    String.raw`(?:a|the|red|finger(?:tip)?|grip|slap|bite|hand|belt|strap|ligature)\s+marks?`,
    String.raw`marks?\s+(?:on|to|around|across)`,
  ]
    .map((w) => String.raw`\b${w}\b`)
    .join('|'),
  'i',
);

/** "no marks seen", "no bruising", "without injury": what was not found is not a concern. */
const NEGATED =
  /\b(?:no|nil|without|denies|denied)\s+(?:(?:visible|obvious|new|other|sign\s+of|signs\s+of|evidence\s+of)\s+)*(?:bruis\w*|marks?|injur\w*|swelling|bleed\w*|fractur\w*|burns?|scalds?)\b/gi;

/** Whether free text describes an injury or suspected physical abuse. */
export function describesPhysicalAbuse(text: string): boolean {
  return PHYSICAL_ABUSE_WORDS.test(text.replace(NEGATED, ' '));
}

/** Whether a referral is about suspected physical abuse: its category, or without one its reason. */
export function isPhysicalAbuseReferral(referral: ThreadEvent<'referral.made'>): boolean {
  if (referral.data.category !== undefined) return referral.data.category === 'physical-abuse';
  return describesPhysicalAbuse(referral.data.reason ?? '');
}
