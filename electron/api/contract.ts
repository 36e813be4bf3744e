import { z } from 'zod';
import { identitySchema } from '../devices/idcard/identity';
import { categorySchema, localTextSchema, serviceRuleSchema } from '../../rules/engine/schema';
import type { Result } from '../../core/result';
import { backOfficeStateSchema } from '../sync/protocol';
import { METHOD_NAMES, type EventName, type MethodName } from './names';

/**
 * The one API between the kiosk's renderer and its main process. Every method
 * and event is declared here with zod schemas; the IPC binding, the preload's
 * `window.kiosk`, the web host and the renderer's client are all derived from
 * it, so none of them can drift from the others.
 */

const empty = z.strictObject({});

const deviceHealthSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(['idcard', 'scanner', 'printer', 'camera']),
  transport: z.string(),
  address: z.string(),
  state: z.enum(['ready', 'offline', 'fault', 'unsupported']),
  lastError: z.string().nullable(),
  facts: z.record(z.string(), z.string()),
});

export const kioskInfoSchema = z.strictObject({
  kioskId: z.string(),
  version: z.string(),
  station: z.strictObject({
    code: z.string(),
    name: z.string(),
    address: z.string(),
    phone: z.string(),
    complaintPhone: z.string(),
  }),
  demo: z.boolean(),
  /** A document camera is configured: materials can be photographed at the kiosk. */
  camera: z.boolean(),
  backOfficeConfigured: z.boolean(),
  idle: z.strictObject({
    timeoutSeconds: z.number(),
    countdownSeconds: z.number(),
    elderTimeoutSeconds: z.number(),
    elderCountdownSeconds: z.number(),
  }),
  defaultLocale: z.enum(['zh-CN', 'en']),
  /** The main process's clock when it answered: the renderer runs on the same clock. */
  now: z.iso.datetime(),
  /** Reasons a hall guide may give for the green channel (rules/common.json). */
  guideReasons: z.array(z.strictObject({ id: z.string(), label: localTextSchema })),
});

/** What a hall guide has done in this session. */
export const assistanceSchema = z.strictObject({
  greenChannelReason: z.string().nullable(),
  fillOnBehalf: z.boolean(),
  skipOptional: z.boolean(),
  elderMode: z.boolean(),
  voice: z.boolean(),
  assisted: z.boolean(),
});

const guideActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('greenChannel'), reason: z.string().max(32).nullable() }),
  z.strictObject({ action: z.literal('fillOnBehalf'), on: z.boolean() }),
  z.strictObject({ action: z.literal('skipOptional'), on: z.boolean() }),
  z.strictObject({ action: z.literal('elderMode'), on: z.boolean() }),
  z.strictObject({ action: z.literal('voice'), on: z.boolean() }),
]);

/** A document-camera photo: JPEG, at most this many bytes once decoded (an A4 page is kept under 300 KB). */
export const MAX_CAPTURE_BYTES = 400 * 1024;

export const serviceSummarySchema = z.strictObject({
  id: z.string(),
  category: categorySchema,
  name: localTextSchema,
  summary: localTextSchema,
  feeText: localTextSchema,
  /** Shortest and longest time limit in working days (0 = on the spot) over the item's cases. */
  timeLimit: z.strictObject({ min: z.number(), max: z.number() }),
});

const applicationStatusSchema = z.enum(['pending_review', 'pending_completion']);
const outboxStateSchema = z.enum(['queued', 'sending', 'accepted', 'rejected', 'needs_attention']);
export type OutboxStateView = z.output<typeof outboxStateSchema>;

