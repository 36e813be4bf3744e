import { z } from 'zod';
import { dutyShiftSchema } from '../../core/duty-roster';
import { LOCALES } from '../../core/i18n';

const nonEmpty = z.string().trim().min(1);

const serialTransport = z.strictObject({
  type: z.literal('serial'),
  path: nonEmpty,
  baudRate: z.number().int().positive().default(115200),
});

const hidTransport = z.strictObject({
  type: z.literal('hid'),
  vendorId: z.number().int().min(0).max(0xffff),
  productId: z.number().int().min(0).max(0xffff),
  usagePage: z.number().int().min(0).max(0xffff).optional(),
});

const simulatedTransport = z.strictObject({ type: z.literal('simulated') });

export const transportSchema = z.discriminatedUnion('type', [
  serialTransport,
  hidTransport,
  simulatedTransport,
]);

export const deviceKindSchema = z.enum(['idcard', 'scanner', 'printer', 'camera']);

const deviceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'use lower-case letters, digits and "-" (at most 32)');

/** HID report framing: model-specific, so it lives in config (docs/DEVICES.md §2). */
const hidReportOptions = {
  reportSize: z.number().int().min(8).max(1024).default(64),
  outputReportId: z.number().int().min(0).max(255).default(0),
  inputReportId: z.number().int().min(0).max(255).optional(),
};

/** A model's differences live here, not in code; every knob has a default that suits common devices. */
export const deviceConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: deviceId,
    kind: z.literal('idcard'),
    transport: transportSchema,
    options: z
      .strictObject({
        pollIntervalMs: z.number().int().min(50).max(5000).default(300),
        replyTimeoutMs: z.number().int().min(100).max(10_000).default(1500),
        missesForRemoval: z.number().int().min(1).max(10).default(2),
        /**
         * A licensed WLT photo decoder, run as its own program: the card's photo
         * bytes on stdin, a PNG, JPEG or BMP on stdout. Without one the screen
         * shows a placeholder.
         */
        photoDecoder: z
          .strictObject({
            command: z.string().min(1).max(1024),
            args: z.array(z.string().max(1024)).max(16).default([]),
            timeoutMs: z.number().int().min(200).max(10_000).default(3000),
          })
          .optional(),
      })
      .prefault({}),
  }),
  z.strictObject({
    id: deviceId,
    kind: z.literal('scanner'),
    transport: transportSchema,
    options: z
      .strictObject({
        protocol: z.enum(['plain', 'honeywell', 'zebra-ssi']).default('plain'),
        terminator: z.enum(['CR', 'LF', 'CRLF']).default('CR'),
        aimPrefix: z.boolean().default(false),
        ...hidReportOptions,
      })
      .prefault({}),
  }),
  z.strictObject({
    id: deviceId,
    kind: z.literal('printer'),
    transport: transportSchema,
    options: z
      .strictObject({
        paperWidthMm: z.union([z.literal(58), z.literal(80)]).default(58),
        replyTimeoutMs: z.number().int().min(100).max(10_000).default(1000),
        chunkBytes: z.number().int().min(16).max(65_536).default(512),
        statusIntervalMs: z.number().int().min(1000).max(600_000).default(15_000),
        ...hidReportOptions,
      })
      .prefault({}),
  }),
  z.strictObject({
    id: deviceId,
    kind: z.literal('camera'),
    transport: simulatedTransport.or(
      z.strictObject({ type: z.literal('uvc'), label: z.string().optional() }),
    ),
    options: z.strictObject({}).default({}),
  }),
]);

/** `scrypt$N$r$p$<salt b64>$<hash b64>`; produced by `npm run pin:hash`. */
const pinHash = z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, {
  message: 'expected a PIN hash made by `npm run pin:hash` (scrypt$N$r$p$salt$hash)',
});

