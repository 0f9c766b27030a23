import { ageKey, type LmsTable } from './reference-tables.ts';

/** Slots of the scratch array lmsAt works in: the age goes in, L, M and S come out. */
export const AGE = 0;
export const L = 1;
export const M = 2;
export const S = 3;

/**
 * Writes L, M and S at the age in io[AGE] into io[L], io[M], io[S], as rcpchgrowth does for UK-WHO: the
 * tabulated values where the age matches a row to 4 decimal places; otherwise cubic
 * (Lagrange) interpolation through the two rows below and the two above, or linear
 * interpolation between the neighbouring rows where the table ends too soon for that.
 * The caller guarantees that the age lies within the table. The age travels in the
 * scratch array rather than as an argument because V8 boxes a double passed to a call
 * it has not inlined: this way the hot path allocates nothing.
 */
export function lmsAt(table: LmsTable, io: Float64Array): void {
  const age = io[AGE];
  const { ages, ageKeys, length } = table;
  const key = ageKey(age);

  // Highest row strictly below the age (0 when none), as rcpchgrowth's scan finds it.
  let lo = 0;
  let hi = length - 1;
  let below = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ages[mid] < age) {
      below = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (below < 0) below = 0;

  if (ageKeys[below] === key) return copyRow(table, below, io);
  if (below + 1 >= length) return copyRow(table, below, io);
  if (ageKeys[below + 1] === key) return copyRow(table, below + 1, io);

  const x1 = ages[below];
  const x2 = ages[below + 1];
  if (below >= 1 && below < length - 2) {
    const x0 = ages[below - 1];
    const x3 = ages[below + 2];
    const t0 = age - x0;
    const t1 = age - x1;
    const t2 = age - x2;
    const t3 = age - x3;
    const w0 = (t1 * t2 * t3) / ((x0 - x1) * (x0 - x2) * (x0 - x3));
    const w1 = (t0 * t2 * t3) / ((x1 - x0) * (x1 - x2) * (x1 - x3));
    const w2 = (t0 * t1 * t3) / ((x2 - x0) * (x2 - x1) * (x2 - x3));
    const w3 = (t0 * t1 * t2) / ((x3 - x0) * (x3 - x1) * (x3 - x2));
    io[L] = w0 * table.l[below - 1] + w1 * table.l[below] + w2 * table.l[below + 1] + w3 * table.l[below + 2];
    io[M] = w0 * table.m[below - 1] + w1 * table.m[below] + w2 * table.m[below + 1] + w3 * table.m[below + 2];
    io[S] = w0 * table.s[below - 1] + w1 * table.s[below] + w2 * table.s[below + 1] + w3 * table.s[below + 2];
    return;
  }
  const f = (age - x1) / (x2 - x1);
  io[L] = table.l[below] + f * (table.l[below + 1] - table.l[below]);
  io[M] = table.m[below] + f * (table.m[below + 1] - table.m[below]);
  io[S] = table.s[below] + f * (table.s[below + 1] - table.s[below]);
}

function copyRow(table: LmsTable, i: number, io: Float64Array): void {
  io[L] = table.l[i];
  io[M] = table.m[i];
  io[S] = table.s[i];
}
