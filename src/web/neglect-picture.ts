// The neglect picture: every indicator of possible neglect recorded about a household's
// children and adults, across all the years of the family, by agency: one row per agency,
// one mark per indicator, a shape per person. Server-rendered SVG with a table beside it.
import { scaleTime } from 'd3-scale';
import type { WorldView } from '../engine/world-view.ts';
import { addMonths, formatDay, startOfLocalDay } from '../domain/time.ts';
import { escapeXml, px } from '../growth/chart/svg-text.ts';
import { agencyName } from '../protocols/support/describe.ts';
import { relationTo } from '../protocols/support/vulnerability.ts';
import {
  INDICATOR_LABELS,
  householdIndicators,
  householdMembers,
  type IndicatorWeights,
  type NeglectIndicator,
} from '../protocols/support/neglect-indicators.ts';

const WIDTH = 860;
const ROW = 44;
const MARGIN = { top: 60, right: 24, bottom: 40, left: 190 };
const INK = '#0b0c0c';
const GRID = '#b1b4b6';
const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92', '#f47738', '#505a5f'];
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'] as const;

export interface NeglectPictureRow {
  at: number;
  who: string;
  agency: string;
  indicator: string;
  points: number;
}

export interface NeglectPicture {
  svg: string;
  rows: NeglectPictureRow[];
  /** The people of the household with indicators, each with their mark's shape, for the legend. */
  people: { name: string; shape: string }[];
}

function mark(shape: (typeof SHAPES)[number], x: number, y: number, colour: string, improvement: boolean): string {
  const fill = improvement ? 'fill="#ffffff"' : `fill="${colour}"`;
  const stroke = `stroke="${colour}" stroke-width="2"`;
  const r = 7;
  switch (shape) {
    case 'circle':
      return `<circle cx="${px(x)}" cy="${px(y)}" r="${r}" ${fill} ${stroke}/>`;
    case 'square':
      return `<rect x="${px(x - r)}" y="${px(y - r)}" width="${2 * r}" height="${2 * r}" ${fill} ${stroke}/>`;
    case 'triangle':
      return `<polygon points="${px(x)},${px(y - r - 1)} ${px(x + r + 1)},${px(y + r)} ${px(x - r - 1)},${px(y + r)}" ${fill} ${stroke}/>`;
    case 'diamond':
      return `<polygon points="${px(x)},${px(y - r - 2)} ${px(x + r + 2)},${px(y)} ${px(x)},${px(y + r + 2)} ${px(x - r - 2)},${px(y)}" ${fill} ${stroke}/>`;
    case 'cross':
      return `<path d="M${px(x - r)},${px(y - r)}L${px(x + r)},${px(y + r)}M${px(x + r)},${px(y - r)}L${px(x - r)},${px(y + r)}" stroke="${colour}" stroke-width="3"/>`;
    case 'star':
      return `<path d="M${px(x)},${px(y - r - 2)}L${px(x)},${px(y + r + 2)}M${px(x - r - 2)},${px(y)}L${px(x + r + 2)},${px(y)}M${px(x - r)},${px(y - r)}L${px(x + r)},${px(y + r)}M${px(x + r)},${px(y - r)}L${px(x - r)},${px(y + r)}" stroke="${colour}" stroke-width="2.5"/>`;
  }
}

function personName(world: WorldView, childId: string, personId: string, nameOf: (id: string) => string): string {
  const name = nameOf(personId);
  const person = world.person(personId);
  if (person?.role !== 'adult') return name;
  const relation = relationTo(world, childId, personId);
  return relation === 'a family member' ? name : `${name} (${relation.replace(/^the /, '')})`;
}

/**
 * The household's neglect picture for the record of `personId` (a child, or an adult whose
 * first child's household is drawn), or undefined when nothing has been recorded.
 */
