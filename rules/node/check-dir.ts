import { Ajv2020 } from 'ajv/dist/2020';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { jsonFileNames } from './bundle-files';
import { parseCalendarFile, parseCommonFile, parseServiceFile } from '../engine/load';
import type { RuleProblem } from '../engine/lint';
import { commonRulesSchema, type CommonRules, type ServiceRule } from '../engine/schema';
import { statutoryLimitProblems } from '../engine/statutory-limit';
import { calendarFrom, type CalendarYearFile } from '../engine/workdays';
import commonJsonSchema from '../schema/common.schema.json';
import serviceJsonSchema from '../schema/service.schema.json';

export interface RulesCheck {
  readonly checked: number;
  readonly problems: readonly { readonly file: string; readonly problem: RuleProblem }[];
}

/**
 * Checks every rule file in a rules folder the way the kiosk will load it, and
 * more — JSON Schema, zod schema, file name, JSONLogic variables and
 * operators, later-question references, unknown materials, compared option
 * values — and, when `i18nDir` is given, the renderer's zh-CN/en catalogs.
 * Used by `npm run rules:check` and `police-kiosk check-rules`.
 */
export function checkRulesDir(
  rulesDir: string,
  options: { readonly i18nDir?: string; readonly relativeTo?: string } = {},
): RulesCheck {
  const base = options.relativeTo ?? process.cwd();
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const validateService = ajv.compile(serviceJsonSchema as object);
  const validateCommon = ajv.compile(commonJsonSchema as object);
  const found: { file: string; problem: RuleProblem }[] = [];
  const report = (file: string, problems: readonly RuleProblem[]): void => {
    for (const problem of problems) found.push({ file, problem });
  };
  const shown = (path: string): string => relative(base, path) || path;

  /** JSON Schema errors as `$.questions[2].type: …`, for people who edit the file by hand. */
  const schemaProblems = (validate: typeof validateService, json: unknown): RuleProblem[] => {
    if (validate(json)) return [];
    return (validate.errors ?? []).map((e) => ({
      path: `$${e.instancePath.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')}`,
      message: `${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` ("${String(e.params.additionalProperty)}")` : ''}`,
    }));
  };
  const readJson = (path: string): unknown => {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as unknown;
    } catch {
      return undefined;
    }
  };

  let common: CommonRules = commonRulesSchema.parse({ version: 'none' });
  const commonPath = join(rulesDir, 'common.json');
  let checked = 0;
  /** The file's text, or null with the reason reported (a folder named x.json, no permission). */
  const readText = (path: string): string | null => {
    try {
      return readFileSync(path, 'utf8');
    } catch (cause) {
      report(shown(path), [
        {
          path: '$',
          message: `cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`,
        },
      ]);
      return null;
    }
  };
  const commonText = existsSync(commonPath) ? readText(commonPath) : null;
  if (commonText !== null) {
    checked += 1;
    // zod speaks more plainly about unions; the JSON Schema is checked too so it cannot drift.
    const parsed = parseCommonFile(commonText);
    if (!parsed.ok) report(shown(commonPath), parsed.problems);
    else {
      report(shown(commonPath), schemaProblems(validateCommon, readJson(commonPath)));
      common = parsed.value;
    }
  }

  const loaded: { path: string; rule: ServiceRule }[] = [];
  const servicesDir = join(rulesDir, 'services');
  const services = existsSync(servicesDir) ? jsonFileNames(servicesDir) : [];
  if (services.length === 0)
    report(shown(servicesDir), [{ path: '$', message: 'no service files found' }]);
  for (const name of services) {
    checked += 1;
    const path = join(servicesDir, name);
    const text = readText(path);
    if (text === null) continue;
    const parsed = parseServiceFile(text, name, common);
    if (!parsed.ok) report(shown(path), parsed.problems);
    else {
      report(shown(path), schemaProblems(validateService, readJson(path)));
      loaded.push({ path, rule: parsed.value });
    }
  }

  // The holiday calendar is part of the bundle: a broken year would print wrong due dates.
  const calendarDir = join(rulesDir, 'calendar');
  const calendarYears: CalendarYearFile[] = [];
  const years = existsSync(calendarDir) ? jsonFileNames(calendarDir) : [];
  if (years.length === 0)
    report(shown(calendarDir), [{ path: '$', message: 'no holiday calendar found' }]);
  for (const name of years) {
    checked += 1;
    const path = join(calendarDir, name);
    const text = readText(path);
    if (text === null) continue;
    const parsed = parseCalendarFile(text, name);
    if (!parsed.ok) report(shown(path), parsed.problems);
    else calendarYears.push(parsed.value);
  }
  // The law's shape: a promise never ends after the statutory limit, on any day the calendar knows.
  const calendar = calendarFrom(calendarYears);
  for (const { path, rule } of loaded) report(shown(path), statutoryLimitProblems(rule, calendar));

  const i18n = options.i18nDir;
  if (i18n !== undefined && existsSync(join(i18n, 'zh-CN.json'))) {
    const zh = readJson(join(i18n, 'zh-CN.json')) as Record<string, string>;
    const en = readJson(join(i18n, 'en.json')) as Record<string, string> | undefined;
    for (const key of Object.keys(zh)) {
      if (en?.[key] === undefined || en[key].trim() === '')
        report(shown(join(i18n, 'en.json')), [
          { path: `$["${key}"]`, message: 'missing in en (present in zh-CN)' },
        ]);
    }
    for (const key of Object.keys(en ?? {})) {
      if (zh[key] === undefined)
        report(shown(join(i18n, 'zh-CN.json')), [
          { path: `$["${key}"]`, message: 'missing in zh-CN (present in en)' },
        ]);
    }
  }
  return { checked, problems: found };
}

/** One line per problem, then the count: what both commands print. */
export function formatRulesCheck(result: RulesCheck, ms: number, name: string): string[] {
  return [
    ...result.problems.map(({ file, problem }) => `${file} ${problem.path}: ${problem.message}`),
    `${name}: ${result.checked} rule files, ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} (${ms.toFixed(0)} ms)`,
  ];
}
