import { z } from 'zod';
import {
  identityCheckSchema,
  portraitRecordSchema,
  type IdentityCheck,
  type PortraitRecord,
} from './face/identity-check';
import { todayInChina } from '../base/dates';
import { evaluate, type Evaluation } from '../rules/engine/evaluate';
import { MATERIAL_DECLARATIONS, type MaterialDeclaration } from '../rules/engine/logic';
import type { ServiceRule } from '../rules/engine/schema';
import type { HolidayCalendar } from '../rules/engine/workdays';
import { assistanceRecord, assistanceRecordSchema, type Assistance } from './assistance';
import { applicantSchema, identitySchema, type Applicant, type Identity } from './identity';
import type { ApplicationNo, ServiceId } from './ids';
import { err, ok, type KioskError, type Result } from './result';
import type { Signature } from './signature';
import { signatureSchema } from './signature-schema';
import type { ApplicationStatus } from './status';

export const materialDeclarationSchema = z.enum(MATERIAL_DECLARATIONS);

/** The payload's format; bump it (and teach `decodeApplicationPayload` the old one) when it changes. */
export const APPLICATION_PAYLOAD_VERSION = 1;

/**
 * The personal part of an application: sealed at rest, sent to the back
 * office, purged once it is accepted. Checked with this schema when it is
 * built and again whenever it is decrypted, so nothing downstream casts.
 */
export const applicationPayloadSchema = z.strictObject({
  version: z.literal(APPLICATION_PAYLOAD_VERSION),
  /** The card read in the session; null when the citizen typed name and ID number (补领). */
  identity: identitySchema.nullable(),
  /** Who the application is for: the card's holder, or the typed-in person. */
  applicant: applicantSchema,
  /** Answers to the questions that were shown, normalized. */
  answers: z.record(z.string().max(64), z.string().max(2000)),
  materials: z.record(z.string().max(64), materialDeclarationSchema),
  /** Why it is in the green channel, in Chinese as the back office files it. */
  greenChannel: z.array(z.string().max(200)),
  /** A hall guide's part; null when the citizen applied alone. */
  assistance: assistanceRecordSchema.nullable(),
  /**
   * Signed on the review screen; null when the citizen signs the form by hand at the window.
   * Added within version 1: a payload sealed before it reads as null.
   */
  signature: signatureSchema.nullable().default(null),
  /** 人证核验 at the kiosk; null where the item does not ask for it. Added within version 1. */
  identityCheck: identityCheckSchema.nullable().default(null),
  /** The 证件照 taken at the kiosk (the JPEG is the material's attachment); null: at the window. */
  portrait: portraitRecordSchema.nullable().default(null),
});
export type ApplicationPayload = z.output<typeof applicationPayloadSchema>;

/**
 * What kiosks stored before the payload had a version: the same fields, the
 * whole card as the applicant, `assistance` sometimes absent.
 */
const unversionedPayloadSchema = applicationPayloadSchema.omit({ version: true }).extend({
  applicant: z.object(applicantSchema.shape),
  assistance: assistanceRecordSchema.nullable().optional(),
});

export type PayloadError = KioskError<'payload_invalid'>;

/** Reads a decrypted payload: the current version, or an older one brought up to it. Never casts. */
export function decodeApplicationPayload(text: string): Result<ApplicationPayload, PayloadError> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err('payload_invalid', 'the decrypted payload is not JSON');
  }
  const versioned = typeof raw === 'object' && raw !== null && 'version' in raw;
  if (versioned) {
    const parsed = applicationPayloadSchema.safeParse(raw);
    return parsed.success ? ok(parsed.data) : err('payload_invalid', describe(parsed.error));
  }
  const old = unversionedPayloadSchema.safeParse(raw);
  if (!old.success) return err('payload_invalid', describe(old.error));
  return ok({
    version: APPLICATION_PAYLOAD_VERSION,
    ...old.data,
    assistance: old.data.assistance ?? null,
  });
}

