import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { ageAxis } from './age-axis.ts';
import { centileCurves, type CurvePoint } from './centile-curves.ts';
import type { WeightChartInput } from './chart-input.ts';
import { ageSaid, correctedAgeSaid, plottedWeights, plotsCorrected, type PlottedWeight } from './plotted-weights.ts';
import { escapeXml, px } from './svg-text.ts';

const WIDTH = 860;
const HEIGHT = 600;
const MARGIN = { top: 78, right: 70, bottom: 92, left: 66 };
const INK = '#0b0c0c';
const GRID = '#e3e6e8';
const LINE = '#6f777b';
const CHILD = '#1d70b8';
const CONCERN_FILL = '#f4cdcb';
const BAND_FILL = '#f1f3f4';
const CENTILE_NAMES = ['0.4th', '2nd', '9th', '25th', '50th', '75th', '91st', '98th', '99.6th'];

function centileLineStyle(i: number): string {
  if (i === 4) return `stroke="${INK}" stroke-width="1.6"`;
  if (i === 0 || i === 8) return `stroke="${LINE}" stroke-width="1" stroke-dasharray="5 3"`;
  return `stroke="${LINE}" stroke-width="1"`;
}

function describe(input: WeightChartInput, weights: PlottedWeight[]): string {
  const gestation = `${input.gestationWeeks}+${input.gestationDays ?? 0} weeks`;
  const child = input.sex === 'male' ? 'boy' : 'girl';
  const listed = weights.map(
    (w) =>
      `${w.isBirth ? 'birth weight' : ageSaid(input.bornMs, w.at)} ${w.kg.toFixed(2)} kg (${w.centile ? `${w.centile} centile` : 'centile not computable'})`,
  );
  return (
    `UK-WHO weight chart for a ${child} born at ${gestation}, with centile lines at the 0.4th, 2nd, 9th, 25th, 50th, 75th, 91st, 98th and 99.6th centiles. ` +
    `${weights.length} weight${weights.length === 1 ? '' : 's'} plotted at ${plotsCorrected(input) ? 'age corrected for gestation' : 'age from birth'}: ${listed.join('; ')}.`
  );
}

