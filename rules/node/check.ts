/**
 * `npm run rules:check [rulesDir]`: checks every rule file the way the kiosk
 * will load it (see check-dir.ts), plus the renderer's zh-CN/en catalogs.
 * Prints one line per problem with file and JSON path; exits 1 if there is any.
 */
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkRulesDir, formatRulesCheck } from './check-dir';

const started = performance.now();
const result = checkRulesDir(resolve(process.argv[2] ?? join(__dirname, '..')), {
  i18nDir: resolve(__dirname, '..', '..', 'renderer', 'i18n'),
});
for (const line of formatRulesCheck(result, performance.now() - started, 'rules:check'))
  console.log(line);
process.exit(result.problems.length === 0 ? 0 : 1);
