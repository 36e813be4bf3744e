/**
 * `npm run rules:check [rulesDir]`: checks every rule file the way the kiosk
 * will load it, and more — JSON Schema, zod schema, file name, JSONLogic
 * variables and operators, later-question references, unknown materials,
 * compared option values — plus the renderer's zh-CN/en catalogs. Prints one
 * line per problem with file and JSON path; exits 1 if there is any.
 */
import { Ajv2020 } from 'ajv/dist/2020';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseCommonFile, parseServiceFile } from './engine/load';
import type { RuleProblem } from './engine/lint';
import { commonRulesSchema, type CommonRules } from './engine/schema';

const started = performance.now();
const rulesDir = resolve(process.argv[2] ?? __dirname);
const rendererI18n = resolve(__dirname, '..', 'renderer', 'i18n');
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const schema = (name: string) =>
  ajv.compile(JSON.parse(readFileSync(join(__dirname, 'schema', name), 'utf8')) as object);
const validateService = schema('service.schema.json');
const validateCommon = schema('common.schema.json');

const found: { file: string; problem: RuleProblem }[] = [];
const report = (file: string, problems: readonly RuleProblem[]): void => {
  for (const problem of problems) found.push({ file, problem });
};

/** JSON Schema errors as `$.questions[2].type: …`, for people who edit the file by hand. */
function schemaProblems(validate: ReturnType<typeof schema>, json: unknown): RuleProblem[] {
  if (validate(json)) return [];
  return (validate.errors ?? []).map((e) => ({
    path: `$${e.instancePath.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')}`,
    message: `${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` ("${String(e.params.additionalProperty)}")` : ''}`,
  }));
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

let common: CommonRules = commonRulesSchema.parse({ version: 'none' });
const commonPath = join(rulesDir, 'common.json');
let checked = 0;
if (existsSync(commonPath)) {
  checked += 1;
  const file = relative(process.cwd(), commonPath);
  // zod speaks more plainly about unions; the JSON Schema is checked too so it cannot drift.
  const parsed = parseCommonFile(readFileSync(commonPath, 'utf8'));
  if (!parsed.ok) report(file, parsed.problems);
  else {
    report(file, schemaProblems(validateCommon, readJson(commonPath)));
    common = parsed.value;
  }
}

const servicesDir = join(rulesDir, 'services');
const services = existsSync(servicesDir)
  ? readdirSync(servicesDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];
if (services.length === 0)
  report(relative(process.cwd(), servicesDir), [{ path: '$', message: 'no service files found' }]);
for (const name of services) {
  checked += 1;
  const path = join(servicesDir, name);
  const file = relative(process.cwd(), path);
  const parsed = parseServiceFile(readFileSync(path, 'utf8'), name, common);
  if (!parsed.ok) report(file, parsed.problems);
  else report(file, schemaProblems(validateService, readJson(path)));
}

if (existsSync(join(rendererI18n, 'zh-CN.json'))) {
  const zh = readJson(join(rendererI18n, 'zh-CN.json')) as Record<string, string>;
  const en = readJson(join(rendererI18n, 'en.json')) as Record<string, string> | undefined;
  const file = relative(process.cwd(), join(rendererI18n, 'en.json'));
  for (const key of Object.keys(zh)) {
    if (en?.[key] === undefined || en[key].trim() === '')
      report(file, [{ path: `$["${key}"]`, message: 'missing in en (present in zh-CN)' }]);
  }
  for (const key of Object.keys(en ?? {})) {
    if (zh[key] === undefined)
      report(relative(process.cwd(), join(rendererI18n, 'zh-CN.json')), [
        { path: `$["${key}"]`, message: 'missing in zh-CN (present in en)' },
      ]);
  }
}

for (const { file, problem } of found) console.log(`${file} ${problem.path}: ${problem.message}`);
const ms = performance.now() - started;
console.log(
  `rules:check: ${checked} rule files, ${found.length} problem${found.length === 1 ? '' : 's'} (${ms.toFixed(0)} ms)`,
);
process.exit(found.length === 0 ? 0 : 1);
