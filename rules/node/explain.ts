import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { applicantSchema, type Applicant } from '../engine/applicant';
import { evaluate } from '../engine/evaluate';
import { parseCalendarFile, parseCommonFile, parseServiceFile } from '../engine/load';
import { MATERIAL_DECLARATIONS, type MaterialDeclaration } from '../engine/logic';
import { describeRequirement } from '../engine/requirements';
import type { LocalText, ServiceRule } from '../engine/schema';
import { calendarFrom, type HolidayCalendar } from '../engine/workdays';
import { jsonFileNames } from './bundle-files';

/**
 * `npm run rules:explain`: what the kiosk would tell one citizen, from the same
 * engine the kiosk runs (no copy of its logic): the questions they would see,
 * each field error with the rule file's words, the fee lines with the document
 * that sets them, the time limit and its due date, the outcomes, every
 * missing material. For a reviewer who wants to try a case without a kiosk.
 */

export type ExplainLocale = 'zh-CN' | 'en';

export interface ExplainInput {
  readonly rulesDir: string;
  readonly serviceId: string;
  /** The card as read (the engine's applicant), or null: no card (补领, typed). */
  readonly card: Applicant | null;
  readonly answers: Readonly<Record<string, string>>;
  readonly materials?: Readonly<Record<string, MaterialDeclaration>>;
  readonly today: string;
  readonly stationCode: string;
  readonly locale?: ExplainLocale;
}

/** The rules folder as the kiosk loads it: common.json, the service file, the holiday calendar. */
export function loadForExplain(
  rulesDir: string,
  serviceId: string,
): { ok: true; rule: ServiceRule; calendar: HolidayCalendar } | { ok: false; problem: string } {
  const common = parseCommonFile(readFileSync(join(rulesDir, 'common.json'), 'utf8'));
  if (!common.ok) return { ok: false, problem: `common.json: ${common.problems[0]?.message}` };
  const file = `${serviceId}.json`;
  if (
    !/^[a-z0-9-]{1,64}$/.test(serviceId) ||
    !jsonFileNames(join(rulesDir, 'services')).includes(file)
  )
    return {
      ok: false,
      problem: `no service "${serviceId}" in ${join(rulesDir, 'services')} (one of: ${jsonFileNames(
        join(rulesDir, 'services'),
      )
        .map((f) => f.replace(/\.json$/, ''))
        .join(', ')})`,
    };
  const parsed = parseServiceFile(
    readFileSync(join(rulesDir, 'services', file), 'utf8'),
    file,
    common.value,
  );
  if (!parsed.ok)
    return {
      ok: false,
      problem: `${file}: ${parsed.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
    };
  const years = jsonFileNames(join(rulesDir, 'calendar')).flatMap((f) => {
    const year = parseCalendarFile(readFileSync(join(rulesDir, 'calendar', f), 'utf8'), f);
    return year.ok ? [year.value] : [];
  });
  return { ok: true, rule: parsed.value, calendar: calendarFrom(years) };
}

const limitText = (days: number, unit: 'working' | 'calendar', locale: ExplainLocale): string =>
  days === 0
    ? locale === 'zh-CN'
      ? '当场办结'
      : 'on the spot'
    : locale === 'zh-CN'
      ? `${days}${unit === 'working' ? '个工作日' : '日'}`
      : `${days} ${unit === 'working' ? 'working days' : 'days'}`;

export function explain(
  input: ExplainInput,
): { ok: true; value: unknown } | { ok: false; problem: string } {
  const loaded = loadForExplain(input.rulesDir, input.serviceId);
  if (!loaded.ok) return loaded;
  const { rule, calendar } = loaded;
  const locale = input.locale ?? 'zh-CN';
  const l = (text: LocalText | undefined): string | null =>
    text === undefined ? null : text[locale];
  const evaluation = evaluate({
    rule,
    answers: input.answers,
    card: input.card,
    manualEntry: input.card === null,
    materials: input.materials ?? {},
    today: input.today,
    calendar,
    stationCode: input.stationCode,
  });
  const labelOf = (questionId: string): string | null =>
    l(rule.questions.find((q) => q.id === questionId)?.label);
  return {
    ok: true,
    value: {
      service: { id: rule.id, version: rule.version, name: l(rule.name) },
      today: input.today,
      station: input.stationCode,
      identityProblem: evaluation.identityProblem,
      identityBasis: l(evaluation.identityBasis ?? undefined),
      questions: evaluation.questions.map((q) => ({
        id: q.question.id,
        label: l(q.question.label),
        required: q.required,
        ...(q.options.length === 0
          ? {}
          : { options: q.options.map((o) => ({ value: o.value, label: l(o.label) })) }),
        answer: evaluation.answers[q.question.id] ?? null,
      })),
      fieldErrors: evaluation.fieldErrors.map((e) => ({
        question: e.questionId,
        label: labelOf(e.questionId),
        code: e.code,
        params: e.params,
        message: l(e.message),
        basis: l(e.basis),
      })),
      ineligible: evaluation.ineligible.map((i) => ({ id: i.id, reason: l(i.reason) })),
      legalBasis: rule.guide.legalBasis.map((b) => l(b)),
      fee: {
        items: evaluation.fee.items.map((i) => ({ label: l(i.label), amount: i.amount })),
        total: evaluation.fee.total,
        basis: l(rule.guide.feeBasis),
      },
      timeLimit: {
        days: evaluation.timeLimit.days,
        unit: evaluation.timeLimit.unit,
        text: limitText(evaluation.timeLimit.days, evaluation.timeLimit.unit, locale),
        due: evaluation.due.date,
        dueCertain: evaluation.due.certain,
      },
      outcomes: evaluation.outcomes.map((o) => ({ id: o.id, label: l(o.label), text: l(o.text) })),
      missing: evaluation.missing.map((r) => ({
        id: r.id,
        name: l(r.name),
        satisfiedBy: l(describeRequirement(r)),
      })),
      greenChannel: evaluation.greenChannel.map((g) => l(g)),
      notes: evaluation.slipNotes.map((n) => l(n)),
      status: evaluation.status,
      complete: evaluation.complete,
    },
  };
}

/** A card given on the command line: the engine's applicant, checked. */
export const cardArgSchema = applicantSchema;
export const answersArgSchema = z.record(z.string().max(64), z.string().max(2000));
export const materialsArgSchema = z.record(z.string().max(64), z.enum(MATERIAL_DECLARATIONS));
