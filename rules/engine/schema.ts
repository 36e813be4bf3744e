import { z } from 'zod';
import { identityKindSchema } from './applicant';

/**
 * The shape of a service rule file (`rules/services/<id>.json`) and of the
 * shared `rules/common.json`. A station edits these files; the code never
 * names a service. `rules/schema/*.schema.json` are generated from these
 * schemas (`npm run rules:schema`) so editors can validate as they type.
 */

export const localTextSchema = z
  .strictObject({
    'zh-CN': z.string().trim().min(1),
    en: z.string().trim().min(1),
    ug: z.string().trim().min(1).optional(),
    bo: z.string().trim().min(1).optional(),
  })
  .describe(
    'Text shown to citizens: Chinese first, English beside it; Uyghur (ug) and Tibetan (bo) where the station has them reviewed, Chinese shown where they are left out',
  );

/** JSONLogic data (https://jsonlogic.com): `true`/`false` or one operation object. */
export const conditionSchema = z
  .union([z.boolean(), z.record(z.string(), z.unknown())])
  .describe('A JSONLogic condition over {answers, identity, materials, guide, today}');

export const categorySchema = z.enum(['户籍', '出入境', '交通管理', '治安管理']);

const idPattern = /^[a-z][A-Za-z0-9]*$/;
const camelId = (what: string) => z.string().regex(idPattern, `${what} ids are camelCase ASCII`);

/**
 * A check a rule file adds to a question, with the message citizens see when it fails. Either
 * the law stops the citizen here, and `basis` names the article (or the document) that says so,
 * shown beside the message; or the answer contradicts the card or another answer (`consistency`),
 * which no article governs: the citizen corrects it.
 */
const checkSchema = z
  .strictObject({
    holds: conditionSchema,
    message: localTextSchema,
    basis: localTextSchema.optional(),
    consistency: z.literal(true).optional(),
  })
  .superRefine((check, ctx) => {
    if ((check.basis === undefined) === (check.consistency === undefined))
      ctx.addIssue({
        code: 'custom',
        message:
          'a check names its "basis" (the article that stops the citizen) or is marked "consistency": true (an answer to correct), one of the two',
      });
  });

/** Fields of the ID card a question can start from. */
export const prefillSchema = z.enum(['identity.name', 'identity.address', 'identity.idNumber']);

const questionBase = {
  id: camelId('question'),
  label: localTextSchema,
  help: localTextSchema.optional(),
  /** Asked only when this holds; hidden questions are neither asked nor validated. */
  visibleIf: conditionSchema.default(true),
  requiredIf: conditionSchema.default(true),
  prefill: prefillSchema.optional(),
  /** Extra checks with the rule file's own messages (e.g. the 90-day renewal window). */
  checks: z.array(checkSchema).default([]),
};

const choiceOptionSchema = z.strictObject({
  value: z.string().regex(/^[A-Za-z0-9_-]+$/, 'option values are ASCII letters, digits, - and _'),
  label: localTextSchema,
  help: localTextSchema.optional(),
  /** An option offered only when this holds (e.g. trips that depend on the endorsement type). */
  visibleIf: conditionSchema.default(true),
});

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...questionBase,
    type: z.literal('text'),
    minLength: z.number().int().min(0).default(1),
    maxLength: z.number().int().min(1).max(2000).default(100),
    /** Optional pattern (JavaScript RegExp syntax, whole value) with its own message. */
    pattern: z.string().optional(),
    patternMessage: localTextSchema.optional(),
    keyboard: z.enum(['chinese', 'letters', 'digits']).default('chinese'),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('address'),
    maxLength: z.number().int().min(5).max(200).default(100),
  }),
  z.strictObject({ ...questionBase, type: z.literal('mobile') }),
  z.strictObject({ ...questionBase, type: z.literal('name') }),
  z.strictObject({ ...questionBase, type: z.literal('idNumber') }),
  z.strictObject({
    ...questionBase,
    type: z.literal('date'),
    /** `past`: not after today (birth dates); `future`: not before today (expiry dates). */
    range: z.enum(['any', 'past', 'future']).default('any'),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('region'),
    /** GB/T 2260 county-level code chosen province → city → county. */
    level: z.literal('county').default('county'),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('pinyin'),
    /** Derived from the ID card's Chinese name; the citizen may correct it. */
    derive: z.enum(['surname', 'givenName']),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('choice'),
    options: z.array(choiceOptionSchema).min(2),
  }),
]);

/**
 * How the kiosk can obtain a document: read from the ID card, scan, photograph,
 * or not at all; `portrait` is the 证件照 itself, taken at the kiosk to the
 * material's `standard` where the station allows it, otherwise at the window
 * (free of charge): never missing, so never on the 一次性告知单.
 */
export const captureSchema = z.enum(['idcard', 'scan', 'photo', 'portrait', 'window']);

