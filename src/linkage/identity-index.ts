import { BLOCKING_RULES, type BlockingKey, type BlockingRule } from './blocking-rule.ts';
import type { Comparison } from './comparison.ts';
import { COMPARISONS } from './comparisons/index.ts';
import { defaultParameters } from './default-parameters.ts';
import type { LinkDecision } from './link-decision.ts';
import { constraintsFrom } from './link-decision.ts';
import { decide, sameNhsNumberLinks, type MatchDecision } from './match-decision.ts';
import {
  DEFAULT_THRESHOLDS,
  priorForPopulation,
  weightToProbability,
  type DecisionThresholds,
  type ModelParameters,
} from './model-parameters.ts';
import { PairScorer } from './pair-scorer.ts';
import type { PersonRecord } from './person-record.ts';
import { prepareRecord, type PreparedRecord } from './prepared-record.ts';
import { TermFrequencies, frequencyFields } from './term-frequencies.ts';
import { explainPair, type Waterfall } from './waterfall.ts';
import { chanceOfFirst } from './competing-candidates.ts';
import { sameHousehold } from './household.ts';
import { KnownFamilies } from './known-families.ts';
import { IDENTITY_INDEX_STATE_FORMAT, RECORD_COLUMNS, recordAt, recordColumns, type IdentityIndexState } from './identity-index-state.ts';
import { StringTable, unpackStrings } from './string-table.ts';

/** Candidates weighed against each other for a record: the strongest few. */
const MAX_RIVALS = 10;

function percent(probability: number): string {
  return `${(probability * 100).toFixed(1)}%`;
}

/** A known person who may be the person a new record is about. */
export interface IdentityMatch {
  readonly personId: string;
  /** The known record of that person that matched best. */
  readonly recordId: string;
  readonly matchWeight: number;
  readonly probability: number;
  readonly decision: MatchDecision;
  /** Why: the prior, each comparison's level, m, u and log2 Bayes factor, the total, and any guard that lowered the probability. */
  readonly waterfall: Waterfall;
}

export interface IdentityIndexOptions {
  readonly parameters?: ModelParameters;
  readonly thresholds?: DecisionThresholds;
  /** A blocking key shared by more known records than this finds no candidates (it identifies no one). */
  readonly maxRecordsPerKey?: number;
}

interface KnownRecord {
  /** As the agency keyed it: what a state holds (the prepared record's numbers are this process's). */
  readonly record: PersonRecord;
  readonly prepared: PreparedRecord;
  readonly personId: string;
  readonly keys: readonly (BlockingKey | null)[];
}

/**
 * The people Threadline already knows, indexed so that a new record can be matched
 * against them as it arrives (on every `person.recorded`). Holds records in memory;
 * no I/O. Blocking keys find the candidates, the Fellegi–Sunter model scores them,
 * and each candidate person comes back with its waterfall.
 *
 *     const index = new IdentityIndex();
 *     index.add({ id: 'r1', name: { given: 'Noah', family: 'Watson' }, born: '2008-03-23' }, 'person-1');
 *     const [best] = index.match({ id: 'r2', name: { given: 'Watson', family: 'Noah' }, born: '2008-03-23' });
 *     // best.personId === 'person-1', best.decision is 'link', 'review' or 'no-link'
 */
export class IdentityIndex {
  private readonly comparisons: readonly Comparison[] = COMPARISONS;
  private readonly rules: readonly BlockingRule[] = BLOCKING_RULES;
  private readonly parameters: ModelParameters;
  private readonly thresholds: DecisionThresholds;
  private readonly maxRecordsPerKey: number;
  private readonly records = new Map<string, KnownRecord>();
  private readonly byKey: Map<BlockingKey, Set<string>>[];
  private readonly termFrequencies = new Map<string, TermFrequencies>();
  private readonly frequencyFields = frequencyFields(COMPARISONS);
  private readonly scorer: PairScorer;
  private readonly rejected = new Map<string, Set<string>>();
  private readonly accepted = new Map<string, Set<string>>();
  private families = new KnownFamilies();

  constructor(options: IdentityIndexOptions = {}) {
    this.parameters = options.parameters ?? defaultParameters();
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    this.maxRecordsPerKey = options.maxRecordsPerKey ?? 1_000;
    this.byKey = this.rules.map(() => new Map<BlockingKey, Set<string>>());
    for (const field of this.frequencyFields) this.termFrequencies.set(field.key, new TermFrequencies());
    this.scorer = new PairScorer(this.comparisons, this.parameters, this.termFrequencies);
  }

