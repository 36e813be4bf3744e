import { z } from 'zod';
import { backOfficeStateSchema } from '../../core/status';
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
  serviceId: z.string().optional(),
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
