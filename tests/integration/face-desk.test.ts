import { serviceId } from '../service-id';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock';
import { openAuditLog, type AuditLog } from '../../electron/audit/audit-log';
import { kioskConfigSchema } from '../../electron/config/schema';
import { defaultConfig } from '../../electron/config/default';
import { encodeJpeg } from '../../electron/face/codec';
import type { FaceEngine } from '../../electron/face/engine';
import { createFaceDesk, type FaceDesk } from '../../electron/kiosk/face-desk';
import { createSessionKeeper } from '../../electron/kiosk/session';
import { createLogger } from '../../electron/shared/log';
import type { Material } from '../../rules/engine/schema';
import { testFaceEngine } from '../fixtures/face-engine';
import { cardPhotoOf, compliantFranck, FRANCK } from '../fixtures/faces';

/**
 * The face desk (the main process's 人证核验 and 证件照) with the real face
 * thread: what the card reader's decoder may hand it, and what a session
 * holds of the citizen's face and lets go of.
 */
const clock = manualClock(new Date('2026-06-15T02:00:00Z'));
const dir = mkdtempSync(join(tmpdir(), 'face-desk-'));
let engine: FaceEngine;
let audit: AuditLog;
let desk: FaceDesk;
const sessions = createSessionKeeper(clock);
const settings = kioskConfigSchema.parse({ ...defaultConfig, face: { enabled: true } }).face;
const photo: Material = {
  id: 'photo',
  name: { 'zh-CN': '出入境证件相片', en: 'Photo' },
  capture: 'portrait',
  standard: 'exit-entry',
  original: true,
  copies: 0,
} as Material;

beforeAll(() => {
  engine = testFaceEngine();
  const opened = openAuditLog({
    path: join(dir, 'audit.jsonl'),
    log: createLogger({ quiet: true }),
    clock,
  });
  if (!opened.ok) throw new Error(opened.error.message);
  audit = opened.value;
  desk = createFaceDesk({ engine, settings, clock, audit, log: createLogger({ quiet: true }) });
});
afterAll(async () => {
  audit.close();
  await engine.stop();
});

const frame = encodeJpeg(compliantFranck(FRANCK.neutral), 90);
const noise = (width: number, height: number) => ({
  width,
  height,
  data: Uint8Array.from({ length: width * height * 3 }, (_, i) => (i * 7919) % 251),
});

describe('the card’s photo as the decoder gives it', () => {
  it('bytes that are no picture: 人证核验 is not possible (card_photo_unusable), never an error', async () => {
    const session = sessions.start(serviceId('passport-first'));
    session.cardImage = { mediaType: 'image/bmp', bytes: Buffer.from('BM garbage from a decoder') };
    desk.consent(session, 'verify', 'camera');
    const answer = await desk.verifyFrame(session, frame);
    expect(answer).toMatchObject({ ok: true, value: { stage: 'not_possible' } });
    expect(session.face.verify.result).toMatchObject({
      result: 'not_possible',
      reason: 'card_photo_unusable',
      liveness: 'not_run',
    });
  });

  it('a picture with no face in it: not possible either, and said once in the audit log', async () => {
    const session = sessions.start(serviceId('passport-first'));
    session.cardImage = { mediaType: 'image/jpeg', bytes: encodeJpeg(noise(102, 126), 80) };
    desk.consent(session, 'verify', 'camera');
    await desk.verifyFrame(session, frame);
    const again = await desk.verifyFrame(session, frame);
    expect(again).toMatchObject({ ok: true, value: { stage: 'not_possible' } });
    const entries = readFileSync(join(dir, 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .filter((l) => l.includes(session.id) && l.includes('"face.verified"'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toContain('"reason":"card_photo_unusable"');
  });

  it('no photo at all (no decoder): no_card_photo', async () => {
    const session = sessions.start(serviceId('passport-first'));
    desk.consent(session, 'verify', 'camera');
    await desk.verifyFrame(session, frame);
    expect(session.face.verify.result?.reason).toBe('no_card_photo');
  });

  it('the holder’s photo: the card’s descriptor is computed once and zeroed with the verdict', async () => {
    const session = sessions.start(serviceId('passport-first'));
    session.cardImage = {
      mediaType: 'image/jpeg',
      bytes: encodeJpeg(cardPhotoOf('franck_02159.jpg'), 80),
    };
    desk.consent(session, 'verify', 'camera');
    const open = encodeJpeg(compliantFranck(FRANCK.neutral), 90);
    const closed = encodeJpeg(compliantFranck(FRANCK.blink), 90);
    const stages: string[] = [];
    for (const shot of [open, open, closed, open]) {
      clock.advance(300);
      const answer = await desk.verifyFrame(session, Buffer.from(shot));
      if (answer.ok) stages.push(answer.value.stage);
    }
    expect(stages.at(-1)).toBe('passed');
    const descriptor = session.face.verify.cardDescriptor;
    expect(Array.isArray(descriptor) && descriptor.every((v) => v === 0)).toBe(true);
  });
});

describe('the 证件照 the session holds', () => {
  it('a photo shown but retaken is zeroed; a kept one is the material’s only capture, zeroed when the session ends', async () => {
    const session = sessions.start(serviceId('passport-first'));
    desk.consent(session, 'photo', 'camera');
    const first = await desk.capture(session, photo, Buffer.from(frame));
    expect(first.ok).toBe(true);
    const shown = session.face.portrait.pending?.jpeg;
    expect(desk.keep(session, false)).toBe(false);
    expect(shown?.every((b) => b === 0)).toBe(true);
    await desk.capture(session, photo, Buffer.from(frame));
    expect(desk.keep(session, true)).toBe(true);
    const kept = session.captures.filter((c) => c.materialId === 'photo');
    expect(kept).toHaveLength(1);
    const bytes = kept[0]?.bytes;
    expect(bytes?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    sessions.end();
    expect(bytes?.every((b) => b === 0)).toBe(true);
  });

  it('a frame that fails the standard is refused with each failing check and what to do', async () => {
    const session = sessions.start(serviceId('passport-first'));
    desk.consent(session, 'photo', 'camera');
    const blue = encodeJpeg(compliantFranck(FRANCK.neutral, [30, 100, 230]), 90);
    const taken = await desk.capture(session, photo, blue);
    expect(taken).toMatchObject({
      ok: false,
      error: {
        code: 'photo_not_compliant',
        facts: { failing: [{ check: 'background_light', advice: 'background' }] },
      },
    });
    expect(session.face.portrait.pending).toBeNull();
  });
});