export const materialSchema = z.strictObject({
  id: camelId('material'),
  name: localTextSchema,
  original: z.boolean(),
  copies: z.number().int().min(0).default(0),
  count: z.number().int().min(1).default(1),
  notes: localTextSchema.optional(),
  capture: captureSchema,
  /** For a `portrait`: the photo standard it is taken to (core/face/standards.ts). */
  standard: z.enum(['exit-entry', 'id-card']).optional(),
  /**
   * For a `portrait`: only where the kiosk config says so (face.idCardPhoto) —
   * 居民身份证 photos are taken at a kiosk only where the station has agreed it.
   */
  stationOptIn: z.boolean().default(false),
  /** When a material stands alone: when it is needed. Materials inside a requirement leave this out. */
  requiredIf: conditionSchema.default(true),
});

/**
 * Alternatives between materials: "出生医学证明 或 亲属关系证明" (atLeast 1 of),
 * or "劳动合同 + 社保证明, 或 人才引进证明" (anyOf groups).
 */
export const requirementSchema = z
  .strictObject({
    id: camelId('requirement'),
    name: localTextSchema,
    requiredIf: conditionSchema.default(true),
    anyOf: z
      .array(z.array(camelId('material')).min(1))
      .min(1)
      .optional(),
    atLeast: z.number().int().min(1).optional(),
    of: z.array(camelId('material')).min(1).optional(),
    /** Overrides the generated "what would satisfy it" sentence on the 一次性告知单. */
    hint: localTextSchema.optional(),
  })
  .refine((r) => (r.anyOf !== undefined) !== (r.of !== undefined), {
    message: 'a requirement has either "anyOf" groups or "atLeast" + "of", not both',
  })
  .refine((r) => (r.of === undefined) === (r.atLeast === undefined), {
    message: '"atLeast" and "of" go together',
  })
  .refine((r) => r.of === undefined || (r.atLeast ?? 0) <= r.of.length, {
    message: '"atLeast" cannot exceed the number of materials in "of"',
  });

const processStepSchema = z.strictObject({ title: localTextSchema, detail: localTextSchema });

export const guideSchema = z.strictObject({
  audience: localTextSchema,
  conditions: z.array(localTextSchema).min(1),
  process: z.array(processStepSchema).min(1),
  timeLimitNote: localTextSchema.optional(),
  feeNote: localTextSchema,
  feeBasis: localTextSchema.optional(),
  legalBasis: z.array(localTextSchema).min(1),
  location: localTextSchema,
  /** A hotline for the whole item (12367 exit-entry, 12123 traffic); absent: the station's own number from the kiosk config. */
  consultPhone: z.string().min(1).optional(),
  complaintPhone: z.string().min(1),
  visits: z.number().int().min(0).max(10),
});

const feeItemSchema = z.strictObject({
  when: conditionSchema.default(true),
  amount: z.number().min(0).multipleOf(0.01),
  label: localTextSchema,
});

/** A time limit the law sets: in calendar days (十五日) or working days, with the article that sets it. */
const statutoryLimitSchema = z.strictObject({
  days: z.number().int().min(1).max(365),
  unit: z.enum(['calendar', 'working']),
  basis: localTextSchema,
});

const eligibilitySchema = z.strictObject({
  id: camelId('eligibility'),
  /** Must hold for the application to go ahead. */
  holds: conditionSchema,
  reason: localTextSchema,
});

const outcomeSchema = z.strictObject({
  id: camelId('outcome'),
  label: localTextSchema,
  cases: z.array(z.strictObject({ when: conditionSchema, text: localTextSchema })).min(1),
});

const greenChannelSchema = z.strictObject({
  id: camelId('green channel'),
  when: conditionSchema,
  reason: localTextSchema,
});

const IDENTITY_KINDS = identityKindSchema.options.length;

const identitySchema = z
  .strictObject({
    required: z.boolean(),
    accepted: z.array(identityKindSchema).min(1),
    /** True where an expired card is the reason to come (renewal); otherwise an expired card is refused. */
    acceptExpired: z.boolean().default(false),
    /** The article that refuses an expired card here: required unless `acceptExpired`. */
    expiredBasis: localTextSchema.optional(),
    /** The article that refuses a card of a kind not `accepted`: required unless all are. */
    notAcceptedBasis: localTextSchema.optional(),
    /** Lets a citizen without the card (lost, 补领) type name and ID number instead. */
    manualEntry: z
      .strictObject({
        nameQuestion: camelId('question'),
        idNumberQuestion: camelId('question'),
        /** The card-screen button and its hint, where "lost" is not why people come without one (首次申领). */
        button: localTextSchema.optional(),
        hint: localTextSchema.optional(),
      })
      .optional(),
  })
  // A card the kiosk refuses stops the citizen as a refusing check does: with its article.
  .superRefine((identity, ctx) => {
    if (!identity.acceptExpired && identity.expiredBasis === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['expiredBasis'],
        message: 'an expired card is refused here: "expiredBasis" names the article that says so',
      });
    if (identity.accepted.length < IDENTITY_KINDS && identity.notAcceptedBasis === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['notAcceptedBasis'],
        message: `only ${identity.accepted.join(', ')} is accepted here: "notAcceptedBasis" names the article that says so`,
      });
  });