export const staffSchema = z.strictObject({
  guidePinHash: pinHash.optional(),
  technicianPinHash: pinHash.optional(),
  /** Wrong PINs (either role) allowed before sign-in locks; the lock then doubles with every further wrong PIN. */
  freeAttempts: z.number().int().min(1).max(10).default(3),
  firstLockoutSeconds: z.number().int().min(1).max(3600).default(30),
  maxLockoutSeconds: z.number().int().min(1).max(86_400).default(3600),
  /** A signed-in guide or technician who stops touching the kiosk is signed out after this long. */
  guideAutoLockSeconds: z.number().int().min(30).max(7200).default(900),
  technicianAutoLockSeconds: z.number().int().min(30).max(7200).default(600),
});

export const backOfficeSchema = z.strictObject({
  url: z.url({ protocol: /^https$/, error: 'the back office must be an https:// URL' }),
  caFile: nonEmpty,
  certFile: nonEmpty,
  keyFile: nonEmpty,
});

/** An Ed25519 public key trusted to sign rule bundles: SPKI DER in base64 (`npm run rules:sign` prints it). */
export const trustedKeySchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'a key id is letters, digits, ".", "_" and "-"'),
  publicKey: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'the public key in base64 (SPKI DER)'),
});

export const rulesConfigSchema = z.strictObject({
  /**
   * `required`: only a bundle signed by a trusted key, reviewed and newer than
   * the last one is used (the default in a packaged kiosk); `optional`: the
   * rules folder as it is (development, `npm start`).
   */
  signature: z.enum(['required', 'optional']).optional(),
  trustedKeys: z.array(trustedKeySchema).default([]),
});