export function neglectPicture(
  world: WorldView,
  personId: string,
  weights: IndicatorWeights,
  now: number,
  zone: string,
  /** How the reader may see each person named (src/api/read/person-labels.ts). */
  nameOf: (id: string) => string,
): NeglectPicture | undefined {
  const person = world.person(personId);
  if (!person) return undefined;
  const childId = person.role === 'adult' ? world.childrenOf(personId)[0]?.of : personId;
  if (!childId) return undefined;
  const indicators = householdIndicators(world, childId, Number.NEGATIVE_INFINITY, now, weights);
  if (indicators.length === 0) return undefined;
  const { children, adults } = householdMembers(world, childId);
  const everyone = [...children, ...adults].filter((id) => indicators.some((i) => i.person === id));
  const style = new Map(everyone.map((id, n) => [id, { shape: SHAPES[n % SHAPES.length], colour: COLOURS[n % COLOURS.length] }]));
  const names = new Map(everyone.map((id) => [id, personName(world, childId, id, nameOf)]));
  const agencies = [...new Set(indicators.map((i) => agencyName(i.agency)))].sort();

  const first = indicators[0].at;
  const last = Math.max(indicators.at(-1)!.at, now);
  const from = startOfLocalDay(addMonths(first, -1, zone), zone);
  const to = addMonths(last, 1, zone);
  const height = MARGIN.top + agencies.length * ROW + MARGIN.bottom;
  const x = scaleTime()
    .domain([new Date(from), new Date(to)])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const rowY = (agency: string) => MARGIN.top + agencies.indexOf(agency) * ROW + ROW / 2;

  const years = x.ticks(Math.min(12, Math.max(2, Math.round((to - from) / (365.25 * 86_400_000)) + 1)));
  const axis = years
    .map((d) => {
      const at = px(x(d));
      const label =
        d.getUTCMonth() === 0 && d.getUTCDate() === 1 ? String(d.getUTCFullYear()) : formatDay(d.getTime(), zone).replace(/^\d+ /, '');
      return `<line x1="${at}" x2="${at}" y1="${MARGIN.top - 6}" y2="${height - MARGIN.bottom}" stroke="${GRID}" stroke-dasharray="3 3"/><text x="${at}" y="${height - MARGIN.bottom + 18}" text-anchor="middle" font-size="13" fill="${INK}">${escapeXml(label)}</text>`;
    })
    .join('');
  const rows = agencies
    .map((a, n) => {
      const y = MARGIN.top + n * ROW;
      return `<rect x="${MARGIN.left}" y="${y}" width="${WIDTH - MARGIN.left - MARGIN.right}" height="${ROW}" fill="${n % 2 ? '#ffffff' : '#f3f2f1'}"/><text x="${MARGIN.left - 10}" y="${px(y + ROW / 2 + 5)}" text-anchor="end" font-size="14" fill="${INK}">${escapeXml(a.charAt(0).toUpperCase() + a.slice(1))}</text>`;
    })
    .join('');
  // Marks on the same row closer than a mark's width are stacked, so none hides another.
  const placed: { x: number; y: number }[] = [];
  const marks = indicators
    .map((i: NeglectIndicator) => {
      const s = style.get(i.person)!;
      const cx = x(new Date(i.at));
      let cy = rowY(agencyName(i.agency));
      const base = cy;
      for (let k = 1; placed.some((p) => Math.abs(p.x - cx) < 12 && Math.abs(p.y - cy) < 12); k++)
        cy = base + (k % 2 ? -1 : 1) * Math.ceil(k / 2) * 9;
      placed.push({ x: cx, y: cy });
      const text = `${formatDay(i.at, zone)}, ${agencyName(i.agency)}, ${names.get(i.person)}: ${INDICATOR_LABELS[i.kind]}${i.detail ? ` (${i.detail})` : ''}`;
      return `<g><title>${escapeXml(text)}</title>${mark(s.shape, cx, cy, s.colour, i.weight < 0)}</g>`;
    })
    .join('');
  const legend = everyone
    .map((id, n) => {
      const s = style.get(id)!;
      const lx = MARGIN.left + n * 160;
      return `${mark(s.shape, lx + 8, 26, s.colour, false)}<text x="${lx + 22}" y="31" font-size="13" fill="${INK}">${escapeXml(names.get(id)!)}</text>`;
    })
    .join('');
  const description =
    `${indicators.length} ${indicators.length === 1 ? 'indicator' : 'indicators'} of possible neglect recorded about ${everyone.length} ${everyone.length === 1 ? 'person' : 'people'} of this household ` +
    `by ${agencies.length} ${agencies.length === 1 ? 'agency' : 'agencies'}, from ${formatDay(first, zone)} to ${formatDay(indicators.at(-1)!.at, zone)}. ` +
    'Each row is an agency; each mark an indicator, its shape and colour the person it is about; a hollow mark is an improvement. The same records are listed in the table below.';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="neglect-picture-title neglect-picture-desc" font-family="Arial, sans-serif">` +
    `<title id="neglect-picture-title">The neglect picture: indicators across the household, by agency and year</title>` +
    `<desc id="neglect-picture-desc">${escapeXml(description)}</desc>` +
    `${legend}${rows}${axis}${marks}</svg>`;
  return {
    svg,
    rows: indicators.map((i) => ({
      at: i.at,
      who: names.get(i.person)!,
      agency: agencyName(i.agency),
      indicator: `${INDICATOR_LABELS[i.kind]}${i.detail ? ` (${i.detail})` : ''}`,
      points: i.weight,
    })),
    people: everyone.map((id) => ({ name: names.get(id)!, shape: style.get(id)!.shape })),
  };
}
