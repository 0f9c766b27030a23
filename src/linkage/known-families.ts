import { parseBirthDate, type BirthDate } from './fields/birth-date.ts';
import { SortedStrings, extendSorted, type SortedStringsState } from './sorted-strings.ts';

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

  constructor(private readonly state?: KnownFamiliesState) {
    this.restored = state ? new SortedStrings(state.people) : SortedStrings.EMPTY;
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

  areRelatives(a: string, b: string): boolean {
    if (this.relatives.get(a)?.has(b)) return true;
    if (!this.state) return false;
    const from = this.restored.find(a);
    if (from < 0) return false;
    const to = this.restored.find(b);
    if (to < 0) return false;
    for (let r = this.state.relativeStarts[from]; r < this.state.relativeStarts[from + 1]; r++)
      if (this.state.relatives[r] === to) return true;
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
    const restored = this.state ? this.restored.find(parent) : -1;
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
    const restored = this.restored.find(child);
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
  const extra = new Map<number, number[]>();
  for (let p = 0; p < pairs.length; p += 2) {
    const list = extra.get(pairs[p]);
    if (list) list.push(pairs[p + 1]);
    else extra.set(pairs[p], [pairs[p + 1]]);
  }
  const merged = new Int32Array((targets?.length ?? 0) + pairs.length / 2);
  const mergedStarts = new Int32Array(count + 1);
  let out = 0;
  for (let r = 0; r < count; r++) {
    const from = r < rows ? starts![r] : 0,
      to = r < rows ? starts![r + 1] : 0;
    const more = extra.get(r);
    if (!more) {
      if (to > from) merged.set(targets!.subarray(from, to), out);
      out += to - from;
    } else {
      const row = Int32Array.from([...(to > from ? targets!.subarray(from, to) : []), ...more]).sort();
      for (let t = 0; t < row.length; t++) if (t === 0 || row[t] !== row[t - 1]) merged[out++] = row[t];
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
