import type { Command } from 'commander';
import { openDatabase, storeLocationFromEnv } from '../../store/open-database.ts';
import { verifyAuditChain } from '../../api/audit/verify-chain.ts';

export const DEFAULT_DATA_DIR = '.threadline-data';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The audit log of every read and write');
  audit
    .command('verify')
    .description('Recompute the hash chain of the audit log; name the first broken entry if any')
    .option('--data-dir <dir>', 'embedded store folder (ignored when DATABASE_URL is set)', DEFAULT_DATA_DIR)
    .action(async (options: { dataDir: string }) => {
      const location = storeLocationFromEnv(process.env, options.dataDir);
      const db = await openDatabase(location);
      try {
        const verdict = await verifyAuditChain(db);
        if (verdict.intact) {
          process.stdout.write(`audit log intact: ${verdict.entries} entries; head hash ${verdict.headHash}\n`);
        } else {
          process.stdout.write(
            `audit log BROKEN at entry ${verdict.firstBroken}: ${verdict.problem} (${verdict.entries} entries before it verified)\n`,
          );
          process.exitCode = 1;
        }
      } finally {
        await db.close();
      }
    });
}