  /** Known records. */
  get size(): number {
    return this.records.size;
  }

  /** Adds (or moves) a known record, as belonging to a person. */
  add(record: PersonRecord, personId: string): void {
    this.remove(record.id);
    const prepared = prepareRecord(record);
    const keys = this.rules.map((rule) => rule.key(prepared));
    keys.forEach((key, rule) => {
      if (key === null) return;
      const holders = this.byKey[rule].get(key);
      if (holders) holders.add(record.id);
      else this.byKey[rule].set(key, new Set([record.id]));
    });
    for (const field of this.frequencyFields) this.termFrequencies.get(field.key)!.add(field.value(prepared));
    this.records.set(record.id, { record, prepared, personId, keys });
  }

  /** Forgets a known record (a no-op for an unknown id). */
  remove(recordId: string): void {
    const known = this.records.get(recordId);
    if (!known) return;
    known.keys.forEach((key, rule) => {
      if (key === null) return;
      const holders = this.byKey[rule].get(key)!;
      holders.delete(recordId);
      if (holders.size === 0) this.byKey[rule].delete(key);
    });
    for (const field of this.frequencyFields) this.termFrequencies.get(field.key)!.remove(field.value(known.prepared));
    this.records.delete(recordId);
  }

  /**
   * Records a practitioner's decision: a rejected pair's people are never offered
   * for each other again, an accepted pair is always a link.
   */
  recordDecision(decision: LinkDecision): void {
    const { mustLink, cannotLink } = constraintsFrom([decision]);
    for (const [a, b] of cannotLink) this.setPair(this.rejected, this.accepted, a, b);
    for (const [a, b] of mustLink) this.setPair(this.accepted, this.rejected, a, b);
  }

  /** Everything the index has learnt, to be restored with `fromState` (in this or another process). */
  exportState(): IdentityIndexState {
    const strings = new StringTable();
    const number = (value: string | undefined) => strings.optional(value);
    const records = new Int32Array(this.records.size * RECORD_COLUMNS);
    let row = 0;
    for (const known of this.records.values()) records.set(recordColumns(known.record, known.personId, number), row++ * RECORD_COLUMNS);
    const pairs = (map: ReadonlyMap<string, ReadonlySet<string>>) => {
      const numbers: number[] = [];
      for (const [from, tos] of map) for (const to of tos) numbers.push(strings.number(from), strings.number(to));
      return Int32Array.from(numbers);
    };
    const accepted = pairs(this.accepted),
      rejected = pairs(this.rejected);
    const families = this.families.exportState(strings);
    return { format: IDENTITY_INDEX_STATE_FORMAT, strings: strings.pack(), records, accepted, rejected, families };
  }

  /** An index that knows what the exported one knew: it matches exactly as that one did. */
  static fromState(state: IdentityIndexState, options: IdentityIndexOptions = {}): IdentityIndex {
    if (state.format !== IDENTITY_INDEX_STATE_FORMAT) throw new Error(`identity index state format ${String(state.format)} is not known`);
    const index = new IdentityIndex(options);
    const strings = unpackStrings(state.strings);
    for (let row = 0; row < state.records.length / RECORD_COLUMNS; row++) {
      const { record, personId } = recordAt(state.records, row, strings);
      index.add(record, personId);
    }
    const fill = (map: Map<string, Set<string>>, pairs: Int32Array) => {
      for (let i = 0; i < pairs.length; i += 2) {
        const from = strings[pairs[i]],
          to = strings[pairs[i + 1]];
        const set = map.get(from);
        if (set) set.add(to);
        else map.set(from, new Set([to]));
      }
    };
    fill(index.accepted, state.accepted);
    fill(index.rejected, state.rejected);
    index.families = KnownFamilies.fromState(state.families, strings);
    return index;
  }

