import { DateTime } from 'luxon';
import nodemailer, { type Transporter } from 'nodemailer';
import type { OrganisationDirectory } from '../config/organisations.ts';
import type { Database } from '../store/database.ts';
import { SerialQueue } from '../store/serial-queue.ts';
import { formatDay } from '../domain/time.ts';
import { digestEmail, immediateEmail, type EmailMessage } from './email-content.ts';
import type { EmailSettings } from './email-settings.ts';

/** High-severity notifications older than this are not emailed late (e.g. when email is first switched on). */
const IMMEDIATE_WINDOW_MS = 24 * 3_600_000;

/** The start and end (exclusive) of a local day in the zone: 23 or 25 hours on a clock change day. */
export function localDayBounds(day: string, zone: string): { from: number; to: number } {
  const start = DateTime.fromISO(day, { zone }).startOf('day');
  if (!start.isValid) throw new Error(`not a date: ${JSON.stringify(day)} (use YYYY-MM-DD)`);
  return { from: start.toMillis(), to: start.plus({ days: 1 }).startOf('day').toMillis() };
}

/**
 * Emails each organisation's team mailbox about new findings it owns, through nodemailer:
 * high severity at once (one email per organisation for the findings raised together),
 * medium and low in a digest of each local day. What was sent is recorded, so a restart or
 * a second run sends nothing twice. No email carries personal data (see email-content.ts).
 */
export class NotificationMailer {
  private readonly queue = new SerialQueue();

  constructor(
    private readonly db: Database,
    private readonly transport: Pick<Transporter, 'sendMail'>,
    private readonly settings: EmailSettings,
    private readonly organisations: OrganisationDirectory,
    private readonly zone: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** A mailer that sends through the SMTP server of the settings. */
  static smtp(db: Database, settings: EmailSettings, organisations: OrganisationDirectory, zone: string): NotificationMailer {
    return new NotificationMailer(db, nodemailer.createTransport(settings.smtpUrl), settings, organisations, zone);
  }

  private nameOf(code: string): string {
    return this.organisations.get(code)?.name ?? code;
  }

  private async deliver(message: EmailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.settings.from, to: message.to, subject: message.subject, text: message.text });
  }

  /** Sends the high-severity notifications not yet emailed; returns what was sent. */
  sendHighSeverity(): Promise<EmailMessage[]> {
    return this.queue.run(async () => {
      const codes = Object.keys(this.settings.mailboxes);
      if (codes.length === 0) return [];
      const { rows } = await this.db.query<{ id: number | string; organisation: string }>(
        `SELECT n.id, n.organisation FROM finding_notifications n
          WHERE n.severity = 'high' AND n.at >= $1 AND n.organisation = ANY($2)
            AND NOT EXISTS (SELECT 1 FROM notification_emails_sent s WHERE s.notification_id = n.id)
          ORDER BY n.id`,
        [new Date(this.now() - IMMEDIATE_WINDOW_MS).toISOString(), codes],
      );
      const byOrganisation = new Map<string, typeof rows>();
      for (const row of rows) byOrganisation.set(row.organisation, [...(byOrganisation.get(row.organisation) ?? []), row]);
      const sent: EmailMessage[] = [];
      for (const [code, notices] of byOrganisation) {
        const message = immediateEmail(this.settings.mailboxes[code], this.nameOf(code), notices.length, this.settings.signInUrl);
        await this.deliver(message);
        const at = new Date(this.now()).toISOString();
        await this.db.transaction(async (tx) => {
          for (const n of notices)
            await tx.query('INSERT INTO notification_emails_sent (notification_id, sent_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
              n.id,
              at,
            ]);
        });
        sent.push(message);
      }
      return sent;
    });
  }

  /** Sends each organisation's digest of the medium and low findings raised on a local day (YYYY-MM-DD), once. */
  sendDigest(day: string): Promise<EmailMessage[]> {
    return this.queue.run(async () => {
      const { from, to } = localDayBounds(day, this.zone);
      const sent: EmailMessage[] = [];
      for (const [code, mailbox] of Object.entries(this.settings.mailboxes)) {
        const done = await this.db.query('SELECT 1 FROM notification_digests_sent WHERE organisation = $1 AND day = $2', [code, day]);
        if (done.rows.length > 0) continue;
        const { rows } = await this.db.query<{ severity: 'medium' | 'low'; n: string | number }>(
          `SELECT severity, count(*) AS n FROM finding_notifications
            WHERE organisation = $1 AND severity IN ('medium', 'low') AND at >= $2 AND at < $3 GROUP BY severity`,
          [code, new Date(from).toISOString(), new Date(to).toISOString()],
        );
        const counts = { medium: 0, low: 0 };
        for (const row of rows) counts[row.severity] = Number(row.n);
        const total = counts.medium + counts.low;
        if (total > 0) {
          const message = digestEmail(mailbox, this.nameOf(code), formatDay(from, this.zone), counts, this.settings.signInUrl);
          await this.deliver(message);
          sent.push(message);
        }
        await this.db.query(
          'INSERT INTO notification_digests_sent (organisation, day, findings, sent_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
          [code, day, total, new Date(this.now()).toISOString()],
        );
      }
      return sent;
    });
  }

  /** The local day whose digest is due now: yesterday, once today's digest time has passed; otherwise the day before. */
  dueDigestDay(): string {
    const now = DateTime.fromMillis(this.now(), { zone: this.zone });
    const [hour, minute] = this.settings.digestAt.split(':').map(Number);
    const passed = now >= now.startOf('day').set({ hour, minute });
    return now.minus({ days: passed ? 1 : 2 }).toISODate()!;
  }

  /** The server's scheduled job: sends the digest that is due, if it has not gone yet. */
  sendDueDigest(): Promise<EmailMessage[]> {
    return this.sendDigest(this.dueDigestDay());
  }
}