/** A UK-WHO weight chart with the child's weights plotted at corrected age, as an SVG string. */
export function renderWeightChart(input: WeightChartInput): string {
  const id = input.idPrefix ?? 'weight-chart';
  const weights = plottedWeights(input);
  const axis = ageAxis(Math.min(0, ...weights.map((w) => w.days)), Math.max(0, ...weights.map((w) => w.days)));
  const visible = weights.filter((w) => w.days >= axis.start && w.days <= axis.end);
  const curves = centileCurves('weight', input.sex, axis.start, axis.end, Math.max(0.5, (axis.end - axis.start) / 400));
  const allCurvePoints = curves.stretches.flat();
  const low = Math.min(...allCurvePoints.map((p) => p.values[0]), ...visible.map((w) => w.kg));
  const high = Math.max(...allCurvePoints.map((p) => p.values[8]), ...visible.map((w) => w.kg));

  const x = scaleLinear()
    .domain([axis.start, axis.end])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([Math.max(0, low - 0.1), high + 0.1])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const [yMin, yMax] = y.domain() as [number, number];
  const yTicks = y.ticks(Math.min(16, Math.round((yMax - yMin) / 0.5)));

  const curveLine = (i: number) =>
    line<CurvePoint>()
      .x((p) => x(p.days))
      .y((p) => y(p.values[i]))
      .digits(1);
  const band = (lower: number, upper: number) =>
    area<CurvePoint>()
      .x((p) => x(p.days))
      .y0((p) => y(p.values[lower]))
      .y1((p) => y(p.values[upper]))
      .digits(1);

  const parts: string[] = [];
  const title = input.title ?? `Weight: ${input.sex === 'male' ? 'boy' : 'girl'}, UK-WHO growth chart`;
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="Arial, Helvetica, sans-serif" font-size="13" fill="${INK}">`,
  );
  parts.push(`<title id="${id}-title">${escapeXml(title)}</title>`);
  parts.push(`<desc id="${id}-desc">${escapeXml(describe(input, weights))}</desc>`);
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`);
  parts.push(`<text x="${MARGIN.left}" y="30" font-size="20" font-weight="bold">${escapeXml(title)}</text>`);
  const born = plotsCorrected(input)
    ? `Born at ${input.gestationWeeks}+${input.gestationDays ?? 0} weeks: weights plotted at age corrected for gestation (from the due date).`
    : `Born at ${input.gestationWeeks}+${input.gestationDays ?? 0} weeks (term): weights plotted at age from birth, without correction.`;
  parts.push(`<text x="${MARGIN.left}" y="52" font-size="14">${escapeXml(born)}</text>`);

  // Grid.
  parts.push(`<g stroke="${GRID}" stroke-width="1">`);
  for (const t of yTicks) parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${px(y(t))}" y2="${px(y(t))}"/>`);
  for (const t of axis.ticks)
    parts.push(`<line x1="${px(x(t.days))}" x2="${px(x(t.days))}" y1="${MARGIN.top}" y2="${HEIGHT - MARGIN.bottom}"/>`);
  parts.push('</g>');

  // Bands: the concern zone below the 2nd centile, and alternate centile spaces for reading.
  for (const stretch of curves.stretches) {
    parts.push(`<path d="${band(0, 1)(stretch)}" fill="${CONCERN_FILL}"/>`);
    for (const [lower, upper] of [
      [2, 3],
      [4, 5],
      [6, 7],
    ] as const)
      parts.push(`<path d="${band(lower, upper)(stretch)}" fill="${BAND_FILL}"/>`);
  }

  // Centile lines, broken where the reference changes source.
  parts.push('<g fill="none">');
  for (const stretch of curves.stretches) {
    for (let i = 0; i < 9; i++) parts.push(`<path d="${curveLine(i)(stretch)}" ${centileLineStyle(i)}/>`);
  }
  parts.push('</g>');

  // Centile labels at the right-hand end.
  const last = curves.stretches.at(-1)?.at(-1);
  if (last) {
    parts.push(`<g font-size="12" fill="${INK}">`);
    CENTILE_NAMES.forEach((name, i) =>
      parts.push(
        `<text x="${px(WIDTH - MARGIN.right + 6)}" y="${px(y(last.values[i]) + 4)}"${i === 4 ? ' font-weight="bold"' : ''}>${name}</text>`,
      ),
    );
    parts.push('</g>');
  }

  // Term and the switch from UK90 birth data to the WHO standard at 2 weeks.
  if (axis.start < 0)
    parts.push(
      `<line x1="${px(x(0))}" x2="${px(x(0))}" y1="${MARGIN.top}" y2="${HEIGHT - MARGIN.bottom}" stroke="${LINE}" stroke-dasharray="2 3"/>`,
    );

  // Axes.
  const bottom = HEIGHT - MARGIN.bottom;
  parts.push(
    `<g stroke="${INK}" stroke-width="1"><line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${bottom}" y2="${bottom}"/><line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${bottom}"/>`,
  );
  for (const t of axis.ticks) parts.push(`<line x1="${px(x(t.days))}" x2="${px(x(t.days))}" y1="${bottom}" y2="${bottom + 6}"/>`);
  for (const d of axis.minor)
    if (d >= axis.start && d <= axis.end) parts.push(`<line x1="${px(x(d))}" x2="${px(x(d))}" y1="${bottom}" y2="${bottom + 3}"/>`);
  for (const t of yTicks) parts.push(`<line x1="${MARGIN.left - 6}" x2="${MARGIN.left}" y1="${px(y(t))}" y2="${px(y(t))}"/>`);
  parts.push('</g>');
  parts.push('<g font-size="13" text-anchor="middle">');
  // Ages from term are always labelled; weeks of gestation only where they do not crowd.
  const placed: number[] = [];
  const byPriority = [...axis.ticks.filter((t) => t.days >= 0), ...axis.ticks.filter((t) => t.days < 0).reverse()];
  for (const t of byPriority) {
    if (t.days < 0 && placed.some((p) => Math.abs(p - x(t.days)) < 36)) continue;
    placed.push(x(t.days));
    parts.push(`<text x="${px(x(t.days))}" y="${bottom + 21}">${escapeXml(t.label)}</text>`);
  }
  const preterm = plotsCorrected(input);
  const ageTitle = preterm ? `Age in ${axis.unit} after term; before term, weeks of gestation` : `Age in ${axis.unit}`;
  parts.push(`<text x="${px((MARGIN.left + WIDTH - MARGIN.right) / 2)}" y="${bottom + 44}" font-size="14">${ageTitle}</text>`);
  parts.push('</g>');
  parts.push('<g font-size="13" text-anchor="end">');
  for (const t of yTicks) parts.push(`<text x="${MARGIN.left - 9}" y="${px(y(t) + 4)}">${Number.isInteger(t) ? t : t.toFixed(1)}</text>`);
  parts.push('</g>');
  parts.push(
    `<text transform="translate(20 ${px((MARGIN.top + bottom) / 2)}) rotate(-90)" text-anchor="middle" font-size="14">Weight (kg)</text>`,
  );

  // The child's weights, joined, birth weight as a diamond.
  const path = line<PlottedWeight>()
    .x((w) => x(w.days))
    .y((w) => y(w.kg))
    .digits(1);
  if (visible.length > 1) parts.push(`<path d="${path(visible)}" fill="none" stroke="${CHILD}" stroke-width="2.5"/>`);
  for (const w of visible) {
    const cx = x(w.days);
    const cy = y(w.kg);
    parts.push(
      w.isBirth
        ? `<path d="M${px(cx)} ${px(cy - 7)}L${px(cx + 7)} ${px(cy)}L${px(cx)} ${px(cy + 7)}L${px(cx - 7)} ${px(cy)}Z" fill="${CHILD}" stroke="#ffffff" stroke-width="1.5"/>`
        : `<circle cx="${px(cx)}" cy="${px(cy)}" r="5" fill="${CHILD}" stroke="#ffffff" stroke-width="1.5"/>`,
    );
  }
  // Label the birth weight and the latest weight, the two a reader compares.
  const labelled = [visible.find((w) => w.isBirth), visible.at(-1)].filter(
    (w, i, all): w is PlottedWeight => w !== undefined && all.indexOf(w) === i,
  );
  for (const w of labelled) {
    const age = w.isBirth ? 'Birth' : `${ageSaid(input.bornMs, w.at)}${preterm ? ` (${correctedAgeSaid(w.days)})` : ''}:`;
    const text = `${age} ${w.kg.toFixed(2)} kg${w.centile ? `, ${w.centile}` : ''}`;
    const right = x(w.days) < WIDTH - MARGIN.right - 260;
    // Put the label on the side the joining line does not come from.
    const previous = visible[visible.indexOf(w) - 1];
    const above = w.isBirth || (previous !== undefined && y(previous.kg) > y(w.kg));
    parts.push(
      `<text x="${px(x(w.days) + (right ? 10 : -10))}" y="${px(y(w.kg) + (above ? -12 : 22))}" text-anchor="${right ? 'start' : 'end'}" font-size="13" font-weight="bold" fill="${CHILD}" stroke="#ffffff" stroke-width="4" paint-order="stroke">${escapeXml(text)}</text>`,
    );
  }

  // Key and source.
  const keyY = HEIGHT - 22;
  parts.push(
    `<g font-size="12"><rect x="${MARGIN.left}" y="${keyY - 10}" width="14" height="12" fill="${CONCERN_FILL}"/><text x="${MARGIN.left + 20}" y="${keyY}">below the 2nd centile</text>`,
  );
  parts.push(
    `<text x="${MARGIN.left + 170}" y="${keyY - 8}">UK-WHO: UK90 birth data to 2 weeks of age (after term), then the WHO 2006 standard; lines break at the change.</text>`,
  );
  parts.push(
    `<text x="${MARGIN.left + 170}" y="${keyY + 8}">Centile lines are 2/3 SD apart: a fall across one centile space is a fall of 0.67 SD.</text></g>`,
  );
  parts.push('</svg>');
  return parts.join('\n');
}
