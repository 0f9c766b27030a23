import { parseBirthDate, type BirthDate } from './fields/birth-date.ts';
import { SortedStrings, extendSorted, type SortedStringsState } from './sorted-strings.ts';
import { memoise } from './memo.ts';

/** Youngest a parent can have been at a child's birth: a younger "parent" is another person. */
const MIN_PARENT_AGE_YEARS = 12;

/** KnownFamilies as a state keeps it: each person's relatives and children by number, in compressed rows. */
export interface KnownFamiliesState {
  readonly people: SortedStringsState;
  /** Per person, where their relatives start in `relatives` (one more entry than people). */
  readonly relativeStarts: Int32Array;
  readonly relatives: Int32Array;
  readonly childStarts: Int32Array;
  readonly children: Int32Array;
  /** Per person, the day number of their birth as the family records give it (NaN when they do not). */
  readonly born: Float64Array;
}

/** A person's id, and their number in the restored state (-1 when it does not know them). */
export interface FamilyMember {
  readonly person: string;
  readonly restored: number;
}

/**
 * What the record says about families, for the identity index: people recorded in one
 * family (a parent and their child, a carer and the child) are different people, and a
 * parent was old enough at each child's birth. Holds record ids only. A restored state's
 * families stay in its arrays; what is learnt since is kept in Maps beside them.
 */
export class KnownFamilies {
  private readonly relatives = new Map<string, Set<string>>();
  private readonly children = new Map<string, Set<string>>();
  private readonly born = new Map<string, number>();
  private readonly restored: SortedStrings;
  /** A restored person's number by id (a match asks about the same few people many times over). */
  private readonly restoredNumber: (person: string) => number;

  constructor(private readonly state?: KnownFamiliesState) {
    this.restored = state ? new SortedStrings(state.people) : SortedStrings.EMPTY;
    this.restoredNumber = memoise((person) => this.restored.find(person), 20_000);
  }

  /** Records two records as people of one family; `parent` is true when `adult` is the child's mother or father. */
  relate(adult: string, child: string, parent: boolean): void {
    if (adult === child) return;
    add(this.relatives, adult, child);
    add(this.relatives, child, adult);
    if (parent) add(this.children, adult, child);
  }

  /** A child's date of birth (or due date) as the family records give it (YYYY-MM-DD). */
  recordBirth(child: string, date: string): void {
    const born = parseBirthDate(date);
    if (born) this.born.set(child, born.dayNumber);
  }

  /** A person as the families know them, for asking about many pairs without finding them again each time. */
  member(person: string): FamilyMember {
    return { person, restored: this.state ? this.restored.find(person) : -1 };
  }

  areRelatives(a: FamilyMember, b: FamilyMember): boolean {
    if (this.relatives.get(a.person)?.has(b.person)) return true;
    if (a.restored < 0 || b.restored < 0) return false;
    const { relativeStarts, relatives } = this.state!;
    for (let r = relativeStarts[a.restored]; r < relativeStarts[a.restored + 1]; r++) if (relatives[r] === b.restored) return true;
    return false;
  }

  /**
   * When a person born on `born` cannot be `parent` (they would have been under 12, or
   * not yet born, at the birth of a child recorded as the parent's): the age they would
   * have been, in whole years. `bornOf` supplies dates of birth the family records lack.
   */
  tooYoungToBeParent(parent: string, born: BirthDate, bornOf: (record: string) => BirthDate | null): number | null {
    let youngest: number | null = null;
    const consider = (child: string) => {
      const childBorn = this.bornDay(child) ?? bornOf(child)?.dayNumber;
      if (childBorn === undefined) return;
      const age = Math.floor((childBorn - born.dayNumber) / 365.25);
      if (age < MIN_PARENT_AGE_YEARS && (youngest === null || age < youngest)) youngest = age;
    };
    const restored = this.state ? this.restoredNumber(parent) : -1;
    if (restored >= 0)
      for (let c = this.state!.childStarts[restored]; c < this.state!.childStarts[restored + 1]; c++)
        consider(this.restored.at(this.state!.children[c]));
    for (const child of this.children.get(parent) ?? []) consider(child);
    return youngest;
  }

