/**
 * Which age a measurement is judged and plotted at, as the UK-WHO charts instruct
 * (RCPCH fact sheets; Wright et al., Arch Dis Child Fetal Neonatal Ed 2012): a baby born
 * before 32 weeks at corrected age until 2 years, one born at 32–36 weeks until 1 year,
 * chronological age after that. A baby born at 37 weeks or later is term and is not
 * corrected at all: birth weight too is judged at age 0, because plotting it at the
 * actual gestation and later weights from birth makes healthy babies appear to cross
 * centiles in the first weeks.
 */
export type AgeBasis = 'corrected' | 'chronological';

export const TERM_FROM_WEEKS = 37;

export function correctionEndsAtYears(gestationWeeks: number): number {
  if (gestationWeeks >= TERM_FROM_WEEKS) return 0;
  return gestationWeeks < 32 ? 2 : 1;
}

export function ageBasis(gestationWeeks: number, chronologicalAgeYears: number): AgeBasis {
  return chronologicalAgeYears < correctionEndsAtYears(gestationWeeks) ? 'corrected' : 'chronological';
}
