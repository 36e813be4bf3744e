import { ok, err, type KioskError, type Result } from '../../../core/result';
import { slipLines } from '../../../core/slip-lines';
import type { ReceiptImage } from '../../../core/receipt-image';
import type { PrintOutcome, SlipDraft } from '../../../core/slip';
import type { HandlerGroup, KioskParts } from '../context';
import type { Session } from '../session';

/** What these handlers use of the kiosk, and nothing else. */
export type PrintingDeps = Pick<
  KioskParts,
  'audit' | 'config' | 'devices' | 'log' | 'sessions' | 'systemPrinter'
>;

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
  if (result.ok) return { status: 'printed', problem: null };
  ctx.log.warn('slip.print_failed', { application: slip.applicationNo, code: result.error.code });
  return result.error.code === 'no_printer'
    ? { status: 'no_printer', problem: null }
    : { status: 'failed', problem: result.error.code };
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

/** The acceptance slip again (paper refilled), and the A4 form on a system printer. */
export function printingHandlers(ctx: PrintingDeps): HandlerGroup<'printSlip' | 'printForm'> {
  return {
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
