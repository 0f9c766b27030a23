/**
 * Which age a measurement is judged at (UK-WHO chart instructions, RCPCH 2009/2013):
 * babies born before 32 weeks at corrected age until 2 years, those born at 32 weeks or
 * later until 1 year, chronological age after that. Babies born at 37 weeks or later are
 * corrected too in the first year, as the RCPCH digital growth charts (rcpchgrowth) do:
 * their birth weight is judged at their own gestation, so judging later weights at an
 * uncorrected age would show a healthy 37-week baby falling by up to a centile space.
 */
export type AgeBasis = 'corrected' | 'chronological';

export function correctionEndsAtYears(gestationWeeks: number): number {
  return gestationWeeks < 32 ? 2 : 1;
}

export function ageBasis(gestationWeeks: number, chronologicalAgeYears: number): AgeBasis {
  return chronologicalAgeYears < correctionEndsAtYears(gestationWeeks) ? 'corrected' : 'chronological';
}
