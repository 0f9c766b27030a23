// Run: node --import tsx src/growth/chart/render-examples.ts
// Writes docs/charts/NAME.svg and, where Debian's Chromium is installed, NAME.png.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { EXAMPLE_CHARTS } from './example-charts.ts';
import { renderWeightChart } from './weight-chart.ts';

const OUT = new URL('../../../docs/charts/', import.meta.url);
const CHROMIUM = '/usr/bin/chromium';

mkdirSync(OUT, { recursive: true });
const rendered = Object.entries(EXAMPLE_CHARTS).map(([name, input]) => {
  const svg = renderWeightChart(input);
  writeFileSync(new URL(`${name}.svg`, OUT), svg + '\n');
  return { name, svg };
});
console.log(`wrote ${rendered.length} SVG charts to docs/charts/`);

if (!existsSync(CHROMIUM)) {
  console.log(`no ${CHROMIUM}: PNG renderings skipped (apt-get install -y chromium)`);
} else {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1.5 });
    for (const { name, svg } of rendered) {
      await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
      await page.locator('svg').screenshot({ path: new URL(`${name}.png`, OUT).pathname });
    }
    console.log(`wrote ${rendered.length} PNG renderings`);
  } finally {
    await browser.close();
  }
}