  /** The families as a state: the restored people keep their numbers, people met since follow. */
  exportState(): KnownFamiliesState {
    if (this.state && this.relatives.size === 0 && this.children.size === 0 && this.born.size === 0) return this.state;
    const restored = this.restored.size;
    const added: string[] = [];
    const addedNumbers = new Map<string, number>();
    const number = (person: string) => {
      const found = this.restored.find(person);
      if (found >= 0) return found;
      let next = addedNumbers.get(person);
      if (next === undefined) {
        addedNumbers.set(person, (next = restored + added.length));
        added.push(person);
      }
      return next;
    };
    const pairs = (map: ReadonlyMap<string, ReadonlySet<string>>) => {
      const list: number[] = [];
      for (const [from, tos] of map) for (const to of tos) list.push(number(from), number(to));
      return list;
    };
    const relatives = pairs(this.relatives),
      children = pairs(this.children);
    const bornDays: [number, number][] = [...this.born].map(([person, day]) => [number(person), day]);
    const people = restored + added.length;
    const born = new Float64Array(people).fill(NaN);
    if (this.state) born.set(this.state.born);
    for (const [person, day] of bornDays) born[person] = day;
    const related = mergeRows(people, relatives, this.state?.relativeStarts, this.state?.relatives),
      parented = mergeRows(people, children, this.state?.childStarts, this.state?.children);
    return {
      people: extendSorted(this.restored, added),
      relativeStarts: related.starts,
      relatives: related.targets,
      childStarts: parented.starts,
      children: parented.targets,
      born,
    };
  }

  private bornDay(child: string): number | undefined {
    const day = this.born.get(child);
    if (day !== undefined || !this.state) return day;
    const restored = this.restoredNumber(child);
    return restored < 0 || Number.isNaN(this.state.born[restored]) ? undefined : this.state.born[restored];
  }
}

/**
 * Compressed rows (each row's targets distinct and ascending) with pairs (from, to)
 * added: rows no pair touches are copied as they are.
 */
function mergeRows(
  count: number,
  pairs: readonly number[],
  starts?: Int32Array,
  targets?: Int32Array,
): { starts: Int32Array; targets: Int32Array } {
  const rows = starts ? starts.length - 1 : 0;
  // The added pairs as rows of their own (counting sort by row).
  const extraStarts = new Int32Array(count + 1);
  for (let p = 0; p < pairs.length; p += 2) extraStarts[pairs[p] + 1]++;
  for (let r = 0; r < count; r++) extraStarts[r + 1] += extraStarts[r];
  const fill = extraStarts.slice(0, count);
  const extra = new Int32Array(pairs.length / 2);
  for (let p = 0; p < pairs.length; p += 2) extra[fill[pairs[p]]++] = pairs[p + 1];
  const merged = new Int32Array((targets?.length ?? 0) + extra.length);
  const mergedStarts = new Int32Array(count + 1);
  let out = 0;
  for (let r = 0; r < count; r++) {
    const from = r < rows ? starts![r] : 0,
      to = r < rows ? starts![r + 1] : 0;
    const start = out;
    if (to > from) merged.set(targets!.subarray(from, to), out);
    out += to - from;
    const more = extraStarts[r + 1] - extraStarts[r];
    if (more > 0) {
      merged.set(extra.subarray(extraStarts[r], extraStarts[r + 1]), out);
      const end = out + more;
      merged.subarray(start, end).sort();
      // Distinct: a relationship recorded twice (before and after a state) is one.
      out = start;
      for (let t = start; t < end; t++) if (t === start || merged[t] !== merged[out - 1]) merged[out++] = merged[t];
    }
    mergedStarts[r + 1] = out;
  }
  return { starts: mergedStarts, targets: merged.slice(0, out) };
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
