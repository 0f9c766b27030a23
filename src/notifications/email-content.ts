import type { FindingSeverity } from '../domain/findings.ts';

/** One email as it would be sent. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Emails leave the secure record, so they carry no personal data: no child's or adult's
 * name, NHS number, date of birth, address or finding detail. They say only that there
 * is new work on Threadline for the team, how urgent and how much, and where to sign in.
 */
function plural(n: number, word: string): string {
  return `${n} new ${n === 1 ? word : `${word}s`}`;
}

/** High severity, sent as soon as the findings are raised. */
export function immediateEmail(to: string, organisationName: string, count: number, signInUrl: string): EmailMessage {
  return {
    to,
    subject: `Threadline: ${plural(count, 'high-severity finding')} for ${organisationName}`,
    text:
      `There ${count === 1 ? 'is' : 'are'} ${plural(count, 'high-severity finding')} for ${organisationName} on Threadline. ` +
      'High-severity findings need action today.\n\n' +
      `Sign in to see ${count === 1 ? 'it' : 'them'}: ${signInUrl}\n\n` +
      'This email does not say who the finding is about: the details are only on Threadline.\n',
  };
}

/** Medium and low severity: one email a day, for the local day named. */
export function digestEmail(
  to: string,
  organisationName: string,
  day: string,
  counts: Readonly<Record<Exclude<FindingSeverity, 'high'>, number>>,
  signInUrl: string,
): EmailMessage {
  const total = counts.medium + counts.low;
  return {
    to,
    subject: `Threadline: ${plural(total, 'finding')} for ${organisationName} on ${day}`,
    text:
      `Threadline raised ${plural(total, 'finding')} for ${organisationName} on ${day}:\n` +
      `- medium severity: ${counts.medium}\n` +
      `- low severity: ${counts.low}\n\n` +
      `Sign in to see them: ${signInUrl}\n\n` +
      'This email does not say who the findings are about: the details are only on Threadline.\n',
  };
}
