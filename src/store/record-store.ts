import { prepareSubmission } from '../engine/prepare-submission.ts';
import type { PartnershipConfig } from '../config/partnership-config.ts';
import type { ThreadEvent } from '../domain/events.ts';
import type { Finding, FindingStatus } from '../domain/findings.ts';
import { checkEvent } from '../domain/validate-event.ts';
import { ValidationError } from '../domain/validation-error.ts';
import { BatchReferences, checkReferences } from '../engine/check-references.ts';
import { RestoreClock, SwitchableClock, type Clock } from '../engine/clock.ts';
import { Engine } from '../engine/engine.ts';
import { assertSameSubmission } from '../engine/same-submission.ts';
import { IdentityLinker } from '../engine/identity-linker.ts';
import type { Protocol } from '../protocols/protocol.ts';
import type { Database, Transaction } from './database.ts';
import { EVENT_COLUMNS, eventCopyRow, eventValues, type EventRow, type Submitter } from './event-rows.ts';
import { findingFromRow, insertFindingsSql, type FindingRow } from './finding-rows.ts';
import { writeProjections } from './projections.ts';
import { SerialQueue } from './serial-queue.ts';

export type StoredSubmission =
  | { status: 'accepted'; event: ThreadEvent; findings: Finding[] }
  | { status: 'duplicate'; event: ThreadEvent; findings: Finding[] };

export type FindingActionKind = 'acknowledged' | 'actioned' | 'closed' | 'reopened';

export interface FindingActor {
  userId: string;
  role?: string;
  agency?: string;
}

const STATUS_AFTER: Record<FindingActionKind, FindingStatus> = {
  acknowledged: 'acknowledged', actioned: 'actioned', closed: 'closed', reopened: 'open',
};

/**
 * The persistent record: the append-only log in PostgreSQL (PGlite or a server) with
 * the engine as its in-memory projection. Each event is validated completely, stored,
 * then evaluated; findings are stored as they are raised. On start the engine is rebuilt
 * from the log at the moments events were accepted, which reproduces every finding and
 * pending deadline, and any finding lost to a crash is written again.
 */
export class RecordStore {
  private readonly queue = new SerialQueue();
  private seq = 0;
  private broken?: Error;
  /** Person–agency pairs already in person_agencies, so each is written once. */
  private readonly knownAgencies = new Set<string>();
  private readonly linker: IdentityLinker;

  private constructor(
    readonly db: Database,
    readonly engine: Engine,
    readonly config: PartnershipConfig,
    private readonly clock: SwitchableClock,
  ) {
    this.linker = new IdentityLinker(config.timezone);
  }

  static async open(db: Database, protocols: readonly Protocol[], config: PartnershipConfig, liveClock: Clock): Promise<RecordStore> {
    const clock = new SwitchableClock(new RestoreClock());
    const engine = new Engine({ protocols, config, clock });
    const store = new RecordStore(db, engine, config, clock);
    await store.restore(liveClock);
    return store;
  }

  private async restore(liveClock: Clock): Promise<void> {
    const { rows } = await this.db.query<EventRow>('SELECT seq, idempotency_key, recorded_at, payload FROM events ORDER BY seq');
    const rederived: Finding[] = [];
    for (const row of rows) {
      const recordedAt = new Date(row.recorded_at).getTime();
      const checked = checkEvent(row.payload, this.config.timezone, Number(row.seq), row.idempotency_key, recordedAt);
      if (!checked.ok) throw new Error(`stored event ${row.seq} no longer validates: ${checked.problems.map((p) => p.field).join(', ')}`);
      checked.event.recordedAt = recordedAt;
      rederived.push(...this.engine.record(checked.event));
      // The links the linker proposed are already in the log: it only relearns who is known.
      this.linker.observe(checked.event, false);
      this.seq = Number(row.seq);
    }
    const stored = await this.db.query<FindingRow>('SELECT * FROM findings');
    const byId = new Map(stored.rows.map((r) => [r.id, findingFromRow(r)]));
    const lost = rederived.filter((f) => !byId.has(f.id));
    for (const finding of rederived) {
      const saved = byId.get(finding.id);
      if (saved) finding.status = saved.status;
    }
    for (const saved of byId.values()) this.engine.restoreFinding(saved);
    if (lost.length > 0) await this.db.transaction((tx) => this.insertFindings(tx, lost));
    this.clock.switchTo(liveClock);
    await this.tick();
  }

  /** Validates one submission against the record; throws ValidationError naming the field. */
  private prepare(input: unknown, defaultKey: string, where?: string): ThreadEvent {
    return prepareSubmission(input, this.engine.world, this.config.timezone, this.clock, this.seq + 1, defaultKey, where);
  }

  /** Records one event. The same idempotency key a second time returns the first. */
  submit(input: unknown, defaultKey: string, submitter?: Submitter): Promise<StoredSubmission> {
    return this.queue.run(async () => {
      this.assertHealthy();
      const event = this.prepare(input, defaultKey);
      if (this.engine.world.hasEvent(event.key)) return { status: 'duplicate', event, findings: [] };
      return this.acceptOne(event, submitter);
    });
  }

