import { z } from 'zod';

/**
 * The shape of a service rule file (`rules/services/<id>.json`). A station edits
 * these files; the code never names a service. `rules/schema/service.schema.json`
 * is generated from this schema so editors can validate as they type.
 */

export const localTextSchema = z
  .strictObject({
    'zh-CN': z.string().trim().min(1),
    en: z.string().trim().min(1),
  })
  .describe('Text shown to citizens, Chinese first and English beside it');

/** JSONLogic data (https://jsonlogic.com). `true`/`false` or one operation object. */
export const conditionSchema = z
  .union([z.boolean(), z.record(z.string(), z.unknown())])
  .describe('A JSONLogic condition over {answers, identity, today}');

export const categorySchema = z.enum(['户籍', '出入境', '交通管理', '治安管理']);

const questionBase = {
  id: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'question ids are camelCase ASCII'),
  label: localTextSchema,
  help: localTextSchema.optional(),
  /** Shown only when this holds; hidden questions are neither asked nor validated. */
  visibleIf: conditionSchema.default(true),
  requiredIf: conditionSchema.default(true),
};

const choiceOptionSchema = z.strictObject({
  value: z.string().min(1),
  label: localTextSchema,
  help: localTextSchema.optional(),
});

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...questionBase,
    type: z.literal('text'),
    minLength: z.number().int().min(0).default(0),
    maxLength: z.number().int().min(1).default(100),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('address'),
    maxLength: z.number().int().min(1).default(100),
    prefill: z.enum(['identity.address']).optional(),
  }),
  z.strictObject({ ...questionBase, type: z.literal('mobile') }),
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

export const materialSchema = z.strictObject({
  id: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
  name: localTextSchema,
  original: z.boolean(),
  copies: z.number().int().min(0).default(0),
  count: z.number().int().min(1).default(1),
  notes: localTextSchema.optional(),
  /** How the kiosk can obtain it: read from the ID card, scan, photograph, or not at all. */
  capture: z.enum(['idcard', 'scan', 'photo', 'window']),
  requiredIf: conditionSchema.default(true),
});

const processStepSchema = z.strictObject({
  title: localTextSchema,
  detail: localTextSchema,
});

export const guideSchema = z.strictObject({
  audience: localTextSchema,
  conditions: z.array(localTextSchema).min(1),
  process: z.array(processStepSchema).min(1),
  timeLimitNote: localTextSchema.optional(),
  feeNote: localTextSchema,
  feeBasis: localTextSchema.optional(),
  legalBasis: z.array(localTextSchema).min(1),
  location: localTextSchema,
  consultPhone: z.string().min(1),
  complaintPhone: z.string().min(1),
  visits: z.number().int().min(0).max(10),
});

const feeRuleSchema = z.strictObject({
  when: conditionSchema,
  amount: z.number().min(0),
  label: localTextSchema,
});

export const serviceRuleSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'service ids are kebab-case ASCII'),
  version: z.string().min(1),
  category: categorySchema,
  name: localTextSchema,
  summary: localTextSchema,
  reviewedBy: z.string().nullable(),
  reviewedAt: z.iso.date().nullable(),
  identity: z.strictObject({
    required: z.boolean(),
    accepted: z.array(z.enum(['resident', 'hmt', 'foreigner2017', 'foreigner2023'])).min(1),
  }),
  guide: guideSchema,
  questions: z.array(questionSchema).min(1),
  materials: z.array(materialSchema),
  fee: z.strictObject({
    /** First rule whose condition holds wins; `default` when none does. */
    rules: z.array(feeRuleSchema).default([]),
    default: z.strictObject({ amount: z.number().min(0), label: localTextSchema }),
  }),
  timeLimit: z.strictObject({
    /** 0 means 当场办结 (completed on the spot). */
    workingDays: z.number().int().min(0).max(365),
  }),
  slip: z.strictObject({
    desk: localTextSchema,
    howToQuery: localTextSchema,
    notes: z.array(localTextSchema).default([]),
  }),
});

export type LocalText = z.output<typeof localTextSchema>;
export type Condition = z.output<typeof conditionSchema>;
export type Question = z.output<typeof questionSchema>;
export type QuestionType = Question['type'];
export type Material = z.output<typeof materialSchema>;
export type ServiceRule = z.output<typeof serviceRuleSchema>;
export type ServiceCategory = z.output<typeof categorySchema>;
