import { BLOCKING_RULES, type BlockingRule } from './blocking-rule.ts';
import { BlockingTable } from './blocking-table.ts';
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
import { recordPreparer, type PreparedRecord } from './prepared-record.ts';
import { KeyNumbers } from './key-numbers.ts';
import { KnownRecords } from './known-records.ts';
import { ownedArrays } from './owned-arrays.ts';
import { TermFrequencies, frequencyFields } from './term-frequencies.ts';
import { explainPair, type Waterfall } from './waterfall.ts';
import { chanceOfFirst } from './competing-candidates.ts';
import { sameHousehold } from './household.ts';
import { KnownFamilies } from './known-families.ts';
import { IDENTITY_INDEX_STATE_FORMAT, type IdentityIndexState, type PackedPairs } from './identity-index-state.ts';
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

/** A known record a query is weighed against: its number among the known records, and its person. */
interface Candidate {
  readonly record: number;
  readonly recordId: string;
  readonly personId: string;
  readonly prepared: PreparedRecord;
  readonly weight: number;
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
  private readonly numbers: { readonly sound: KeyNumbers; readonly place: KeyNumbers };
  private readonly prepare: (record: PersonRecord) => PreparedRecord;
  private readonly records: KnownRecords;
  private readonly byKey: BlockingTable[];
  private readonly termFrequencies = new Map<string, TermFrequencies>();
  private readonly frequencyFields = frequencyFields(COMPARISONS);
  private readonly scorer: PairScorer;
  private readonly rejected = new Map<string, Set<string>>();
  private readonly accepted = new Map<string, Set<string>>();
  private readonly families: KnownFamilies;

  constructor(options: IdentityIndexOptions = {}, state?: IdentityIndexState) {
    this.parameters = options.parameters ?? defaultParameters();
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    this.maxRecordsPerKey = options.maxRecordsPerKey ?? 1_000;
    this.numbers = {
      sound: state ? KeyNumbers.fromState(state.sounds) : new KeyNumbers(),
      place: state ? KeyNumbers.fromState(state.places) : new KeyNumbers(),
    };
    this.prepare = recordPreparer({ sound: this.numbers.sound.number, place: this.numbers.place.number });
    this.records = new KnownRecords(this.prepare, state?.records);
    this.byKey = this.rules.map((_, rule) => new BlockingTable(state?.blocking[rule]));
    this.frequencyFields.forEach((field, f) => this.termFrequencies.set(field.key, new TermFrequencies(state?.frequencies[f])));
    this.scorer = new PairScorer(this.comparisons, this.parameters, this.termFrequencies);
    this.families = new KnownFamilies(state?.families);
    if (state) {
      fillPairs(this.accepted, state.accepted);
      fillPairs(this.rejected, state.rejected);
    }
  }

  /** Known records. */
  get size(): number {
    return this.records.size;
  }

  /** Adds (or moves) a known record, as belonging to a person. */
  add(record: PersonRecord, personId: string): void {
    this.remove(record.id);
    const prepared = this.prepare(record);
    const number = this.records.add(record, personId, prepared);
    this.rules.forEach((rule, r) => {
      const key = rule.key(prepared);
      if (key !== null) this.byKey[r].add(key, number);
    });
    for (const field of this.frequencyFields) this.termFrequencies.get(field.key)!.add(field.value(prepared));
  }

  /** Forgets a known record (a no-op for an unknown id). */
  remove(recordId: string): void {
    const number = this.records.numberOf(recordId);
    if (number < 0) return;
    const prepared = this.records.preparedOf(number);
    const restored = number < this.records.restored;
    this.rules.forEach((rule, r) => {
      const key = rule.key(prepared);
      if (key !== null) this.byKey[r].remove(key, number, restored);
    });
    for (const field of this.frequencyFields) this.termFrequencies.get(field.key)!.remove(field.value(prepared));
    this.records.remove(number);
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
    const { state: records, renumbered } = this.records.exportState();
    return {
      format: IDENTITY_INDEX_STATE_FORMAT,
      layout: stateLayout(this.rules, this.frequencyFields),
      records,
      sounds: this.numbers.sound.exportState(),
      places: this.numbers.place.exportState(),
      blocking: this.byKey.map((table) => table.exportState(renumbered)),
      frequencies: this.frequencyFields.map((field) => this.termFrequencies.get(field.key)!.exportState()),
      accepted: packPairs(this.accepted),
      rejected: packPairs(this.rejected),
      families: this.families.exportState(),
    };
  }

