/**
 * A person as an agency recorded them: every field may be missing or wrong, and no
 * identifier is shared between agencies (the NHS number, when present, is the
 * exception). This is the shape of a `person.recorded` event's identity fields.
 */
export interface PersonRecord {
  readonly id: string;
  readonly name?: { readonly given?: string; readonly family?: string };
  /** Date of birth, YYYY-MM-DD. */
  readonly born?: string;
  readonly sex?: string;
  readonly nhsNumber?: string;
  readonly postcode?: string;
  readonly email?: string;
  readonly phone?: string;
  /** Town, city or local authority area. */
  readonly area?: string;
}
