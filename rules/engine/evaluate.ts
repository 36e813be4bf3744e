import type { Applicant, Sex } from './applicant';
import { addDays, ageOn, type IsoDate } from '../../base/dates';
import { birthDateOf, checkIdNumber } from './id-number';
import { holds, type ConditionContext, type MaterialDeclaration } from './logic';
import type { NameParts } from './pinyin-name';
import { isSatisfied, resolveRequirements, type ResolvedRequirement } from './requirements';
import type { ChoiceOption, LocalText, Material, Question, ServiceRule } from './schema';
import { checkAnswer, normalizeAnswer, type FieldError } from './validate';
import { dueDate, type DueDate, type HolidayCalendar } from './workdays';
import { provinceOf, regionFromAddress } from '../data/regions';

export type Answers = Readonly<Record<string, string>>;
export type Declarations = Readonly<Record<string, MaterialDeclaration>>;

export interface EvaluationInput {
  readonly rule: ServiceRule;
  readonly answers: Answers;
  /** The identity read from the card in this session, if any. */
  readonly card: Applicant | null;
  /** The citizen said they have no card with them and will type name and ID number. */
  readonly manualEntry?: boolean;
  readonly materials?: Declarations;
  /** A hall guide marked this application for the green channel. */
  readonly guideGreenChannel?: boolean;
  readonly today: IsoDate;
  readonly calendar: HolidayCalendar;
  /** The kiosk's station code (config): its first two digits are the province it stands in. */
  readonly stationCode: string;
  /** What the kiosk did itself (photo, 人证核验): the window otherwise. */
  readonly kiosk?: ConditionContext['kiosk'];
}

/** A time limit in working days (工作日, the usual) or in calendar days (日) where the text says so. */
export interface TimeLimit {
  readonly days: number;
  readonly unit: 'working' | 'calendar';
}

export interface QuestionState {
  readonly question: Question;
  readonly required: boolean;
  /** For choices: the options offered now. */
  readonly options: readonly ChoiceOption[];
}

export interface RequirementState {
  readonly id: string;
  readonly name: LocalText;
  readonly options: readonly (readonly Material[])[];
  readonly atLeast: number;
  readonly hint?: LocalText;
  readonly satisfied: boolean;
}

export interface Evaluation {
  /** Questions to ask, in order; hidden ones are left out. */
  readonly questions: readonly QuestionState[];
  /** Answers normalized, restricted to visible questions. */
  readonly answers: Answers;
  readonly fieldErrors: readonly FieldError[];
  /** Who the application is for: from the card, or typed in (补领). */
  readonly applicant: Applicant | null;
  /**
   * When someone applies for another person (the rule's `agent` case): that
   * person, the 委托人, as typed. `applicant` is then the agent at the kiosk.
   */
  readonly principal: { readonly name: string; readonly idNumber: string } | null;
  readonly identityProblem: 'missing' | 'not_accepted' | 'expired' | null;
  /** The article behind a refused card (`expired`, `not_accepted`), from the rule file; null otherwise. */
  readonly identityBasis: LocalText | null;
  /** Conditions of the item that fail, with the rule file's reason. */
  readonly ineligible: readonly { readonly id: string; readonly reason: LocalText }[];
  /** Every requirement that applies, satisfied or not. */
  readonly requirements: readonly RequirementState[];
  /** The 一次性告知 list: every requirement not yet met, never only the first. */
  readonly missing: readonly RequirementState[];
  readonly fee: {
    readonly total: number;
    readonly items: readonly { readonly label: LocalText; readonly amount: number }[];
  };
  readonly timeLimit: TimeLimit;
  readonly due: DueDate;
  readonly outcomes: readonly {
    readonly id: string;
    readonly label: LocalText;
    readonly text: LocalText;
  }[];
  readonly greenChannel: readonly LocalText[];
  /** The slip's notes that apply (a note with `when` only where it holds). */
  readonly slipNotes: readonly LocalText[];
  /** 待补正 when something is missing: still accepted, with the one-time notice on the slip. */
  readonly status: 'pending_review' | 'pending_completion';
  /** Can be submitted: answers valid, identity settled, eligible. Missing materials do not block. */
  readonly complete: boolean;
}

