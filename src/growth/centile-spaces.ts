/**
 * The UK-WHO charts draw nine centile lines two-thirds of an SDS apart (Cole 1994):
 * 0.4th, 2nd, 9th, 25th, 50th, 75th, 91st, 98th, 99.6th. A "centile space" is the gap
 * between two adjacent lines.
 */
export const CENTILE_SPACE_SDS = 2 / 3;

export const CHART_CENTILES = [0.4, 2, 9, 25, 50, 75, 91, 98, 99.6] as const;

/** The SDS of each chart line, lowest first (−8/3 … +8/3). */
export const CHART_LINE_SDS: readonly number[] = CHART_CENTILES.map((_, i) => (i - 4) * CENTILE_SPACE_SDS);

export const SDS_OF_CENTILE_LINE = {
  '0.4': -4 * CENTILE_SPACE_SDS,
  '2': -3 * CENTILE_SPACE_SDS,
  '9': -2 * CENTILE_SPACE_SDS,
  '91': 2 * CENTILE_SPACE_SDS,
} as const;

/** How many centile spaces the SDS has fallen from `fromSds` to `toSds` (negative for a rise). */
export function centileSpacesFallen(fromSds: number, toSds: number): number {
  return (fromSds - toSds) / CENTILE_SPACE_SDS;
}
