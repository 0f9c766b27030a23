import type { Comparison } from '../comparison.ts';
import { givenName } from './given-name.ts';
import { familyName } from './family-name.ts';
import { dateOfBirth } from './date-of-birth.ts';
import { sex } from './sex.ts';
import { nhsNumber } from './nhs-number.ts';
import { address } from './address.ts';
import { area } from './area.ts';
import { email } from './email.ts';
import { mobile } from './mobile.ts';

/** The evidence Threadline weighs, in the order a waterfall shows it. */
export const COMPARISONS: readonly Comparison[] = [givenName, familyName, dateOfBirth, sex, nhsNumber, address, area, email, mobile];

export function comparisonByKey(key: string): Comparison {
  const found = COMPARISONS.find((comparison) => comparison.key === key);
  if (!found) throw new Error(`no comparison called ${key}`);
  return found;
}
