import type { LocalText, Question } from './schema';

/**
 * When a material is needed, in terms a citizen reading the guide knows: the
 * question they will be asked and the answer they will give, or their age.
 * Built from the rule's own JSONLogic condition, so the guide cannot say one
 * thing while the engine asks another; the screen puts it into words.
 */
export type ConditionClause =
  | {
      readonly kind: 'answer';
      readonly question: LocalText;
      readonly answers: readonly LocalText[];
      /** "没有选": the answer is none of these. */
      readonly not: boolean;
    }
  | { readonly kind: 'card'; readonly has: boolean }
  | { readonly kind: 'ageUnder'; readonly age: number }
  | { readonly kind: 'ageAtLeast'; readonly age: number }
  | { readonly kind: 'all' | 'any'; readonly clauses: readonly ConditionClause[] };

type Logic = Record<string, unknown>;

const isLogic = (value: unknown): value is Logic =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{"var": "answers.reason"}` → `reason`; anything else → null. */
function answerId(operand: unknown): string | null {
  if (!isLogic(operand) || typeof operand['var'] !== 'string') return null;
  const match = /^answers\.([A-Za-z0-9]+)$/.exec(operand['var']);
  return match?.[1] ?? null;
}

const isAge = (operand: unknown): boolean => isLogic(operand) && operand['var'] === 'identity.age';

const isHasCard = (operand: unknown): boolean =>
  isLogic(operand) && operand['var'] === 'identity.hasCard' && Object.keys(operand).length === 1;

/** An answer as the citizen sees it: its option's label, or the value as typed. */
function answerLabel(question: Question, value: unknown): LocalText | null {
  if (typeof value !== 'string') return null;
  if (question.type !== 'choice') return { 'zh-CN': value, en: value };
  return question.options.find((o) => o.value === value)?.label ?? null;
}

function answerClause(
  questions: readonly Question[],
  operand: unknown,
  values: readonly unknown[],
  not: boolean,
): ConditionClause | null {
  const id = answerId(operand);
  const question = questions.find((q) => q.id === id);
  if (question === undefined) return null;
  const answers = values.map((v) => answerLabel(question, v));
  if (answers.some((a) => a === null) || answers.length === 0) return null;
  return { kind: 'answer', question: question.label, answers: answers as LocalText[], not };
}

/**
 * The clause a condition reads as, or null when it cannot be said simply
 * (a card field, a guide's choice, arithmetic): the guide then lists the
 * material without a "when", as before.
 */
export function describeCondition(
  condition: unknown,
  questions: readonly Question[],
): ConditionClause | null {
  if (!isLogic(condition)) return null;
  if (isHasCard(condition)) return { kind: 'card', has: true };
  const entries = Object.entries(condition);
  if (entries.length !== 1) return null;
  const [op, args] = entries[0]!;
  const list = Array.isArray(args) ? args : [args];
  switch (op) {
    case '==':
    case '!=':
      return list.length === 2 ? answerClause(questions, list[0], [list[1]], op === '!=') : null;
    case 'in':
      return list.length === 2 && Array.isArray(list[1])
        ? answerClause(questions, list[0], list[1], false)
        : null;
    case '<':
      return list.length === 2 && isAge(list[0]) && typeof list[1] === 'number'
        ? { kind: 'ageUnder', age: list[1] }
        : null;
    case '>=':
      return list.length === 2 && isAge(list[0]) && typeof list[1] === 'number'
        ? { kind: 'ageAtLeast', age: list[1] }
        : null;
    case '!': {
      const inner = describeCondition(list[0], questions);
      if (inner?.kind === 'answer') return { ...inner, not: !inner.not };
      if (inner?.kind === 'card') return { kind: 'card', has: !inner.has };
      return null;
    }
    case 'and':
    case 'or': {
      // "answered, and not 不需要": the bare "answered" adds nothing a citizen needs told.
      const told = list.filter(
        (c) =>
          op === 'or' ||
          answerId(c) === null ||
          !list.some((other) => other !== c && JSON.stringify(other).includes(JSON.stringify(c))),
      );
      const clauses = told.map((c) => describeCondition(c, questions));
      if (clauses.length === 0 || clauses.some((c) => c === null)) return null;
      if (clauses.length === 1) return clauses[0]!;
      return { kind: op === 'and' ? 'all' : 'any', clauses: clauses as ConditionClause[] };
    }
    default:
      return null;
  }
}
