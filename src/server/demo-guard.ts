import type { Database } from '../store/database.ts';
import { UserError } from '../cli/report-failure.ts';
import { DEMO_ACCOUNTS } from './demo-users.ts';

const DEMO_MARK = 'demo';

/**
 * `serve --demo` creates accounts whose password is published. It does so only in a
 * store made for the demo: an empty one (which it marks as the demo's), or one it
 * marked before. A store holding anything else (records, or accounts other than the
 * demo's) is refused, before anything is added to it.
 */
export async function claimDemoStore(db: Database): Promise<void> {
  const mark = await db.query('SELECT 1 FROM store_marks WHERE name = $1', [DEMO_MARK]);
  if (mark.rows.length > 0) return;
  const events = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;
  const users = (await db.query<{ username: string }>('SELECT username FROM users')).rows.map((r) => r.username);
  const demoNames = new Set(DEMO_ACCOUNTS.map((a) => a.username));
  // A demo store from before stores were marked: demo accounts and nothing else.
  const earlierDemo = users.length > 0 && users.every((u) => demoNames.has(u));
  if ((events > 0 || users.length > 0) && !earlierDemo) {
    throw new UserError(
      `--demo refused: this store already holds ${events} records and ${users.length} accounts that are not the demo's. ` +
        'The demo adds accounts whose password is published, so it runs only on a store of its own: give an empty --data-dir (or another DATABASE_URL).',
    );
  }
  await db.query('INSERT INTO store_marks (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    DEMO_MARK,
    'created by serve --demo',
  ]);
}
