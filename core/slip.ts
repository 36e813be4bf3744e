import { z } from 'zod';
import type { RequirementState } from '../rules/engine/evaluate';
import { maskIdNumber } from '../rules/engine/id-number';
import { describeRequirement, portraitOnly, provedByCard } from '../rules/engine/requirements';
import { localTextSchema, type GuideReason, type ServiceRule } from '../rules/engine/schema';
import type { ComposedApplication } from './application';
import { applicationNoSchema, serviceIdSchema, slipQrText, type ApplicationNo } from './ids';
import { applicationStatusSchema } from './status';

const nameAndWhat = z.strictObject({ name: localTextSchema, satisfiedBy: localTextSchema });

/** The station as every slip names it (首接责任制: who owns the application). */
export const stationSchema = z.strictObject({
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  complaintPhone: z.string(),
  /** The duty officer's phone when the application was submitted, where the station keeps a roster. */
  dutyPhone: z.string().nullable().default(null),
});
export type Station = z.output<typeof stationSchema>;

/** What happened at the receipt printer; the application is saved whatever this says. */
export const printOutcomeSchema = z.strictObject({
  /** `waiting`: the renderer prints it with its translation (a Uyghur or Tibetan session). */
  status: z.enum(['printed', 'failed', 'no_printer', 'waiting']),
  /** paper_out, cover_open, offline, timeout … when it failed. */
  problem: z.string().nullable(),
});
export type PrintOutcome = z.output<typeof printOutcomeSchema>;

/**
 * The application receipt (申请回执) as data: the printer, the screen and the A4
 * form all write it from this, through `slipLines`. Holds the applicant's name
 * (shown masked) but never the full ID number.
 */
export const slipSchema = z.strictObject({
  applicationNo: applicationNoSchema,
  /** What the slip's QR code holds: a status-lookup reference, nothing personal. */
  qrText: z.string(),
  serviceId: serviceIdSchema,
  serviceName: localTextSchema,
  /** The person at the kiosk whose card was read: the applicant, or the agent when `principal` is set. */
  applicantName: z.string(),
  idNumberMasked: z.string(),
  /** 受他人委托代办: the 委托人 the application is for; null when the citizen applied for themself. */
  principal: z
    .strictObject({ name: z.string(), idNumberMasked: z.string() })
    .nullable()
    .default(null),
  station: stationSchema,
  desk: localTextSchema,
  submittedAt: z.string(),
  status: applicationStatusSchema,
  fee: z.strictObject({
    total: z.number(),
    items: z.array(z.strictObject({ label: localTextSchema, amount: z.number() })),
  }),
  timeLimit: z.strictObject({ days: z.number(), unit: z.enum(['working', 'calendar']) }),
  dueDate: z.iso.date(),
  /** False when the due date ran into a year whose holiday arrangement is not confirmed. */
  dueDateCertain: z.boolean(),
  /** What to bring to the window: every requirement the citizen said they have. */
  bring: z.array(nameAndWhat),
  /** 一次性告知单: every requirement still missing and what would satisfy it; empty when complete. */
  missing: z.array(nameAndWhat),
  outcomes: z.array(z.strictObject({ label: localTextSchema, text: localTextSchema })),
  greenChannel: z.array(localTextSchema),
  /** The hall guide's part, shown on the slip; null when the citizen applied alone. */
  assistance: z
    .strictObject({
      greenChannelReason: localTextSchema.nullable(),
      fillOnBehalf: z.boolean(),
      skippedOptional: z.boolean(),
    })
    .nullable(),
  /** Materials photographed at the kiosk and sent with the application. */
  captured: z.array(
    z.strictObject({ materialId: z.string(), name: localTextSchema, photos: z.number() }),
  ),
  /** 人证核验: passed here, failed here, not possible here; null where the item does not ask for it. */
  identityCheck: z.enum(['passed', 'failed', 'not_possible']).nullable().default(null),
  /** The 证件照: taken here to its standard, or to be taken at the window; null where the item needs none. */
  portrait: z.enum(['taken', 'window']).nullable().default(null),
  /**
   * 缴费 at the kiosk (where the station turned it on for the item): paid, with the order
   * and the 财政电子票据 once issued; unpaid (the citizen chose the window, walked away, the
   * payment failed); null where the fee is paid at the window as before.
   */
  payment: z
    .strictObject({
      state: z.enum(['paid', 'unpaid']),
      amount: z.number(),
      orderNo: z.string().nullable(),
      paidAt: z.string().nullable(),
      receipt: z.strictObject({ number: z.string(), url: z.string() }).nullable(),
    })
    .nullable()
    .default(null),
  /** 再次签注 finished here (issued), referred by the back office, or for the window and why; null elsewhere. */
  endorsement: z
    .discriminatedUnion('result', [
      z.strictObject({
        result: z.literal('issued'),
        kind: z.enum(['G', 'L', 'T', 'S', 'Q', 'D']),
        destination: z.enum(['HK', 'MO', 'both']),
        trips: z.string(),
        validFrom: z.iso.date(),
        validUntil: z.iso.date(),
      }),
      z.strictObject({
        result: z.literal('referred'),
        reason: z.string(),
        workingDays: z.number().int(),
      }),
      z.strictObject({
        result: z.literal('window'),
        why: z.enum([
          'not_tourism',
          'first_of_kind',
          'permit_too_short',
          'not_verified',
          'not_paid',
          'answers_incomplete',
          'unavailable',
        ]),
      }),
    ])
    .nullable()
    .default(null),
  ruleVersion: z.string(),
  howToQuery: localTextSchema,
  notes: z.array(localTextSchema),
  backOfficeConfigured: z.boolean(),
  print: printOutcomeSchema,
});
export type Slip = z.output<typeof slipSchema>;

