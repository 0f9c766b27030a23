/** The LMS method (Cole & Green 1992): a measurement's SDS from the age's L, M and S. */
export function sdsFromLms(l: number, m: number, s: number, value: number): number {
  return l !== 0 ? (Math.pow(value / m, l) - 1) / (l * s) : Math.log(value / m) / s;
}

/** The measurement at an SDS; NaN where the Box-Cox transform has no value (1 + LSz ≤ 0). */
export function valueFromLms(l: number, m: number, s: number, sds: number): number {
  if (l === 0) return m * Math.exp(s * sds);
  const base = 1 + l * s * sds;
  return base > 0 ? m * Math.pow(base, 1 / l) : NaN;
}