  /**
   * An index that knows what the exported one knew, and matches exactly as it did. Its
   * arrays are read where they lie (nothing is rebuilt per record; typed arrays that are
   * views into a larger buffer, as `v8.deserialize` makes them, are copied out so that
   * the buffer can go); records are prepared for comparison as they first become candidates. Throws for a state this code cannot
   * read (another format, other blocking rules or comparisons, or records whose keys are
   * no longer what the state says: the linkage code changed): relearn from the events then.
   */
  static fromState(state: IdentityIndexState, options: IdentityIndexOptions = {}): IdentityIndex {
    if (state.format !== IDENTITY_INDEX_STATE_FORMAT) throw new Error(`identity index state format ${String(state.format)} is not known`);
    if (state.layout !== stateLayout(BLOCKING_RULES, frequencyFields(COMPARISONS)))
      throw new Error('identity index state was made with other blocking rules or comparisons');
    const index = new IdentityIndex(options, ownedArrays(state));
    index.checkKeys();
    return index;
  }

  /** A few of a restored state's records against the keys it holds for them: different keys mean other linkage code made it. */
  private checkKeys(): void {
    const restored = this.records.restored,
      samples = Math.min(restored, 16);
    for (let sample = 0; sample < samples; sample++) {
      let record = Math.floor((sample * restored) / samples);
      while (record < restored && !this.records.isLive(record)) record++;
      if (record === restored) break;
      const prepared = this.records.preparedOf(record);
      this.rules.forEach((rule, r) => {
        const key = rule.key(prepared);
        if (key !== null && !this.byKey[r].restoredHolds(key, record))
          throw new Error(
            `identity index state does not hold its record ${record} under "${rule.name}": it was made by other linkage code`,
          );
      });
    }
  }

