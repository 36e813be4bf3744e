import { z } from 'zod';
import { assistanceSchema } from '../assistance';
import { materialDeclarationSchema } from '../application';
import { applicationNoSchema } from '../ids';
import { helpRequestSchema } from '../help-request';
import { LOCALES } from '../i18n';
import { identitySchema } from '../identity';
import {
  HANDWRITING_MAX_POINTS,
  HANDWRITING_MAX_STROKES,
  MAX_CAPTURE_BYTES,
  MAX_CARD_IMAGE_BYTES,
  MAX_FACE_FRAME_BYTES,
  PIN_PATTERN,
} from '../limits';
import type { Result } from '../result';
import type { ContractError } from './error-facts';
import { receiptImageSchema } from '../receipt-image-schema';
import { ratingSchema } from '../evaluation';
import { PAYMENT_STATES, paymentViewSchema } from '../payment/order';
import { printOutcomeSchema, slipSchema } from '../slip';
import { SPEECH_LOCALES, SPEECH_MAX_CHARS } from '../speech-voices';
import { readinessWordsSchema } from '../readiness-words';
import { signatureSchema } from '../signature-schema';
import { calendarYearSchema } from '../../rules/engine/calendar-file';
import {
  applicationStatusSchema,
  backOfficeStateSchema,
  cardProblemSchema,
  outboxStateSchema,
  staffRoleSchema,
  type CallerRole,
} from '../status';
import {
  categorySchema,
  localTextSchema,
  serviceIdSchema,
  serviceRuleSchema,
} from '../../rules/engine/schema';
import { METHOD_NAMES, type EventName, type MethodName } from './names';
import { SELF_TEST_CODES } from '../devices';
import { PHOTO_ADVICE, PHOTO_CHECK_IDS } from '../face/checks';

/**
 * The one API between the kiosk's renderer and its main process. Every method
 * and event is declared here: zod schemas for input and output, who may call
 * it, and the error codes it may answer with. The IPC binding, the preload's
 * `window.kiosk`, the web host and the renderer's client are all derived from
 * it, so none of them can drift from the others. The renderer imports this
 * file for its types only.
 */

const empty = z.strictObject({});

const deviceKindSchema = z.enum(['idcard', 'scanner', 'printer', 'camera']);
const deviceStateSchema = z.enum(['ready', 'offline', 'fault', 'unsupported']);

/** What a citizen's screen needs of the devices: which work. Ports and errors are for technicians. */
const deviceStatusSchema = z.strictObject({
  id: z.string(),
  kind: deviceKindSchema,
  state: deviceStateSchema,
});

const deviceHealthSchema = z.strictObject({
  id: z.string(),
  kind: deviceKindSchema,
  transport: z.string(),
  address: z.string(),
  state: deviceStateSchema,
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
  /** Offline handwriting recognition is installed: the keyboard offers its pad. */
  handwriting: z.boolean(),
  /** The languages the kiosk's own voice speaks (synthesizeSpeech); empty when its files are missing. */
  speech: z.array(z.enum(SPEECH_LOCALES)),
  /**
   * The camera looks at the citizen (config face.enabled, a camera, the model's files):
   * 人证核验 for items that ask it, and the 证件照 (居民身份证 ones only with `idCardPhoto`).
   */
  face: z.strictObject({
    enabled: z.boolean(),
    idCardPhoto: z.boolean(),
    /** A decoder gives the card's photo: 人证核验 has something to compare with. */
    cardPhoto: z.boolean(),
  }),
  backOfficeConfigured: z.boolean(),
  /** The items whose fee this kiosk takes (缴费 through the back office); empty: every fee at the window. */
  payment: z.strictObject({ services: z.array(z.string()) }),
  idle: z.strictObject({
    timeoutSeconds: z.number(),
    countdownSeconds: z.number(),
    elderTimeoutSeconds: z.number(),
    elderCountdownSeconds: z.number(),
  }),
  defaultLocale: z.enum(LOCALES),
  /** The languages the header offers, Chinese among them. */
  languages: z.array(z.enum(LOCALES)).min(1),
  /** The main process's clock when it answered: the renderer runs on the same clock. */
  now: z.iso.datetime(),
  /** Reasons a hall guide may give for the green channel (rules/common.json). */
  guideReasons: z.array(z.strictObject({ id: z.string(), label: localTextSchema })),
  /** The holiday calendar of the rules in use: the screen's due dates match the slip's. */
  calendar: z.array(calendarYearSchema),
  /** The signed rule bundle in use; null where the kiosk does not require signatures. */
  rules: z
    .strictObject({
      version: z.string(),
      reviewedBy: z.string(),
      /** `last-good`: a newer bundle was refused; the one applied before serves. */
      source: z.enum(['current', 'incoming', 'last-good']),
    })
    .nullable(),
});

const guideActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('greenChannel'), reason: z.string().max(32).nullable() }),
  z.strictObject({ action: z.literal('fillOnBehalf'), on: z.boolean() }),
  z.strictObject({ action: z.literal('skipOptional'), on: z.boolean() }),
  z.strictObject({ action: z.literal('elderMode'), on: z.boolean() }),
  z.strictObject({ action: z.literal('voice'), on: z.boolean() }),
  z.strictObject({ action: z.literal('audioOnly'), on: z.boolean() }),
  /** 「到窗口拍照」: the photo and the identity check at the window for this session. */
  z.strictObject({ action: z.literal('faceAtWindow'), on: z.literal(true) }),
  /** 「窗口缴费」: the fee at the window for this session; an open order is cancelled. */
  z.strictObject({ action: z.literal('payAtWindow'), on: z.literal(true) }),
]);

const jpegFrameSchema = z.strictObject({
  mediaType: z.literal('image/jpeg'),
  base64: z.string().max(Math.ceil(MAX_FACE_FRAME_BYTES / 3) * 4),
});

/** What the face engine may answer with, besides a method's own errors. */
const FACE_ERRORS = [
  'no_session',
  'face_unavailable',
  'face_timeout',
  'face_engine_failed',
  'image_unreadable',
  'image_too_large',
] as const;

export const serviceSummarySchema = z.strictObject({
  id: z.string(),
  category: categorySchema,
  name: localTextSchema,
  summary: localTextSchema,
  feeText: localTextSchema,
  /** Shortest and longest time limit in working days (0 = on the spot) over the item's cases. */
  timeLimit: z.strictObject({
    min: z.number(),
    max: z.number(),
    /** Set where the item's one limit is counted in calendar days (居住证 15日). */
    calendarDays: z.number().optional(),
  }),
  /** What the home screen's search matches (全拼, 拼音首字母, the Chinese words); computed in the main process. */
  searchKeys: z.strictObject({ full: z.string(), initials: z.string(), text: z.string() }),
});

/** A slip's state for whoever holds it at the kiosk: no name, no ID number, nothing personal. */
export const applicationStatusViewSchema = z.strictObject({
  applicationNo: applicationNoSchema,
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
  /** Payment orders not settled yet, and paid ones a person must refund (a refused reversal). */
  payments: z.array(
    z.strictObject({
      orderNo: z.string(),
      applicationNo: z.string(),
      amountFen: z.number().int(),
      state: z.enum(PAYMENT_STATES),
      attention: z.enum(['reversal_refused']).nullable(),
    }),
  ),
});

const frameEntrySchema = z.strictObject({
  at: z.string(),
  dir: z.enum(['tx', 'rx', 'note']),
  text: z.string(),
});

const ruleProblemSchema = z.strictObject({
  file: z.string(),
  action: z.enum(['refused', 'using-last-good']),
  problems: z.array(z.strictObject({ path: z.string(), message: z.string() })),
});

const readinessCheckSchema = z.strictObject({
  name: z.string(),
  ok: z.boolean(),
  /** `warn`: holds, but a citizen misses something (no voice, no back office) or it needs a technician soon. */
  level: z.enum(['ok', 'warn', 'fail']),
  /** English, for the exported report and a technician's tools. */
  detail: z.string(),
  /** The same for the diagnostics screen, in the kiosk's language (core/readiness-words.ts). */
  words: readinessWordsSchema.optional(),
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
    /** Audit entries held in memory because the disk refused them; 0 normally. */
    auditWaiting: z.number(),
  }),
  ruleProblems: z.array(ruleProblemSchema),
  checks: z.array(readinessCheckSchema),
  /** Per simulated device: each fault a technician can switch, and whether it is on now. */
  demoFaults: z.record(z.string(), z.array(z.strictObject({ fault: z.string(), on: z.boolean() }))),
});

