// Diagnostic (uses labels): F1 when m (and the household's u and prior) come from the
// labels rather than EM, to tell estimation error from model error.
// Run: npx tsx bench/linkage-diagnose-oracle.ts [hard|synthetic] [records]
import { linkRecords } from '../src/linkage/link-records.ts';
import { pairwiseAccuracy } from '../src/linkage/pairwise-accuracy.ts';
import { oracleParameters } from './linkage-oracle-parameters.ts';
import { generateHardSet } from './linkage-hard-set.ts';
import { generatePopulation } from './linkage-synthetic-people.ts';

const kind = process.argv[2] ?? 'hard';
const count = Number(process.argv[3] ?? 20_000);
const { records, truth } =
  kind === 'hard' ? generateHardSet({ records: count, seed: Number(process.env.SEED ?? 15) }) : generatePopulation({ records: count });
const trained = linkRecords(records);
const oracle = oracleParameters(records, truth, trained.parameters);
const result = linkRecords(records, { parameters: oracle });
console.log('EM       ', pairwiseAccuracy(trained.clusterOf, truth));
console.log('oracle   ', pairwiseAccuracy(result.clusterOf, truth));
console.log('household prior EM', trained.parameters.household.priorMatchProbability, 'true', oracle.household.priorMatchProbability);
for (const c of oracle.comparisons) {
  const em = trained.parameters.comparisons.find((x) => x.key === c.key)!;
  const h = oracle.household.comparisons.find((x) => x.key === c.key);
  const hem = trained.parameters.household.comparisons.find((x) => x.key === c.key);
  console.log(c.key);
  c.levels.forEach((l, i) =>
    console.log(
      `   ${l.label.slice(0, 28).padEnd(28)} m ${em.levels[i].m.toFixed(4)} true ${l.m.toFixed(4)}` +
        (h ? ` | uh ${hem!.levels[i].u.toFixed(4)} true ${h.levels[i].u.toFixed(4)}` : ''),
    ),
  );
}
