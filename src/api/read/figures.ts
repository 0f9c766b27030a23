import type { Queryable } from '../../store/database.ts';
import { findingTitle } from './finding-view.ts';

export interface ProtocolFigures {
  code: string;
  title: string;
  raised: number;
  open: number;
  overdue: number;
  actioned: number;
  closed: number;
  /** Median hours from raising to the first action recorded on it. */
  medianHoursToFirstAction?: number;
}

/** Partnership figures: per finding code, how many were raised, are open or overdue, and how fast they were acted on. */
export async function findingFigures(db: Queryable, now: number): Promise<ProtocolFigures[]> {
  const { rows } = await db.query<{
    code: string;
    raised: number;
    open: number;
    overdue: number;
    actioned: number;
    closed: number;
    median_hours: number | null;
  }>(
    `WITH first_action AS (
       SELECT finding_id, min(at) AS at FROM finding_actions GROUP BY finding_id)
     SELECT f.code,
            count(*)::int AS raised,
            count(*) FILTER (WHERE f.status IN ('open', 'acknowledged'))::int AS open,
            count(*) FILTER (WHERE f.status IN ('open', 'acknowledged') AND f.deadline < $1)::int AS overdue,
            count(*) FILTER (WHERE f.status = 'actioned')::int AS actioned,
            count(*) FILTER (WHERE f.status = 'closed')::int AS closed,
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM fa.at - f.raised_at) / 3600))::float8 AS median_hours
       FROM findings f LEFT JOIN first_action fa ON fa.finding_id = f.id
      GROUP BY f.code ORDER BY f.code`,
    [new Date(now).toISOString()],
  );
  return rows.map((r) => ({
    code: r.code,
    title: findingTitle(r.code),
    raised: r.raised,
    open: r.open,
    overdue: r.overdue,
    actioned: r.actioned,
    closed: r.closed,
    medianHoursToFirstAction: r.median_hours === null ? undefined : Math.round(r.median_hours * 10) / 10,
  }));
}