function sexFromIdNumber(id: string): Sex {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/** The applicant when the card is absent: typed name and a valid ID number give the same facts. */
function typedApplicant(rule: ServiceRule, answers: Answers, today: IsoDate): Applicant | null {
  const entry = rule.identity.manualEntry;
  if (entry === undefined) return null;
  const name = answers[entry.nameQuestion];
  const id = answers[entry.idNumberQuestion]?.toUpperCase();
  if (name === undefined || id === undefined || checkIdNumber(id, today) !== null) return null;
  return {
    kind: 'resident',
    name,
    sex: sexFromIdNumber(id),
    birthDate: birthDateOf(id),
    idNumber: id,
    validTo: '长期',
  };
}

export function conditionContext(
  answers: Answers,
  applicant: Applicant | null,
  hasCard: boolean,
  manualEntry: boolean,
  materials: Declarations,
  guideGreenChannel: boolean,
  today: IsoDate,
  /** GB/T 2260 provinces ('' when unknown): the applicant's 户口, from the card's address, and the kiosk's. */
  provinces: { readonly applicant: string; readonly station: string },
  kiosk: ConditionContext['kiosk'] = NOTHING_AT_THE_KIOSK,
): ConditionContext {
  const identity =
    applicant !== null
      ? {
          kind: applicant.kind,
          sex: applicant.sex,
          age: ageOn(applicant.birthDate, today),
          birthDate: applicant.birthDate,
          validTo: applicant.validTo,
          hasCard,
          idNumber: applicant.idNumber ?? '',
          province: provinces.applicant,
        }
      : manualEntry
        ? {
            kind: 'resident',
            sex: 'unknown',
            age: -1,
            birthDate: '',
            validTo: '长期',
            hasCard: false,
            idNumber: '',
            province: '',
          }
        : null;
  return {
    answers,
    identity,
    station: { province: provinces.station },
    materials,
    guide: { greenChannel: guideGreenChannel },
    kiosk,
    today,
  };
}

/** Photo and identity both at the window: a journey with no camera, or before either step. */
export const NOTHING_AT_THE_KIOSK: ConditionContext['kiosk'] = {
  photo: 'window',
  identity: 'not_asked',
};

/**
 * The value a question starts with: derived pinyin, or a field of the ID card.
 * `romanize` is `passportPinyin`, passed in so that its dictionary (pinyin-pro, about
 * 100 KB gzip) is loaded only by those who need it; without it a pinyin question starts empty.
 */
export function suggestedAnswer(
  question: Question,
  applicant: Applicant | null,
  romanize?: (name: string) => NameParts,
): string {
  if (applicant === null) return '';
  if (question.type === 'pinyin') {
    if (romanize === undefined) return '';
    const parts = romanize(applicant.name);
    return question.derive === 'surname' ? parts.surname : parts.givenName;
  }
  if (question.type === 'region') {
    return question.prefill === 'identity.address' && applicant.address
      ? (regionFromAddress(applicant.address) ?? '')
      : '';
  }
  switch (question.prefill) {
    case 'identity.name':
      return applicant.name;
    case 'identity.address':
      return applicant.address ?? '';
    case 'identity.idNumber':
      return applicant.idNumber ?? '';
    case undefined:
      return '';
  }
}

function checkIdentity(
  rule: ServiceRule,
  card: Applicant | null,
  manualEntry: boolean,
  today: IsoDate,
): Evaluation['identityProblem'] {
  if (card === null) {
    if (manualEntry && rule.identity.manualEntry !== undefined) return null;
    return rule.identity.required ? 'missing' : null;
  }
  if (!rule.identity.accepted.includes(card.kind)) return 'not_accepted';
  if (rule.identity.acceptExpired) return null;
  return card.validTo !== '长期' && card.validTo < today ? 'expired' : null;
}

function identityBasisOf(
  rule: ServiceRule,
  problem: Evaluation['identityProblem'],
): LocalText | null {
  switch (problem) {
    case 'expired':
      return rule.identity.expiredBasis ?? null;
    case 'not_accepted':
      return rule.identity.notAcceptedBasis ?? null;
    case 'missing':
    case null:
      return null;
  }
}

/**
 * Evaluates one application against its rule file. Pure: the renderer runs it
 * on every answer for live feedback, and the main process runs it again on
 * submit so nothing the renderer says is trusted.
 */
export function evaluate(input: EvaluationInput): Evaluation {
  const { rule, card, today, calendar } = input;
  const manualEntry = card === null && input.manualEntry === true;
  const declarations = input.materials ?? {};
  const guideGreenChannel = input.guideGreenChannel === true;

  const normalized: Record<string, string> = {};
  for (const question of rule.questions) {
    const raw = input.answers[question.id];
    if (raw !== undefined) normalized[question.id] = normalizeAnswer(question, raw);
  }
  const applicantFor = (answers: Answers): Applicant | null =>
    card ?? (manualEntry ? typedApplicant(rule, answers, today) : null);
  // Once per evaluation, not per question: only a card has an address (a typed applicant has none).
  const provinces = {
    applicant: card?.address === undefined ? '' : provinceOf(regionFromAddress(card.address)),
    station: provinceOf(input.stationCode),
  };
  const contextFor = (answers: Answers) =>
    conditionContext(
      answers,
      applicantFor(answers),
      card !== null,
      manualEntry,
      declarations,
      guideGreenChannel,
      today,
      provinces,
      input.kiosk,
    );

  // Visibility may depend on earlier answers, so decide question by question and
  // drop answers to hidden questions before later conditions see them.
  const visible: QuestionState[] = [];
  const kept: Record<string, string> = {};
  for (const question of rule.questions) {
    const context = contextFor(kept);
    if (!holds(question.visibleIf, context)) continue;
    const options =
      question.type === 'choice' ? question.options.filter((o) => holds(o.visibleIf, context)) : [];
    visible.push({ question, required: holds(question.requiredIf, context), options });
    const value = normalized[question.id];
    if (value !== undefined && value !== '') kept[question.id] = value;
  }

  const fieldErrors: FieldError[] = [];
  for (const { question, required, options } of visible) {
    const value = kept[question.id];
    if (value === undefined) {
      if (required) fieldErrors.push({ questionId: question.id, code: 'required', params: {} });
      continue;
    }
    const problem =
      question.type === 'choice' && !options.some((o) => o.value === value)
        ? { questionId: question.id, code: 'choice_invalid' as const, params: {} }
        : checkAnswer(question, value, today);
    if (problem !== null) {
      fieldErrors.push(problem);
      continue;
    }
    const context = contextFor(kept);
    const failed = question.checks.find((check) => !holds(check.holds, context));
    if (failed !== undefined) {
      fieldErrors.push({
        questionId: question.id,
        code: 'check',
        params: {},
        message: failed.message,
        ...(failed.basis === undefined ? {} : { basis: failed.basis }),
      });
    }
  }

  const applicant = applicantFor(kept);
  const context = contextFor(kept);
  const identityProblem = checkIdentity(rule, card, manualEntry, today);
  const ineligible = rule.eligibility
    .filter((e) => !holds(e.holds, context))
    .map((e) => ({ id: e.id, reason: e.reason }));

  const requirements = resolveRequirements(rule)
    .filter((r: ResolvedRequirement) => holds(r.requiredIf, context))
    .map((r): RequirementState => ({
      ...r,
      satisfied: isSatisfied(r, declarations, card !== null),
    }));
  const missing = requirements.filter((r) => !r.satisfied);

  const feeItems = rule.fee.items
    .filter((item) => holds(item.when, context))
    .map((i) => ({ label: i.label, amount: i.amount }));
  const total = Math.round(feeItems.reduce((sum, i) => sum + i.amount * 100, 0)) / 100;
  const timeCase = rule.timeLimit.cases.find((c) => holds(c.when, context));
  const timeLimit: TimeLimit =
    timeCase === undefined
      ? { days: rule.timeLimit.workingDays, unit: 'working' }
      : 'days' in timeCase
        ? { days: timeCase.days, unit: 'calendar' }
        : { days: timeCase.workingDays, unit: 'working' };

  const outcomes = rule.outcomes.flatMap((o) => {
    const hit = o.cases.find((c) => holds(c.when, context));
    return hit === undefined ? [] : [{ id: o.id, label: o.label, text: hit.text }];
  });

  const agent = rule.agent;
  const principal =
    agent !== undefined && holds(agent.when, context)
      ? {
          name: kept[agent.principalName] ?? '',
          idNumber: kept[agent.principalIdNumber] ?? '',
        }
      : null;

  return {
    questions: visible,
    answers: kept,
    fieldErrors,
    applicant,
    principal,
    identityProblem,
    identityBasis: identityBasisOf(rule, identityProblem),
    ineligible,
    requirements,
    missing,
    fee: { total, items: feeItems },
    timeLimit,
    // Calendar days run through holidays, so their end is known whatever the year's arrangement.
    due:
      timeLimit.unit === 'working'
        ? dueDate(today, timeLimit.days, calendar)
        : { date: addDays(today, timeLimit.days), certain: true },
    outcomes,
    greenChannel: rule.greenChannel.filter((g) => holds(g.when, context)).map((g) => g.reason),
    slipNotes: rule.slip.notes.flatMap((n) =>
      'when' in n ? (holds(n.when, context) ? [n.text] : []) : [n],
    ),
    status: missing.length > 0 ? 'pending_completion' : 'pending_review',
    complete: fieldErrors.length === 0 && identityProblem === null && ineligible.length === 0,
  };
}
