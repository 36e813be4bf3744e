import { z } from 'zod';

/**
 * What a readiness line says, as words the screen can put in the kiosk's
 * language: which check (`name`), what it saw (`detail`) and its values. The
 * exported report and `police-kiosk readiness` keep their English `detail` for
 * a technician's tools; the diagnostics screen reads these instead, so a
 * station's staff read Chinese there.
 */
export const READINESS_NAMES = [
  'device',
  'rules',
  'disk',
  'face',
  'demo',
  'simulated',
  'signatures',
  'keyFile',
  'auditKey',
  'backOffice',
  'voice',
  'handwriting',
] as const;

export const READINESS_DETAILS = [
  'device',
  'rules',
  'diskFree',
  'diskUnknown',
  'faceOff',
  'faceNoEngine',
  'faceNoCamera',
  'faceReady',
  'faceLoaded',
  'demo',
  'simulated',
  'unsignedRules',
  'keyFile',
  'auditKeyExport',
  'auditKeyHeartbeat',
  'backOfficeNone',
  'backOfficeDown',
  'backOfficeUp',
  'voiceOk',
  'voiceMissing',
  'handwritingOk',
  'handwritingMissing',
] as const;

export const readinessWordsSchema = z.strictObject({
  name: z.enum(READINESS_NAMES),
  detail: z.enum(READINESS_DETAILS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ReadinessWords = z.output<typeof readinessWordsSchema>;

export const readinessWords = (
  name: ReadinessWords['name'],
  detail: ReadinessWords['detail'],
  params: ReadinessWords['params'] = {},
): ReadinessWords => ({ name, detail, params });
