import { ageOn, type IsoDate } from './dates';
import { holds, type ConditionContext } from './logic';
import { passportPinyin } from './pinyin-name';
import type { LocalText, Material, Question, ServiceRule } from './schema';
import { checkAnswer, normalizeAnswer, type FieldError } from './validate';
import { dueDate, type DueDate, type HolidayCalendar } from './workdays';

/** What the rules need to know about the applicant, read from the ID card. */
export interface ApplicantFacts {
  readonly kind: 'resident' | 'hmt' | 'foreigner2017' | 'foreigner2023';
  readonly name: string;
  readonly sex: string;
  readonly birthDate: IsoDate;
  readonly address?: string | undefined;
  /** `YYYY-MM-DD`, or 长期 for a card that never expires. */
  readonly validTo: string;
}

export type Answers = Readonly<Record<string, string>>;

export interface EvaluationInput {
  readonly rule: ServiceRule;
  readonly answers: Answers;
  readonly applicant: ApplicantFacts | null;
  readonly today: IsoDate;
  readonly calendar: HolidayCalendar;
}

export interface QuestionState {
  readonly question: Question;
  readonly required: boolean;
}

export interface Evaluation {
  /** Questions to ask, in order; hidden ones are left out. */
  readonly questions: readonly QuestionState[];
  /** Answers normalized, restricted to visible questions. */
  readonly answers: Answers;
  readonly fieldErrors: readonly FieldError[];
  readonly identityProblem: 'missing' | 'not_accepted' | 'expired' | null;
  readonly materials: readonly Material[];
  readonly fee: { readonly amount: number; readonly label: LocalText };
  readonly due: DueDate;
  readonly complete: boolean;
}

export function conditionContext(
  answers: Answers,
  applicant: ApplicantFacts | null,
  today: IsoDate,
): ConditionContext {
  return {
    answers,
    today,
    identity:
      applicant === null
        ? null
        : { kind: applicant.kind, sex: applicant.sex, age: ageOn(applicant.birthDate, today) },
  };
}

/** The value a question starts with: derived pinyin, or the card's address. */
export function suggestedAnswer(question: Question, applicant: ApplicantFacts | null): string {
  if (applicant === null) return '';
  switch (question.type) {
    case 'pinyin': {
      const parts = passportPinyin(applicant.name);
      return question.derive === 'surname' ? parts.surname : parts.givenName;
    }
    case 'address':
      return question.prefill === 'identity.address' ? (applicant.address ?? '') : '';
    case 'text':
    case 'mobile':
    case 'choice':
      return '';
  }
}

function checkIdentity(
  rule: ServiceRule,
  applicant: ApplicantFacts | null,
  today: IsoDate,
): Evaluation['identityProblem'] {
  if (applicant === null) return rule.identity.required ? 'missing' : null;
  if (!rule.identity.accepted.includes(applicant.kind)) return 'not_accepted';
  return applicant.validTo !== '长期' && applicant.validTo < today ? 'expired' : null;
}

/**
 * Evaluates one application against its rule file. Pure: the renderer runs it
 * on every answer for live feedback, and the main process runs it again on
 * submit so nothing the renderer says is trusted.
 */
export function evaluate(input: EvaluationInput): Evaluation {
  const { rule, applicant, today, calendar } = input;
  const normalized: Record<string, string> = {};
  for (const question of rule.questions) {
    const raw = input.answers[question.id];
    if (raw !== undefined) normalized[question.id] = normalizeAnswer(question, raw);
  }

  // Visibility may depend on earlier answers, so decide question by question and
  // drop answers to hidden questions before later conditions see them.
  const visible: QuestionState[] = [];
  const kept: Record<string, string> = {};
  for (const question of rule.questions) {
    const context = conditionContext(kept, applicant, today);
    if (!holds(question.visibleIf, context)) continue;
    visible.push({ question, required: holds(question.requiredIf, context) });
    const value = normalized[question.id];
    if (value !== undefined && value !== '') kept[question.id] = value;
  }

  const fieldErrors: FieldError[] = [];
  for (const { question, required } of visible) {
    const value = kept[question.id];
    if (value === undefined) {
      if (required) fieldErrors.push({ questionId: question.id, code: 'required', params: {} });
      continue;
    }
    const problem = checkAnswer(question, value);
    if (problem !== null) fieldErrors.push(problem);
  }

  const context = conditionContext(kept, applicant, today);
  const identityProblem = checkIdentity(rule, applicant, today);
  const fee = rule.fee.rules.find((r) => holds(r.when, context)) ?? rule.fee.default;

  return {
    questions: visible,
    answers: kept,
    fieldErrors,
    identityProblem,
    materials: rule.materials.filter((m) => holds(m.requiredIf, context)),
    fee: { amount: fee.amount, label: fee.label },
    due: dueDate(today, rule.timeLimit.workingDays, calendar),
    complete: fieldErrors.length === 0 && identityProblem === null,
  };
}