/** Anyone at the screen; staff signed in with a PIN; technicians only. */
const ANYONE = ['citizen', 'guide', 'technician'] as const satisfies readonly CallerRole[];
const STAFF = ['guide', 'technician'] as const satisfies readonly CallerRole[];
const TECHNICIAN = ['technician'] as const satisfies readonly CallerRole[];

/** What every method may answer besides its own errors: set by dispatch and the transports. */
export const COMMON_ERRORS = [
  'bad_input',
  'internal',
  'staff_locked',
  'unknown_method',
  'transport',
] as const;
export type CommonErrorCode = (typeof COMMON_ERRORS)[number];

const DEMO_ERRORS = ['not_demo'] as const;
const PAYMENT_ERRORS = [
  'no_session',
  'no_slip',
  'payment_unavailable',
  'payment_settled',
  'payment_unknown',
] as const;

const SUBMIT_ERRORS = [
  'no_session',
  'unknown_service',
  'photo_missing',
  'identity_missing',
  'identity_not_accepted',
  'identity_expired',
  'invalid_application',
  'disk_full',
  'store_failed',
] as const;

interface MethodSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
  readonly roles: readonly CallerRole[];
  readonly errors: readonly string[];
}

export const methods = {
  getKioskInfo: { input: empty, output: kioskInfoSchema, roles: ANYONE, errors: [] },
  /** The characters a drawing on the handwriting pad (1000 × 1000) most likely is, best first. */
  recognizeHandwriting: {
    input: z.strictObject({
      strokes: z
        .array(
          z
            .array(z.tuple([z.number().int().min(0).max(1000), z.number().int().min(0).max(1000)]))
            .max(HANDWRITING_MAX_POINTS),
        )
        .max(HANDWRITING_MAX_STROKES),
    }),
    output: z.strictObject({ candidates: z.array(z.string().max(4)).max(20) }),
    roles: ANYONE,
    /** `handwriting_superseded`: a newer drawing was sent; its answer is the one that counts. */
    errors: ['handwriting_unavailable', 'handwriting_superseded'],
  },
  /**
   * A sentence said by the kiosk's own voice, for a system without a speech voice: a
   * control the audio mode reached, a prompt with no recording, the citizen's details on
   * their tap. `personal` sentences are not kept after they are said.
   */
  synthesizeSpeech: {
    input: z.strictObject({
      text: z.string().min(1).max(SPEECH_MAX_CHARS),
      locale: z.enum(SPEECH_LOCALES),
      personal: z.boolean(),
    }),
    // 16-bit mono at 22 050 Hz: the longest sentence is well under a minute of sound.
    output: z.strictObject({
      mediaType: z.literal('audio/wav'),
      base64: z.string().max(8 * 1024 * 1024),
    }),
    roles: ANYONE,
    /** `speech_superseded`: a newer sentence was asked for before this one's turn; it was not made. */
    errors: ['speech_unavailable', 'speech_failed', 'speech_superseded'],
  },
  listServices: {
    input: empty,
    output: z.array(serviceSummarySchema),
    roles: ANYONE,
    errors: [],
  },
  getService: {
    input: z.strictObject({ serviceId: serviceIdSchema }),
    output: serviceRuleSchema,
    roles: ANYONE,
    errors: ['unknown_service'],
  },
  startSession: {
    input: z.strictObject({ serviceId: serviceIdSchema }),
    output: z.strictObject({
      sessionId: z.string(),
      /**
       * A card already lay on the reader: it is read again for this session,
       * and the screen asks whether it is the citizen's own before using it.
       */
      cardOnReader: z.boolean(),
    }),
    roles: ANYONE,
    errors: ['unknown_service'],
  },
  endSession: {
    input: z.strictObject({ reason: z.enum(['finished', 'cancelled', 'idle', 'guide']) }),
    /** A card is still on the reader: the screen asks to take it until it is lifted. */
    output: z.strictObject({ cardOnReader: z.boolean() }),
    roles: ANYONE,
    errors: [],
  },
  getSessionIdentity: {
    input: empty,
    output: z.strictObject({ identity: identitySchema.nullable() }),
    roles: ANYONE,
    errors: [],
  },
  /** The photo of the card read in this session, when a decoder turned it into a picture. */
  getCardPhoto: {
    input: empty,
    output: z
      .strictObject({
        mediaType: z.enum(['image/png', 'image/jpeg', 'image/bmp']),
        base64: z.string().max(Math.ceil(MAX_CARD_IMAGE_BYTES / 3) * 4),
      })
      .nullable(),
    roles: ANYONE,
    errors: [],
  },
  submitApplication: {
    input: z.strictObject({
      serviceId: serviceIdSchema,
      answers: z.record(z.string().max(64), z.string().max(2000)),
      /** Per material id: scanned/photographed here, will bring it, or does not have it. */
      materials: z.record(z.string().max(64), materialDeclarationSchema).default({}),
      /** The citizen has no card with them and typed name and ID number (补领). */
      manualEntry: z.boolean().default(false),
      /** Drawn on the review screen; null when the form is signed by hand at the window. */
      signature: signatureSchema.nullable().default(null),
      /**
       * The renderer prints the slip itself (printSlip with its translation), once it has
       * drawn the lines in the citizen's Uyghur or Tibetan: the submit does not print.
       */
      deferPrint: z.boolean().default(false),
    }),
    output: slipSchema,
    roles: ANYONE,
    errors: SUBMIT_ERRORS,
  },
  /**
   * 缴费 at the kiosk for the application this session submitted: its order (the paid or
   * open one, else a new one priced from the signed rules). The renderer never names an
   * order: every payment method acts on this session's own.
   */
  openPayment: {
    input: empty,
    output: paymentViewSchema,
    roles: ANYONE,
    /** `payment_unavailable`: not on for this item, no fee, or no back office. */
    errors: PAYMENT_ERRORS,
  },
  /** B 扫 C: what the kiosk's scanner read from the citizen's phone (the 付款码); never stored. */
  payByCode: {
    input: z.strictObject({ text: z.string().max(256) }),
    output: paymentViewSchema,
    roles: ANYONE,
    /** `payment_code_invalid` says what the text was instead (its facts, `core/api/error-facts.ts`). */
    errors: [...PAYMENT_ERRORS, 'payment_code_invalid'],
  },
  /** C 扫 B: a QR on screen for the citizen's phone. */
  payByQr: { input: empty, output: paymentViewSchema, roles: ANYONE, errors: PAYMENT_ERRORS },
  /** Where the order stands, asked while the screen waits (bounded: past it the kiosk cancels). */
  lookPayment: { input: empty, output: paymentViewSchema, roles: ANYONE, errors: PAYMENT_ERRORS },
  /** 到窗口缴费, or the citizen left the payment screen: cancelled, or reversed if it went through. */
  leavePayment: {
    input: z.strictObject({ reason: z.enum(['window', 'left']) }),
    output: paymentViewSchema,
    roles: ANYONE,
    errors: PAYMENT_ERRORS,
  },
  /**
   * After paying (or not): the slip with the payment, and for 再次签注 the endorsement
   * issued here or why not. Then printSlip prints it.
   */
  finishPayment: {
    input: empty,
    output: slipSchema,
    roles: ANYONE,
    errors: ['no_session', 'no_slip'],
  },
  /** 好差评 for the application this session submitted: once; sent to the back office through its own queue. */
  rateService: {
    input: ratingSchema,
    output: empty,
    roles: ANYONE,
    errors: ['no_session', 'no_slip', 'already_rated'],
  },
  /** Typed number or the slip's QR text (`GAKIOSK:<no>`). */
  getApplicationStatus: {
    input: z.strictObject({ applicationNo: z.string().max(80) }),
    output: applicationStatusViewSchema,
    roles: ANYONE,
    errors: ['bad_application_number', 'not_found'],
  },
  /** What a hall guide does for the citizen in this session; audited. */
  guideAction: {
    input: guideActionSchema,
    output: assistanceSchema,
    roles: STAFF,
    errors: ['no_session', 'unknown_reason'],
  },
  /** A photo of a material from the document camera, kept in the session until submission. */
  addCapture: {
    input: z.strictObject({
      materialId: z.string().max(64),
      mediaType: z.literal('image/jpeg'),
      dataBase64: z.string().max(Math.ceil(MAX_CAPTURE_BYTES / 3) * 4),
    }),
    output: z.strictObject({ captureId: z.string(), size: z.number(), sha256: z.string() }),
    roles: ANYONE,
    errors: ['no_session', 'unknown_material', 'bad_photo', 'too_many_photos'],
  },
  /** The citizen read the camera notice and chose the camera or the window, for 人证核验 or the 证件照 (or the camera failed); audited. */
  faceConsent: {
    input: z.strictObject({
      purpose: z.enum(['verify', 'photo']),
      /** `camera_failed`: the camera would not open or went away; the step goes to the window. */
      choice: z.enum(['camera', 'window', 'camera_failed']),
    }),
    output: empty,
    roles: ANYONE,
    errors: ['no_session'],
  },
  /** One camera frame of 人证核验; the verdict is the main process's, from the frames it received. */
  verifyFace: {
    input: z.strictObject({ image: jpegFrameSchema }),
    output: z.strictObject({
      stage: z.enum(['looking', 'blink', 'retry', 'passed', 'failed', 'not_possible']),
      advice: z.enum(['no_face', 'one_person', 'blink', 'not_matched', 'too_slow']).nullable(),
      triesLeft: z.number().int().min(0),
    }),
    roles: ANYONE,
    errors: FACE_ERRORS,
  },
  /** Guidance for the 证件照 from one frame: ready to take, or the first thing to fix. */
  photoFrame: {
    input: z.strictObject({
      image: jpegFrameSchema,
      /** Camera pixels per pixel of this frame (a preview frame is sent smaller than the camera's). */
      cameraScale: z.number().min(0.25).max(8),
    }),
    output: z.strictObject({
      ready: z.boolean(),
      advice: z.enum(PHOTO_ADVICE).nullable(),
      failing: z.array(z.enum(PHOTO_CHECK_IDS)),
    }),
    roles: ANYONE,
    errors: [...FACE_ERRORS, 'no_portrait'],
  },
  /** The frame the kiosk keeps, judged again and cut to the standard: shown for 使用这张 / 重拍. */
  capturePortrait: {
    input: z.strictObject({ image: jpegFrameSchema }),
    output: z.strictObject({
      photo: z.strictObject({
        mediaType: z.literal('image/jpeg'),
        base64: z.string().max(Math.ceil(MAX_FACE_FRAME_BYTES / 3) * 4),
      }),
      standard: z.enum(['exit-entry', 'id-card']),
      width: z.number().int(),
      height: z.number().int(),
      bytes: z.number().int(),
    }),
    roles: ANYONE,
    /** `photo_not_compliant` names each failing check and what to do (its facts). */
    errors: [...FACE_ERRORS, 'no_portrait', 'photo_not_compliant'],
  },
  /** 使用这张 (keep: the photo becomes the material's) or 重拍 (thrown away). */
  keepPortrait: {
    input: z.strictObject({ keep: z.boolean() }),
    output: z.strictObject({ kept: z.boolean() }),
    roles: ANYONE,
    errors: ['no_session'],
  },
  removeCapture: {
    input: z.strictObject({ captureId: z.string().max(64) }),
    output: empty,
    roles: ANYONE,
    errors: ['no_session', 'no_such_photo'],
  },
  /** Checked before the citizen confirms: can this kiosk store one more application? */
  checkStorage: {
    input: empty,
    output: z.strictObject({ ok: z.boolean(), freeMb: z.number(), minFreeMb: z.number() }),
    roles: ANYONE,
    errors: [],
  },
  /** The outbox at a glance, no personal data. */
  getQueueStatus: { input: empty, output: queueStatusSchema, roles: STAFF, errors: [] },
  /** Send everything waiting now. */
  syncNow: {
    input: empty,
    output: z.strictObject({ due: z.number() }),
    roles: STAFF,
    errors: ['no_back_office'],
  },
  /** Which devices work, for the citizen's screens; details are in getDiagnostics. */
  listDevices: { input: empty, output: z.array(deviceStatusSchema), roles: ANYONE, errors: [] },
  /** Rule files refused at start-up: which file, what is wrong, what the kiosk did. */
  listRuleProblems: {
    input: empty,
    output: z.array(ruleProblemSchema),
    roles: TECHNICIAN,
    errors: [],
  },
  /** 呼叫工作人员: a guide is called to this kiosk (the queue view and the back office's heartbeat); audited. */
  callStaff: {
    input: helpRequestSchema.pick({ screen: true }),
    output: helpRequestSchema,
    roles: ANYONE,
    errors: [],
  },
  /** The open call, if any: the citizen's screen says help is coming, the guide's queue shows it. */
  getHelpRequest: { input: empty, output: helpRequestSchema.nullable(), roles: ANYONE, errors: [] },
  /** The guide came: the call is closed. */
  answerStaffCall: {
    input: empty,
    output: z.strictObject({ answered: z.boolean() }),
    roles: STAFF,
    errors: [],
  },
  staffUnlock: {
    input: z.strictObject({ role: staffRoleSchema, pin: z.string().regex(PIN_PATTERN) }),
    output: z.strictObject({ role: staffRoleSchema }),
    roles: ANYONE,
    errors: ['no_pin_configured', 'wrong_pin', 'locked_out'],
  },
  staffLock: { input: empty, output: empty, roles: ANYONE, errors: [] },
  staffStatus: {
    input: empty,
    output: z.strictObject({ role: staffRoleSchema.nullable() }),
    roles: ANYONE,
    errors: [],
  },
  getDiagnostics: { input: empty, output: diagnosticsSchema, roles: TECHNICIAN, errors: [] },
  deviceSelfTest: {
    input: z.strictObject({ deviceId: z.string().max(32) }),
    output: z.strictObject({
      code: z.enum(SELF_TEST_CODES),
      summary: z.string(),
      facts: z.record(z.string(), z.string()),
    }),
    roles: TECHNICIAN,
    errors: ['unknown_device', 'self_test_failed'],
  },
  getFrameLog: {
    input: z.strictObject({ deviceId: z.string().max(32) }),
    output: z.array(frameEntrySchema),
    roles: TECHNICIAN,
    errors: ['unknown_device'],
  },
  exportReadinessReport: {
    input: empty,
    output: z.strictObject({
      path: z.string(),
      ready: z.boolean(),
      checks: z.array(readinessCheckSchema),
    }),
    roles: TECHNICIAN,
    errors: ['write_failed'],
  },
  /** The A4 application form on the system printer (Electron); `no_system_printer` in a browser. */
  printForm: {
    input: empty,
    output: z.strictObject({ printer: z.string() }),
    roles: ANYONE,
    errors: ['no_slip', 'no_system_printer', 'print_failed'],
  },
  /** Prints the session's slip again, e.g. after paper was refilled. */
  printSlip: {
    input: z.strictObject({
      /** The slip's lines in the citizen's Uyghur or Tibetan, drawn by the renderer; printed under the Chinese. */
      translation: receiptImageSchema.nullable().default(null),
    }),
    output: printOutcomeSchema,
    roles: ANYONE,
    /** `print_limit`: printed MAX_SLIP_COPIES times already; the window gives a copy. */
    errors: ['no_slip', 'print_limit'],
  },
  /**
   * The 一次性告知单 of a citizen the rules stop at a question or at the card: the kiosk evaluates the answers
   * again with the session's card and prints the refusal and its basis only where its own rules
   * make that refusal. Nothing about the person is printed.
   */
  printRefusal: {
    input: z.strictObject({
      serviceId: serviceIdSchema,
      /** null: the card itself is refused (expired, or of a kind the item does not take). */
      questionId: z.string().max(64).nullable(),
      answers: z.record(z.string().max(64), z.string().max(2000)),
      manualEntry: z.boolean().default(false),
    }),
    output: printOutcomeSchema,
    roles: ANYONE,
    /** `print_limit`: printed MAX_REFUSAL_COPIES times (or tried MAX_REFUSAL_ATTEMPTS) in this session already. */
    errors: ['no_session', 'unknown_service', 'not_refused', 'print_limit'],
  },
  demoSetFault: {
    input: z.strictObject({
      deviceId: z.string().max(32),
      fault: z.string().max(32),
      on: z.boolean(),
    }),
    output: empty,
    roles: ANYONE,
    errors: [...DEMO_ERRORS, 'unknown_fault', 'not_simulated', 'not_supported'],
  },
  demoListCards: {
    input: empty,
    // With what lies on the reader now: a dock opened later (a reload) starts from the truth, not from "empty".
    output: z.strictObject({
      cards: z.array(z.strictObject({ id: z.string(), label: localTextSchema })),
      cardOnReader: z.boolean(),
    }),
    roles: ANYONE,
    errors: DEMO_ERRORS,
  },
  demoPlaceCard: {
    input: z.strictObject({ cardId: z.string().max(32) }),
    output: empty,
    roles: ANYONE,
    errors: [...DEMO_ERRORS, 'unknown_card'],
  },
  demoRemoveCard: { input: empty, output: empty, roles: ANYONE, errors: DEMO_ERRORS },
  demoScan: {
    input: z.strictObject({ text: z.string().min(1).max(4096) }),
    output: empty,
    roles: ANYONE,
    errors: [...DEMO_ERRORS, 'no_simulated_scanner'],
  },
} as const satisfies Record<MethodName, MethodSpec>;