/** A slip's state for whoever holds it at the kiosk: no name, no ID number, nothing personal. */
export const applicationStatusViewSchema = z.strictObject({
  applicationNo: z.string(),
  serviceName: localTextSchema.nullable(),
  submittedAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** Where the answer comes from: the back office when it answered in time, else this kiosk's record. */
  source: z.enum(['back_office', 'kiosk']),
  /** This kiosk's outbox state; null when the application was made on another kiosk. */
  sync: outboxStateSchema.nullable(),
  /** 待受理审核 / 待补正, as decided at submission; null when only the back office knows it. */
  status: applicationStatusSchema.nullable(),
  backOffice: z
    .strictObject({
      state: backOfficeStateSchema,
      reason: z.string().nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
  acceptanceNo: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  backOfficeConfigured: z.boolean(),
});

const queueStatusSchema = z.strictObject({
  counts: z.record(outboxStateSchema, z.number()),
  oldestWaitingSeconds: z.number().nullable(),
  lastError: z.strictObject({ at: z.string(), message: z.string() }).nullable(),
  backOfficeConfigured: z.boolean(),
  link: z.strictObject({
    reachable: z.boolean().nullable(),
    lastContactAt: z.string().nullable(),
    lastProblem: z.string().nullable(),
    pausedUntil: z.string().nullable(),
    sending: z.number(),
  }),
  storage: z.strictObject({ freeMb: z.number(), minFreeMb: z.number(), ok: z.boolean() }),
});

export const slipSchema = z.strictObject({
  applicationNo: z.string(),
  /** What the slip's QR code holds: a status-lookup reference, nothing personal. */
  qrText: z.string(),
  serviceId: z.string(),
  serviceName: localTextSchema,
  applicantName: z.string(),
  idNumberMasked: z.string(),
  station: z.strictObject({
    name: z.string(),
    address: z.string(),
    phone: z.string(),
    complaintPhone: z.string(),
  }),
  desk: localTextSchema,
  submittedAt: z.string(),
  status: applicationStatusSchema,
  fee: z.strictObject({
    total: z.number(),
    items: z.array(z.strictObject({ label: localTextSchema, amount: z.number() })),
  }),
  workingDays: z.number(),
  dueDate: z.iso.date(),
  /** False when the due date ran into a year whose holiday arrangement is not confirmed. */
  dueDateCertain: z.boolean(),
  /** What to bring to the window: every requirement the citizen said they have. */
  bring: z.array(z.strictObject({ name: localTextSchema, satisfiedBy: localTextSchema })),
  /** 一次性告知单: every requirement still missing and what would satisfy it; empty when complete. */
  missing: z.array(z.strictObject({ name: localTextSchema, satisfiedBy: localTextSchema })),
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
  ruleVersion: z.string(),
  howToQuery: localTextSchema,
  notes: z.array(localTextSchema),
  backOfficeConfigured: z.boolean(),
  /** What happened at the receipt printer; the application is saved whatever this says. */
  print: z.strictObject({
    status: z.enum(['printed', 'failed', 'no_printer']),
    /** paper_out, cover_open, offline, timeout … when it failed. */
    problem: z.string().nullable(),
  }),
});

const staffRoleSchema = z.enum(['guide', 'technician']);

const frameEntrySchema = z.strictObject({
  at: z.string(),
  dir: z.enum(['tx', 'rx', 'note']),
  text: z.string(),
});

const readinessCheckSchema = z.strictObject({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string(),
});

export const diagnosticsSchema = z.strictObject({
  kioskId: z.string(),
  stationCode: z.string(),
  devices: z.array(deviceHealthSchema),
  serialPorts: z.array(
    z.strictObject({
      path: z.string(),
      manufacturer: z.string().optional(),
      vendorId: z.string().optional(),
      productId: z.string().optional(),
      serialNumber: z.string().optional(),
    }),
  ),
  system: z.strictObject({
    versions: z.record(z.string(), z.string()),
    platform: z.string(),
    uptimeSeconds: z.strictObject({ process: z.number(), system: z.number() }),
    memoryMb: z.strictObject({ rss: z.number(), free: z.number(), total: z.number() }),
    diskFreeMb: z.number().nullable(),
    dataDir: z.string(),
  }),
  store: z.strictObject({
    applications: z.number(),
    queued: z.number(),
    keyProtection: z.string(),
  }),
  ruleProblems: z.array(
    z.strictObject({
      file: z.string(),
      action: z.enum(['refused', 'using-last-good']),
      problems: z.array(z.strictObject({ path: z.string(), message: z.string() })),
    }),
  ),
  checks: z.array(readinessCheckSchema),
  demoFaults: z.record(z.string(), z.array(z.string())),
});

export const methods = {
  getKioskInfo: { input: empty, output: kioskInfoSchema },
  listServices: { input: empty, output: z.array(serviceSummarySchema) },
  getService: {
    input: z.strictObject({ serviceId: z.string().max(64) }),
    output: serviceRuleSchema,
  },
  startSession: {
    input: z.strictObject({ serviceId: z.string().max(64) }),
    output: z.strictObject({
      sessionId: z.string(),
      /** A card already lay on the reader before this session: ask to lift and place it again. */
      staleCardOnReader: z.boolean(),
    }),
  },
  endSession: {
    input: z.strictObject({ reason: z.enum(['finished', 'cancelled', 'idle', 'guide']) }),
    output: empty,
  },
  getSessionIdentity: {
    input: empty,
    output: z.strictObject({ identity: identitySchema.nullable() }),
  },
  /** The photo of the card read in this session, when a decoder turned it into a picture. */
  getCardPhoto: {
    input: empty,
    output: z
      .strictObject({
        mediaType: z.enum(['image/png', 'image/jpeg', 'image/bmp']),
        // 512 KB of picture at most (MAX_CARD_IMAGE_BYTES), as base64.
        base64: z.string().max(700_000),
      })
      .nullable(),
  },
  submitApplication: {
    input: z.strictObject({
      serviceId: z.string().max(64),
      answers: z.record(z.string().max(64), z.string().max(2000)),
      /** Per material id: scanned/photographed here, will bring it, or does not have it. */
      materials: z.record(z.string().max(64), z.enum(['captured', 'bring', 'missing'])).default({}),
      /** The citizen has no card with them and typed name and ID number (补领). */
      manualEntry: z.boolean().default(false),
    }),
    output: slipSchema,
  },
  /** Typed number or the slip's QR text (`GAKIOSK:<no>`). */
  getApplicationStatus: {
    input: z.strictObject({ applicationNo: z.string().max(80) }),
    output: applicationStatusViewSchema,
  },
  /** Hall guide (PIN) only: what they do for the citizen in this session; audited. */
  guideAction: { input: guideActionSchema, output: assistanceSchema },
  /** A photo of a material from the document camera, kept in the session until submission. */
  addCapture: {
    input: z.strictObject({
      materialId: z.string().max(64),
      mediaType: z.literal('image/jpeg'),
      dataBase64: z.string().max(Math.ceil(MAX_CAPTURE_BYTES / 3) * 4),
    }),
    output: z.strictObject({ captureId: z.string(), size: z.number(), sha256: z.string() }),
  },
  removeCapture: { input: z.strictObject({ captureId: z.string().max(64) }), output: empty },
  /** Checked before the citizen confirms: can this kiosk store one more application? */
  checkStorage: {
    input: empty,
    output: z.strictObject({ ok: z.boolean(), freeMb: z.number(), minFreeMb: z.number() }),
  },
  /** Guide or technician: the outbox at a glance, no personal data. */
  getQueueStatus: { input: empty, output: queueStatusSchema },
  /** Guide or technician: send everything waiting now. */
  syncNow: { input: empty, output: z.strictObject({ due: z.number() }) },
  listDevices: { input: empty, output: z.array(deviceHealthSchema) },
  /** Rule files refused at start-up, for technicians: which file, what is wrong, what the kiosk did. */
  listRuleProblems: {
    input: empty,
    output: z.array(
      z.strictObject({
        file: z.string(),
        action: z.enum(['refused', 'using-last-good']),
        problems: z.array(z.strictObject({ path: z.string(), message: z.string() })),
      }),
    ),
  },
  staffUnlock: {
    input: z.strictObject({ role: staffRoleSchema, pin: z.string().regex(/^\d{1,12}$/) }),
    output: z.strictObject({ role: staffRoleSchema }),
  },
  staffLock: { input: empty, output: empty },
  staffStatus: { input: empty, output: z.strictObject({ role: staffRoleSchema.nullable() }) },
  /** Technician only. */
  getDiagnostics: { input: empty, output: diagnosticsSchema },
  deviceSelfTest: {
    input: z.strictObject({ deviceId: z.string().max(32) }),
    output: z.strictObject({ summary: z.string(), facts: z.record(z.string(), z.string()) }),
  },
  getFrameLog: {
    input: z.strictObject({ deviceId: z.string().max(32) }),
    output: z.array(frameEntrySchema),
  },
  exportReadinessReport: {
    input: empty,
    output: z.strictObject({
      path: z.string(),
      ready: z.boolean(),
      checks: z.array(readinessCheckSchema),
    }),
  },
  /** The A4 application form on the system printer (Electron); `no_system_printer` in a browser. */
  printForm: { input: empty, output: z.strictObject({ printer: z.string() }) },
  /** Prints the session's slip again, e.g. after paper was refilled. */
  printSlip: { input: empty, output: slipSchema.shape.print },
  demoSetFault: {
    input: z.strictObject({
      deviceId: z.string().max(32),
      fault: z.string().max(32),
      on: z.boolean(),
    }),
    output: empty,
  },
  demoListCards: {
    input: empty,
    output: z.array(z.strictObject({ id: z.string(), label: localTextSchema })),
  },
  demoPlaceCard: { input: z.strictObject({ cardId: z.string().max(32) }), output: empty },
  demoRemoveCard: { input: empty, output: empty },
  demoScan: { input: z.strictObject({ text: z.string().min(1).max(4096) }), output: empty },
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  cardPresent: empty,
  cardRead: z.strictObject({ identity: identitySchema }),
  cardRemoved: empty,
  cardError: z.strictObject({ code: z.string() }),
  scan: z.strictObject({ deviceId: z.string(), text: z.string() }),
  devicesChanged: z.array(deviceHealthSchema),
} as const satisfies Record<EventName, z.ZodType>;

export type { EventName, MethodName } from './names';
export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>;
export type MethodArgs<M extends MethodName> = z.output<(typeof methods)[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<(typeof methods)[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const isMethodName = (name: string): name is MethodName =>
  (METHOD_NAMES as readonly string[]).includes(name);

/** What the renderer calls: `window.kiosk` in Electron, the web client in a browser. */
export type KioskApi = {
  readonly [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** What the main process implements: inputs arrive already validated. */
export type KioskHandlers = {
  readonly [M in MethodName]: (input: MethodArgs<M>) => Promise<Result<MethodOutput<M>>>;
};

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export type KioskInfo = MethodOutput<'getKioskInfo'>;
export type ServiceSummary = z.output<typeof serviceSummarySchema>;
export type Slip = z.output<typeof slipSchema>;
export type DeviceHealthView = z.output<typeof deviceHealthSchema>;
export type Assistance = z.output<typeof assistanceSchema>;
export type GuideAction = z.output<typeof guideActionSchema>;
export type ApplicationStatusView = z.output<typeof applicationStatusViewSchema>;
export type QueueStatus = z.output<typeof queueStatusSchema>;
