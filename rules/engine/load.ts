import { formatPath } from '../../base/format-path';
import { jsonDepth } from './regex-safety';
import { lintRule, looseConditionProblems, type RuleProblem } from './lint';
import { withCommon } from './merge';
import { commonRulesSchema, serviceRuleSchema, type CommonRules, type ServiceRule } from './schema';
import { calendarYearSchema, type CalendarYearFile } from './calendar-file';

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly RuleProblem[] };

/** Deeper than any real rule file; a file nested thousands deep is refused before anything walks it. */
export const MAX_RULE_DEPTH = 64;

function parseJson(text: string): Parsed<unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    const depth = jsonDepth(value);
    if (depth > MAX_RULE_DEPTH) {
      return {
        ok: false,
        problems: [
          {
            path: '$',
            message: `nests ${depth} levels deep; a rule file may nest at most ${MAX_RULE_DEPTH}`,
          },
        ],
      };
    }
    return { ok: true, value };
  } catch (cause) {
    return {
      ok: false,
      problems: [{ path: '$', message: `not valid JSON: ${(cause as Error).message}` }],
    };
  }
}

const schemaProblems = (
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): RuleProblem[] =>
  issues.map((i) => ({
    path: i.path.length === 0 ? '$' : `$.${formatPath(i.path)}`,
    message: i.message,
  }));

export function parseCommonFile(text: string): Parsed<CommonRules> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const parsed = commonRulesSchema.safeParse(json.value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problems: schemaProblems(parsed.error.issues) };
}

/**
 * A service file as the kiosk will use it: valid JSON, valid against the
 * schema, named after its id, and clean under `lintRule` once merged with
 * the common rules. Any problem and the file is refused whole.
 */
export function parseServiceFile(
  text: string,
  fileName: string,
  common: CommonRules,
): Parsed<ServiceRule> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const parsed = serviceRuleSchema.safeParse(json.value);
  if (!parsed.success)
    return {
      ok: false,
      // Every problem in one run: the conditions are checked even though the schema refused the file.
      problems: [...schemaProblems(parsed.error.issues), ...looseConditionProblems(json.value)],
    };
  if (`${parsed.data.id}.json` !== fileName) {
    return {
      ok: false,
      problems: [
        {
          path: '$.id',
          message: `id "${parsed.data.id}" does not match the file name ${fileName}`,
        },
      ],
    };
  }
  const merged = withCommon(parsed.data, common);
  const problems = lintRule(merged);
  return problems.length === 0 ? { ok: true, value: merged } : { ok: false, problems };
}

/** A holiday calendar file, named after its year (`holidays-2027.json`). */
export function parseCalendarFile(text: string, fileName: string): Parsed<CalendarYearFile> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const parsed = calendarYearSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error.issues) };
  if (`holidays-${parsed.data.year}.json` !== fileName) {
    return {
      ok: false,
      problems: [
        {
          path: '$.year',
          message: `year ${parsed.data.year} does not match the file name ${fileName}`,
        },
      ],
    };
  }
  return { ok: true, value: parsed.data };
}
