import { createHash, randomUUID } from 'node:crypto';
import { MAX_CAPTURE_BYTES, MAX_PHOTOS_PER_SESSION } from '../../../core/limits';
import { err, ok } from '../../../core/result';
import type { HandlerGroup, KioskParts } from '../context';

/** What these handlers use of the kiosk, and nothing else. */
export type CaptureDeps = Pick<KioskParts, 'log' | 'ruleSet' | 'sessions'>;

/** JPEG files start FF D8 FF; anything else is not a photo from the kiosk's camera page. */
const isJpeg = (bytes: Buffer): boolean =>
  bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

/**
 * Photos of materials from the document camera. They stay in the session's
 * memory (never on disk) until the application is submitted, when they are
 * sealed with it; ending the session zeroes them.
 */
export function captureHandlers(ctx: CaptureDeps): HandlerGroup<'addCapture' | 'removeCapture'> {
  return {
    async addCapture({ materialId, mediaType, dataBase64 }) {
      const session = ctx.sessions.current();
      if (session === null) return err('no_session', 'no session is open');
      const rule = ctx.ruleSet.rules.get(session.serviceId)?.rule;
      const material = rule?.materials.find((m) => m.id === materialId);
      if (material === undefined)
        return err('unknown_material', `no material "${materialId}" in this service`);
      // A 证件照 is the kiosk's own capture, checked against its standard: never a photo sent in.
      if (material.capture === 'portrait')
        return err('unknown_material', `"${materialId}" is a portrait: taken with capturePortrait`);
      const bytes = Buffer.from(dataBase64, 'base64');
      if (bytes.length === 0 || bytes.length > MAX_CAPTURE_BYTES || !isJpeg(bytes)) {
        return err('bad_photo', `a photo must be a JPEG of at most ${MAX_CAPTURE_BYTES} bytes`);
      }
      if (session.captures.length >= MAX_PHOTOS_PER_SESSION)
        return err('too_many_photos', 'too many photos in one session');
      const capture = {
        id: randomUUID(),
        materialId,
        mediaType,
        bytes,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
      session.captures.push(capture);
      ctx.log.info('capture.added', {
        session: session.id,
        material: materialId,
        bytes: bytes.length,
      });
      return ok({ captureId: capture.id, size: bytes.length, sha256: capture.sha256 });
    },
    async removeCapture({ captureId }) {
      const session = ctx.sessions.current();
      if (session === null) return err('no_session', 'no session is open');
      const capture = session.captures.find((c) => c.id === captureId);
      if (capture === undefined) return err('no_such_photo', 'no such photo in this session');
      capture.bytes.fill(0);
      session.captures = session.captures.filter((c) => c.id !== captureId);
      return ok({});
    },
  };
}
