import { z } from 'zod';
import { BACK_OFFICE_PAYMENT_STATES } from '../../core/payment/order';
import { backOfficeStateSchema } from '../../core/status';
import { serviceIdSchema } from '../../core/ids';
import type { EpochKey } from '../audit/keys';

/**
 * The back office's answers, as `backoffice-api.yaml` describes them. Parsed
 * with zod: an unreadable answer is a reason to retry, never a crash.
 */
export const acceptanceSchema = z.object({
  acceptanceNo: z.string().min(1).max(64),
  duplicate: z.boolean().optional(),
});

export const problemSchema = z.object({
  reason: z.string().min(1).max(500),
  code: z.string().optional(),
});

export const attachmentReceiptSchema = z.object({
  attachmentId: z.string(),
  sha256: z.string(),
});

export const statusSchema = z.object({
  applicationNo: z.string(),
  acceptanceNo: z.string().optional(),
  state: backOfficeStateSchema,
  reason: z.string().optional(),
  updatedAt: z.string(),
  serviceId: serviceIdSchema.optional(),
  submittedAt: z.string().optional(),
  dueDate: z.string().optional(),
});

export type BackOfficeStatus = z.output<typeof statusSchema>;

export type { ApplicationBody } from '../../core/back-office-body';

export interface HeartbeatBody {
  readonly at: string;
  readonly version: string;
  readonly queue: {
    readonly queued: number;
    readonly needsAttention: number;
    readonly oldestWaitingSeconds: number | null;
  };
  readonly devices: readonly {
    readonly id: string;
    readonly kind: string;
    readonly state: string;
  }[];
  /**
   * The newest audit entry on the kiosk's disk. The back office keeps it, so
   * `police-kiosk verify-audit --anchor SEQ:HASH` can later prove the log was
   * not cut back or rewritten on the kiosk after that moment.
   */
  readonly audit: { readonly seq: number; readonly hash: string } | null;
  /** A citizen at this kiosk pressed 呼叫工作人员 and no guide has come yet. */
  readonly helpRequested: { readonly since: string; readonly screen: string } | null;
  /** Audit key epochs the back office does not hold yet: erased on the kiosk once it answers 2xx. */
  readonly auditKeys: readonly EpochKey[];
  /** The signed rule bundle in use; a version below one delivered before is a local rollback. */
  readonly rules: { readonly version: string } | null;
}

/**
 * GET /kiosks/{id}/rules?after=<version>: a newer signed rule bundle, or none.
 * The kiosk trusts nothing here until the signature verifies against its own
 * configured keys: the back office only carries what the authority signed.
 */
export const rulesDownloadSchema = z.object({
  bundle: z
    .strictObject({
      version: z.string().max(32),
      /** bundle.json and bundle.sig, base64, byte for byte as signed. */
      manifest: z.base64().max(1_400_000),
      signature: z.base64().max(4096),
      /** Each file of the bundle by its path (services/x.json, common.json, calendar/holidays-2027.json), base64. */
      files: z
        .record(z.string().max(64), z.base64().max(1_400_000))
        .refine((files) => Object.keys(files).length <= 256, 'at most 256 files'),
    })
    .nullable()
    .default(null),
});
export type RulesDownload = z.output<typeof rulesDownloadSchema>;

/** The payment platform's word for an order, the same in every answer (backoffice-api.yaml, /payments). */
const paymentStateSchema = z.enum(BACK_OFFICE_PAYMENT_STATES);

/** POST /payments: the back office priced the order again and holds it. */
export const paymentCreatedSchema = z.object({
  orderNo: z.string().min(1).max(64),
  state: paymentStateSchema,
  amountFen: z.number().int().nonnegative(),
});
export type PaymentCreated = z.output<typeof paymentCreatedSchema>;

/** POST /payments/{orderNo}/pay and /cancel: where the order stands after the call. */
export const paymentAnswerSchema = z.object({
  orderNo: z.string().min(1).max(64),
  state: paymentStateSchema,
  /** C 扫 B: what the QR the citizen scans holds. */
  qr: z.string().max(512).nullable().optional(),
  reason: z.string().max(500).nullable().optional(),
});
export type PaymentAnswer = z.output<typeof paymentAnswerSchema>;

/** GET /payments/{orderNo}: the order, and once paid its 财政电子票据. */
export const paymentQueryAnswerSchema = paymentAnswerSchema.extend({
  paidAt: z.string().max(40).nullable().optional(),
  receipt: z
    .object({ number: z.string().min(1).max(64), url: z.url().max(512) })
    .nullable()
    .optional(),
});
export type PaymentQueryAnswer = z.output<typeof paymentQueryAnswerSchema>;

/** POST /endorsements: 再次签注 issued at the kiosk, or referred to the window with why. */
export const endorsementAnswerSchema = z.discriminatedUnion('result', [
  z.object({
    applicationNo: z.string(),
    result: z.literal('issued'),
    /** The endorsement written to the permit's chip: kind, trips and validity. */
    kind: z.enum(['G', 'L', 'T', 'S', 'Q', 'D']),
    trips: z.string().max(16),
    validFrom: z.iso.date(),
    validUntil: z.iso.date(),
  }),
  z.object({
    applicationNo: z.string(),
    result: z.literal('referred'),
    reason: z.string().min(1).max(500),
    workingDays: z.number().int().min(0).max(60),
  }),
]);
export type EndorsementAnswer = z.output<typeof endorsementAnswerSchema>;