  /**
   * Stores one prepared event, its findings and projections in one transaction, then
   * any identity records the linker proposes. The engine evaluates inside the
   * transaction; if the commit then fails, the in-memory picture is ahead of the log,
   * so the store refuses further work until it is reopened (which rebuilds from the log).
   */
  private async acceptOne(event: ThreadEvent, submitter?: Submitter): Promise<StoredSubmission> {
    event.seq = this.seq + 1;
    let findings: Finding[] = [];
    let evaluated = false;
    try {
      await this.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`, eventValues(event, submitter));
        evaluated = true;
        findings = this.engine.record(event);
        await writeProjections(tx, this.engine.world, [event], this.knownAgencies);
        await this.insertFindings(tx, findings);
      });
    } catch (error) {
      if (evaluated) this.broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
    this.seq = event.seq;
    for (const identity of this.linker.observe(event, true)) {
      const derived = this.prepare(identity, String(identity.id));
      if (this.engine.world.hasEvent(derived.key)) continue;
      findings.push(...(await this.acceptOne(derived)).findings);
    }
    return { status: 'accepted', event, findings };
  }

  private assertHealthy(): void {
    if (this.broken) throw new Error(`the record store must be reopened after a failed write (${this.broken.message})`);
  }

  /**
   * Records many events at once (imports, benchmarks): every event is validated against
   * the record as it will be, the whole batch is refused if any is bad, and the rows
   * are loaded with COPY.
   */
  submitBatch(inputs: readonly unknown[], keyPrefix: string, submitter?: Submitter): Promise<{ accepted: number; duplicates: number; findings: Finding[] }> {
    return this.queue.run(async () => {
      this.assertHealthy();
      const events: ThreadEvent[] = [];
      const references = new BatchReferences(this.engine.world);
      let duplicates = 0;
      for (const [index, input] of inputs.entries()) {
        const checked = checkEvent(input, this.config.timezone, this.seq + index + 1, `${keyPrefix}#${index}`, this.clock.now());
        if (!checked.ok) throw new ValidationError(checked.problems, `event ${index}`);
        const event = checked.event;
        if (references.hasEvent(event.key)) {
          const existing = this.engine.world.event(event.key) ?? events.find((e) => e.key === event.key);
          if (existing) assertSameSubmission(existing, event, `event ${index}`);
          duplicates++;
          continue;
        }
        const problems = checkReferences(event, references);
        if (problems.length > 0) throw new ValidationError(problems, `event ${index}`);
        references.note(event);
        events.push(event);
      }
      const world = this.engine.world;
      const findings: Finding[] = [];
      let text = '';
      for (const event of events) {
        event.seq = ++this.seq;
        event.recordedAt = this.clock.arrivalTime(event);
        text += eventCopyRow(event, submitter);
      }
      // One transaction. The server loads the rows while the engine evaluates them (the
      // engine yields now and then so the rows keep flowing); if the commit then fails,
      // the in-memory picture is ahead of the log and the store must be reopened.
      let evaluated = false;
      try {
        await this.db.transaction(async (tx) => {
          const copying = tx.copyIn('events', EVENT_COLUMNS, text);
          evaluated = true;
          for (let i = 0; i < events.length; i++) {
            findings.push(...this.engine.record(events[i]!));
            if (i % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
          }
          await copying;
          await writeProjections(tx, world, events, this.knownAgencies);
          await this.insertFindings(tx, findings);
        });
      } catch (error) {
        if (evaluated) this.broken = error instanceof Error ? error : new Error(String(error));
        throw error;
      }
      for (const event of events) {
        for (const identity of this.linker.observe(event, true)) {
          const derived = this.prepare(identity, String(identity.id));
          if (!this.engine.world.hasEvent(derived.key)) findings.push(...(await this.acceptOne(derived)).findings);
        }
      }
      return { accepted: events.length, duplicates, findings };
    });
  }

  /** Fires deadlines that have come due on the live clock and stores their findings. */
  tick(): Promise<Finding[]> {
    return this.queue.run(async () => {
      const findings = this.engine.runUntil(this.clock.now());
      if (findings.length > 0) await this.db.transaction((tx) => this.insertFindings(tx, findings));
      return findings;
    });
  }

  /** Acknowledge, record the action taken, close with a reason, or reopen a finding. */
  actOnFinding(findingId: string, kind: FindingActionKind, actor: FindingActor, note?: string): Promise<Finding> {
    return this.queue.run(async () => {
      const finding = this.engine.world.findingById(findingId);
      if (!finding) throw new ValidationError([{ field: 'finding', reason: `no finding ${JSON.stringify(findingId)}` }]);
      if ((kind === 'closed' || kind === 'actioned') && !note?.trim()) {
        throw new ValidationError([{ field: 'note', reason: kind === 'closed' ? 'a finding is closed only with a recorded reason' : 'say what action was taken' }]);
      }
      if (kind === 'reopened' && finding.status !== 'closed' && finding.status !== 'actioned') {
        throw new ValidationError([{ field: 'kind', reason: 'only an actioned or closed finding can be reopened' }]);
      }
      const status = STATUS_AFTER[kind];
      await this.db.transaction(async (tx) => {
        await tx.query('INSERT INTO finding_actions (finding_id, kind, at, by_user, by_role, by_agency, note) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          findingId, kind, new Date(this.clock.now()).toISOString(), actor.userId, actor.role ?? null, actor.agency ?? null, note ?? null,
        ]);
        await tx.query('UPDATE findings SET status = $2 WHERE id = $1', [findingId, status]);
      });
      finding.status = status;
      return finding;
    });
  }

  private async insertFindings(tx: Transaction, findings: readonly Finding[]): Promise<void> {
    for (let i = 0; i < findings.length; i += 500) {
      const { sql, params } = insertFindingsSql(findings.slice(i, i + 500));
      await tx.query(sql, params);
    }
  }
}
