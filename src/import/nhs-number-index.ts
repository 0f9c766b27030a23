import type { World } from '../engine/world.ts';

/**
 * Who on the record has each NHS number (spaces ignored). Where two records share one
 * (the same person recorded by two agencies), the first recorded answers: the identity
 * linker joins them.
 */
export function nhsNumberIndex(world: Pick<World, 'allPersons'>): (nhsNumber: string) => string | undefined {
  let index: Map<string, string> | undefined;
  return (nhsNumber) => {
    if (!index) {
      index = new Map();
      for (const person of world.allPersons())
        if (person.nhsNumber) {
          const key = person.nhsNumber.replace(/\s/g, '');
          if (!index.has(key)) index.set(key, person.id);
        }
    }
    return index.get(nhsNumber.replace(/\s/g, ''));
  };
}
