import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../cli/report-failure.ts';

/**
 * The server's secrets, kept outside the database so that whoever can change the
 * database (a DBA, a stolen backup) cannot use them: the Ed25519 key that signs the
 * audit chain's checkpoints, and the HMAC key that binds CSRF tokens to sessions.
 */
export interface ServerKeys {
  auditSigningKey: KeyObject;
  auditPublicKey: KeyObject;
  csrfKey: Buffer;
  /** Where they came from, for the start-up message (never the keys themselves). */
  source: string;
}

export const DEFAULT_KEYS_DIR = '.threadline-keys';
const AUDIT_KEY_FILE = 'audit-signing-key.pem';
const AUDIT_PUBLIC_FILE = 'audit-signing-key.pub.pem';
const CSRF_KEY_FILE = 'csrf-key';

/** Keys that live only as long as the process: tests, and tools that sign nothing. */
export function ephemeralServerKeys(): ServerKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { auditSigningKey: privateKey, auditPublicKey: publicKey, csrfKey: randomBytes(32), source: 'ephemeral (this process only)' };
}

function privateKeyFrom(text: string, where: string): KeyObject {
  try {
    const trimmed = text.trim();
    const key = trimmed.startsWith('-----')
      ? createPrivateKey(trimmed)
      : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
    return key;
  } catch {
    throw new UserError(`${where}: not an Ed25519 private key (PEM, or base64 PKCS#8)`);
  }
}

/** A key file readable by others than its owner is refused: a key anyone can read signs nothing. */
function readSecretFile(file: string): string {
  const mode = statSync(file).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new UserError(`${file} can be read by other users (mode ${mode.toString(8)}): run chmod 600 ${file}`);
  }
  return readFileSync(file, 'utf8');
}

function writeSecretFile(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
}

/**
 * The server's keys: from THREADLINE_AUDIT_KEY and THREADLINE_CSRF_KEY when set, otherwise
 * from files in `dir`, created on first start (the folder 0700, each file 0600; the audit
 * public key beside them, for auditors to verify with).
 */
export function loadServerKeys(dir: string, env: NodeJS.ProcessEnv = process.env): ServerKeys {
  const fromEnv = Boolean(env.THREADLINE_AUDIT_KEY && env.THREADLINE_CSRF_KEY);
  if (!fromEnv && !existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  let auditSigningKey: KeyObject;
  if (env.THREADLINE_AUDIT_KEY) {
    auditSigningKey = privateKeyFrom(env.THREADLINE_AUDIT_KEY, 'THREADLINE_AUDIT_KEY');
  } else {
    const file = join(dir, AUDIT_KEY_FILE);
    if (!existsSync(file)) {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      writeSecretFile(file, privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
      writeFileSync(join(dir, AUDIT_PUBLIC_FILE), publicKey.export({ format: 'pem', type: 'spki' }).toString(), { mode: 0o644 });
    }
    auditSigningKey = privateKeyFrom(readSecretFile(file), file);
  }
  let csrfKey: Buffer;
  if (env.THREADLINE_CSRF_KEY) {
    csrfKey = Buffer.from(env.THREADLINE_CSRF_KEY, 'base64');
  } else {
    const file = join(dir, CSRF_KEY_FILE);
    if (!existsSync(file)) writeSecretFile(file, randomBytes(32).toString('base64'));
    csrfKey = Buffer.from(readSecretFile(file).trim(), 'base64');
  }
  if (csrfKey.length < 32) throw new UserError('the CSRF key must be at least 32 bytes (base64)');
  return {
    auditSigningKey,
    auditPublicKey: createPublicKey(auditSigningKey),
    csrfKey,
    source: fromEnv ? 'environment' : dir,
  };
}

/** The audit public key from a PEM file (an auditor's copy) or from the keys folder. */
export function loadAuditPublicKey(options: { publicKeyFile?: string; keysDir: string; env?: NodeJS.ProcessEnv }): KeyObject {
  const env = options.env ?? process.env;
  if (options.publicKeyFile) return createPublicKey(readFileSync(options.publicKeyFile, 'utf8'));
  if (env.THREADLINE_AUDIT_KEY) return createPublicKey(privateKeyFrom(env.THREADLINE_AUDIT_KEY, 'THREADLINE_AUDIT_KEY'));
  const publicFile = join(options.keysDir, AUDIT_PUBLIC_FILE);
  if (existsSync(publicFile)) return createPublicKey(readFileSync(publicFile, 'utf8'));
  const privateFile = join(options.keysDir, AUDIT_KEY_FILE);
  if (existsSync(privateFile)) return createPublicKey(privateKeyFrom(readSecretFile(privateFile), privateFile));
  throw new UserError(`no audit key: neither ${publicFile} nor THREADLINE_AUDIT_KEY (give --public-key FILE)`);
}