/** A service item's id (`passport-first`): kebab-case ASCII, and branded, so no other string passes for one. */
export const serviceIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9-]*$/, 'service ids are kebab-case ASCII')
  .brand<'ServiceId'>();
export type ServiceId = z.output<typeof serviceIdSchema>;

export const serviceRuleSchema = z.strictObject({
  $schema: z.string().optional(),
  id: serviceIdSchema,
  version: z.string().min(1),
  category: categorySchema,
  name: localTextSchema,
  summary: localTextSchema,
  reviewedBy: z.string().nullable(),
  reviewedAt: z.iso.date().nullable(),
  identity: identitySchema,
  guide: guideSchema,
  questions: z.array(questionSchema).min(1),
  materials: z.array(materialSchema),
  requirements: z.array(requirementSchema).default([]),
  eligibility: z.array(eligibilitySchema).default([]),
  fee: z.strictObject({
    /** Every item whose condition holds is charged; none means free. */
    items: z.array(feeItemSchema).default([]),
  }),
  timeLimit: z.strictObject({
    /** 0 means 当场办结 (completed on the spot). */
    workingDays: z.number().int().min(0).max(365),
    /**
     * First case whose condition holds overrides `workingDays`: in working days, or in
     * calendar days (`days`) where the text sets 日 rather than 工作日 (跨省异地护照 20日).
     */
    cases: z
      .array(
        z.union([
          z.strictObject({
            when: conditionSchema,
            workingDays: z.number().int().min(0).max(365),
            statutory: statutoryLimitSchema.optional(),
          }),
          z.strictObject({
            when: conditionSchema,
            days: z.number().int().min(1).max(365),
            statutory: statutoryLimitSchema.optional(),
          }),
        ]),
      )
      .default([]),
    /**
     * The limit the law sets, with the article: rules:check refuses a promise (the base or a
     * case without its own `statutory`) that ends after it on any start day of the calendar.
     */
    statutory: statutoryLimitSchema.optional(),
  }),
  outcomes: z.array(outcomeSchema).default([]),
  greenChannel: z.array(greenChannelSchema).default([]),
  /**
   * Applying for someone else (受他人委托代办): when `when` holds, the person at
   * the kiosk is the agent and these questions name the 委托人; the slip and the
   * A4 form then show both.
   */
  agent: z
    .strictObject({
      when: conditionSchema,
      principalName: z.string(),
      principalIdNumber: z.string(),
    })
    .optional(),
  /**
   * 人证核验 for this item: the live face compared with the card's photo, after
   * the card is read (where the kiosk has a camera and its station's decoder gives the photo).
   */
  face: z.strictObject({ verify: z.boolean() }).default({ verify: false }),
  /**
   * What the kiosk finishes itself once the fee is paid there and 人证核验 passed:
   * `endorsement` — 再次签注, sent to the back office, issued or referred to the window.
   */
  kioskFinish: z.enum(['endorsement']).nullable().default(null),
  slip: z.strictObject({
    desk: localTextSchema,
    howToQuery: localTextSchema,
    /** Lines for the citizen; one with `when` only where it holds (e.g. `kiosk.photo`). */
    notes: z
      .array(
        z.union([
          localTextSchema,
          z.strictObject({ when: conditionSchema, text: localTextSchema }),
        ]),
      )
      .default([]),
  }),
});

/** `rules/common.json`: what every service shares (the green channel question and its conditions). */
export const commonRulesSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.string().min(1),
  questions: z.array(questionSchema).default([]),
  materials: z.array(materialSchema).default([]),
  greenChannel: z.array(greenChannelSchema).default([]),
  /** Why a hall guide may put an application in the green channel; the slip names the one chosen. */
  guideReasons: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/), label: localTextSchema }))
    .default([]),
});

export type GuideReason = z.output<typeof commonRulesSchema>['guideReasons'][number];
export type LocalText = z.output<typeof localTextSchema>;
export type Condition = z.output<typeof conditionSchema>;
export type Question = z.output<typeof questionSchema>;
export type QuestionType = Question['type'];
export type ChoiceOption = z.output<typeof choiceOptionSchema>;
export type Material = z.output<typeof materialSchema>;
export type Capture = z.output<typeof captureSchema>;
export type Requirement = z.output<typeof requirementSchema>;
export type ServiceRule = z.output<typeof serviceRuleSchema>;
export type CommonRules = z.output<typeof commonRulesSchema>;
export type ServiceCategory = z.output<typeof categorySchema>;
export type Prefill = z.output<typeof prefillSchema>;
