import { serviceIdSchema, type ServiceId } from '../../core/ids';
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import {
  isFinal,
  PAYMENT_REASONS,
  PAYMENT_STATES,
  paymentItemSchema,
  type PaymentAttention,
  type PaymentItem,
  type PaymentReason,
  type PaymentState,
} from '../../core/payment/order';
import { transaction } from './database';

/**
 * Payment orders on the kiosk: written (and fsynced) before the first call to
 * the back office, and after every answer, so a kiosk killed at any step
 * knows which orders to settle. Nothing personal: an order names its
 * application by number, its amount and fee lines, never the citizen, and the
 * 付款码 is never kept.
 */
export interface PaymentRecord {
  readonly orderNo: string;
  readonly applicationNo: string;
  readonly serviceId: ServiceId;
  readonly amountFen: number;
  readonly items: readonly PaymentItem[];
  readonly method: 'code' | 'qr' | null;
  readonly state: PaymentState;
  readonly attention: PaymentAttention | null;
  readonly qr: string | null;
  readonly paidAt: string | null;
  readonly receipt: { readonly number: string; readonly url: string } | null;
  readonly reason: PaymentReason | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When the kiosk began waiting for the citizen's phone (bounded). */
  readonly payingSince: string | null;
}

export type PaymentPatch = Partial<
  Pick<
    PaymentRecord,
    'method' | 'state' | 'attention' | 'qr' | 'paidAt' | 'receipt' | 'reason' | 'payingSince'
  >
>;

/** A row as SQLite gives it, parsed at the store's edge. */
const rowSchema = z.object({
  order_no: z.string(),
  application_no: z.string(),
  service_id: serviceIdSchema,
  amount_fen: z.number().int(),
  items: z.string(),
  method: z.enum(['code', 'qr']).nullable(),
  state: z.enum(PAYMENT_STATES),
  attention: z.enum(['reversal_refused']).nullable(),
  qr: z.string().nullable(),
  paid_at: z.string().nullable(),
  receipt_no: z.string().nullable(),
  receipt_url: z.string().nullable(),
  reason: z.enum(PAYMENT_REASONS).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  paying_since: z.string().nullable(),
});

function toRecord(raw: unknown): PaymentRecord {
  const row = rowSchema.parse(raw);
  return {
    orderNo: row.order_no,
    applicationNo: row.application_no,
    serviceId: row.service_id,
    amountFen: row.amount_fen,
    items: z.array(paymentItemSchema).parse(JSON.parse(row.items)),
    method: row.method,
    state: row.state,
    attention: row.attention,
    qr: row.qr,
    paidAt: row.paid_at,
    receipt:
      row.receipt_no === null ? null : { number: row.receipt_no, url: row.receipt_url ?? '' },
    reason: row.reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    payingSince: row.paying_since,
  };
}

export interface PaymentStore {
  /** The order, written before anything is sent: `created`. */
  create(order: {
    readonly orderNo: string;
    readonly applicationNo: string;
    readonly serviceId: ServiceId;
    readonly amountFen: number;
    readonly items: readonly PaymentItem[];
    readonly now: string;
  }): PaymentRecord;
  get(orderNo: string): PaymentRecord | null;
  /** The application's orders, newest first. */
  forApplication(applicationNo: string): PaymentRecord[];
  update(orderNo: string, patch: PaymentPatch, now: string): PaymentRecord;
  /** Orders not settled yet, or settled in a way a person must see (a refused reversal). */
  unsettled(): PaymentRecord[];
  /** Paid orders whose 财政电子票据 the platform has not issued yet (asked again now and then). */
  paidWithoutReceipt(): PaymentRecord[];
  /** How many orders ended in each state (nothing personal: for the heartbeat and diagnostics). */
  counts(): Readonly<Record<PaymentState, number>>;
}

export function createPaymentStore(db: DatabaseSync): PaymentStore {
  const select = 'SELECT * FROM payment_orders';
  const get = (orderNo: string): PaymentRecord | null => {
    const row = db.prepare(`${select} WHERE order_no = ?`).get(orderNo);
    return row === undefined ? null : toRecord(row);
  };
  return {
    create(order) {
      transaction(db, () =>
        db
          .prepare(
            `INSERT INTO payment_orders (order_no, application_no, service_id, amount_fen, items, state, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, 'created', ?, ?)`,
          )
          .run(
            order.orderNo,
            order.applicationNo,
            order.serviceId,
            order.amountFen,
            JSON.stringify(order.items),
            order.now,
            order.now,
          ),
      );
      const made = get(order.orderNo);
      if (made === null) throw new Error(`payment order ${order.orderNo} was not stored`);
      return made;
    },
    get,
    forApplication: (applicationNo) =>
      db
        .prepare(`${select} WHERE application_no = ? ORDER BY created_at DESC, rowid DESC`)
        .all(applicationNo)
        .map(toRecord),
    update(orderNo, patch, now) {
      const columns: [string, string | number | null][] = [];
      if (patch.method !== undefined) columns.push(['method', patch.method]);
      if (patch.state !== undefined) columns.push(['state', patch.state]);
      if (patch.attention !== undefined) columns.push(['attention', patch.attention]);
      if (patch.qr !== undefined) columns.push(['qr', patch.qr]);
      if (patch.paidAt !== undefined) columns.push(['paid_at', patch.paidAt]);
      if (patch.receipt !== undefined) {
        columns.push(['receipt_no', patch.receipt?.number ?? null]);
        columns.push(['receipt_url', patch.receipt?.url ?? null]);
      }
      if (patch.reason !== undefined) columns.push(['reason', patch.reason]);
      if (patch.payingSince !== undefined) columns.push(['paying_since', patch.payingSince]);
      columns.push(['updated_at', now]);
      transaction(db, () =>
        db
          .prepare(
            `UPDATE payment_orders SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE order_no = ?`,
          )
          .run(...columns.map(([, v]) => v), orderNo),
      );
      const updated = get(orderNo);
      if (updated === null) throw new Error(`no payment order ${orderNo}`);
      return updated;
    },
    unsettled: () =>
      db
        .prepare(
          `${select} WHERE state IN ('created', 'paying', 'cancelling') OR attention IS NOT NULL ORDER BY created_at`,
        )
        .all()
        .map(toRecord)
        .filter((r) => !isFinal(r.state) || r.attention !== null),
    paidWithoutReceipt: () =>
      db
        .prepare(`${select} WHERE state = 'paid' AND receipt_no IS NULL ORDER BY created_at`)
        .all()
        .map(toRecord),
    counts() {
      const counts = Object.fromEntries(PAYMENT_STATES.map((s) => [s, 0])) as Record<
        PaymentState,
        number
      >;
      for (const row of db
        .prepare('SELECT state, COUNT(*) AS n FROM payment_orders GROUP BY state')
        .all()) {
        const parsed = z.object({ state: z.enum(PAYMENT_STATES), n: z.number() }).parse(row);
        counts[parsed.state] = parsed.n;
      }
      return counts;
    },
  };
}
