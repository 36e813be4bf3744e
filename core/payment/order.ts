import { z } from 'zod';

/**
 * A payment order as the kiosk keeps it: money moves through the station's
 * back office (its payment platform), never a payment SDK or key on the
 * kiosk. The order is written down before the first call and moves only by
 * `transition`, so after a timeout, a lost answer or a kill -9 the kiosk asks
 * the back office and settles, whatever step it was at:
 *
 *   created ──pay sent──▶ paying ──paid──▶ paid
 *      ▲                    │  ├─failed─▶ failed
 *      └── nothing charged ─┘  │ (code refused, expired)
 *      └──── leave, gave up ┴──▶ cancelling ──▶ cancelled | reversed
 *                                     └── reversal refused ──▶ paid (attention)
 *
 * `paid`, `failed`, `cancelled` and `reversed` are final.
 */
export const PAYMENT_STATES = [
  'created',
  'paying',
  'cancelling',
  'paid',
  'failed',
  'cancelled',
  'reversed',
] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

const FINAL: ReadonlySet<PaymentState> = new Set(['paid', 'failed', 'cancelled', 'reversed']);
export const isFinal = (state: PaymentState): boolean => FINAL.has(state);

/** What the back office says an order is (the same words in every answer). */
export const BACK_OFFICE_PAYMENT_STATES = [
  'created',
  'paying',
  'paid',
  'failed',
  'cancelled',
  'reversed',
] as const;
export type BackOfficePaymentState = (typeof BACK_OFFICE_PAYMENT_STATES)[number];

/** Why an order needs a person after it settled: a charge the platform would not reverse. */
export type PaymentAttention = 'reversal_refused';

export type PaymentEvent =
  /** A 付款码 went to the back office, or the QR to pay was shown. */
  | { readonly kind: 'pay_sent' }
  /** The citizen left (the session ended) or the kiosk stopped waiting for the phone. */
  | { readonly kind: 'abandon' }
  /** An answer of the back office: to a payment, a query, or a cancellation. */
  | {
      readonly kind: 'answer';
      readonly to: 'pay' | 'query' | 'cancel';
      readonly state: BackOfficePaymentState | 'unknown_order';
    };

export interface Transition {
  readonly state: PaymentState;
  readonly attention: PaymentAttention | null;
  /** Whether the kiosk must (again) ask the back office to cancel. */
  readonly cancel: boolean;
}

const stay = (state: PaymentState): Transition => ({ state, attention: null, cancel: false });

/**
 * The one place an order's state changes. Total: an event that does not apply
 * leaves the state as it is (a late answer to a settled order changes nothing).
 */
export function transition(state: PaymentState, event: PaymentEvent): Transition {
  if (isFinal(state)) return stay(state);
  switch (event.kind) {
    case 'pay_sent':
      return state === 'created' ? stay('paying') : stay(state);
    case 'abandon':
      return { state: 'cancelling', attention: null, cancel: true };
    case 'answer': {
      const said = event.state;
      if (state === 'cancelling') {
        switch (said) {
          case 'cancelled':
          case 'reversed':
          case 'failed':
            return stay(said === 'failed' ? 'cancelled' : said);
          // The order never reached the back office: nothing was charged.
          case 'unknown_order':
            return stay('cancelled');
          case 'paid':
            // The platform took the money and would not give it back: a person refunds it.
            return event.to === 'cancel'
              ? { state: 'paid', attention: 'reversal_refused', cancel: false }
              : { state: 'cancelling', attention: null, cancel: true };
          case 'created':
          case 'paying':
            return { state: 'cancelling', attention: null, cancel: true };
        }
        return stay(state);
      }
      switch (said) {
        case 'paid':
        case 'failed':
        case 'cancelled':
        case 'reversed':
          return stay(said);
        case 'paying':
          return stay('paying');
        // The platform took no money (a code refused or expired, a pay that never arrived):
        // the order may be paid again. The platform charges an order once, whatever comes twice.
        case 'created':
          return stay(state === 'paying' ? 'created' : state);
        case 'unknown_order':
          // Created but the create never arrived: created again. Paying without an order: failed.
          return stay(state === 'created' ? 'created' : 'failed');
      }
      return stay(state);
    }
  }
}

/** One fee line of an order: what it is for, how much, and the document it is charged under. */
export const paymentItemSchema = z.strictObject({
  label: z.string().min(1).max(80),
  amountFen: z.number().int().positive(),
  basis: z.string().max(300),
});
export type PaymentItem = z.output<typeof paymentItemSchema>;

/**
 * Why an order did not (or did not yet) end paid, in the words the screen and
 * the audit use: the platform's (a refused 付款码, a refused charge, a disputed
 * price), or the kiosk's (the citizen left, chose the window, the phone took
 * too long, the back office answered about another order).
 */
export const PAYMENT_REASONS = [
  'auth_code_expired',
  'auth_code_invalid',
  'declined',
  'amount_mismatch',
  'wait_too_long',
  'left',
  'window',
  'wrong_order',
  'other',
] as const;
export type PaymentReason = (typeof PAYMENT_REASONS)[number];

const isPaymentReason = (code: string): code is PaymentReason =>
  (PAYMENT_REASONS as readonly string[]).includes(code);

/** A back office's code, as one of ours: anything unknown is `other` (its words go to the log only). */
export const paymentReasonOf = (code: string | null | undefined): PaymentReason | null =>
  code === null || code === undefined ? null : isPaymentReason(code) ? code : 'other';

/** What the kiosk shows and prints of an order; nothing personal. */
export const paymentViewSchema = z.strictObject({
  orderNo: z.string(),
  applicationNo: z.string(),
  amountFen: z.number().int().nonnegative(),
  state: z.enum(PAYMENT_STATES),
  attention: z.enum(['reversal_refused']).nullable(),
  method: z.enum(['code', 'qr']).nullable(),
  /** The QR the citizen scans with a phone (C 扫 B), while one is shown. */
  qr: z.string().nullable(),
  paidAt: z.string().nullable(),
  /** The 财政电子票据 once issued: its number and where to see it. */
  receipt: z.strictObject({ number: z.string(), url: z.string() }).nullable(),
  /** Why it is not paid (yet), when there is a why. */
  reason: z.enum(PAYMENT_REASONS).nullable(),
  /** The fee lines, each with its 收费依据. */
  items: z.array(paymentItemSchema),
});
export type PaymentView = z.output<typeof paymentViewSchema>;

/** Yuan as the rule files write them, in fen (integers: no float ever reaches money). */
export const toFen = (yuan: number): number => Math.round(yuan * 100);

export type PaymentCodeProblem = 'url' | 'id_number' | 'not_a_code';

/**
 * A 付款码 read by the kiosk's scanner (B 扫 C): WeChat 18 digits from 10–15,
 * Alipay 16–24 digits from 25–30, UnionPay 19 digits from 62. A URL, or an
 * identity number (valid check character — its first digits can look like
 * WeChat's), is named as what it is, so the citizen knows what went wrong.
 */
export function checkPaymentCode(
  text: string,
  isIdNumber: (value: string) => boolean,
): { ok: true; code: string } | { ok: false; problem: PaymentCodeProblem } {
  const code = text.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(code) || /^www\./i.test(code))
    return { ok: false, problem: 'url' };
  if (isIdNumber(code)) return { ok: false, problem: 'id_number' };
  if (/^1[0-5]\d{16}$/.test(code) || /^(2[5-9]|30)\d{14,22}$/.test(code) || /^62\d{17}$/.test(code))
    return { ok: true, code };
  return { ok: false, problem: 'not_a_code' };
}
