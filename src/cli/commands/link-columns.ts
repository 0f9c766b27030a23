import type { PersonRecord } from '../../linkage/person-record.ts';
import { UserError } from '../report-failure.ts';

type Field = 'id' | 'given' | 'family' | 'born' | 'sex' | 'nhsNumber' | 'postcode' | 'area' | 'email' | 'phone';

// Header names seen in the wild, compared without case, spaces, dashes or underscores.
const NAMES: Record<Field, readonly string[]> = {
  id: ['uniqueid', 'id', 'recordid', 'personid'],
  given: ['firstname', 'givenname', 'forename', 'forenames', 'given', 'first'],
  family: ['surname', 'familyname', 'lastname', 'family', 'last'],
  born: ['dob', 'dateofbirth', 'birthdate', 'born'],
  sex: ['sex', 'gender'],
  nhsNumber: ['nhsnumber', 'nhsno', 'nhs'],
  postcode: ['postcode', 'postalcode', 'zip'],
  area: ['city', 'town', 'area', 'locality'],
  email: ['email', 'emailaddress'],
  phone: ['phone', 'telephone', 'phonenumber', 'mobile', 'tel'],
};

export type ColumnMap = Partial<Record<Field, number>> & { readonly id: number };

/** Finds the columns Threadline can use; the id column is required. */
export function recogniseColumns(header: readonly string[], file: string): ColumnMap {
  const simplified = header.map((name) => name.toLowerCase().replace(/[\s_\-.]/g, ''));
  const columns: Partial<Record<Field, number>> = {};
  for (const field of Object.keys(NAMES) as Field[]) {
    const index = NAMES[field].map((name) => simplified.indexOf(name)).find((found) => found >= 0);
    if (index !== undefined) columns[field] = index;
  }
  if (columns.id === undefined) {
    throw new UserError(
      `${file}: no id column: expected a header naming one of ${NAMES.id.map((name) => (name === 'uniqueid' ? 'unique_id' : name)).join(', ')}`,
    );
  }
  return columns as ColumnMap;
}

/** The fields Threadline compares, for the summary. */
export function describeColumns(columns: ColumnMap): string {
  return (Object.keys(columns) as Field[]).filter((field) => field !== 'id').join(', ');
}

export function rowToRecord(row: readonly string[], columns: ColumnMap): PersonRecord {
  const value = (field: Field) => {
    const index = columns[field];
    if (index === undefined) return undefined;
    const text = row[index]?.trim();
    return text ? text : undefined;
  };
  return {
    id: value('id') ?? '',
    name: { given: value('given'), family: value('family') },
    born: value('born'),
    sex: value('sex'),
    nhsNumber: value('nhsNumber'),
    postcode: value('postcode'),
    area: value('area'),
    email: value('email'),
    phone: value('phone'),
  };
}