/** Which fields failed, never their values (they are personal). */
const describe = (error: z.ZodError): string =>
  `the payload does not match version ${APPLICATION_PAYLOAD_VERSION}: ${error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(top)'} ${i.code}`)
    .join('; ')}`;

/** The applicant's own fields: a card's other fields stay in `identity`. */
const applicantFacts = ({
  kind,
  name,
  sex,
  birthDate,
  idNumber,
  address,
  validTo,
}: Applicant): Applicant => ({
  kind,
  name,
  sex,
  birthDate,
  validTo,
  ...(idNumber === undefined ? {} : { idNumber }),
  ...(address === undefined ? {} : { address }),
});

/** The clear columns of a stored application: enough to sync and answer a status query, nothing personal. */
export interface ApplicationMeta {
  readonly id: string;
  readonly applicationNo: ApplicationNo;
  readonly idempotencyKey: string;
  readonly serviceId: ServiceId;
  readonly ruleVersion: string;
  readonly ruleHash: string;
  readonly status: ApplicationStatus;
  readonly createdAt: string;
  readonly dueDate: string;
  readonly feeFen: number;
}

export interface ApplicationInput {
  readonly rule: ServiceRule;
  /** The card read in this session, if any. */
  readonly identity: Identity | null;
  readonly answers: Readonly<Record<string, string>>;
  readonly materials: Readonly<Record<string, MaterialDeclaration>>;
  /** The citizen has no card with them and typed name and ID number (补领). */
  readonly manualEntry: boolean;
  /** Material ids that have at least one photo in the session. */
  readonly photographed: ReadonlySet<string>;
  readonly assistance: Assistance;
  readonly submittedAt: Date;
  readonly calendar: HolidayCalendar;
  /** The kiosk's station code: the rules tell a cross-province applicant by its province. */
  readonly stationCode: string;
  /** Drawn on the review screen, if the citizen signed there. */
  readonly signature?: Signature | null;
  /** 人证核验, as the main process decided it on the frames it received. */
  readonly identityCheck?: IdentityCheck | null;
  /** The 证件照 the main process took and checked, attached as its material's photo. */
  readonly portrait?: PortraitRecord | null;
}

export type CompositionError = KioskError<
  | 'photo_missing'
  | 'identity_missing'
  | 'identity_not_accepted'
  | 'identity_expired'
  | 'invalid_application'
>;

/** An application ready to be stored: everything but its number and ids. */
export interface ComposedApplication {
  readonly serviceId: ServiceId;
  readonly ruleVersion: string;
  readonly status: ApplicationStatus;
  readonly submittedAt: string;
  /** The kiosk's day, in China: the application number starts with it. */
  readonly today: string;
  readonly dueDate: string;
  readonly feeFen: number;
  readonly payload: ApplicationPayload;
  /** The rules' verdict, for the slip and the audit entry. */
  readonly evaluation: Evaluation;
}

/**
 * Builds an application from the card, the answers and the rules — the main
 * process's own verdict, whatever the renderer showed. Pure: the same input
 * gives the same application.
 */
export function composeApplication(
  input: ApplicationInput,
): Result<ComposedApplication, CompositionError> {
  const unbacked = Object.entries(input.materials).filter(
    ([materialId, said]) => said === 'captured' && !input.photographed.has(materialId),
  );
  if (unbacked.length > 0) {
    return err(
      'photo_missing',
      'a material marked captured has no photo',
      unbacked.map(([id]) => ({ path: `materials.${id}`, code: 'no_photo', message: id })),
    );
  }
  const today = todayInChina(input.submittedAt);
  const evaluation = evaluate({
    rule: input.rule,
    answers: input.answers,
    card: input.identity,
    manualEntry: input.manualEntry,
    materials: input.materials,
    today,
    calendar: input.calendar,
    guideGreenChannel: input.assistance.greenChannelReason !== null,
    stationCode: input.stationCode,
    kiosk: {
      photo: input.portrait ? 'taken' : 'window',
      identity: input.identityCheck?.result ?? 'not_asked',
    },
  });
  switch (evaluation.identityProblem) {
    case 'missing':
      return err('identity_missing', 'the ID card has not been read');
    case 'not_accepted':
      return err('identity_not_accepted', 'this kind of card is not accepted for the service');
    case 'expired':
      return err('identity_expired', 'the ID card has expired');
    case null:
      break;
  }
  const problems = [
    ...evaluation.fieldErrors.map((e) => ({ path: e.questionId, code: e.code, message: e.code })),
    ...evaluation.ineligible.map((e) => ({
      path: `eligibility.${e.id}`,
      code: 'ineligible',
      message: e.id,
    })),
  ];
  if (problems.length > 0) {
    return err('invalid_application', 'the answers do not pass the service rules', problems);
  }
  if (evaluation.applicant === null) return err('identity_missing', 'no applicant identity');

  const payload = applicationPayloadSchema.parse({
    version: APPLICATION_PAYLOAD_VERSION,
    identity: input.identity,
    applicant: applicantFacts(evaluation.applicant),
    answers: evaluation.answers,
    materials: input.materials,
    greenChannel: evaluation.greenChannel.map((r) => r['zh-CN']),
    assistance: assistanceRecord(input.assistance),
    signature: input.signature ?? null,
    identityCheck: input.identityCheck ?? null,
    portrait: input.portrait ?? null,
  });
  return ok({
    serviceId: input.rule.id,
    ruleVersion: input.rule.version,
    status: evaluation.status,
    submittedAt: input.submittedAt.toISOString(),
    today,
    dueDate: evaluation.due.date,
    feeFen: Math.round(evaluation.fee.total * 100),
    payload,
    evaluation,
  });
}