  /** The known people a record may be about, best first, at most `limit` of them. */
  match(record: PersonRecord, options: { readonly limit?: number } = {}): IdentityMatch[] {
    const limit = options.limit ?? 5;
    const query = prepareRecord(record);
    const prior = priorForPopulation(this.parameters, this.records.size);
    const priorWeight = Math.log2(prior / (1 - prior));
    const best = new Map<string, { recordId: string; weight: number }>();
    const excluded = this.excludedPeople(record.id);
    for (const recordId of this.candidates(query, record.id)) {
      const known = this.records.get(recordId)!;
      if (excluded.has(known.personId)) continue;
      const weight = this.scorer.weightWithPrior(query, known.prepared, priorWeight);
      const current = best.get(known.personId);
      if (!current || weight > current.weight) best.set(known.personId, { recordId, weight });
    }
    const decided = (recordId: string) =>
      this.accepted.get(record.id)?.has(recordId) || sameNhsNumberLinks(query, this.records.get(recordId)!.prepared);
    const ranked = [...best]
      .map(([personId, { recordId, weight }]) => ({ personId, recordId, weight, known: this.records.get(recordId)! }))
      .sort((x, y) => Number(decided(y.recordId)) - Number(decided(x.recordId)) || y.weight - x.weight);
    // Relatives compete for the record among the strongest candidates.
    const rivals = ranked.slice(0, Math.max(limit, MAX_RIVALS));
    return ranked.slice(0, limit).map(({ personId, recordId, weight, known }) => {
      const waterfall = explainPair(this.scorer, query, known.prepared, prior);
      if (decided(recordId)) return { personId, recordId, matchWeight: weight, probability: 1, decision: 'link' as const, waterfall };
      const alone = weightToProbability(weight);
      const shared = this.sharedWithRelatives(recordId, known.prepared, weight, rivals, priorWeight);
      const tooYoung = query.born
        ? this.families.tooYoungToBeParent(recordId, query.born, (id) => this.records.get(id)?.prepared.born ?? null)
        : null;
      const probability = Math.min(alone, shared);
      const guards: string[] = [];
      if (shared < alone)
        guards.push(
          `another person at the same address, or recorded in the same family, matches as well: the chance is shared between them (${percent(alone)} for this person alone)`,
        );
      if (tooYoung !== null)
        guards.push(
          `an impossible family: this person would have been ${tooYoung < 0 ? 'not yet born' : `${tooYoung} years old`} at the birth of a child recorded as theirs, so a practitioner decides`,
        );
      const byProbability = decide(probability, this.thresholds);
      const decision = tooYoung !== null && byProbability === 'link' ? 'review' : byProbability;
      return { personId, recordId, matchWeight: weight, probability, decision, waterfall: { ...waterfall, probability, guards } };
    });
  }

  /** The lowest chance left to a candidate when each relative among the rivals is weighed against it (1 when none competes). */
  private sharedWithRelatives(
    recordId: string,
    prepared: PreparedRecord,
    weight: number,
    rivals: readonly { recordId: string; weight: number; known: KnownRecord }[],
    priorWeight: number,
  ): number {
    let lowest = 1;
    for (const rival of rivals) {
      if (rival.recordId === recordId) continue;
      const distinct = this.families.areRelatives(recordId, rival.recordId) || (this.rejected.get(recordId)?.has(rival.recordId) ?? false);
      if (!distinct && !sameHousehold(prepared, rival.known.prepared)) continue;
      const between = distinct ? null : this.scorer.weightWithPrior(prepared, rival.known.prepared, priorWeight);
      lowest = Math.min(lowest, chanceOfFirst(weight, rival.weight, between));
    }
    return lowest;
  }

  /**
   * Records that two known people belong to one family (from relationship, pregnancy and
   * birth records): they are different people, and a parent was old enough at the birth.
   */
  recordRelationship(adult: string, child: string, options: { readonly parent: boolean; readonly childBorn?: string }): void {
    this.families.relate(adult, child, options.parent);
    if (options.childBorn) this.families.recordBirth(child, options.childBorn);
  }

  private candidates(query: PreparedRecord, queryId: string): Set<string> {
    const found = new Set<string>();
    this.rules.forEach((rule, index) => {
      const key = rule.key(query);
      if (key === null) return;
      const holders = this.byKey[index].get(key);
      if (!holders || holders.size > Math.min(this.maxRecordsPerKey, rule.maxBlockSize ?? Infinity)) return;
      for (const holder of holders) if (holder !== queryId) found.add(holder);
    });
    for (const accepted of this.accepted.get(queryId) ?? []) if (this.records.has(accepted)) found.add(accepted);
    return found;
  }

  /** People with a record that a practitioner said is not this record's person. */
  private excludedPeople(recordId: string): Set<string> {
    const people = new Set<string>();
    for (const other of this.rejected.get(recordId) ?? []) {
      const known = this.records.get(other);
      if (known) people.add(known.personId);
    }
    return people;
  }

  private setPair(into: Map<string, Set<string>>, outOf: Map<string, Set<string>>, a: string, b: string): void {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      outOf.get(x)?.delete(y);
      const set = into.get(x);
      if (set) set.add(y);
      else into.set(x, new Set([y]));
    }
  }
}
