import type { Agency } from '../domain/vocabulary.ts';
import type { Role } from './roles.ts';

/** The signed-in user as the rest of the system sees them, whatever signed them in. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  /** The code of the user's organisation (need-to-know is decided by organisation). */
  organisation: string;
  /** The organisation's agency type (protocols and owners of findings reason by type). */
  agency: Agency;
  /** A qualified social worker (matters for front-door decisions). */
  qualified: boolean;
}
