/**
 * A UK postcode split into the units that carry evidence: the full postcode (about 15
 * households), the sector ("SW1A 1"), the district ("SW1A") and the area ("SW").
 */
export interface PostcodeParts {
  readonly full: string;
  readonly sector: string;
  readonly district: string;
  readonly area: string;
}

const POSTCODE = /^([A-Z]{1,2})(\d[A-Z\d]?) ?(\d)([A-Z]{2})$/;

/** Parses a UK postcode in any spacing or case; null when it is not one. */
export function parsePostcode(value: string | undefined): PostcodeParts | null {
  if (value === undefined) return null;
  const compact = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const match = POSTCODE.exec(compact);
  if (!match) return null;
  const [, area, districtNumber, sectorDigit, unit] = match;
  const district = area + districtNumber;
  return { full: `${district} ${sectorDigit}${unit}`, sector: `${district} ${sectorDigit}`, district, area };
}
