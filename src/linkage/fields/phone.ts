/**
 * A UK telephone number in national form (leading 0, digits only), so that
 * "+44 7700 900123", "0044 7700900123" and "07700 900123" are the same number.
 */
export function normalisePhone(value: string | undefined): string | null {
  if (value === undefined) return null;
  let digits = value.replace(/\D/g, '');
  if (digits.startsWith('0044')) digits = '0' + digits.slice(4);
  else if (digits.startsWith('44') && digits.length === 12) digits = '0' + digits.slice(2);
  return digits.length >= 7 ? digits : null;
}

/** UK mobile numbers (07…) belong to a person; other numbers are usually a household's landline. */
export function isMobile(nationalNumber: string): boolean {
  return nationalNumber.startsWith('07');
}
