import { citationProblems } from './citations';
import { contradictions } from './contradiction';
import { CONTEXT_ROOTS, isAllowedOperator, operationsIn, operatorsIn, variablesIn } from './logic';
import { nestedQuantifier } from './regex-safety';
import type { RuleProblem } from './rule-problem';
import type { Condition, Question, ServiceRule } from './schema';

export type { RuleProblem } from './rule-problem';

interface ConditionSite {
  readonly path: string;
  readonly condition: Condition;
  /** For question conditions: the question's position, so later questions can be flagged. */
  readonly questionIndex?: number;
  /** Where a literal `false` makes the thing unreachable: what to say about it. */
  readonly neverFalse?: string;
}

/** Every JSONLogic condition of a (merged) rule, with where it sits. */
function conditionSites(rule: ServiceRule): ConditionSite[] {
  const sites: ConditionSite[] = [];
  rule.questions.forEach((q, i) => {
    const at = `$.questions[${i}]`;
    sites.push({
      path: `${at}.visibleIf`,
      condition: q.visibleIf,
      questionIndex: i,
      neverFalse: `question "${q.id}" is never asked`,
    });
    sites.push({ path: `${at}.requiredIf`, condition: q.requiredIf, questionIndex: i });
    q.checks.forEach((c, j) =>
      sites.push({ path: `${at}.checks[${j}].holds`, condition: c.holds, questionIndex: i + 0.5 }),
    );
    if (q.type === 'choice') {
      q.options.forEach((o, j) =>
        sites.push({
          path: `${at}.options[${j}].visibleIf`,
          condition: o.visibleIf,
          questionIndex: i,
          neverFalse: `option "${o.value}" is never offered`,
        }),
      );
    }
  });
  rule.materials.forEach((m, i) =>
    sites.push({ path: `$.materials[${i}].requiredIf`, condition: m.requiredIf }),
  );
  rule.requirements.forEach((r, i) =>
    sites.push({ path: `$.requirements[${i}].requiredIf`, condition: r.requiredIf }),
  );
  rule.eligibility.forEach((e, i) =>
    sites.push({ path: `$.eligibility[${i}].holds`, condition: e.holds }),
  );
  const never = 'this case never applies';
  rule.fee.items.forEach((f, i) =>
    sites.push({ path: `$.fee.items[${i}].when`, condition: f.when, neverFalse: never }),
  );
  rule.timeLimit.cases.forEach((c, i) =>
    sites.push({ path: `$.timeLimit.cases[${i}].when`, condition: c.when, neverFalse: never }),
  );
  rule.outcomes.forEach((o, i) =>
    o.cases.forEach((c, j) =>
      sites.push({
        path: `$.outcomes[${i}].cases[${j}].when`,
        condition: c.when,
        neverFalse: never,
      }),
    ),
  );
  rule.greenChannel.forEach((g, i) =>
    sites.push({ path: `$.greenChannel[${i}].when`, condition: g.when, neverFalse: never }),
  );
  if (rule.agent !== undefined) sites.push({ path: '$.agent.when', condition: rule.agent.when });
  rule.slip.notes.forEach((n, i) => {
    if ('when' in n)
      sites.push({
        path: `$.slip.notes[${i}].when`,
        condition: n.when,
        neverFalse: 'this note is never printed',
      });
  });
  return sites;
}

