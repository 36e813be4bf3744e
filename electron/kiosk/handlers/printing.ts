import { ok, err } from '../../../core/result';
import { slipLines } from '../../../core/slip-lines';
import type { ReceiptImage } from '../../../core/receipt-image';
import type { PrintOutcome, SlipDraft } from '../../../core/slip';
import { slipReceipt } from '../../devices/printer/slip-receipt';
import type { HandlerGroup, KioskContext } from '../context';
import type { Session } from '../session';

/**
 * Prints a slip on the receipt printer, in Chinese as the station's receipt,
 * with the citizen's Uyghur or Tibetan under it when the renderer drew it;
 * says how it went, never throws.
 */
export async function printReceipt(
  ctx: KioskContext,
  slip: SlipDraft,
  translation: ReceiptImage | null = null,
): Promise<PrintOutcome> {
  const bytes = slipReceipt(slipLines(slip, 'zh-CN'), ctx.devices.paperWidth(), translation);
  const result = await ctx.devices.print(bytes);
  if (result.ok) return { status: 'printed', problem: null };
  ctx.log.warn('slip.print_failed', { application: slip.applicationNo, code: result.error.code });
  return result.error.code === 'no_printer'
    ? { status: 'no_printer', problem: null }
    : { status: 'failed', problem: result.error.code };
}

/**
 * Keeps what happened at the printer with the session it was printed for. The
 * printer is slow: by the time it answers, that session may have ended and a
 * new citizen stand at the screen, who must not inherit this slip.
 */
export function keepPrintOutcome(ctx: KioskContext, session: Session, print: PrintOutcome): void {
  if (ctx.sessions.current() !== session || session.slip === null) return;
  session.slip = { ...session.slip, print };
}

/** The acceptance slip again (paper refilled), and the A4 form on a system printer. */
export function printingHandlers(ctx: KioskContext): HandlerGroup<'printSlip' | 'printForm'> {
  return {
    async printSlip(input) {
      const session = ctx.sessions.current();
      if (session === null || session.slip === null) {
        return err('no_slip', 'no application was submitted in this session');
      }
      const print = await printReceipt(ctx, session.slip, input.translation);
      keepPrintOutcome(ctx, session, print);
      return ok(print);
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
