import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { DateTime } from 'luxon';
import { startTestApp, type TestApp } from '../server/test-app.ts';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { ValidationError } from '../domain/validation-error.ts';
import { emailSettings, type EmailSettings } from './email-settings.ts';
import { localDayBounds, NotificationMailer } from './notification-mailer.ts';
import { scheduleNotificationEmails } from './email-schedule.ts';

interface SentEmail {
  from: { address: string };
  to: { address: string }[];
  subject: string;
  text: string;
}

const SETTINGS: EmailSettings = {
  smtpUrl: 'smtp://unused.invalid',
  from: 'threadline@partnership.example',
  signInUrl: 'https://threadline.partnership.example/sign-in',
  digestAt: '07:00',
  mailboxes: {
    Y10001: 'riverside.gp@nhs.example',
    Y10002: 'fenland.gp@nhs.example',
    ZHV001: 'riverside.hv@nhs.example',
    ZPF002: 'northshire.police@police.example',
  },
};

/** A mailer over nodemailer's JSON transport: every message is built as it would be sent, and kept. */
function capturingMailer(t: TestApp, now: () => number = Date.now) {
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const sent: SentEmail[] = [];
  const capture = {
    async sendMail(message: SendMailOptions) {
      const info = await transport.sendMail(message);
      sent.push(JSON.parse(info.message) as SentEmail);
      return info;
    },
  };
  const mailer = new NotificationMailer(t.services.db, capture, SETTINGS, t.services.users.organisations, 'Europe/London', now);
  return { mailer, sent };
}

