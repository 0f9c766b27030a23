import type { Waterfall } from './waterfall.ts';

/**
 * A waterfall a practitioner can read in one glance: each line is one piece of
 * evidence, how strongly it points to the same person (+) or to different people (−),
 * and where the running total stands.
 */
export function renderWaterfall(waterfall: Waterfall): string {
  const rows: string[][] = [['evidence', 'level', 'm', 'u', 'log2 BF', 'running']];
  rows.push([
    waterfall.household ? `prior (two records at one address, ${waterfall.household.recordsAtAddress})` : 'prior (two records at random)',
    `P = ${formatProbability(waterfall.priorProbability)}`,
    '',
    '',
    signed(waterfall.priorWeight),
    signed(waterfall.priorWeight),
  ]);
  for (const step of waterfall.steps) {
    if (step.level === null) {
      rows.push([step.title, step.note ?? 'missing: no evidence', '', '', signed(0), signed(step.runningWeight)]);
      continue;
    }
    if (step.m === null) {
      const level = step.comparison === 'relatives' ? step.level : `${step.level} (household)`;
      rows.push([step.title, level, '', '', signed(step.weight), signed(step.runningWeight)]);
      continue;
    }
    const u = step.valueFrequency !== null ? `${formatProbability(step.valueFrequency)}*` : formatProbability(step.u!);
    rows.push([step.title, step.level, formatProbability(step.m), u, signed(step.weight), signed(step.runningWeight)]);
  }
  rows.push(['total match weight', '', '', '', '', signed(waterfall.matchWeight)]);
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (column >= 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  lines.push(`probability of the same person: ${formatPercent(waterfall.probability)}`);
  if (waterfall.household) {
    lines.push(
      'household guard: same postcode or landline, so the pair is weighed as two members of one family might be: ' +
        'the prior is the share of such pairs that are one person (fewer when more records share the address), u is among ' +
        'relatives (they share a family name, twins a birthday, a son may carry his father’s name), and the postcode, ' +
        'landline and town are not counted again',
    );
  }
  if (waterfall.steps.some((step) => step.valueFrequency !== null)) {
    lines.push('* how common the agreed value is, used in place of u: agreeing on a rare value counts for more');
  }
  if (waterfall.rule) lines.push(`decided by rule: ${waterfall.rule}`);
  for (const guard of waterfall.guards) lines.push(`guard: ${guard}`);
  return lines.join('\n');
}

function signed(weight: number): string {
  const text = Math.abs(weight).toFixed(2);
  return weight < 0 ? `−${text}` : `+${text}`;
}

function formatProbability(value: number): string {
  if (value === 0) return '0';
  return value >= 0.001 ? value.toFixed(3) : value.toExponential(1);
}

function formatPercent(probability: number): string {
  if (probability > 0.9999) return '>99.99%';
  if (probability < 0.0001) return '<0.01%';
  return `${(probability * 100).toFixed(2)}%`;
}
