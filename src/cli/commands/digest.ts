import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { openDatabase, storeLocationFromEnv } from '../../store/open-database.ts';
import { loadPartnershipConfig } from '../../config/partnership-config.ts';
import { OrganisationDirectory } from '../../config/organisations.ts';
import { PROTOCOLS } from '../../protocols/registry.ts';
import { emailSettings } from '../../notifications/email-settings.ts';
import { NotificationMailer } from '../../notifications/notification-mailer.ts';
import { UserError } from '../report-failure.ts';
import { readConfigFile } from '../read-config-file.ts';
import { DEFAULT_DATA_DIR } from './audit.ts';

interface DigestOptions {
  date?: string;
  dataDir: string;
  config?: string;
}

export function registerDigest(program: Command): void {
  program
    .command('digest')
    .description(
      "Email each organisation's team mailbox the daily digest of new medium and low severity findings for one local day (default: the day the server would send now); each is sent once (needs THREADLINE_SMTP_URL)",
    )
    .option('--date <YYYY-MM-DD>', "the day, in the partnership's time zone")
    .option('--data-dir <dir>', 'embedded store folder (ignored when DATABASE_URL is set)', DEFAULT_DATA_DIR)
    .option('--config <file>', "the partnership's configuration (JSON) with its notificationEmail settings (also THREADLINE_CONFIG)")
    .action(async (options: DigestOptions) => {
      const configFile = options.config ?? (process.env.THREADLINE_CONFIG || undefined);
      const config = loadPartnershipConfig(await readConfigFile(configFile, options.config ? '--config' : 'THREADLINE_CONFIG'), PROTOCOLS);
      if (options.date !== undefined && !DateTime.fromISO(options.date, { zone: config.timezone }).isValid)
        throw new UserError(`--date ${options.date}: must be a date such as 2026-03-29`);
      let settings;
      try {
        settings = emailSettings(config.notificationEmail, process.env);
      } catch (error) {
        throw new UserError(error instanceof Error ? error.message : String(error));
      }
      if (!settings) throw new UserError('notification email is off: set THREADLINE_SMTP_URL (see README "Notifications")');
      const db = await openDatabase(storeLocationFromEnv(process.env, options.dataDir));
      try {
        const mailer = NotificationMailer.smtp(db, settings, new OrganisationDirectory(config.organisations), config.timezone);
        const day = options.date ?? mailer.dueDigestDay();
        const sent = await mailer.sendDigest(day);
        process.stdout.write(`digest for ${day}: ${sent.length} email${sent.length === 1 ? '' : 's'} sent\n`);
      } finally {
        await db.close();
      }
    });
}
