import type { FastifyBaseLogger } from 'fastify';
import type { RecordStore } from '../store/record-store.ts';
import type { NotificationMailer } from './notification-mailer.ts';

/** How often the server looks for a due digest and retries high-severity emails that failed. */
export const EMAIL_SCHEDULE_MS = 60_000;

/**
 * Connects the mailer to a running server: high-severity findings are emailed as soon as
 * they are committed; every minute, the due daily digest goes if it has not, and any
 * high-severity email that failed is tried again. Failures are logged by kind only (an
 * SMTP error may quote an address). Returns the function that stops the schedule.
 */
export function scheduleNotificationEmails(
  store: RecordStore,
  mailer: NotificationMailer,
  log: FastifyBaseLogger,
  everyMs = EMAIL_SCHEDULE_MS,
): () => void {
  const failed = (what: string) => (error: unknown) =>
    log.error(
      { errorType: error instanceof Error ? error.name : typeof error, code: (error as { code?: unknown })?.code },
      `${what} failed`,
    );
  const told = store.onFindingNotifications;
  store.onFindingNotifications = (notifications) => {
    told?.(notifications);
    if (notifications.some((n) => n.severity === 'high')) mailer.sendHighSeverity().catch(failed('high-severity email'));
  };
  const timer = setInterval(() => {
    mailer.sendHighSeverity().catch(failed('high-severity email'));
    mailer.sendDueDigest().catch(failed('daily digest email'));
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    store.onFindingNotifications = told;
  };
}