/** Every identifying string the record holds about its people: names, ids, NHS numbers, dates of birth. */
function personalData(t: TestApp): string[] {
  const out: string[] = [];
  for (const p of t.services.store.engine.world.allPersons()) {
    out.push(p.id);
    if (p.name?.given) out.push(p.name.given);
    if (p.name?.family) out.push(p.name.family);
    if (p.nhsNumber) out.push(p.nhsNumber, p.nhsNumber.replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3'));
    if (p.bornMs !== undefined) {
      const born = DateTime.fromMillis(p.bornMs, { zone: 'Europe/London' });
      out.push(born.toISODate()!, born.toFormat('d MMMM yyyy'), born.toFormat('d MMM yyyy'), born.toFormat('dd/MM/yyyy'));
    }
  }
  return out;
}

describe('notification emails', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('high severity: one email to the owning organisation’s mailbox, with no personal data, sent once', async () => {
    const { mailer, sent } = capturingMailer(t);
    await mailer.sendHighSeverity();
    // The fixture's bruise on the 8-week-old baby, seen by Riverside Medical Practice.
    assert.deepEqual(
      sent.map((m) => m.to[0].address),
      ['riverside.gp@nhs.example'],
    );
    const [email] = sent;
    assert.equal(email.from.address, 'threadline@partnership.example');
    assert.equal(email.subject, 'Threadline: 1 new high-severity finding for Riverside Medical Practice');
    assert.match(email.text, /Sign in to see it: https:\/\/threadline\.partnership\.example\/sign-in/);
    const whole = `${email.subject}\n${email.text}`;
    for (const item of personalData(t)) assert.ok(!whole.includes(item), `the email carries ${JSON.stringify(item)}`);
    for (const f of t.services.store.engine.world.findingsAbout('known-baby')) {
      assert.ok(!whole.includes(f.id), 'no finding id');
      assert.ok(!whole.includes(f.explanation.slice(0, 30)), 'no finding detail');
    }
    await mailer.sendHighSeverity();
    assert.equal(sent.length, 1, 'nothing is sent twice');
  });

  test('the server emails a new high-severity finding as soon as it is stored; an uninvolved organisation gets nothing', async () => {
    const { mailer, sent } = capturingMailer(t);
    const errors: string[] = [];
    const stop = scheduleNotificationEmails(
      t.services.store,
      mailer,
      { error: (_: unknown, m: string) => errors.push(m) } as never,
      3_600_000,
    );
    try {
      const at = DateTime.now().setZone('Europe/London').minus({ minutes: 30 }).toFormat("yyyy-MM-dd'T'HH:mm");
      await t.services.store.submit(
        { id: 'mail-burn', type: 'injury.observed', person: 'quiet-baby', kind: 'burn', site: 'hand', agency: 'gp', at },
        'mail-burn',
      );
      for (let i = 0; i < 100 && sent.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(errors, []);
      assert.deepEqual(
        sent.map((m) => [m.to[0].address, m.subject]),
        [['riverside.gp@nhs.example', 'Threadline: 1 new high-severity finding for Riverside Medical Practice']],
      );
      const whole = `${sent[0].subject}\n${sent[0].text}`;
      for (const item of personalData(t)) assert.ok(!whole.includes(item), `the email carries ${JSON.stringify(item)}`);
    } finally {
      stop();
    }
  });

  test('the daily digest groups by the local day across the spring clock change, counts medium and low only, and goes once', async () => {
    const [template] = (await t.services.db.query<{ id: string }>('SELECT id FROM findings LIMIT 1')).rows;
    const notify = async (name: string, at: string, severity: string, organisation = 'ZHV001') => {
      const id = `digest-${name}`;
      await t.services.db.query(
        `INSERT INTO findings (id, code, subject, protocol, protocol_version, severity, raised_at, explanation, action, owner, deadline, evidence, requires_referral, status)
         SELECT $2, code, subject, protocol, protocol_version, $3, $4, explanation, action, owner, deadline, evidence, requires_referral, status FROM findings WHERE id = $1`,
        [template.id, id, severity, at],
      );
      await t.services.db.query('INSERT INTO finding_notifications (finding_id, organisation, severity, at) VALUES ($1, $2, $3, $4)', [
        id,
        organisation,
        severity,
        at,
      ]);
    };
    // Sunday 29 March 2026: the clocks go forward at 01:00 GMT, so the day is 23 hours long.
    await notify('saturday-late', '2026-03-28T23:30:00Z', 'medium'); // 23:30 GMT on the 28th
    await notify('sunday-early', '2026-03-29T00:30:00Z', 'medium'); // 00:30 GMT on the 29th
    await notify('sunday-high', '2026-03-29T12:00:00Z', 'high'); // emailed at once, never in a digest
    await notify('sunday-late', '2026-03-29T22:30:00Z', 'low'); // 23:30 BST on the 29th
    await notify('monday-early', '2026-03-29T23:30:00Z', 'medium'); // 00:30 BST on the 30th (the 29th in UTC)
    await notify('sunday-police', '2026-03-29T10:00:00Z', 'low', 'ZPF001'); // an organisation with no mailbox

    const { from, to } = localDayBounds('2026-03-29', 'Europe/London');
    assert.equal((to - from) / 3_600_000, 23);

    const { mailer, sent } = capturingMailer(t, () => Date.parse('2026-03-30T06:30:00Z'));
    assert.equal(mailer.dueDigestDay(), '2026-03-29', '07:30 BST on Monday: Sunday’s digest is due');
    const { mailer: early } = capturingMailer(t, () => Date.parse('2026-03-30T05:30:00Z'));
    assert.equal(early.dueDigestDay(), '2026-03-28', '06:30 BST: not yet');

    await mailer.sendDueDigest();
    assert.deepEqual(
      sent.map((m) => [m.to[0].address, m.subject]),
      [['riverside.hv@nhs.example', 'Threadline: 2 new findings for Riverside Health Visiting Team on 29 Mar 2026']],
    );
    assert.match(sent[0].text, /- medium severity: 1\n- low severity: 1\n/);
    for (const item of personalData(t)) assert.ok(!sent[0].text.includes(item), `the digest carries ${JSON.stringify(item)}`);
    await mailer.sendDigest('2026-03-29');
    assert.equal(sent.length, 1, 'a second run sends nothing');
    await mailer.sendDigest('2026-03-30');
    assert.equal(sent.length, 2);
    assert.match(sent[1].text, /on 30 Mar 2026:\n- medium severity: 1\n- low severity: 0\n/);
  });

  test('the autumn clock change: a day of 25 hours keeps its first hour', async () => {
    const { from, to } = localDayBounds('2026-10-25', 'Europe/London');
    assert.equal((to - from) / 3_600_000, 25);
    assert.equal(new Date(from).toISOString(), '2026-10-24T23:00:00.000Z');
  });
});

describe('email settings', () => {
  const config = (notificationEmail: unknown) => loadPartnershipConfig({ notificationEmail }, PROTOCOLS).notificationEmail;

  test('off by default: without THREADLINE_SMTP_URL nothing is sent, whatever the configuration says', () => {
    assert.equal(emailSettings(config({ from: 'a@b.example', signInUrl: 'https://x.example', mailboxes: {} }), {}), undefined);
    assert.equal(emailSettings(config(undefined), {}), undefined);
  });

  test('on with an SMTP server; the environment’s sender wins; a missing sender or sign-in address is named', () => {
    const on = emailSettings(
      config({ from: 'config@b.example', signInUrl: 'https://x.example/sign-in', mailboxes: { ZHV001: 'hv@nhs.example' } }),
      {
        THREADLINE_SMTP_URL: 'smtps://user:pass@smtp.example:465',
        THREADLINE_MAIL_FROM: 'env@b.example',
      },
    );
    assert.equal(on?.from, 'env@b.example');
    assert.equal(on?.digestAt, '07:00');
    assert.deepEqual(on?.mailboxes, { ZHV001: 'hv@nhs.example' });
    assert.throws(
      () => emailSettings(config({ signInUrl: 'https://x.example' }), { THREADLINE_SMTP_URL: 'smtp://s.example' }),
      /THREADLINE_MAIL_FROM/,
    );
    assert.throws(() => emailSettings(config({ from: 'a@b.example' }), { THREADLINE_SMTP_URL: 'smtp://s.example' }), /signInUrl/);
  });

  test('a bad mailbox, sign-in address or digest time in the configuration is refused by name', () => {
    const problems = (value: unknown) => {
      try {
        config(value);
        return [];
      } catch (error) {
        assert.ok(error instanceof ValidationError);
        return error.problems.map((p) => `${p.field}: ${p.reason}`);
      }
    };
    assert.deepEqual(problems({ mailboxes: { ZHV001: 'not an address' } }), [
      'notificationEmail.mailboxes.ZHV001: must be an email address',
    ]);
    assert.deepEqual(problems({ signInUrl: 'ftp://x.example' }), ['notificationEmail.signInUrl: must be an http or https address']);
    assert.deepEqual(problems({ digestAt: '7am' }), ['notificationEmail.digestAt: must be a time such as 07:00']);
  });
});
