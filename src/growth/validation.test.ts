import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { GrowthInputError } from './growth-input-error.ts';
import { assessObservation } from './growth-observation.ts';

// The published SDS that rcpchgrowth itself is tested against (shared/data/growth).
const VALIDATION_FILE = new URL('../../../shared/data/growth/sds_validation_dev.json', import.meta.url);
const TOLERANCE = 0.001;

interface PublishedResult {
  birth_date: string;
  observation_date: string;
  gestation_weeks: number;
  gestation_days: number;
  sex: string;
  measurement_method: string;
  observation_value: number;
  corrected_sds: number | null;
  chronological_sds: number | null;
}

/** dd/mm/yyyy → YYYY-MM-DD */
function isoDate(text: string): string {
  const [day, month, year] = text.split('/');
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

test('every one of the 2,000 published UK-WHO results agrees within 0.001 SDS, and every null is refused', () => {
  const rows = JSON.parse(readFileSync(VALIDATION_FILE, 'utf8')) as PublishedResult[];
  assert.equal(rows.length, 2000);
  const failures: string[] = [];
  let compared = 0;
  let refused = 0;
  let worst = 0;
  rows.forEach((row, i) => {
    const observation = {
      sex: row.sex,
      birthDate: isoDate(row.birth_date),
      observationDate: isoDate(row.observation_date),
      gestationWeeks: row.gestation_weeks,
      gestationDays: row.gestation_days,
      measurement: row.measurement_method,
      value: row.observation_value,
    };
    let result: ReturnType<typeof assessObservation> | undefined;
    try {
      result = assessObservation(observation);
    } catch (error) {
      if (!(error instanceof GrowthInputError)) throw error;
      if (row.corrected_sds === null && row.chronological_sds === null) refused += 2;
      else failures.push(`row ${i}: refused (${error.message}) but published ${row.corrected_sds}/${row.chronological_sds}`);
      return;
    }
    for (const field of ['corrected_sds', 'chronological_sds'] as const) {
      const published = row[field];
      const mine = field === 'corrected_sds' ? result.correctedSds : result.chronologicalSds;
      if (published === null) {
        if (mine !== null) failures.push(`row ${i} ${field}: published null, computed ${mine}`);
        else refused += 1;
        continue;
      }
      if (mine === null) {
        failures.push(`row ${i} ${field}: published ${published}, refused`);
        continue;
      }
      const error = Math.abs(mine - published);
      worst = Math.max(worst, error);
      compared += 1;
      if (!(error <= TOLERANCE)) failures.push(`row ${i} ${field}: published ${published}, computed ${mine}`);
    }
  });
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} disagreements`);
  assert.equal(compared + refused, 4000, 'every published value was checked');
  assert.ok(refused > 0, 'the published nulls were checked');
  console.log(
    `# validation: ${compared} SDS within ${TOLERANCE} (max abs error ${worst.toExponential(2)}), ${refused} published nulls refused`,
  );
});
