import type { PreparedRecord } from './prepared-record.ts';
import type { TermFrequencyTables } from './term-frequencies.ts';

/**
 * Two records at one address: the same postcode or the same landline. Such a pair is
 * the same person, or two members of one family (a father and his son of one name,
 * twins, a mother and her daughter), or neighbours: the shared address says nothing
 * about which, and relatives share more than strangers (a family name, sometimes a
 * birthday or a given name). The model weighs these pairs as a population of their own
 * (see HouseholdParameters and PairScorer).
 */
export function sameHousehold(a: PreparedRecord, b: PreparedRecord): boolean {
  if (a.postcode !== null && b.postcode !== null && a.postcode.full === b.postcode.full) return true;
  return a.landline !== null && a.landline === b.landline;
}

/** The comparisons that make two records one household: within a household they are no evidence of the person. */
export const HOUSEHOLD_COMPARISONS: ReadonlySet<string> = new Set(['address', 'area']);

/** The same test on a pair's comparison levels (for EM, which sees only patterns): the address at "same postcode" or "same landline". */
export function householdPattern(comparisonKeys: readonly string[]): (levels: ArrayLike<number>) => boolean {
  const address = comparisonKeys.indexOf('address');
  if (address < 0) return () => false;
  return (levels) => levels[address] === 0 || levels[address] === 1;
}

/** Counted so that a pair at one address knows how many records share the address. */
export const ADDRESS_FREQUENCY_FIELDS = [
  { key: 'records-at-postcode', value: (r: PreparedRecord) => r.postcode?.full ?? null },
  { key: 'records-on-landline', value: (r: PreparedRecord) => r.landline },
] as const;

/**
 * Upper bounds of the bands of "records at the address": the fewer records share an
 * address, the likelier two of them are one person (two records at an address where
 * nobody else is recorded are one person or a couple; two of twelve could be anyone).
 */
export const RECORDS_AT_ADDRESS_BANDS: readonly number[] = [2, 3, 4, 6, 10];

/** The band of a household pair: by the records at its shared postcode, or on its shared landline. */
export function addressBand(a: PreparedRecord, b: PreparedRecord, tables: TermFrequencyTables): number {
  const samePostcode = a.postcode !== null && b.postcode !== null && a.postcode.full === b.postcode.full;
  const records = samePostcode
    ? (tables.get('records-at-postcode')?.count(a.postcode.full) ?? 2)
    : (tables.get('records-on-landline')?.count(a.landline ?? '') ?? 2);
  return bandOf(records);
}

export function bandOf(recordsAtAddress: number): number {
  const band = RECORDS_AT_ADDRESS_BANDS.findIndex((upTo) => recordsAtAddress <= upTo);
  return band < 0 ? RECORDS_AT_ADDRESS_BANDS.length : band;
}

/** How a band reads, for the waterfall. */
export function describeBand(band: number): string {
  const upTo = RECORDS_AT_ADDRESS_BANDS[band],
    from = band === 0 ? 2 : RECORDS_AT_ADDRESS_BANDS[band - 1] + 1;
  if (upTo === undefined) return `more than ${RECORDS_AT_ADDRESS_BANDS[RECORDS_AT_ADDRESS_BANDS.length - 1]} records at the address`;
  return from === upTo ? `${upTo} records at the address` : `${from} to ${upTo} records at the address`;
}
