import { citationProblems } from './citations';
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
}

/** Every JSONLogic condition of a (merged) rule, with where it sits. */
function conditionSites(rule: ServiceRule): ConditionSite[] {
  const sites: ConditionSite[] = [];
  rule.questions.forEach((q, i) => {
    const at = `$.questions[${i}]`;
    sites.push({ path: `${at}.visibleIf`, condition: q.visibleIf, questionIndex: i });
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
  rule.fee.items.forEach((f, i) =>
    sites.push({ path: `$.fee.items[${i}].when`, condition: f.when }),
  );
  rule.timeLimit.cases.forEach((c, i) =>
    sites.push({ path: `$.timeLimit.cases[${i}].when`, condition: c.when }),
  );
  rule.outcomes.forEach((o, i) =>
    o.cases.forEach((c, j) =>
      sites.push({ path: `$.outcomes[${i}].cases[${j}].when`, condition: c.when }),
    ),
  );
  rule.greenChannel.forEach((g, i) =>
    sites.push({ path: `$.greenChannel[${i}].when`, condition: g.when }),
  );
  if (rule.agent !== undefined) sites.push({ path: '$.agent.when', condition: rule.agent.when });
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
 * Order comparisons (<, <=, >, >=) with a text operand: JSONLogic would compare "63" with an
 * age as text or coerce it silently; a rule means the number.
 */
function textInOrderComparisons(condition: unknown): string[] {
  return operationsIn(condition)
    .filter(({ op, args }) => ['<', '<=', '>', '>='].includes(op) && Array.isArray(args))
    .flatMap(({ args }) => (args as unknown[]).filter((a): a is string => typeof a === 'string'));
}

/**
 * What a schema cannot see: unknown variables and operators in conditions,
 * conditions that look at a later question, unknown materials, duplicate ids,
 * typos in compared option values, broken patterns. Runs on the merged rule
 * (service + rules/common.json) at start-up and in `npm run rules:check`.
 */
export function lintRule(rule: ServiceRule): RuleProblem[] {
  const problems: RuleProblem[] = [...citationProblems(rule)];
  const questionIndex = new Map(rule.questions.map((q, i) => [q.id, i]));
  const questionById = new Map<string, Question>(rule.questions.map((q) => [q.id, q]));
  const materialIds = new Set(rule.materials.map((m) => m.id));

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

  for (const site of conditionSites(rule)) {
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
      } else if (root === 'identity' || root === 'guide') {
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
          message: `"${name}" is not known; conditions see answers, identity, materials, guide and today`,
        });
      }
    }
    for (const text of textInOrderComparisons(site.condition)) {
      problems.push({
        path: site.path,
        message: `compares with the text "${text}"; write the number without quotes`,
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
  }

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
      if (!materialIds.has(id))
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