  /** The known people a record may be about, best first, at most `limit` of them. */
  match(record: PersonRecord, options: { readonly limit?: number } = {}): IdentityMatch[] {
    const limit = options.limit ?? 5;
    const query = this.prepare(record);
    const prior = priorForPopulation(this.parameters, this.records.size);
    const priorWeight = Math.log2(prior / (1 - prior));
    const best = new Map<string, { record: number; weight: number }>();
    const excluded = this.excludedPeople(record.id);
    for (const candidate of this.candidates(query, record.id)) {
      const personId = this.records.personOf(candidate);
      if (excluded.has(personId)) continue;
      const weight = this.scorer.weightWithPrior(query, this.records.preparedOf(candidate), priorWeight);
      const current = best.get(personId);
      if (!current || weight > current.weight) best.set(personId, { record: candidate, weight });
    }
    const accepted = this.accepted.get(record.id);
    const ranked = [...best]
      .map(([personId, { record, weight }]) => {
        const prepared = this.records.preparedOf(record);
        const decided = Boolean(accepted?.has(prepared.id)) || sameNhsNumberLinks(query, prepared);
        return { record, recordId: prepared.id, personId, prepared, weight, decided };
      })
      .sort((x, y) => Number(y.decided) - Number(x.decided) || y.weight - x.weight);
    // Relatives compete for the record among the strongest candidates.
    const rivals = ranked.slice(0, Math.max(limit, MAX_RIVALS));
    return ranked.slice(0, limit).map((candidate) => {
      const { personId, recordId, prepared, weight } = candidate;
      const waterfall = explainPair(this.scorer, query, prepared, prior);
      if (candidate.decided) return { personId, recordId, matchWeight: weight, probability: 1, decision: 'link' as const, waterfall };
      const alone = weightToProbability(weight);
      const shared = this.sharedWithRelatives(candidate, rivals, priorWeight);
      const tooYoung = query.born ? this.families.tooYoungToBeParent(recordId, query.born, (id) => this.knownBorn(id)) : null;
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
  private sharedWithRelatives(candidate: Candidate, rivals: readonly Candidate[], priorWeight: number): number {
    const { recordId, prepared, weight } = candidate;
    let lowest = 1;
    for (const rival of rivals) {
      if (rival.recordId === recordId) continue;
      const distinct = this.families.areRelatives(recordId, rival.recordId) || (this.rejected.get(recordId)?.has(rival.recordId) ?? false);
      if (!distinct && !sameHousehold(prepared, rival.prepared)) continue;
      const between = distinct ? null : this.scorer.weightWithPrior(prepared, rival.prepared, priorWeight);
      lowest = Math.min(lowest, chanceOfFirst(weight, rival.weight, between));
    }
    return lowest;
  }

  /** A known record's date of birth (null when unknown). */
  private knownBorn(recordId: string) {
    const number = this.records.numberOf(recordId);
    return number < 0 ? null : this.records.preparedOf(number).born;
  }

  /**
   * Records that two known people belong to one family (from relationship, pregnancy and
   * birth records): they are different people, and a parent was old enough at the birth.
   */
  recordRelationship(adult: string, child: string, options: { readonly parent: boolean; readonly childBorn?: string }): void {
    this.families.relate(adult, child, options.parent);
    if (options.childBorn) this.families.recordBirth(child, options.childBorn);
  }

  /** The known records sharing a blocking key with the query (and those a practitioner linked to it), in the order found. */
  private candidates(query: PreparedRecord, queryId: string): Set<number> {
    const found = new Set<number>();
    const self = this.records.numberOf(queryId);
    const live = (record: number) => this.records.isLive(record);
    const visit = (record: number) => {
      if (record !== self) found.add(record);
    };
    this.rules.forEach((rule, index) => {
      const key = rule.key(query);
      if (key !== null) this.byKey[index].visit(key, Math.min(this.maxRecordsPerKey, rule.maxBlockSize ?? Infinity), live, visit);
    });
    for (const accepted of this.accepted.get(queryId) ?? []) {
      const record = this.records.numberOf(accepted);
      if (record >= 0) found.add(record);
    }
    return found;
  }

  /** People with a record that a practitioner said is not this record's person. */
  private excludedPeople(recordId: string): Set<string> {
    const people = new Set<string>();
    for (const other of this.rejected.get(recordId) ?? []) {
      const record = this.records.numberOf(other);
      if (record >= 0) people.add(this.records.personOf(record));
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

/** Pairs of ids (a, b), b in a's set, in the order of the map and its sets. */
function packPairs(map: ReadonlyMap<string, ReadonlySet<string>>): PackedPairs {
  const strings = new StringTable();
  const numbers: number[] = [];
  for (const [from, tos] of map) for (const to of tos) numbers.push(strings.number(from), strings.number(to));
  return { strings: strings.pack(), pairs: Int32Array.from(numbers) };
}

function fillPairs(map: Map<string, Set<string>>, packed: PackedPairs): void {
  const strings = unpackStrings(packed.strings);
  for (let i = 0; i < packed.pairs.length; i += 2) {
    const from = strings[packed.pairs[i]],
      to = strings[packed.pairs[i + 1]];
    const set = map.get(from);
    if (set) set.add(to);
    else map.set(from, new Set([to]));
  }
}

/** What a state's arrays are aligned with: the blocking rules and the counted fields, in order. */
function stateLayout(rules: readonly BlockingRule[], fields: readonly { readonly key: string }[]): string {
  return [...rules.map((rule) => rule.name), ...fields.map((field) => field.key)].join('\n');
}
