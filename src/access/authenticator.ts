import type { Principal } from './principal.ts';

export type SignInResult =
  | { ok: true; principal: Principal }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'locked' | 'address-locked'; until: number };

export interface Credentials {
  username: string;
  password: string;
  /** The client's address (behind a trusted proxy, the address the proxy saw). */
  address: string;
}

/**
 * How a person proves who they are. The local implementation checks a password; an
 * OpenID Connect provider would implement the same contract from the provider's
 * verified ID token (mapping its claims to a user), and the sessions, need-to-know
 * and audit that follow are unchanged.
 */
export interface Authenticator {
  readonly kind: string;
  signIn(credentials: Credentials): Promise<SignInResult>;
}