export const events = {
  cardPresent: empty,
  cardRead: z.strictObject({ identity: identitySchema }),
  cardRemoved: empty,
  cardError: z.strictObject({ problem: cardProblemSchema }),
  scan: z.strictObject({ deviceId: z.string(), text: z.string() }),
  devicesChanged: z.array(deviceStatusSchema),
  /** The call for a hall guide opened (the request) or was answered (null). */
  helpRequest: helpRequestSchema.nullable(),
  /** A newer signed rule bundle was applied between sessions: services, fees and calendar reload. */
  rulesChanged: z.strictObject({ version: z.string().nullable() }),
  /** A staff sign-in began or ended (signed out, inactive, or its citizen session is over). */
  staffChanged: z.strictObject({ role: staffRoleSchema.nullable() }),
} as const satisfies Record<EventName, z.ZodType>;

export type { EventName, MethodName } from './names';
export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>;
export type MethodArgs<M extends MethodName> = z.output<(typeof methods)[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<(typeof methods)[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** The codes a method answers with: its own, declared above, and the common ones. */
export type MethodErrorCode<M extends MethodName> = (typeof methods)[M]['errors'][number];
export type ErrorCode<M extends MethodName> = MethodErrorCode<M> | CommonErrorCode;
export type MethodResult<M extends MethodName> = Result<
  MethodOutput<M>,
  ContractError<ErrorCode<M>>
>;

export const isMethodName = (name: string): name is MethodName =>
  (METHOD_NAMES as readonly string[]).includes(name);

/** May `role` call `method`? Checked in one place, dispatch. */
export const mayCall = (method: MethodName, role: CallerRole): boolean =>
  (methods[method].roles as readonly CallerRole[]).includes(role);

/** What the renderer calls: `window.kiosk` in Electron, the web client in a browser. */
export type KioskApi = {
  readonly [M in MethodName]: (input: MethodInput<M>) => Promise<MethodResult<M>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Who made a call, as dispatch decided it: a handler never guesses the role again. */
export interface Caller {
  readonly role: CallerRole;
}

/** What the main process implements: inputs arrive validated, and only from a caller the method allows. */
export type KioskHandlers = {
  readonly [M in MethodName]: (
    input: MethodArgs<M>,
    caller: Caller,
  ) => Promise<Result<MethodOutput<M>, ContractError<MethodErrorCode<M>>>>;
};

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export type KioskInfo = MethodOutput<'getKioskInfo'>;
export type ServiceSummary = z.output<typeof serviceSummarySchema>;
export type DeviceHealthView = z.output<typeof deviceHealthSchema>;
export type DeviceStatusView = z.output<typeof deviceStatusSchema>;
export type GuideAction = z.output<typeof guideActionSchema>;
export type ApplicationStatusView = z.output<typeof applicationStatusViewSchema>;
export type QueueStatus = z.output<typeof queueStatusSchema>;
export type { Assistance } from '../assistance';
export type { Slip } from '../slip';
