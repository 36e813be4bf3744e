import { z } from 'zod';
import { assistanceRecordSchema } from './assistance';
import {
  applicationPayloadSchema,
  type ApplicationMeta,
  type ApplicationPayload,
} from './application';
import { applicationStatusSchema } from './status';

/** An attachment as the application lists it; the bytes went up before, each with its SHA-256. */
export const attachmentRefSchema = z.strictObject({
  id: z.string(),
  materialId: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * `POST /applications` as `electron/sync/backoffice-api.yaml` describes it:
 * the clear columns, the kiosk that sent it, and the personal payload's fields.
 */
export const applicationBodySchema = z.strictObject({
  applicationNo: z.string(),
  kioskId: z.string(),
  stationCode: z.string(),
  serviceId: z.string(),
  ruleVersion: z.string(),
  ruleHash: z.string(),
  submittedAt: z.string(),
  status: applicationStatusSchema,
  dueDate: z.string(),
  feeFen: z.number().int().nonnegative(),
  greenChannel: applicationPayloadSchema.shape.greenChannel,
  identity: applicationPayloadSchema.shape.identity,
  applicant: applicationPayloadSchema.shape.applicant,
  answers: applicationPayloadSchema.shape.answers,
  materials: applicationPayloadSchema.shape.materials,
  /** A hall guide's part: green-channel reason id, filled in on the citizen's behalf, optional questions skipped. */
  assistance: assistanceRecordSchema.nullable(),
  /** Vector strokes in a 1000 × 400 box, or null (signed by hand at the window). */
  signature: applicationPayloadSchema.shape.signature,
  /** 人证核验 at the kiosk: verdict, score, threshold, model, tries, liveness; null where not asked. */
  identityCheck: applicationPayloadSchema.shape.identityCheck,
  /** The 证件照 taken at the kiosk (its JPEG is the attachment of `materialId`); null: at the window. */
  portrait: applicationPayloadSchema.shape.portrait,
  attachments: z.array(attachmentRefSchema),
});
export type ApplicationBody = z.output<typeof applicationBodySchema>;

/** The back office's body for a stored application. Pure: the worker sends exactly this. */
export function backOfficeBody(
  meta: ApplicationMeta,
  payload: ApplicationPayload,
  attachments: readonly z.output<typeof attachmentRefSchema>[],
  kiosk: { readonly kioskId: string; readonly stationCode: string },
): ApplicationBody {
  return {
    applicationNo: meta.applicationNo,
    kioskId: kiosk.kioskId,
    stationCode: kiosk.stationCode,
    serviceId: meta.serviceId,
    ruleVersion: meta.ruleVersion,
    ruleHash: meta.ruleHash,
    submittedAt: meta.createdAt,
    status: meta.status,
    dueDate: meta.dueDate,
    feeFen: meta.feeFen,
    greenChannel: payload.greenChannel,
    identity: payload.identity,
    applicant: payload.applicant,
    answers: payload.answers,
    materials: payload.materials,
    assistance: payload.assistance,
    signature: payload.signature,
    identityCheck: payload.identityCheck,
    portrait: payload.portrait,
    attachments: attachments.map(({ id, materialId, mediaType, size, sha256 }) => ({
      id,
      materialId,
      mediaType,
      size,
      sha256,
    })),
  };
}
