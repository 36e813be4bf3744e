import { ok, err, type KioskError, type Result } from '../../../core/result';
import { todayInChina } from '../../../base/dates';
import { dutyPhoneAt } from '../../../core/duty-roster';
import { coreText, type CoreMessageKey } from '../../../core/i18n';
import { refusalNoticeLines, type Refusal } from '../../../core/refusal-notice';
import { evaluate, type Evaluation } from '../../../rules/engine/evaluate';
import type { LocalText, ServiceRule } from '../../../rules/engine/schema';
import type { MethodArgs } from '../../../core/api/contract';
import { slipLines } from '../../../core/slip-lines';
import type { ReceiptImage } from '../../../core/receipt-image';
import type { PrintOutcome, SlipDraft, Station } from '../../../core/slip';
import type { HandlerGroup, KioskParts } from '../context';
import type { Session } from '../session';

/** What these handlers use of the kiosk, and nothing else. */
export type PrintingDeps = Pick<
  KioskParts,
  'audit' | 'config' | 'devices' | 'log' | 'sessions' | 'systemPrinter'
>;

/** What the refusal notice uses besides: the rules to evaluate again, and the time. */
export type RefusalDeps = PrintingDeps & Pick<KioskParts, 'clock' | 'ruleSet'>;

/** A refusal notice is printed at most this many times in one session (a copy torn, a second for a relative)… */
export const MAX_REFUSAL_COPIES = 3;
/** …in at most this many attempts, so a script cannot keep the printer busy. */
export const MAX_REFUSAL_ATTEMPTS = 8;

interface RefusalPrints {
  readonly copies: number;
  readonly attempts: number;
}

/**
 * Prints a slip on the receipt printer, in Chinese as the station's receipt,
 * with the citizen's Uyghur or Tibetan under it when the renderer drew it;
 * says how it went, never throws.
 */
export async function printReceipt(
  ctx: PrintingDeps,
  slip: SlipDraft,
  translation: ReceiptImage | null = null,
): Promise<PrintOutcome> {
  const result = await ctx.devices.printSlip(slipLines(slip, 'zh-CN'), translation);
  if (!result.ok)
    ctx.log.warn('slip.print_failed', { application: slip.applicationNo, code: result.error.code });
  return outcomeOf(result);
}

/** What the printer did, in the words the screen takes: printed, no printer, or failed and why. */
function outcomeOf(result: Result<void>): PrintOutcome {
  if (result.ok) return { status: 'printed', problem: null };
  return result.error.code === 'no_printer'
    ? { status: 'no_printer', problem: null }
    : { status: 'failed', problem: result.error.code };
}

/** The station as a paper printed now names it (首接责任制), with the duty officer on the roster now. */
export function stationAt(station: PrintingDeps['config']['station'], now: Date): Station {
  return {
    name: station.name,
    address: station.address,
    phone: station.phone,
    complaintPhone: station.complaintPhone,
    dutyPhone: dutyPhoneAt(station.dutyRoster, now),
  };
}

/** A slip is printed at most this many times (paper refilled, a copy torn)… */
export const MAX_SLIP_COPIES = 3;
/** …in at most this many attempts, so a script cannot keep the printer busy or empty it. */
export const MAX_SLIP_ATTEMPTS = 8;

/**
 * Prints the session's slip, bounded and audited: the first print fixes the
 * picture under the Chinese; later ones reprint that picture, never one a
 * caller sends afterwards. The printer is slow: by the time it answers the
 * session may have ended and a new citizen stand at the screen, who must not
 * inherit this slip, so the outcome is kept only with the session it was for.
 */
export async function printSessionSlip(
  ctx: PrintingDeps,
  session: Session,
  offered: ReceiptImage | null,
): Promise<Result<PrintOutcome, KioskError<'print_limit'>>> {
  const slip = session.slip;
  if (slip === null) return ok({ status: 'failed', problem: 'no_slip' });
  if (slip.copies >= MAX_SLIP_COPIES || slip.attempts >= MAX_SLIP_ATTEMPTS) {
    ctx.audit.record('citizen', 'slip.print_refused', {
      session: session.id,
      application: slip.applicationNo,
      copies: slip.copies,
      attempts: slip.attempts,
    });
    return err(
      'print_limit',
      `this slip was printed ${slip.copies} time(s) in ${slip.attempts} attempt(s)`,
    );
  }
  const translation = slip.translation === undefined ? offered : slip.translation;
  session.slip = { ...slip, attempts: slip.attempts + 1, translation };
  const print = await printReceipt(ctx, slip, translation);
  ctx.audit.record('citizen', print.status === 'printed' ? 'slip.printed' : 'slip.print_failed', {
    session: session.id,
    application: slip.applicationNo,
    attempt: slip.attempts + 1,
    ...(print.status === 'printed' ? {} : { status: print.status, problem: print.problem }),
  });
  const current = session.slip;
  if (ctx.sessions.current() === session && current !== null)
    session.slip = {
      ...current,
      print,
      copies: current.copies + (print.status === 'printed' ? 1 : 0),
    };
  return ok(print);
}

/**
 * The 一次性告知单 of a citizen the rules stop: the answers are evaluated again with this
 * session's card, and only a refusal the signed rules make (a check with its basis) is printed,
 * in Chinese for the window, with nothing about the person on it.
 */
