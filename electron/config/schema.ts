import { z } from 'zod';

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

export const deviceConfigSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'use lower-case letters, digits and "-" (at most 32)'),
  kind: deviceKindSchema,
  transport: transportSchema,
  /** Model-specific knobs (poll interval, terminator, paper width …) live here, not in code. */
  options: z.record(z.string(), z.unknown()).default({}),
});

/** `scrypt$N$r$p$<salt b64>$<hash b64>`; produced by `npm run pin:hash`. */
const pinHash = z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, {
  message: 'expected a PIN hash made by `npm run pin:hash` (scrypt$N$r$p$salt$hash)',
});

export const staffSchema = z.strictObject({
  guidePinHash: pinHash.optional(),
  technicianPinHash: pinHash.optional(),
});

export const backOfficeSchema = z.strictObject({
  url: z.url({ protocol: /^https$/, error: 'the back office must be an https:// URL' }),
  caFile: nonEmpty,
  certFile: nonEmpty,
  keyFile: nonEmpty,
});

export const kioskConfigSchema = z
  .strictObject({
    station: z.strictObject({
      code: z.string().regex(/^\d{6,12}$/, 'the station code is 6 to 12 digits'),
      name: nonEmpty,
      address: nonEmpty,
      phone: nonEmpty,
      complaintPhone: nonEmpty.default('12389'),
      desk: nonEmpty.optional(),
    }),
    kioskId: z.string().regex(/^[A-Za-z0-9-]{1,32}$/, 'use letters, digits and "-" (at most 32)'),
    devices: z.array(deviceConfigSchema).default([]),
    backOffice: backOfficeSchema.nullable().default(null),
    staff: staffSchema.default({}),
    idle: z
      .strictObject({
        timeoutSeconds: z.number().int().min(5).max(3600).default(90),
        countdownSeconds: z.number().int().min(3).max(300).default(20),
      })
      .default({ timeoutSeconds: 90, countdownSeconds: 20 }),
    defaultLocale: z.enum(['zh-CN', 'en']).default('zh-CN'),
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
  });

export type KioskConfig = z.output<typeof kioskConfigSchema>;
export type DeviceConfig = z.output<typeof deviceConfigSchema>;
export type DeviceKind = z.output<typeof deviceKindSchema>;
export type TransportConfig = z.output<typeof transportSchema>;