export const kioskConfigSchema = z
  .strictObject({
    station: z.strictObject({
      /** The organ code: it starts with the station's GB/T 2260 region, whose province the rules compare (跨省异地). */
      code: z.string().regex(/^\d{6,12}$/, 'the station code is 6 to 12 digits'),
      name: nonEmpty,
      address: nonEmpty,
      phone: nonEmpty,
      complaintPhone: nonEmpty.default('12389'),
      desk: nonEmpty.optional(),
      /** 首接责任制: the duty officers' phone by weekday and hours; the slip names the one on duty. */
      dutyRoster: z.array(dutyShiftSchema).max(50).default([]),
    }),
    kioskId: z.string().regex(/^[A-Za-z0-9-]{1,32}$/, 'use letters, digits and "-" (at most 32)'),
    devices: z.array(deviceConfigSchema).default([]),
    backOffice: backOfficeSchema.nullable().default(null),
    rules: rulesConfigSchema.prefault({}),
    staff: staffSchema.prefault({}),
    idle: z
      .strictObject({
        timeoutSeconds: z.number().int().min(5).max(3600).default(90),
        countdownSeconds: z.number().int().min(3).max(300).default(20),
        /** 长辈版: older citizens read and decide more slowly; never less than three minutes. */
        elderTimeoutSeconds: z.number().int().min(180).max(3600).default(180),
        elderCountdownSeconds: z.number().int().min(10).max(300).default(30),
      })
      .prefault({}),
    /**
     * A demonstration kiosk: the demo dock on screen and its methods (place a
     * fictional card, simulate a scan, set device faults). Never for a station:
     * with it anyone at the screen can feed the kiosk a card. A station config
     * may still simulate a device it lacks; that alone opens none of this.
     */
    demo: z.boolean().default(false),
    /**
     * The camera looks at the citizen (a `camera` device): 人证核验 against the
     * card's photo, and the 证件照 taken to its standard. Off unless a station turns
     * it on; the journeys then end at the window for both, as before.
     */
    face: z
      .strictObject({
        enabled: z.boolean().default(false),
        /**
         * Similarity (0–1) a live face must reach against the card's photo. 0.55 gave
         * 1 false accept in 284 impostor pairs and 5 false rejects in 52 genuine ones
         * (README, "人证核验"): raise it to accept fewer strangers, lower to refuse fewer owners.
         */
        threshold: z.number().min(0.3).max(0.95).default(0.55),
        /** Tries before the journey goes on as 未核验 (请到窗口核验身份). */
        tries: z.number().int().min(1).max(5).default(3),
        /** How long one try waits for the blink before it counts as failed. */
        livenessSeconds: z.number().int().min(3).max(60).default(12),
        /** 居民身份证 photos are taken at the kiosk only where the station agreed it (items with stationOptIn). */
        idCardPhoto: z.boolean().default(false),
        /** One analysis (a frame, a photo) may take this long; longer and the engine is restarted. */
        timeoutMs: z.number().int().min(500).max(60_000).default(5000),
        /** Loading the models on first use (a cold start). */
        loadTimeoutMs: z.number().int().min(1000).max(120_000).default(20_000),
      })
      .prefault({}),
    /**
     * 缴费 at the kiosk through the back office's payment service (never a payment SDK
     * or merchant key here): on for the items listed, where a back office is configured.
     * Off, or for another item, the slip says where to pay, as before.
     */
    payment: z
      .strictObject({
        enabled: z.boolean().default(false),
        /** Service ids whose fee the kiosk takes (hk-macau-endorsement, passport-first …). */
        services: z.array(z.string().max(64)).default([]),
        /** How long the kiosk waits for the citizen's phone (a password, a scan) before it cancels. */
        payingSeconds: z.number().int().min(15).max(600).default(90),
      })
      .prefault({}),
    defaultLocale: z.enum(LOCALES).default('zh-CN'),
    /**
     * The languages the header offers, in this order. Chinese is always offered
     * (it is the window's language); Uyghur (ug) and Tibetan (bo) are for
     * stations that serve citizens who read them — their catalogs are partial
     * and a station enables them once its translator has reviewed them.
     */
    languages: z.array(z.enum(LOCALES)).min(1).default(['zh-CN', 'en']),
    printing: z
      .strictObject({
        /** The system printer for the A4 application form; null = the system's default printer. */
        a4PrinterName: z.string().min(1).nullable().default(null),
      })
      .prefault({}),
    storage: z
      .strictObject({
        /**
         * Electron keeps the data key wrapped by the OS keyring (safeStorage). Linux
         * without a keyring falls back to "basic_text", which protects nothing; the
         * kiosk then refuses to start unless IT accepts a 0600 key file here.
         */
        allowKeyFile: z.boolean().default(false),
        /** Below this much free space the kiosk stops taking applications and says so before confirming. */
        minFreeMb: z.number().int().min(1).max(1_000_000_000).default(200),
        /** How long a finished application's status (no personal data) stays for lookup. */
        statusRetentionDays: z.number().int().min(1).max(3650).default(90),
      })
      .prefault({}),
    sync: z
      .strictObject({
        /** Applications sent at once. */
        concurrency: z.number().int().min(1).max(16).default(4),
        heartbeatSeconds: z.number().int().min(5).max(3600).default(60),
        retryBaseMs: z.number().int().min(10).max(600_000).default(2000),
        retryCapMs: z.number().int().min(100).max(86_400_000).default(300_000),
        requestTimeoutMs: z.number().int().min(500).max(600_000).default(30_000),
        /** A status lookup waits this long for the back office before answering from the kiosk's record. */
        statusTimeoutMs: z.number().int().min(200).max(30_000).default(3000),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.devices.forEach((device, index) => {
      if (seen.has(device.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['devices', index, 'id'],
          message: `device id "${device.id}" is used twice`,
        });
      }
      seen.add(device.id);
    });
    if (!config.languages.includes('zh-CN')) {
      ctx.addIssue({
        code: 'custom',
        path: ['languages'],
        message: 'languages must include zh-CN',
      });
    }
    if (new Set(config.languages).size !== config.languages.length) {
      ctx.addIssue({ code: 'custom', path: ['languages'], message: 'a language is listed twice' });
    }
    if (!config.languages.includes(config.defaultLocale)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultLocale'],
        message: `defaultLocale "${config.defaultLocale}" is not one of languages`,
      });
    }
  });

export type KioskConfig = z.output<typeof kioskConfigSchema>;
export type DeviceConfig = z.output<typeof deviceConfigSchema>;
export type SyncConfig = KioskConfig['sync'];
export type BackOfficeConfig = z.output<typeof backOfficeSchema>;
export type DeviceConfigOf<K extends DeviceKind> = Extract<DeviceConfig, { kind: K }>;
export type DeviceKind = z.output<typeof deviceKindSchema>;
export type TransportConfig = z.output<typeof transportSchema>;
