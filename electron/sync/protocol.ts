import { z } from 'zod';

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

export const backOfficeStateSchema = z.enum([
  'received',
  'in_review',
  'needs_completion',
  'approved',
  'rejected',
  'completed',
]);

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

export type BackOfficeState = z.output<typeof backOfficeStateSchema>;
export type BackOfficeStatus = z.output<typeof statusSchema>;

export interface ApplicationBody {
  readonly applicationNo: string;
  readonly kioskId: string;
  readonly stationCode: string;
  readonly serviceId: string;
  readonly ruleVersion: string;
  readonly ruleHash: string;
  readonly submittedAt: string;
  readonly status: 'pending_review' | 'pending_completion';
  readonly dueDate: string;
  readonly feeFen: number;
  readonly greenChannel: readonly string[];
  readonly identity: unknown;
  readonly applicant: unknown;
  readonly answers: Readonly<Record<string, string>>;
  readonly materials: Readonly<Record<string, string>>;
  /** A hall guide's part: green-channel reason id, filled in on the citizen's behalf, optional questions skipped. */
  readonly assistance: {
    readonly greenChannelReason: string | null;
    readonly fillOnBehalf: boolean;
    readonly skippedOptional: boolean;
  } | null;
  readonly attachments: readonly {
    readonly id: string;
    readonly materialId: string;
    readonly mediaType: string;
    readonly size: number;
    readonly sha256: string;
  }[];
}

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
}
