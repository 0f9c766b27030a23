import { join } from 'node:path';
import type { Command } from 'commander';
import { openDatabase, storeLocationFromEnv } from '../../store/open-database.ts';
import { verifyAnchoredAudit } from '../../api/audit/verify-anchored.ts';
import { AuditCheckpoints, CHECKPOINT_FILE, readCheckpointFile } from '../../api/audit/audit-checkpoints.ts';
import { DEFAULT_KEYS_DIR, loadAuditPublicKey, loadServerKeys } from '../../server/server-keys.ts';

export const DEFAULT_DATA_DIR = '.threadline-data';

interface AuditOptions {
  dataDir: string;
  keysDir: string;
  publicKey?: string;
  checkpoints?: string;
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The audit log of every read and write');
  audit
    .command('verify')
    .description(
      'Recompute the hash chain and check it against the signed checkpoints: names the first broken entry, a truncation or a rewrite up to the latest checkpoint, and how many entries after it are not yet anchored',
    )
    .option('--data-dir <dir>', 'embedded store folder (ignored when DATABASE_URL is set)', DEFAULT_DATA_DIR)
    .option('--keys-dir <dir>', "the server's keys folder (its audit public key and its copy of the checkpoints)", DEFAULT_KEYS_DIR)
    .option('--public-key <file>', 'verify with this Ed25519 public key (PEM) instead of the keys folder')
    .option('--checkpoints <file>', `the copy of the checkpoints kept outside the database (default: <keys-dir>/${CHECKPOINT_FILE})`)
    .action(async (options: AuditOptions) => {
      const publicKey = loadAuditPublicKey({ publicKeyFile: options.publicKey, keysDir: options.keysDir });
      const external = readCheckpointFile(options.checkpoints ?? join(options.keysDir, CHECKPOINT_FILE));
      const db = await openDatabase(storeLocationFromEnv(process.env, options.dataDir));
      try {
        const verdict = await verifyAnchoredAudit(db, publicKey, external);
        const out = process.stdout;
        if (verdict.intact) {
          out.write(`audit log intact: ${verdict.entries} entries, ${verdict.checkpoints} signed checkpoints\n`);
        } else {
          out.write(`audit log BROKEN (${verdict.entries} entries verify as one chain from the first):\n`);
          for (const problem of verdict.problems) out.write(`  - ${problem}\n`);
          process.exitCode = 1;
        }
        if (verdict.latest) {
          out.write(
            `latest checkpoint: #${verdict.latest.number}, entry ${verdict.latest.seq}, signed ${new Date(verdict.latest.at).toISOString()}\n`,
          );
        } else {
          out.write('no signed checkpoint yet: nothing is anchored\n');
        }
        out.write(`${verdict.unanchored} entries after the latest checkpoint are not yet anchored\n`);
      } finally {
        await db.close();
      }
    });

  audit
    .command('checkpoint')
    .description("Sign the audit chain's head now (the server does this every few minutes and when it stops)")
    .option('--data-dir <dir>', 'embedded store folder (ignored when DATABASE_URL is set)', DEFAULT_DATA_DIR)
    .option('--keys-dir <dir>', "the server's keys folder", DEFAULT_KEYS_DIR)
    .action(async (options: AuditOptions) => {
      const keys = loadServerKeys(options.keysDir);
      const db = await openDatabase(storeLocationFromEnv(process.env, options.dataDir));
      try {
        const outcome = await new AuditCheckpoints(db, keys.auditSigningKey, Date.now, join(options.keysDir, CHECKPOINT_FILE)).write();
        if (outcome.written) process.stdout.write(`checkpoint #${outcome.checkpoint.number} signed at entry ${outcome.checkpoint.seq}\n`);
        else if (outcome.reason === 'broken') {
          process.stdout.write(`not signed: the chain is broken since the last checkpoint (${outcome.problem})\n`);
          process.exitCode = 1;
        } else
          process.stdout.write(
            `nothing to sign (${outcome.reason === 'empty' ? 'the log is empty' : 'no entries since the last checkpoint'})\n`,
          );
      } finally {
        await db.close();
      }
    });
}
