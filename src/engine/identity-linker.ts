import type { ThreadEvent } from '../domain/events.ts';
import { formatLocal } from '../domain/time.ts';
import { IdentityIndex, type IdentityIndexOptions, type IdentityMatch } from '../linkage/identity-index.ts';
import type { PersonRecord } from '../linkage/person-record.ts';
import type { IdentityIndexState } from '../linkage/identity-index-state.ts';
import { renderWaterfall } from '../linkage/waterfall-text.ts';
import type { Waterfall } from '../linkage/waterfall.ts';
import type { MatchEvidence } from '../domain/match-evidence.ts';

/** Six significant figures: what a practitioner can read, without the float noise. */
const figure = (value: number) => Number(value.toPrecision(6));
const maybe = (value: number | null) => (value === null ? null : figure(value));

/** The waterfall as the review record keeps it (src/domain/match-evidence.ts). */
function storedWaterfall(waterfall: Waterfall): MatchEvidence {
  return {
    household: waterfall.household,
    priorProbability: figure(waterfall.priorProbability),
    priorWeight: figure(waterfall.priorWeight),
    steps: waterfall.steps.map((step) => ({
      ...step,
      m: maybe(step.m),
      u: maybe(step.u),
      valueFrequency: maybe(step.valueFrequency),
      weight: figure(step.weight),
      runningWeight: figure(step.runningWeight),
    })),
    matchWeight: figure(waterfall.matchWeight),
    probability: figure(waterfall.probability),
    rule: waterfall.rule,
    guards: [...waterfall.guards],
  };
}

/** The identifying fields of a `person.recorded` event, as linkage reads them. */
function personRecord(event: ThreadEvent<'person.recorded'>, zone: string): PersonRecord | undefined {
  const d = event.data;
  const hasIdentity = d.nhsNumber || (d.name?.family && (d.name.given || d.born || d.postcode));
  if (!hasIdentity) return undefined;
  return {
    id: d.person,
    name: d.name,
    born: event.bornMs === undefined ? undefined : formatLocal(event.bornMs, zone).slice(0, 10),
    sex: d.sex,
    nhsNumber: d.nhsNumber?.replace(/\s/g, ''),
    postcode: d.postcode,
    email: d.email,
    phone: d.phone,
    area: d.area,
  };
}

/** What an IdentityLinker has learnt, as `exportState` gives it: survives `v8.serialize`. */
export interface IdentityLinkerState {
  readonly format: typeof IDENTITY_LINKER_STATE_FORMAT;
  readonly index: IdentityIndexState;
}

export const IDENTITY_LINKER_STATE_FORMAT = 1;

/**
 * Recognises the same person arriving from another agency. Each new `person.recorded`
 * is matched against everyone known; a confident match becomes an `identity.linked`
 * record and an uncertain one an `identity.review` for a practitioner, both written to
 * the log like any other record (so replay and rebuild see exactly the same links).
 * A practitioner's `identity.unlinked` is never overridden. Relationship, pregnancy and
 * birth records tell the index who is family: relatives are different people competing
 * for a record that matches them both, and a parent was old enough at a child's birth.
 */
export class IdentityLinker {
  private index: IdentityIndex;

  constructor(
    private readonly zone: string,
    private readonly options?: IdentityIndexOptions,
  ) {
    this.index = new IdentityIndex(options);
  }

  /**
   * Everything the linker has learnt from the events it observed, for a snapshot: a linker
   * given it with `fromState` or `importState` proposes and answers exactly as this one.
   */
  exportState(): IdentityLinkerState {
    return { format: IDENTITY_LINKER_STATE_FORMAT, index: this.index.exportState() };
  }

  /** A linker that knows what an exported one knew (any process, the same time zone and options). */
  static fromState(zone: string, state: IdentityLinkerState, options?: IdentityIndexOptions): IdentityLinker {
    const linker = new IdentityLinker(zone, options);
    linker.importState(state);
    return linker;
  }

  /** Replaces everything this linker has learnt with an exported state. */
  importState(state: IdentityLinkerState): void {
    if (state.format !== IDENTITY_LINKER_STATE_FORMAT) throw new Error(`identity linker state format ${String(state.format)} is not known`);
    this.index = IdentityIndex.fromState(state.index, this.options);
  }

  /** Who a record not yet stored may be: the index's candidates, best first. Learns nothing. */
  candidates(record: PersonRecord, limit = 5): IdentityMatch[] {
    return this.index.match(record, { limit });
  }

  /** Learns from an accepted event; for a new person, returns the identity records to add. */
  observe(event: ThreadEvent, propose: boolean): Record<string, unknown>[] {
    if (event.type === 'identity.unlinked') {
      this.index.recordDecision({
        kind: 'reject',
        records: [event.data.person, event.data.from],
        by: { name: event.recordedBy?.name ?? 'practitioner', role: event.recordedBy?.role },
        reason: event.data.reason,
        at: new Date(event.at).toISOString(),
      });
      return [];
    }
    if (event.type === 'identity.linked' && event.data.basis === 'confirmed') {
      this.index.recordDecision({
        kind: 'accept',
        records: [event.data.person, event.data.to],
        by: { name: event.recordedBy?.name ?? 'practitioner', role: event.recordedBy?.role },
        reason: 'confirmed by a practitioner',
        at: new Date(event.at).toISOString(),
      });
      return [];
    }
    if (event.type === 'relationship.recorded') {
      const parent = event.data.kind === 'mother' || event.data.kind === 'father';
      this.index.recordRelationship(event.data.person, event.data.of, { parent });
      return [];
    }
    if (event.type === 'birth') {
      const born = formatLocal(event.at, this.zone).slice(0, 10);
      this.index.recordRelationship(event.data.mother, event.data.child, { parent: true, childBorn: born });
      return [];
    }
    if (event.type === 'pregnancy.booked') {
      const due = event.dueMs === undefined ? undefined : formatLocal(event.dueMs, this.zone).slice(0, 10);
      this.index.recordRelationship(event.data.person, event.data.unborn, { parent: true, childBorn: due });
      return [];
    }
    if (event.type !== 'person.recorded' || event.supersedes) return [];
    const record = personRecord(event, this.zone);
    if (!record) return [];
    const matches = propose ? this.index.match(record, { limit: 3 }) : [];
    this.index.add(record, record.id);
    const at = event.data.at;
    return matches
      .filter((m) => m.decision !== 'no-link')
      .map((m) => ({
        at,
        type: m.decision === 'link' ? 'identity.linked' : 'identity.review',
        id: `identity:${record.id}:${m.personId}`,
        person: record.id,
        [m.decision === 'link' ? 'to' : 'candidate']: m.personId,
        ...(m.decision === 'link' ? { basis: 'automatic' } : {}),
        matchWeight: Math.round(m.matchWeight * 1000) / 1000,
        probability: Math.round(m.probability * 1e6) / 1e6,
        explanation: renderWaterfall(m.waterfall),
        ...(m.decision === 'review' ? { waterfall: storedWaterfall(m.waterfall) } : {}),
        recordedBy: { role: 'threadline-linkage' },
      }));
  }
}
