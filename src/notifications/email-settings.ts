import { z } from 'zod';

/**
 * The partnership's side of notification emails: where each organisation's team mailbox
 * is, where a recipient signs in, and when the daily digest goes. Emails are sent only
 * when the environment names an SMTP server too (THREADLINE_SMTP_URL): off by default.
 */
export const notificationEmailSchema = z
  .strictObject({
    /** The sender, e.g. "Threadline <threadline@partnership.nhs.uk>" (THREADLINE_MAIL_FROM overrides it). */
    from: z.string().trim().min(3).max(200).optional(),
    /** Where recipients sign in; emails link here and nowhere else. */
    signInUrl: z.url({ protocol: /^https?$/, error: 'must be an http or https address' }).optional(),
    /** Local time (HH:mm, the partnership's time zone) after which the previous day's digest is sent. */
    digestAt: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 07:00')
      .default('07:00'),
    /** Each organisation's team mailbox, by organisation code. An organisation without one gets no email. */
    mailboxes: z
      .record(z.string().regex(/^[A-Z0-9]{3,10}$/, 'must be an organisation code'), z.email('must be an email address'))
      .default({}),
  })
  .default({ digestAt: '07:00', mailboxes: {} });
export type NotificationEmailConfig = z.output<typeof notificationEmailSchema>;

/** Everything the email adapter needs once it is switched on. */
export interface EmailSettings {
  smtpUrl: string;
  from: string;
  signInUrl: string;
  digestAt: string;
  mailboxes: Readonly<Record<string, string>>;
}

/**
 * The settings in force, or undefined when email is off (no SMTP server in the
 * environment). Throws, naming the setting, when email is on but cannot work.
 */
export function emailSettings(config: NotificationEmailConfig, env: NodeJS.ProcessEnv): EmailSettings | undefined {
  const smtpUrl = env.THREADLINE_SMTP_URL?.trim();
  if (!smtpUrl) return undefined;
  const from = env.THREADLINE_MAIL_FROM?.trim() || config.from;
  const signInUrl = env.THREADLINE_SIGN_IN_URL?.trim() || config.signInUrl;
  if (!from) throw new Error('THREADLINE_SMTP_URL is set but no sender: set THREADLINE_MAIL_FROM or notificationEmail.from');
  if (!signInUrl)
    throw new Error('THREADLINE_SMTP_URL is set but no sign-in address: set THREADLINE_SIGN_IN_URL or notificationEmail.signInUrl');
  return { smtpUrl, from, signInUrl, digestAt: config.digestAt, mailboxes: config.mailboxes };
}
