import { FamilyCodec } from '../engine/family-codec.ts';
import { packBlobs, unpackBlobs, type FamilyDirectoryState, type PackedBlobs } from '../engine/family-directory.ts';
import { prepareSubmission, recordRuleProblems } from '../engine/prepare-submission.ts';
import type { PartnershipConfig } from '../config/partnership-config.ts';
import type { ThreadEvent } from '../domain/events.ts';
import type { Finding, FindingStatus } from '../domain/findings.ts';
import { checkEvent } from '../domain/validate-event.ts';
import { ValidationError } from '../domain/validation-error.ts';
import { BatchReferences } from '../engine/check-references.ts';
import { RestoreClock, SwitchableClock, type Clock } from '../engine/clock.ts';
import { Engine, type ProtocolFailure } from '../engine/engine.ts';
import { assertSameSubmission } from '../engine/same-submission.ts';
import { IdentityLinker, type IdentityLinkerState } from '../engine/identity-linker.ts';
import type { IdentityMatch } from '../linkage/identity-index.ts';
import type { PersonRecord } from '../linkage/person-record.ts';
import type { Protocol } from '../protocols/protocol.ts';
import type { FindingActionKind } from '../access/finding-ownership.ts';
import type { Database, Transaction } from './database.ts';
import { EVENT_COLUMNS, eventCopyRow, eventValues, type EventRow, type Submitter } from './event-rows.ts';
import { findingFromRow, insertFindingsSql, type FindingRow } from './finding-rows.ts';
import { writeProjections } from './projections.ts';
import { catchUpProjections } from './projection-catch-up.ts';
import { SerialQueue } from './serial-queue.ts';
import type { EscalationStep } from '../engine/engine.ts';
import { insertEscalations, type EscalationRow } from './escalation-rows.ts';
import { insertFindingNotifications, type NewFindingNotification } from './finding-notification-rows.ts';
import type { EngineState } from '../engine/engine.ts';
import { capture } from './snapshots/snapshot-codec.ts';
import { snapshotCompatibility, SNAPSHOT_FORMAT } from './snapshots/snapshot-compatibility.ts';
import { loadLatestSnapshot, writeSnapshot, type SnapshotWriteOutcome, type WriteFaults } from './snapshots/engine-snapshots.ts';

// How many events are checked, and how many evaluated, between chances for the rows
// already written to reach the server.
const VALIDATION_SLICE = 500;
const EVALUATION_SLICE = 250;
/** Events read from the log a query at a time when the engine is rebuilt. */
const RESTORE_PAGE = 20_000;

export interface RecordStoreOptions {
  /** Start from the latest compatible snapshot (default); false rebuilds from the whole log. */
  useSnapshots?: boolean;
  /**
   * How many families the engine keeps in memory; the least recently needed others are
   * kept serialised until a record or a query needs them (World.keepHot).
   */
  familiesInMemory?: number;
}

/** About half a GiB of engine memory on the synthetic population (docs/scale-notes.md). */
export const DEFAULT_FAMILIES_IN_MEMORY = 20_000;

type FamilyBlobs = FamilyDirectoryState['blobs'];

/** How the engine was brought up to date at start-up (or after a failed commit). */
export interface RestoreReport {
  /** The snapshot loaded, if any. */
  snapshot?: { id: number; lastSeq: number; storedBytes: number; rawBytes: number };
  /** Snapshots passed over and why (damaged, ahead of the log). */
  skipped: string[];
  /** Events replayed from the log after the snapshot (all of them without one). */
  replayed: number;
  ms: number;
}

function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export type StoredSubmission =
  { status: 'accepted'; event: ThreadEvent; findings: Finding[] } | { status: 'duplicate'; event: ThreadEvent; findings: Finding[] };

export type { FindingActionKind } from '../access/finding-ownership.ts';

export interface FindingActor {
  userId: string;
  role?: string;
  agency?: string;
}

// Notes and challenges leave the status as it is.
const STATUS_AFTER: Partial<Record<FindingActionKind, FindingStatus>> = {
  acknowledged: 'acknowledged',
  actioned: 'actioned',
  closed: 'closed',
  reopened: 'open',
};

