import { GrowthInputError } from '../../growth/growth-input-error.ts';
import { assessObservation } from '../../growth/growth-observation.ts';

const round = (value: number | null, places: number) => (value === null ? null : Number(value.toFixed(places)));

/**
 * One JSON line of a measurement in, one JSON line out: the input with its SDS and
 * centile added, or with `error` saying which field stopped the calculation.
 * `ok` is false when nothing could be computed.
 */
export function growthLine(text: string, lineNumber: number): { output: string; ok: boolean } {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return {
      output: JSON.stringify({ line: lineNumber, error: `line ${lineNumber} is not valid JSON: ${(error as Error).message}` }),
      ok: false,
    };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      output: JSON.stringify({
        input,
        error: 'expected a JSON object with sex, birthDate, observationDate, gestationWeeks, gestationDays, measurement and value',
      }),
      ok: false,
    };
  }
  try {
    const result = assessObservation(input);
    const gaps = Object.entries(result.gaps).map(([field, reason]) => `${field}: ${reason}`);
    return {
      output: JSON.stringify({
        ...input,
        correctedSds: round(result.correctedSds, 6),
        chronologicalSds: round(result.chronologicalSds, 6),
        centile: round(result.centile, 2),
        centileAge: result.basis,
        ...(gaps.length > 0 ? { error: gaps.join('; ') } : {}),
      }),
      ok: true,
    };
  } catch (error) {
    if (!(error instanceof GrowthInputError)) throw error;
    return {
      output: JSON.stringify({ ...input, correctedSds: null, chronologicalSds: null, centile: null, error: error.message }),
      ok: false,
    };
  }
}
