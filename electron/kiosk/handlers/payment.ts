import { endorsementHere } from '../../../core/endorsement';
import { toFen, type PaymentView } from '../../../core/payment/order';
import { err, ok, type KioskError, type Result } from '../../../core/result';
import type { ContractError } from '../../../core/api/error-facts';
import type { SlipDraft } from '../../../core/slip';
import type { HandlerGroup, KioskParts } from '../context';
import type { Session } from '../session';

/** What these handlers use of the kiosk, and nothing else. */
export type PaymentDeps = Pick<
  KioskParts,
  'audit' | 'clock' | 'endorsements' | 'log' | 'payments' | 'paysHere' | 'ruleSet' | 'sessions'
>;

type PaymentMethods =
  'openPayment' | 'payByCode' | 'payByQr' | 'lookPayment' | 'leavePayment' | 'finishPayment';

type SessionProblem = ContractError<'no_session' | 'no_slip' | 'payment_unavailable'>;

/** 再次签注: asked of the back office where the rules allow it here; otherwise why not. */
async function endorsementLine(
  ctx: PaymentDeps,
  session: Session,
  slip: SlipDraft,
  payment: SlipDraft['payment'],
): Promise<SlipDraft['endorsement']> {
  const rule = ctx.ruleSet.rules.get(session.serviceId)?.rule;
  const finishing = session.finishing;
  if (rule?.kioskFinish !== 'endorsement' || finishing === null) return null;
  if (slip.endorsement !== null && slip.endorsement.result !== 'window') return slip.endorsement;
  const here = endorsementHere(finishing.answers, ctx.clock.now().toISOString().slice(0, 10), {
    identityCheck: finishing.identityCheck?.result ?? null,
    paid: payment?.state === 'paid',
  });
  if (!here.ok) return { result: 'window', why: here.why };
  const check = finishing.identityCheck;
  if (
    ctx.endorsements === null ||
    payment === null ||
    payment.orderNo === null ||
    check === null ||
    check.score === null
  )
    return { result: 'window', why: 'unavailable' };
  const answer = await ctx.endorsements.requestEndorsement({
    applicationNo: slip.applicationNo,
    orderNo: payment.orderNo,
    ...here.request,
    identityCheck: { score: check.score, threshold: check.threshold },
  });
  if (answer.kind !== 'ok') {
    ctx.log.warn('endorsement.unanswered', {
      application: slip.applicationNo,
      kind: answer.kind,
    });
    ctx.audit.record('system', 'endorsement.unavailable', {
      application: slip.applicationNo,
      kind: answer.kind,
    });
    return { result: 'window', why: 'unavailable' };
  }
  const said = answer.value;
  ctx.audit.record('citizen', `endorsement.${said.result}`, {
    session: session.id,
    application: slip.applicationNo,
    kind: here.request.kind,
    trips: here.request.trips,
  });
  return said.result === 'issued'
    ? {
        result: 'issued',
        kind: said.kind,
        destination: here.request.destination,
        trips: said.trips,
        validFrom: said.validFrom,
        validUntil: said.validUntil,
      }
    : { result: 'referred', reason: said.reason, workingDays: said.workingDays };
}

/**
 * 缴费 and 再次签注 at the kiosk, for the application this session submitted.
 * The renderer never names an order: each method acts on the session's own,
 * so no screen (or script) can pay, look at or cancel another citizen's.
 */
