/**
 * NHS number check digit (modulus 11, NHS Data Dictionary): the first nine digits are
 * weighted 10 down to 2, the check digit is 11 minus the remainder mod 11, where 11
 * becomes 0 and 10 means the number can never be valid.
 */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  return checkDigitFor(digits.slice(0, 9)) === Number(digits[9]);
}

/** The ten digits of a valid NHS number, or null for anything else. */
export function normaliseNhsNumber(value: string | undefined): string | null {
  if (value === undefined) return null;
  const digits = value.replace(/[\s-]/g, '');
  return isValidNhsNumber(digits) ? digits : null;
}

/** The check digit for nine digits, or null when no check digit can make them valid. */
export function checkDigitFor(nineDigits: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/** An NHS number as people read it: "999 123 4567" (anything else unchanged). */
export function formatNhsNumber(value: string): string {
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : value;
}
