import { DEFAULT_FAMILIES_IN_MEMORY } from '../store/record-store.ts';

/**
 * How many families the engine keeps in memory (THREADLINE_FAMILIES_IN_MEMORY, default
 * 20,000): the rest stay serialised until needed. A bad value stops the start, naming it.
 */
export function familiesInMemory(env: Readonly<Record<string, string | undefined>>): number {
  const value = env.THREADLINE_FAMILIES_IN_MEMORY;
  if (value === undefined || value.trim() === '') return DEFAULT_FAMILIES_IN_MEMORY;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1)
    throw new Error(`THREADLINE_FAMILIES_IN_MEMORY must be a whole number of families, at least 1 (it is "${value}")`);
  return Number(value);
}