/** The slip before it went to the printer. */
export type SlipDraft = Omit<Slip, 'print'>;

export interface SlipContext {
  readonly applicationNo: ApplicationNo;
  readonly station: Station;
  readonly guideReasons: readonly GuideReason[];
  readonly backOfficeConfigured: boolean;
  /** The material id of each photo sent with the application. */
  readonly photos: readonly { readonly materialId: string }[];
}

/**
 * The slip of a stored application: what to bring (leaving out what the card
 * proved), the 一次性告知单 of everything missing, fee, time limit and due
 * date, the guide's part. The ID number appears masked only.
 */
export function buildSlip(
  rule: ServiceRule,
  application: ComposedApplication,
  context: SlipContext,
): SlipDraft {
  const { evaluation, payload } = application;
  const described = (r: RequirementState) => ({
    name: r.name,
    satisfiedBy: describeRequirement(r),
  });
  const assistance = payload.assistance;
  const photographed = [...new Set(context.photos.map((p) => p.materialId))];
  // The 证件照 has its own line (taken here, or at the window): not among what to bring or what was scanned.
  const portraitIds = new Set(
    evaluation.requirements.filter(portraitOnly).flatMap((r) => r.options.flat().map((m) => m.id)),
  );
  return {
    applicationNo: context.applicationNo,
    qrText: slipQrText(context.applicationNo),
    serviceId: rule.id,
    serviceName: rule.name,
    applicantName: payload.applicant.name,
    idNumberMasked: maskIdNumber(payload.applicant.idNumber ?? payload.identity?.idNumber ?? ''),
    principal:
      evaluation.principal === null
        ? null
        : {
            name: evaluation.principal.name,
            idNumberMasked: maskIdNumber(evaluation.principal.idNumber),
          },
    station: context.station,
    desk: rule.slip.desk,
    submittedAt: application.submittedAt,
    status: application.status,
    fee: { total: evaluation.fee.total, items: [...evaluation.fee.items] },
    timeLimit: evaluation.timeLimit,
    dueDate: evaluation.due.date,
    dueDateCertain: evaluation.due.certain,
    bring: evaluation.requirements
      .filter((r) => r.satisfied && !provedByCard(r) && !portraitOnly(r))
      .map(described),
    missing: evaluation.missing.map(described),
    outcomes: evaluation.outcomes.map((o) => ({ label: o.label, text: o.text })),
    greenChannel: [...evaluation.greenChannel],
    assistance:
      assistance === null
        ? null
        : {
            greenChannelReason:
              context.guideReasons.find((r) => r.id === assistance.greenChannelReason)?.label ??
              null,
            fillOnBehalf: assistance.fillOnBehalf,
            skippedOptional: assistance.skippedOptional,
          },
    captured: photographed
      .filter((materialId) => !portraitIds.has(materialId))
      .map((materialId) => ({
        materialId,
        name: rule.materials.find((m) => m.id === materialId)?.name ?? {
          'zh-CN': materialId,
          en: materialId,
        },
        photos: context.photos.filter((p) => p.materialId === materialId).length,
      })),
    identityCheck: payload.identityCheck?.result ?? null,
    portrait: portraitIds.size === 0 ? null : payload.portrait === null ? 'window' : 'taken',
    payment: null,
    endorsement: null,
    ruleVersion: rule.version,
    howToQuery: rule.slip.howToQuery,
    notes: [...evaluation.slipNotes],
    backOfficeConfigured: context.backOfficeConfigured,
  };
}
