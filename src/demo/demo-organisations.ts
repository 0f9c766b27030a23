import type { Agency } from '../domain/vocabulary.ts';

/**
 * Which demo families the second GP practice has seen (the scenario files name agency
 * types only). Every other record is attributed to the default organisation of its
 * agency type, so the demo shows need-to-know by organisation: Riverside Medical
 * Practice's GP cannot open Jack's or Child RS's family, which only Fenland Surgery has
 * seen, and Fenland's GP cannot open the four families of review 000. Of the police
 * forces only Riverside Constabulary has seen a family (Jack's: it attended the strategy
 * discussion); Northshire Police's officer can open none.
 */
export const DEMO_ORGANISATIONS: Readonly<Record<string, Partial<Record<Agency, string>>>> = {
  'cambs-scr-2018-jack': { gp: 'Y10002' },
  'sandwell-lcspr-2020-child-rs': { gp: 'Y10002' },
};