export function paymentHandlers(ctx: PaymentDeps): HandlerGroup<PaymentMethods> {
  const submitted = (): Result<
    { session: Session; slip: SlipDraft },
    KioskError<'no_session' | 'no_slip'>
  > => {
    const session = ctx.sessions.current();
    if (session === null) return err('no_session', 'no citizen session is open');
    if (session.slip === null) return err('no_slip', 'nothing was submitted in this session');
    return ok({ session, slip: session.slip });
  };

  /** The session's order, once opened. */
  const orderOf = (): Result<{ session: Session; orderNo: string }, SessionProblem> => {
    const found = submitted();
    if (!found.ok) return found;
    const { session } = found.value;
    if (session.payment === null)
      return err('payment_unavailable', 'no payment was opened in this session');
    return ok({ session, orderNo: session.payment.orderNo });
  };

  const takesFee = (session: Session, slip: SlipDraft): boolean =>
    ctx.paysHere(session.serviceId) && slip.fee.total > 0 && !session.assistance.payAtWindow;

  /**
   * Orders being opened, per session. A tap (到窗口缴费, a 付款码) that comes while the back
   * office is still hearing of the order waits for it: otherwise the order would be opened
   * after the citizen had left it, and stay open there.
   */
  const opening = new WeakMap<Session, Promise<unknown>>();

  const view = async <E extends KioskError>(
    run: (orderNo: string) => Promise<Result<PaymentView, E>>,
  ): Promise<Result<PaymentView, E | SessionProblem>> => {
    const session = ctx.sessions.current();
    if (session !== null) await opening.get(session)?.catch(() => undefined);
    const found = orderOf();
    if (!found.ok) return found;
    return run(found.value.orderNo);
  };

  /** The slip's payment line: paid with its order and receipt, or unpaid (where to pay). */
  const paymentLine = (session: Session, slip: SlipDraft): SlipDraft['payment'] => {
    if (!takesFee(session, slip) && session.payment === null) return null;
    const order = ctx.payments.orderFor(slip.applicationNo);
    if (order?.state === 'paid')
      return {
        state: 'paid',
        amount: order.amountFen / 100,
        orderNo: order.orderNo,
        paidAt: order.paidAt,
        receipt: order.receipt,
      };
    return { state: 'unpaid', amount: slip.fee.total, orderNo: null, paidAt: null, receipt: null };
  };

  return {
    async openPayment() {
      const found = submitted();
      if (!found.ok) return found;
      const { session, slip } = found.value;
      if (!takesFee(session, slip))
        return err('payment_unavailable', 'this kiosk does not take the fee for this item');
      const rule = ctx.ruleSet.rules.get(session.serviceId)?.rule;
      const basis = (rule?.guide.feeBasis?.['zh-CN'] ?? '').slice(0, 300);
      const pending = ctx.payments.open({
        applicationNo: slip.applicationNo,
        serviceId: session.serviceId,
        items: slip.fee.items.map((item) => ({
          label: item.label['zh-CN'],
          amountFen: toFen(item.amount),
          basis,
        })),
      });
      opening.set(session, pending);
      try {
        const opened = await pending;
        if (opened.ok) session.payment = { orderNo: opened.value.orderNo };
        return opened;
      } finally {
        // Also when opening threw: a later tap must not wait on (or rethrow) a dead open.
        opening.delete(session);
      }
    },
    payByCode: ({ text }) => view((orderNo) => ctx.payments.payByCode(orderNo, text)),
    payByQr: () => view((orderNo) => ctx.payments.payByQr(orderNo)),
    lookPayment: () => view((orderNo) => ctx.payments.look(orderNo)),
    leavePayment: ({ reason }) => view((orderNo) => ctx.payments.abandon(orderNo, reason)),
    async finishPayment() {
      const found = submitted();
      if (!found.ok) return found;
      const { session, slip } = found.value;
      // The pay answer carries no receipt: ask once more, so a receipt issued already is on the slip.
      if (session.payment !== null) await ctx.payments.look(session.payment.orderNo);
      const payment = paymentLine(session, slip);
      const endorsement = await endorsementLine(ctx, session, slip, payment);
      if (ctx.sessions.current() !== session || session.slip === null)
        return err('no_session', 'the session ended meanwhile');
      session.slip = { ...session.slip, payment, endorsement };
      const {
        print: _print,
        copies: _copies,
        attempts: _attempts,
        translation: _translation,
        ...draft
      } = session.slip;
      // Printed next by printSlip (with the citizen's translation where there is one).
      return ok({ ...draft, print: { status: 'waiting', problem: null } });
    },
  };
}
