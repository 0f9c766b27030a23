import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/database.ts';
import { AGENCIES, type Agency } from '../domain/vocabulary.ts';
import { OrganisationDirectory, type Organisation } from '../config/organisations.ts';
import { ValidationError, type FieldProblem } from '../domain/validation-error.ts';
import { isRole, type Role } from './roles.ts';
import { hashPassword } from './passwords.ts';
import type { Principal } from './principal.ts';

export interface UserRecord extends Principal {
  passwordHash: string | null;
  disabled: boolean;
}

/** A new account belongs to an organisation; naming only an agency type means that type's default organisation. */
export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  organisation?: string;
  agency?: Agency;
  qualified?: boolean;
  /** Absent for accounts signed in by an external identity provider. */
  password?: string;
}

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  agency: Agency;
  organisation: string | null;
  qualified: boolean;
  password_hash: string | null;
  disabled: boolean;
}

export function userFromRow(row: UserRow, organisations: OrganisationDirectory): UserRecord {
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    // Accounts made before organisations existed belong to their agency type's default organisation.
    organisation: row.organisation ?? organisations.defaultFor(row.agency).code,
    agency: row.agency,
    qualified: row.qualified,
    passwordHash: row.password_hash,
    disabled: row.disabled,
  };
}

export const MIN_PASSWORD_LENGTH = 12;

/** The accounts table. Passwords are stored only as argon2id hashes. */
export class UserDirectory {
  constructor(
    private readonly db: Queryable,
    readonly organisations: OrganisationDirectory = new OrganisationDirectory(),
  ) {}

  async byUsername(username: string): Promise<UserRecord | undefined> {
    const { rows } = await this.db.query<UserRow>('SELECT * FROM users WHERE lower(username) = lower($1)', [username]);
    return rows[0] ? userFromRow(rows[0], this.organisations) : undefined;
  }

  async byId(id: string): Promise<UserRecord | undefined> {
    const { rows } = await this.db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
    return rows[0] ? userFromRow(rows[0], this.organisations) : undefined;
  }

  async list(): Promise<UserRecord[]> {
    const { rows } = await this.db.query<UserRow>('SELECT * FROM users ORDER BY role, username');
    return rows.map((row) => userFromRow(row, this.organisations));
  }

  /** Writes the partnership's organisations to the store (names may have changed in the configuration). */
  async storeOrganisations(): Promise<void> {
    const all = this.organisations.all();
    await this.db.query(
      `INSERT INTO organisations (code, name, agency) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, agency = EXCLUDED.agency`,
      [all.map((o) => o.code), all.map((o) => o.name), all.map((o) => o.agency)],
    );
  }

  /** The organisation a new account names, or its agency type's default; problems are added for what does not fit. */
  private organisationFor(user: NewUser, problems: FieldProblem[]): Organisation | undefined {
    if (user.organisation !== undefined) {
      const organisation = this.organisations.get(user.organisation);
      if (!organisation) problems.push({ field: 'organisation', reason: 'is not an organisation of the partnership' });
      else if (user.agency !== undefined && user.agency !== organisation.agency)
        problems.push({ field: 'agency', reason: `does not match the organisation (${organisation.name} is ${organisation.agency})` });
      return organisation;
    }
    if (user.agency === undefined || !(AGENCIES as readonly string[]).includes(user.agency)) {
      problems.push({ field: 'organisation', reason: 'choose the organisation the person works for' });
      return undefined;
    }
    return this.organisations.defaultFor(user.agency);
  }

  async create(user: NewUser): Promise<UserRecord> {
    const problems: FieldProblem[] = [];
    if (!/^[a-z0-9._-]{2,64}$/i.test(user.username))
      problems.push({ field: 'username', reason: 'must be 2 to 64 letters, digits, dots, dashes or underscores' });
    if (!user.displayName.trim()) problems.push({ field: 'displayName', reason: 'is required' });
    if (!isRole(user.role)) problems.push({ field: 'role', reason: 'is not a Threadline role' });
    const organisation = this.organisationFor(user, problems);
    if (user.password !== undefined && user.password.length < MIN_PASSWORD_LENGTH)
      problems.push({ field: 'password', reason: `must be at least ${MIN_PASSWORD_LENGTH} characters` });
    if (problems.length === 0 && (await this.byUsername(user.username))) problems.push({ field: 'username', reason: 'is already taken' });
    if (problems.length > 0 || !organisation) throw new ValidationError(problems);
    const id = randomUUID();
    const hash = user.password === undefined ? null : await hashPassword(user.password);
    await this.db.query('INSERT INTO organisations (code, name, agency) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING', [
      organisation.code,
      organisation.name,
      organisation.agency,
    ]);
    await this.db.query(
      'INSERT INTO users (id, username, display_name, role, agency, organisation, qualified, password_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [id, user.username, user.displayName.trim(), user.role, organisation.agency, organisation.code, user.qualified ?? false, hash],
    );
    return (await this.byId(id))!;
  }

  /** Disables or re-enables an account; true when it existed. */
  async setDisabled(id: string, disabled: boolean): Promise<boolean> {
    const { rows } = await this.db.query('UPDATE users SET disabled = $2 WHERE id = $1 RETURNING id', [id, disabled]);
    return rows.length > 0;
  }

  async setPassword(id: string, password: string): Promise<void> {
    if (password.length < MIN_PASSWORD_LENGTH)
      throw new ValidationError([{ field: 'password', reason: `must be at least ${MIN_PASSWORD_LENGTH} characters` }]);
    await this.db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, await hashPassword(password)]);
  }
}

export function principalOf(user: UserRecord): Principal {
  const { passwordHash: _hash, disabled: _disabled, ...principal } = user;
  return principal;
}
