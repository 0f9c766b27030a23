// Diagnostic (uses labels, so never part of training): the true m per level, among
// labelled matches in each training pass, against what EM estimated.
import { generatePopulation } from './linkage-synthetic-people.ts';
import { prepareRecord } from '../src/linkage/prepared-record.ts';
import { COMPARISONS } from '../src/linkage/comparisons/index.ts';
import { groupByKey } from '../src/linkage/blocks.ts';
import { TRAINING_SESSIONS } from '../src/linkage/training-sessions.ts';
import { NULL_LEVEL } from '../src/linkage/comparison.ts';

const count = Number(process.argv[2] ?? 100000);
const { records, truth } = generatePopulation({ records: count });
const prepared = records.map(prepareRecord);
for (const session of TRAINING_SESSIONS) {
  const blocks = groupByKey(prepared, (r) => session.key(r));
  const counts = COMPARISONS.map((c) => [new Float64Array(c.levels.length), new Float64Array(c.levels.length)]);
  let matches = 0,
    pairs = 0;
  for (let b = 0; b < blocks.starts.length - 1; b++) {
    for (let x = blocks.starts[b]; x < blocks.starts[b + 1]; x++)
      for (let y = x + 1; y < blocks.starts[b + 1]; y++) {
        const i = blocks.members[x],
          j = blocks.members[y];
        const match = truth[i] === truth[j] ? 0 : 1;
        pairs++;
        if (!match) matches++;
        COMPARISONS.forEach((c, k) => {
          const l = c.compare(prepared[i], prepared[j]);
          if (l !== NULL_LEVEL) counts[k][match][l]++;
        });
      }
  }
  console.log(`${session.name}: pairs ${pairs}, true matches ${matches} (λ ${(matches / pairs).toFixed(4)})`);
  COMPARISONS.forEach((c, k) => {
    const [m, u] = counts[k];
    const ms = m.reduce((a, b) => a + b, 0),
      us = u.reduce((a, b) => a + b, 0);
    console.log(
      `  ${c.key}: ` +
        c.levels.map((l, i) => `${l.label.slice(0, 10)} m=${(m[i] / ms).toFixed(3)} nonmatch=${(u[i] / us).toFixed(3)}`).join(' | '),
    );
  });
}