function duplicates(ids: readonly string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

/** `answers.reason` → `reason`; null for anything but a plain answer variable. */
function answerName(x: unknown): string | null {
  const v = (x as { var?: unknown } | null)?.var;
  return typeof v === 'string' && v.startsWith('answers.') ? v.slice('answers.'.length) : null;
}

/**
 * `{"==": [{"var": "answers.reason"}, "spuose"]}` never holds: a literal compared with a
 * choice answer must be one of that question's option values.
 */
function comparedLiterals(condition: unknown): { question: string; value: unknown }[] {
  return operationsIn(condition).flatMap(({ op, args }) => {
    const found: { question: string; value: unknown }[] = [];
    if (['==', '!=', '===', '!=='].includes(op) && Array.isArray(args) && args.length === 2) {
      const [a, b] = args as unknown[];
      const [nameA, nameB] = [answerName(a), answerName(b)];
      if (nameA !== null && typeof b === 'string') found.push({ question: nameA, value: b });
      if (nameB !== null && typeof a === 'string') found.push({ question: nameB, value: a });
    }
    if (op === 'in' && Array.isArray(args) && args.length === 2 && Array.isArray(args[1])) {
      const name = answerName(args[0]);
      if (name !== null)
        for (const value of args[1] as unknown[]) found.push({ question: name, value });
    }
    return found;
  });
}

/**
 * `{"in": ["spous", {"var": "answers.reason"}]}` is JSONLogic's substring form: it holds when
 * the text is part of the answer. A text that is part of no option value of a choice
 * question is a typo, and the condition never holds.
 */
function substringLiterals(condition: unknown): { question: string; text: string }[] {
  return operationsIn(condition).flatMap(({ op, args }) => {
    if (op !== 'in' || !Array.isArray(args) || args.length !== 2) return [];
    const [text, where] = args as unknown[];
    const question = answerName(where);
    return typeof text === 'string' && question !== null ? [{ question, text }] : [];
  });
}

/** Operations whose value is a number: an age, a count of days, arithmetic. */
const NUMERIC_OPERATIONS: ReadonlySet<string> = new Set([
  'days_between',
  'age_from_id',
  '+',
  '-',
  '*',
  '/',
  '%',
  'max',
  'min',
]);
const NUMERIC_VARIABLES: ReadonlySet<string> = new Set(['identity.age']);

const isNumeric = (x: unknown): boolean => {
  if (typeof x === 'number') return true;
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const [op, args] = Object.entries(x)[0] ?? [];
  if (op === 'var') {
    const name: unknown = Array.isArray(args) ? (args as unknown[])[0] : args;
    return typeof name === 'string' && NUMERIC_VARIABLES.has(name);
  }
  return op !== undefined && NUMERIC_OPERATIONS.has(op);
};

/**
 * `{"==": [{"var": "identity.age"}, "63"]}`: a number compared for equality with text holds
 * by JSONLogic's coercion under `==` and never under `===`; either way the rule means the number.
 */
function textInNumberEquality(condition: unknown): string[] {
  return operationsIn(condition)
    .filter(
      ({ op, args }) =>
        ['==', '!=', '===', '!=='].includes(op) && Array.isArray(args) && args.length === 2,
    )
    .flatMap(({ args }) => {
      const [a, b] = args as unknown[];
      if (isNumeric(a) && typeof b === 'string') return [b];
      if (isNumeric(b) && typeof a === 'string') return [a];
      return [];
    });
}

/**
 * Order comparisons (<, <=, >, >=) with a text operand: JSONLogic would compare "63" with an
 * age as text or coerce it silently; a rule means the number.
 */
function textInOrderComparisons(condition: unknown): string[] {
  return operationsIn(condition)
    .filter(({ op, args }) => ['<', '<=', '>', '>='].includes(op) && Array.isArray(args))
    .flatMap(({ args }) => (args as unknown[]).filter((a): a is string => typeof a === 'string'));
}

/** What a condition may name: the rule's questions (in order) and materials. */
interface KnownIds {
  readonly questionIndex: ReadonlyMap<string, number>;
  /** Empty for a file the schema refused: option checks need typed questions. */
  readonly questionById: ReadonlyMap<string, Question>;
  readonly materialIds: ReadonlySet<string>;
}

/** The problems of one condition: operators, variables, literals, and a literal `false`. */
function siteProblems(site: ConditionSite, known: KnownIds): RuleProblem[] {
  const { questionIndex, questionById, materialIds } = known;
  const problems: RuleProblem[] = [];
  for (const op of operatorsIn(site.condition)) {
    if (!isAllowedOperator(op))
      problems.push({
        path: site.path,
        message: `unknown or forbidden JSONLogic operator "${op}"`,
      });
  }
  for (const name of variablesIn(site.condition)) {
    const [root, field, ...rest] = name.split('.');
    if (root === 'answers') {
      const index = field === undefined ? undefined : questionIndex.get(field);
      if (index === undefined || rest.length > 0) {
        problems.push({
          path: site.path,
          message: `"${name}" is not a question of this service`,
        });
      } else if (
        site.questionIndex !== undefined &&
        index >= site.questionIndex &&
        !site.path.includes('.checks[')
      ) {
        problems.push({
          path: site.path,
          message: `"${name}" is answered at or after this question; conditions may only look at earlier answers`,
        });
      } else if (
        site.path.includes('.checks[') &&
        site.questionIndex !== undefined &&
        index > site.questionIndex
      ) {
        problems.push({ path: site.path, message: `"${name}" is answered after this question` });
      }
    } else if (root === 'materials') {
      if (field === undefined || !materialIds.has(field) || rest.length > 0) {
        problems.push({
          path: site.path,
          message: `"${name}" is not a material of this service`,
        });
      }
    } else if (root === 'identity' || root === 'guide' || root === 'station' || root === 'kiosk') {
      const fields: readonly string[] = CONTEXT_ROOTS[root];
      if (field === undefined || !fields.includes(field) || rest.length > 0) {
        problems.push({
          path: site.path,
          message: `"${name}" is not known; use ${root}.${fields.join(` or ${root}.`)}`,
        });
      }
    } else if (!(root === 'today' && field === undefined)) {
      problems.push({
        path: site.path,
        message: `"${name}" is not known; conditions see answers, identity, station, materials, guide, kiosk and today`,
      });
    }
  }
  for (const text of [
    ...textInOrderComparisons(site.condition),
    ...textInNumberEquality(site.condition),
  ]) {
    problems.push({
      path: site.path,
      message: `compares with the text "${text}"; write the number without quotes`,
    });
  }
  for (const { question, text } of substringLiterals(site.condition)) {
    const q = questionById.get(question);
    if (q?.type === 'choice' && !q.options.some((o) => o.value.includes(text))) {
      problems.push({
        path: site.path,
        message: `"${text}" is part of no option of question "${question}"; the condition never holds`,
      });
    }
  }
  if (site.condition === false && site.neverFalse !== undefined) {
    problems.push({ path: site.path, message: `is false: ${site.neverFalse}` });
  }
  for (const parts of contradictions(site.condition)) {
    problems.push({
      path: site.path,
      message: `never holds: ${parts} cannot both be true${site.neverFalse === undefined ? '' : `, so ${site.neverFalse}`}`,
    });
  }
  for (const { question, value } of comparedLiterals(site.condition)) {
    const q = questionById.get(question);
    if (q?.type === 'choice' && !q.options.some((o) => o.value === value)) {
      problems.push({
        path: site.path,
        message: `"${String(value)}" is not an option of question "${question}"`,
      });
    }
  }
  return problems;
}

/**
 * What a schema cannot see: unknown variables and operators in conditions,
 * conditions that look at a later question, unknown materials, duplicate ids,
 * typos in compared option values, broken patterns. Runs on the merged rule
 * (service + rules/common.json) at start-up and in `npm run rules:check`.
 */
export function lintRule(rule: ServiceRule): RuleProblem[] {
  const problems: RuleProblem[] = [...citationProblems(rule)];
  const questionById = new Map<string, Question>(rule.questions.map((q) => [q.id, q]));
  const known: KnownIds = {
    questionIndex: new Map(rule.questions.map((q, i) => [q.id, i])),
    questionById,
    materialIds: new Set(rule.materials.map((m) => m.id)),
  };

  for (const [what, ids] of [
    ['question', rule.questions.map((q) => q.id)],
    ['material', rule.materials.map((m) => m.id)],
    ['requirement', rule.requirements.map((r) => r.id)],
  ] as const) {
    for (const id of duplicates(ids))
      problems.push({ path: '$', message: `${what} id "${id}" is used twice` });
  }

  if (rule.agent !== undefined) {
    for (const [field, type] of [
      ['principalName', 'name'],
      ['principalIdNumber', 'idNumber'],
    ] as const) {
      const id = rule.agent[field];
      if (questionById.get(id)?.type !== type)
        problems.push({
          path: `$.agent.${field}`,
          message: `"${id}" is not a ${type} question of this service`,
        });
    }
  }

  for (const site of conditionSites(rule)) problems.push(...siteProblems(site, known));

  rule.questions.forEach((q, i) => {
    if (q.type === 'choice') {
      for (const value of duplicates(q.options.map((o) => o.value))) {
        problems.push({
          path: `$.questions[${i}].options`,
          message: `option value "${value}" is used twice`,
        });
      }
    }
    if (q.type === 'text' && q.pattern !== undefined) {
      try {
        new RegExp(q.pattern, 'u');
      } catch (cause) {
        problems.push({
          path: `$.questions[${i}].pattern`,
          message: `not a valid pattern: ${(cause as Error).message}`,
        });
      }
      const nested = nestedQuantifier(q.pattern);
      if (nested !== null) {
        problems.push({ path: `$.questions[${i}].pattern`, message: nested });
      }
      if (q.patternMessage === undefined) {
        problems.push({
          path: `$.questions[${i}].patternMessage`,
          message: 'a pattern needs a patternMessage citizens can act on',
        });
      }
    }
  });

  const grouped = new Set<string>();
  rule.requirements.forEach((r, i) => {
    for (const id of [...(r.anyOf?.flat() ?? []), ...(r.of ?? [])]) {
      grouped.add(id);
      if (!known.materialIds.has(id))
        problems.push({ path: `$.requirements[${i}]`, message: `material "${id}" does not exist` });
    }
  });
  rule.requirements.forEach((r, i) => {
    if (r.requiredIf === false)
      problems.push({
        path: `$.requirements[${i}].requiredIf`,
        message: `"${r.id}" is never required: give it a condition or remove it`,
      });
  });
  rule.materials.forEach((m, i) => {
    // A 证件照 is taken to a standard; a standard means nothing on another kind of material.
    if (m.capture === 'portrait' && m.standard === undefined)
      problems.push({
        path: `$.materials[${i}].standard`,
        message: `"${m.id}" is a portrait: say which standard it is taken to ("exit-entry" or "id-card")`,
      });
    if (m.capture !== 'portrait' && (m.standard !== undefined || m.stationOptIn))
      problems.push({
        path: `$.materials[${i}].standard`,
        message: `"${m.id}" is not a portrait: standard and stationOptIn belong to capture "portrait"`,
      });
    if (!grouped.has(m.id) && m.requiredIf === false)
      problems.push({
        path: `$.materials[${i}].requiredIf`,
        message: `"${m.id}" is never required and never asked for: give it a condition or remove it`,
      });
    if (grouped.has(m.id) && m.requiredIf !== true) {
      problems.push({
        path: `$.materials[${i}].requiredIf`,
        message: `"${m.id}" belongs to a requirement; put the condition on the requirement instead`,
      });
    }
  });

  const entry = rule.identity.manualEntry;
  if (entry !== undefined) {
    const name = questionById.get(entry.nameQuestion);
    const id = questionById.get(entry.idNumberQuestion);
    if (name?.type !== 'name')
      problems.push({
        path: '$.identity.manualEntry.nameQuestion',
        message: `"${entry.nameQuestion}" must be a question of type "name"`,
      });
    if (id?.type !== 'idNumber')
      problems.push({
        path: '$.identity.manualEntry.idNumberQuestion',
        message: `"${entry.idNumberQuestion}" must be a question of type "idNumber"`,
      });
  }
  return problems;
}

const CONDITION_KEYS: ReadonlySet<string> = new Set(['visibleIf', 'requiredIf', 'holds', 'when']);

/**
 * For a file the schema refused: the condition checks that need no valid schema (unknown
 * operators and variables, numbers written as text), over the raw JSON, so one run reports
 * them beside the schema's problems instead of after the schema ones are fixed.
 */
export function looseConditionProblems(json: unknown): RuleProblem[] {
  const idsOf = (list: unknown): string[] =>
    (Array.isArray(list) ? list : [])
      .map((x) => (x as { id?: unknown } | null)?.id)
      .filter((id): id is string => typeof id === 'string');
  const root = (json ?? {}) as { questions?: unknown; materials?: unknown };
  const known: KnownIds = {
    questionIndex: new Map(idsOf(root.questions).map((id, i) => [id, i])),
    questionById: new Map(),
    materialIds: new Set(idsOf(root.materials)),
  };
  const sites: ConditionSite[] = [];
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((x, i) => visit(x, `${path}[${i}]`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const at = `${path}.${key}`;
      // Raw JSON: walked as data, never evaluated; the walkers take any value.
      if (CONDITION_KEYS.has(key)) sites.push({ path: at, condition: value as Condition });
      else visit(value, at);
    }
  };
  visit(json, '$');
  return sites.flatMap((site) => siteProblems(site, known));
}
