/** An email address trimmed and in lower case; the local part is what people mistype least. */
export function normaliseEmail(value: string | undefined): string | null {
  if (value === undefined) return null;
  const email = value.trim().toLowerCase();
  return email.length > 0 ? email : null;
}

/** The part before the @ (the whole text when a corrupted address has no @). */
export function emailLocalPart(email: string): string {
  const at = email.lastIndexOf('@');
  return at > 0 ? email.slice(0, at) : email;
}
