import type { PersonState } from '../../engine/world-view.ts';
import { isUnderMonths } from './age.ts';

/**
 * Not independently mobile: under the configured age (default 6 months), or recorded as
 * not yet mobile whatever the age. A baby under the age counts even if recorded mobile:
 * the bruising protocols treat all young babies alike.
 */
export function isNonMobile(child: PersonState, at: number, mobile: boolean | undefined, underMonths: number, zone: string): boolean {
  if (child.role !== 'child') return false;
  return mobile === false || isUnderMonths(child, at, underMonths, zone);
}