const NOTE_REQUIRED: Partial<Record<FindingActionKind, string>> = {
  closed: 'a finding is closed only with a recorded reason',
  actioned: 'say what action was taken',
  noted: 'write the note',
  challenged: 'say what you challenge and why',
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
  private linker: IdentityLinker;
  private liveClock!: Clock;
  /** Told of each protocol that throws on a live event or deadline (the server logs it). */
  onProtocolFailure?: (failure: ProtocolFailure) => void;
  /** Settles when every batch handed to the database so far has committed or failed. */
  private committing: Promise<void> = Promise.resolve();
  /** Told of each escalation step once it is committed (the server audits them). */
  onEscalation?: (steps: readonly EscalationStep[]) => void;
  /** Told of the owning organisations' notifications of new findings once committed (the server audits and emails them). */
  onFindingNotifications?: (notifications: readonly NewFindingNotification[]) => void;
  /** Notifications written in the transaction under way, announced once it commits. */
  private pendingNotifications: NewFindingNotification[] = [];

  /** How the engine was last restored. */
  lastRestore?: RestoreReport;
  /** The log position of the newest snapshot written or loaded, so an unchanged record is not written again. */
  private snapshotAt?: { lastSeq: number; lastActionSeq: number };

  private constructor(
    readonly db: Database,
    readonly engine: Engine,
    readonly config: PartnershipConfig,
    private readonly clock: SwitchableClock,
    private readonly compatibility: string,
    private readonly options: RecordStoreOptions,
  ) {
    this.linker = new IdentityLinker(config.timezone);
  }

  static async open(
    db: Database,
    protocols: readonly Protocol[],
    config: PartnershipConfig,
    liveClock: Clock,
    options: RecordStoreOptions = {},
  ): Promise<RecordStore> {
    const clock = new SwitchableClock(new RestoreClock());
    const engine = new Engine({ protocols, config, clock });
    const store = new RecordStore(db, engine, config, clock, snapshotCompatibility(protocols, config), options);
    store.liveClock = liveClock;
    await store.restore();
    await store.tick();
    return store;
  }

  /**
   * Checkpoints the engine's state to the database. The state is captured between two
   * writes, once everything handed to the database has committed, so it is exactly the
   * log up to `lastSeq`; it is then compressed and written while writes carry on.
   * Returns undefined when there is nothing new since the last snapshot, or the store
   * is broken (its picture is ahead of the log).
   */
  async snapshot(faults?: WriteFaults): Promise<SnapshotWriteOutcome | undefined> {
    let captured: { head: Buffer; families: FamilyBlobs; dictionary?: Uint8Array; lastSeq: number; lastActionSeq: number } | undefined;
    await this.queue.run(async () => {
      await this.committing;
      if (this.broken) return;
      const { rows } = await this.db.query<{ n: string }>('SELECT coalesce(max(seq), 0) AS n FROM finding_actions');
      const lastActionSeq = Number(rows[0].n);
      if (this.snapshotAt?.lastSeq === this.seq && this.snapshotAt.lastActionSeq === lastActionSeq) return;
      const state: EngineState = this.engine.exportState();
      // The families' blobs never change once written (a family that changes gets a new one), so they may be finished later.
      const families = state.world.families.blobs;
      state.world.families.blobs = [];
      captured = {
        head: capture({ format: SNAPSHOT_FORMAT, lastSeq: this.seq, lastActionSeq, state, linker: this.linker.exportState() }),
        families,
        dictionary: state.world.families.dictionary,
        lastSeq: this.seq,
        lastActionSeq,
      };
    });
    if (!captured) return undefined;
    await new FamilyCodec(captured.dictionary).compressAll(captured.families);
    const serialised = capture({ head: captured.head, families: packBlobs(captured.families) });
    const outcome = await writeSnapshot(this.db, this.compatibility, captured, serialised, faults);
    this.snapshotAt = { lastSeq: outcome.lastSeq, lastActionSeq: outcome.lastActionSeq };
    return outcome;
  }

  /** Serialises the least recently needed families beyond the limit; only between records (nothing is evaluating). */
  private keepWithinMemory(): void {
    this.engine.world.keepHot(this.options.familiesInMemory ?? DEFAULT_FAMILIES_IN_MEMORY);
  }

  /** Who a person about to be recorded may already be (linkage's candidates, best first); stores nothing. */
  identityCandidates(record: PersonRecord, limit = 5): IdentityMatch[] {
    return this.linker.candidates(record, limit);
  }

  /** True unless a failed commit has left the in-memory picture ahead of the log (until it is rebuilt). */
  get healthy(): boolean {
    return this.broken === undefined;
  }

  /** Rebuilds the engine's picture from the log: on start, and after a failed commit. */
  private async restore(): Promise<void> {
    const started = performance.now();
    const report: RestoreReport = { skipped: [], replayed: 0, ms: 0 };
    let fromActionSeq = 0;
    if (this.options.useSnapshots !== false) {
      const logEnd = Number((await this.db.query<{ n: string }>('SELECT coalesce(max(seq), 0) AS n FROM events')).rows[0].n);
      const { snapshot, skipped } = await loadLatestSnapshot<EngineState>(this.db, this.compatibility, logEnd);
      report.skipped = skipped;
      if (snapshot) {
        snapshot.state.world.families.blobs = unpackBlobs(snapshot.families as PackedBlobs);
        this.engine.importState(snapshot.state);
        this.linker.importState(snapshot.linker as IdentityLinkerState);
        this.seq = snapshot.lastSeq;
        fromActionSeq = snapshot.lastActionSeq;
        this.snapshotAt = { lastSeq: snapshot.lastSeq, lastActionSeq: snapshot.lastActionSeq };
        report.snapshot = { id: snapshot.id, lastSeq: snapshot.lastSeq, storedBytes: snapshot.storedBytes, rawBytes: snapshot.rawBytes };
      }
    }
    // Practitioners' actions on findings are replayed at their moments too, so that a
    // finding closed before its deadline is not escalated on restart either.
    const actions = (
      await this.db.query<{ finding_id: string; kind: FindingActionKind; at: Date | string }>(
        'SELECT finding_id, kind, at FROM finding_actions WHERE seq > $1 ORDER BY at, seq',
        [fromActionSeq],
      )
    ).rows.map((a) => ({ ...a, at: new Date(a.at).getTime() }));
    let nextAction = 0;
    const rederived: Finding[] = [];
    const applyActionsBefore = (time: number) => {
      for (; nextAction < actions.length && actions[nextAction].at < time; nextAction++) {
        const action = actions[nextAction];
        rederived.push(...this.engine.runUntil(action.at - 1));
        const finding = this.engine.world.findingById(action.finding_id);
        if (finding) finding.status = STATUS_AFTER[action.kind] ?? finding.status;
      }
    };
    // A page at a time, so the log is never all in memory at once.
    for (;;) {
      const { rows } = await this.db.query<EventRow>(
        `SELECT seq, idempotency_key, recorded_at, payload FROM events WHERE seq > $1 ORDER BY seq LIMIT ${RESTORE_PAGE}`,
        [this.seq],
      );
      for (const row of rows) {
        const recordedAt = new Date(row.recorded_at).getTime();
        const checked = checkEvent(row.payload, this.config.timezone, Number(row.seq), row.idempotency_key, recordedAt);
        if (!checked.ok) throw new Error(`stored event ${row.seq} no longer validates: ${checked.problems.map((p) => p.field).join(', ')}`);
        checked.event.recordedAt = recordedAt;
        applyActionsBefore(this.clock.arrivalTime(checked.event));
        rederived.push(...this.engine.record(checked.event));
        // The links the linker proposed are already in the log: it only relearns who is known.
        this.linker.observe(checked.event, false);
        this.seq = Number(row.seq);
      }
      report.replayed += rows.length;
      if (rows.length < RESTORE_PAGE) break;
    }
    const stored = await this.db.query<FindingRow>('SELECT * FROM findings');
    const byId = new Map(stored.rows.map((r) => [r.id, findingFromRow(r)]));
    const lost = rederived.filter((f) => !byId.has(f.id));
    // The stored status stands (a snapshot's findings too): the actions after the log's end follow.
    for (const saved of byId.values()) {
      const finding = this.engine.world.findingById(saved.id);
      if (finding) finding.status = saved.status;
      else this.engine.restoreFinding(saved);
    }
    applyActionsBefore(Number.POSITIVE_INFINITY);
    const steps = this.engine.takeEscalations();
    this.pendingNotifications.length = 0;
    if (lost.length > 0 || steps.length > 0)
      await this.db.transaction(async (tx) => {
        await this.insertFindings(tx, lost);
        this.announce(await insertEscalations(tx, steps));
      });
    this.announceNotifications();
    // People loaded into the log by other means (the demo's COPY) become findable.
    await catchUpProjections(this.db, this.engine.world);
    // Failures met while rebuilding were counted when the events were first evaluated.
    this.engine.failures.length = 0;
    this.keepWithinMemory();
    this.clock.switchTo(this.liveClock);
    report.ms = performance.now() - started;
    this.lastRestore = report;
  }

  /**
   * After a commit failed once the engine had evaluated, the picture in memory is ahead of
   * the log: once every batch handed to the database has settled, it is thrown away and
   * rebuilt from the log (the same World object, so everything reading it stays current).
   * The store carries on without a restart; if the rebuild fails too, the next call tries again.
   */
  private async recoverIfBroken(): Promise<void> {
    if (!this.broken) return;
    await this.committing;
    this.engine.reset();
    this.linker = new IdentityLinker(this.config.timezone);
    this.knownAgencies.clear();
    this.seq = 0;
    this.clock.switchTo(new RestoreClock());
    await this.restore();
    this.broken = undefined;
  }

  /** Counts, in the transaction at hand, each protocol that threw while evaluating live; and tells the listener. */
  private async saveProtocolFailures(tx: Transaction): Promise<void> {
    if (this.engine.failures.length === 0) return;
    const at = new Date(this.clock.now()).toISOString();
    for (const failure of this.engine.failures.splice(0)) {
      const split = failure.protocol.lastIndexOf('@');
      await tx.query(
        `INSERT INTO protocol_failures (protocol, version, trigger, error_type, count, first_at, last_at) VALUES ($1, $2, $3, $4, 1, $5, $5)
         ON CONFLICT (protocol, version, trigger, error_type) DO UPDATE SET count = protocol_failures.count + 1, last_at = EXCLUDED.last_at`,
        [failure.protocol.slice(0, split), failure.protocol.slice(split + 1), failure.trigger, failure.errorType, at],
      );
      this.onProtocolFailure?.(failure);
    }
  }

  /** Escalation steps of a finding as stored (the engine holds the same after a restart). */
  async escalationsOf(findingId: string): Promise<EscalationRow[]> {
    const { rows } = await this.db.query<EscalationRow>(
      'SELECT finding_id, level, at, to_organisation FROM finding_escalations WHERE finding_id = $1 ORDER BY seq',
      [findingId],
    );
    return rows;
  }

  private announce(steps: readonly EscalationStep[]): void {
    if (steps.length > 0) this.onEscalation?.(steps);
  }

  /** Tells the listener of the notifications the transaction just committed wrote. */
  private announceNotifications(): void {
    const written = this.pendingNotifications.splice(0);
    if (written.length > 0) this.onFindingNotifications?.(written);
  }

  /** Writes the findings raised and the escalation steps taken by the engine's last work. */
  private async writeOutcomes(tx: Transaction, findings: readonly Finding[]): Promise<EscalationStep[]> {
    await this.insertFindings(tx, findings);
    await this.saveProtocolFailures(tx);
    return insertEscalations(tx, this.engine.takeEscalations());
  }

  /** Validates one submission against the record; throws ValidationError naming the field. */
  private prepare(input: unknown, defaultKey: string, where?: string): ThreadEvent {
    return prepareSubmission(input, this.engine.world, this.config, this.clock, this.seq + 1, defaultKey, where);
  }

  /** Records one event. The same idempotency key a second time returns the first. */
  submit(input: unknown, defaultKey: string, submitter?: Submitter): Promise<StoredSubmission> {
    return this.queue.run(async () => {
      await this.committing;
      await this.recoverIfBroken();
      this.keepWithinMemory();
      const event = this.prepare(input, defaultKey);
      if (this.engine.world.hasEvent(event.key)) return { status: 'duplicate', event, findings: [] };
      return this.acceptOne(event, submitter);
    });
  }

  /**
   * Stores one prepared event, its findings and projections in one transaction, then
   * any identity records the linker proposes. The engine evaluates inside the
   * transaction; if the commit then fails, the in-memory picture is ahead of the log,
   * and the next call rebuilds it from the log before doing anything else.
   */
  private async acceptOne(event: ThreadEvent, submitter?: Submitter): Promise<StoredSubmission> {
    event.seq = this.seq + 1;
    let findings: Finding[] = [];
    let escalated: EscalationStep[] = [];
    let evaluated = false;
    try {
      await this.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
          eventValues(event, submitter),
        );
        evaluated = true;
        findings = [...this.engine.record(event), ...this.engine.settleArrival()];
        await writeProjections(tx, this.engine.world, [event], this.knownAgencies);
        escalated = await this.writeOutcomes(tx, findings);
      });
      this.announce(escalated);
      this.announceNotifications();
    } catch (error) {
      this.pendingNotifications.length = 0;
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
    if (this.broken) throw new Error(`an earlier write failed to commit (${this.broken.message}); nothing of this one is stored`);
  }

  /**
   * Records many events at once (imports, benchmarks): every event is validated against
   * the record as it will be, the whole batch is refused if any is bad, and the rows
   * are loaded with COPY.
   *
   * The work is pipelined: once a batch's rows are loaded and evaluated, the next batch
   * may be checked while this one's projections and findings are written and committed.
   * Commits stay in order, and a batch whose predecessor failed to commit is not committed.
   */
  async submitBatch(
    inputs: readonly unknown[],
    keyPrefix: string,
    submitter?: Submitter,
  ): Promise<{ accepted: number; duplicates: number; findings: Finding[] }> {
    let outcome!: Promise<{ accepted: number; duplicates: number; findings: Finding[] }>;
    await this.queue.run(async () => {
      if (this.broken) await this.recoverIfBroken();
      this.keepWithinMemory();
      const previous = this.committing;
      let loaded!: () => void;
      const rowsLoaded = new Promise<void>((resolve) => {
        loaded = resolve;
      });
      outcome = this.storeBatch(inputs, keyPrefix, submitter, previous, loaded);
      this.committing = outcome.then(
        () => undefined,
        () => undefined,
      );
      // The next piece of work may start once this batch is evaluated and its rows are in.
      await Promise.race([rowsLoaded, this.committing]);
    });
    return outcome;
  }

  private async storeBatch(
    inputs: readonly unknown[],
    keyPrefix: string,
    submitter: Submitter | undefined,
    previous: Promise<void>,
    loaded: () => void,
  ) {
    const events: ThreadEvent[] = [];
    const findings: Finding[] = [];
    let duplicates = 0;
    let accepted = 0;
    let escalated: EscalationStep[] = [];
    // One transaction. Rows go to the server as each slice is validated, so it loads them
    // while the rest are checked and then evaluated; the engine sees nothing until every
    // event has passed, so a refused batch changes nothing. If the commit fails after
    // evaluation, the in-memory picture is ahead of the log and the store must be reopened.
    let evaluated = false;
    try {
      await this.db.transaction(async (tx) => {
        const copy = tx.copyFrom('events', EVENT_COLUMNS);
        const references = new BatchReferences(this.engine.world);
        let seq = this.seq;
        let text = '';
        // One arrival: the batch's records are evaluated as known together (Engine.record).
        const arrivedAt = this.clock.now();
        for (let index = 0; index < inputs.length; index++) {
          const checked = checkEvent(inputs[index], this.config.timezone, seq + 1, `${keyPrefix}#${index}`, arrivedAt);
          if (!checked.ok) throw new ValidationError(checked.problems, `event ${index}`);
          const event = checked.event;
          if (references.hasEvent(event.key)) {
            const existing = this.engine.world.event(event.key) ?? events.find((e) => e.key === event.key);
            if (existing) assertSameSubmission(existing, event, `event ${index}`);
            duplicates++;
            continue;
          }
          const problems = recordRuleProblems(event, references, this.config, this.clock);
          if (problems.length > 0) throw new ValidationError(problems, `event ${index}`);
          references.note(event);
          event.seq = ++seq;
          event.recordedAt = this.clock.arrivalTime(event);
          text += eventCopyRow(event, submitter);
          events.push(event);
          if (index % VALIDATION_SLICE === VALIDATION_SLICE - 1) {
            copy.write(text);
            text = '';
            await yieldToIo();
          }
        }
        copy.write(text);
        accepted = events.length;
        this.seq = seq;
        evaluated = true;
        for (let i = 0; i < events.length; i++) {
          for (const finding of this.engine.record(events[i])) findings.push(finding);
          if (i % EVALUATION_SLICE === EVALUATION_SLICE - 1) await yieldToIo();
        }
        for (const finding of this.engine.settleArrival()) findings.push(finding);
        // The records the linker proposes for the new people join the same transaction.
        for (let i = 0; i < events.length; i++) {
          for (const identity of this.linker.observe(events[i], true)) {
            const derived = this.prepare(identity, String(identity.id));
            if (this.engine.world.hasEvent(derived.key)) continue;
            derived.seq = ++this.seq;
            copy.write(eventCopyRow(derived));
            for (const finding of this.engine.record(derived)) findings.push(finding);
            events.push(derived);
          }
        }
        await copy.end();
        loaded();
        await previous;
        this.assertHealthy();
        await writeProjections(tx, this.engine.world, events, this.knownAgencies);
        escalated = await this.writeOutcomes(tx, findings);
      });
    } catch (error) {
      this.pendingNotifications.length = 0;
      if (evaluated) this.broken ??= error instanceof Error ? error : new Error(String(error));
      throw error;
    }
    this.announce(escalated);
    this.announceNotifications();
    return { accepted, duplicates, findings };
  }

  /** Fires deadlines that have come due on the live clock and stores their findings. */
  tick(): Promise<Finding[]> {
    return this.queue.run(async () => {
      await this.committing;
      await this.recoverIfBroken();
      const findings = this.engine.runUntil(this.clock.now());
      this.keepWithinMemory();
      let escalated: EscalationStep[] = [];
      if (findings.length > 0 || this.engine.pendingEscalations > 0 || this.engine.failures.length > 0)
        await this.db.transaction(async (tx) => {
          escalated = await this.writeOutcomes(tx, findings);
        });
      this.announce(escalated);
      this.announceNotifications();
      return findings;
    });
  }

  /**
   * Acknowledge, record the action taken, close with a reason, or reopen a finding. `at`
   * is when it was done, now unless told (the demo records what the reviews say
   * practitioners did, on the day they did it).
   */
  actOnFinding(findingId: string, kind: FindingActionKind, actor: FindingActor, note?: string, at?: number): Promise<Finding> {
    return this.queue.run(async () => {
      await this.committing;
      await this.recoverIfBroken();
      const finding = this.engine.world.findingById(findingId);
      if (!finding) throw new ValidationError([{ field: 'finding', reason: `no finding ${JSON.stringify(findingId)}` }]);
      const required = NOTE_REQUIRED[kind];
      if (required && !note?.trim()) throw new ValidationError([{ field: 'note', reason: required }]);
      if (kind === 'reopened' && finding.status !== 'closed' && finding.status !== 'actioned') {
        throw new ValidationError([{ field: 'kind', reason: 'only an actioned or closed finding can be reopened' }]);
      }
      const status = STATUS_AFTER[kind] ?? finding.status;
      await this.db.transaction(async (tx) => {
        await tx.query(
          'INSERT INTO finding_actions (finding_id, kind, at, by_user, by_role, by_agency, note) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [
            findingId,
            kind,
            new Date(at ?? this.clock.now()).toISOString(),
            actor.userId,
            actor.role ?? null,
            actor.agency ?? null,
            note ?? null,
          ],
        );
        await tx.query('UPDATE findings SET status = $2 WHERE id = $1', [findingId, status]);
      });
      finding.status = status;
      return finding;
    });
  }

  /** Stores findings and, for those new to the store, the owning organisation's notification. */
  private async insertFindings(tx: Transaction, findings: readonly Finding[]): Promise<void> {
    const stored = new Set<string>();
    for (let i = 0; i < findings.length; i += 500) {
      const { sql, params } = insertFindingsSql(findings.slice(i, i + 500));
      const { rows } = await tx.query<{ id: string }>(`${sql} RETURNING id`, params);
      for (const row of rows) stored.add(row.id);
    }
    const written = await insertFindingNotifications(
      tx,
      this.engine.world,
      findings.filter((f) => stored.has(f.id)),
    );
    this.pendingNotifications.push(...written);
  }
}
