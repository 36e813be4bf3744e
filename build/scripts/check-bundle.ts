import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EAGER_JS_BUDGET_BYTES, measureEagerJs } from './bundle-budget';

// `npm run check:bundle`, after `npm run build`: fails when the renderer's eager JavaScript
// outgrows its budget, so a heavy import on the first screen is caught in CI, not in a hall.
const dir = join(__dirname, '..', '..', 'dist', 'renderer');
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
if (!existsSync(join(dir, 'index.html'))) {
  console.error('check:bundle: no dist/renderer/index.html; run `npm run build` first');
  process.exit(1);
}
const report = measureEagerJs(dir);
for (const f of report.files) console.log(`  ${f.path} ${kb(f.gzipBytes)} gzip`);
console.log(
  `check:bundle: renderer eager JS ${kb(report.totalGzipBytes)} gzip (budget ${kb(EAGER_JS_BUDGET_BYTES)})`,
);
if (report.withZod.length > 0)
  console.error(
    `check:bundle: zod in the renderer's first download (${report.withZod.join(', ')}): import a schema's words or types from a zod-free file`,
  );
if (!report.withinBudget || report.withZod.length > 0) process.exit(1);