async function printRefusal(
  ctx: RefusalDeps,
  prints: WeakMap<Session, RefusalPrints>,
  { serviceId, questionId, answers, manualEntry }: MethodArgs<'printRefusal'>,
): Promise<
  Result<PrintOutcome, KioskError<'no_session' | 'unknown_service' | 'not_refused' | 'print_limit'>>
> {
  const session = ctx.sessions.current();
  if (session === null || session.serviceId !== serviceId)
    return err('no_session', 'no session for this service');
  const loaded = ctx.ruleSet.rules.get(serviceId);
  if (loaded === undefined) return err('unknown_service', `no service "${serviceId}"`);
  const now = ctx.clock.now();
  const evaluation = evaluate({
    rule: loaded.rule,
    answers,
    card: session.identity,
    manualEntry,
    today: todayInChina(now),
    calendar: ctx.ruleSet.calendar,
    stationCode: ctx.config.station.code,
  });
  const refusal = refusalIn(evaluation, loaded.rule, questionId);
  if (refusal === null)
    return err('not_refused', 'the rules make no refusal here with this card and these answers');
  const before = prints.get(session) ?? { copies: 0, attempts: 0 };
  if (before.copies >= MAX_REFUSAL_COPIES || before.attempts >= MAX_REFUSAL_ATTEMPTS)
    return err(
      'print_limit',
      `this notice was printed ${before.copies} time(s) in ${before.attempts} attempt(s)`,
    );
  prints.set(session, { ...before, attempts: before.attempts + 1 });
  const notice = refusalNoticeLines('zh-CN', {
    serviceName: loaded.rule.name,
    ...refusal,
    desk: loaded.rule.slip.desk,
    station: stationAt(ctx.config.station, now),
    at: now.toISOString(),
    ruleVersion: loaded.rule.version,
  });
  const result = await ctx.devices.printRefusal(notice);
  // Which item and question, never the answers: they are the person's.
  ctx.audit.record('citizen', result.ok ? 'refusal.printed' : 'refusal.print_failed', {
    session: session.id,
    service: serviceId,
    question: questionId ?? 'identity',
    ...(result.ok ? {} : { code: result.error.code }),
  });
  if (result.ok) {
    const latest = prints.get(session) ?? before;
    prints.set(session, { ...latest, copies: latest.copies + 1 });
  } else ctx.log.warn('refusal.print_failed', { service: serviceId, code: result.error.code });
  return ok(outcomeOf(result));
}

/** A core message as rule text carries it (Chinese and English); the notice prints the Chinese. */
const coreLocalText = (key: CoreMessageKey): LocalText => ({
  'zh-CN': coreText('zh-CN', key),
  en: coreText('en', key),
});

/**
 * The refusal the rules make at this question (a check with its basis), or at the card when
 * `questionId` is null (expired, or not a kind the item takes, with the rule file's article);
 * null where they make none.
 */
function refusalIn(
  evaluation: Evaluation,
  rule: ServiceRule,
  questionId: string | null,
): Pick<Refusal, 'question' | 'reason' | 'basis'> | null {
  if (questionId === null) {
    const basis = evaluation.identityBasis;
    switch (evaluation.identityProblem) {
      case 'expired':
      case 'not_accepted':
        return basis === null
          ? null
          : {
              question: coreLocalText('refusal.identity'),
              reason: coreLocalText(`refusal.identity.${evaluation.identityProblem}`),
              basis,
            };
      case 'missing':
      case null:
        return null;
    }
  }
  const refusal = evaluation.fieldErrors.find(
    (e) => e.questionId === questionId && e.code === 'check' && e.basis !== undefined,
  );
  const question = rule.questions.find((q) => q.id === questionId);
  if (refusal?.message === undefined || refusal.basis === undefined || question === undefined)
    return null;
  return { question: question.label, reason: refusal.message, basis: refusal.basis };
}

/** The acceptance slip again (paper refilled), a refused citizen's notice, and the A4 form on a system printer. */
export function printingHandlers(
  ctx: RefusalDeps,
): HandlerGroup<'printSlip' | 'printForm' | 'printRefusal'> {
  const refusalPrints = new WeakMap<Session, RefusalPrints>();
  return {
    printRefusal: (input) => printRefusal(ctx, refusalPrints, input),
    async printSlip(input) {
      const session = ctx.sessions.current();
      if (session === null || session.slip === null) {
        return err('no_slip', 'no application was submitted in this session');
      }
      return printSessionSlip(ctx, session, input.translation);
    },
    async printForm() {
      const session = ctx.sessions.current();
      if (session === null || session.slip === null) {
        return err('no_slip', 'no application was submitted in this session');
      }
      if (ctx.systemPrinter === null) {
        return err('no_system_printer', 'this kiosk has no system printer (web host)');
      }
      const applicationNo = session.slip.applicationNo;
      const printed = await ctx.systemPrinter.print(ctx.config.printing.a4PrinterName);
      ctx.audit.record('citizen', printed.ok ? 'form.printed' : 'form.print_failed', {
        session: session.id,
        application: applicationNo,
        ...(printed.ok ? {} : { code: printed.error.code }),
      });
      return printed.ok ? printed : err('print_failed', printed.error.message);
    },
  };
}
