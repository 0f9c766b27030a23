import { parseBirthDate, type BirthDate } from './fields/birth-date.ts';
import type { StringTable } from './string-table.ts';

/** Youngest a parent can have been at a child's birth: a younger "parent" is another person. */
const MIN_PARENT_AGE_YEARS = 12;

/** KnownFamilies as numbers of a state's strings: pairs (relative and relative, parent and child, child and date of birth). */
export interface KnownFamiliesState {
  readonly relatives: Int32Array;
  readonly children: Int32Array;
  readonly births: Int32Array;
}

/**
 * What the record says about families, for the identity index: people recorded in one
 * family (a parent and their child, a carer and the child) are different people, and a
 * parent was old enough at each child's birth. Holds record ids only.
 */
export class KnownFamilies {
  private readonly relatives = new Map<string, Set<string>>();
  private readonly children = new Map<string, Set<string>>();
  private readonly born = new Map<string, BirthDate>();

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
    if (born) this.born.set(child, born);
  }

  exportState(strings: StringTable): KnownFamiliesState {
    const pairs = (map: ReadonlyMap<string, ReadonlySet<string>>) => {
      const numbers: number[] = [];
      for (const [from, tos] of map) for (const to of tos) numbers.push(strings.number(from), strings.number(to));
      return Int32Array.from(numbers);
    };
    const births: number[] = [];
    for (const [child, born] of this.born) births.push(strings.number(child), strings.number(born.iso));
    return { relatives: pairs(this.relatives), children: pairs(this.children), births: Int32Array.from(births) };
  }

  static fromState(state: KnownFamiliesState, strings: readonly string[]): KnownFamilies {
    const families = new KnownFamilies();
    for (let i = 0; i < state.relatives.length; i += 2)
      add(families.relatives, strings[state.relatives[i]], strings[state.relatives[i + 1]]);
    for (let i = 0; i < state.children.length; i += 2) add(families.children, strings[state.children[i]], strings[state.children[i + 1]]);
    for (let i = 0; i < state.births.length; i += 2) families.recordBirth(strings[state.births[i]], strings[state.births[i + 1]]);
    return families;
  }

  areRelatives(a: string, b: string): boolean {
    return this.relatives.get(a)?.has(b) ?? false;
  }

  /**
   * When a person born on `born` cannot be `parent` (they would have been under 12, or
   * not yet born, at the birth of a child recorded as the parent's): the age they would
   * have been, in whole years. `bornOf` supplies dates of birth the family records lack.
   */
  tooYoungToBeParent(parent: string, born: BirthDate, bornOf: (record: string) => BirthDate | null): number | null {
    let youngest: number | null = null;
    for (const child of this.children.get(parent) ?? []) {
      const childBorn = this.born.get(child) ?? bornOf(child);
      if (!childBorn) continue;
      const age = Math.floor((childBorn.dayNumber - born.dayNumber) / 365.25);
      if (age < MIN_PARENT_AGE_YEARS && (youngest === null || age < youngest)) youngest = age;
    }
    return youngest;
  }
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
