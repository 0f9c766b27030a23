import { parseBirthDate, type BirthDate } from './fields/birth-date.ts';

/** Youngest a parent can have been at a child's birth: a younger "parent" is another person. */
const MIN_PARENT_AGE_YEARS = 12;

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
