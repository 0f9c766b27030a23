import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import nunjucks from 'nunjucks';

const views = join(dirname(fileURLToPath(import.meta.url)), 'views');
const govuk = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templates(join(dir, entry.name)) : entry.name.endsWith('.njk') ? [relative(views, join(dir, entry.name))] : [],
  );
}

// A template that does not compile can fail silently inside an include or a captured
// block (an empty section on the page), so every one is compiled here.
test('every view compiles', () => {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([views, govuk]), { autoescape: true });
  const failures: string[] = [];
  for (const name of templates(views)) {
    try {
      env.getTemplate(name, true);
    } catch (error) {
      failures.push(`${name}: ${String(error).slice(0, 200)}`);
    }
  }
  assert.ok(templates(views).length >= 14);
  assert.deepEqual(failures, []);
});
