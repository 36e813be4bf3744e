import type { ServiceId } from '../../../core/ids';
import { err, ok } from '../../../core/result';
import type { HandlerGroup, KioskParts } from '../context';
import { portraitMaterial } from '../face-desk';

/** What these handlers use of the kiosk, and nothing else. */
export type FaceDeps = Pick<KioskParts, 'config' | 'face' | 'ruleSet' | 'sessions'>;

type FaceMethods = 'faceConsent' | 'verifyFace' | 'photoFrame' | 'capturePortrait' | 'keepPortrait';

/**
 * The camera that looks at the citizen: the notice and the choice of the
 * window, 人证核验 frame by frame, the 证件照's guidance, capture and "use
 * this one". Verdicts are the face desk's, on the frames received here.
 */
/** A frame's bytes for one job, zeroed after it (the base64 string it came in is the IPC layer's). */
async function withFrame<T>(base64: string, job: (frame: Buffer) => Promise<T>): Promise<T> {
  const frame = Buffer.from(base64, 'base64');
  try {
    return await job(frame);
  } finally {
    frame.fill(0);
  }
}

export function faceHandlers(ctx: FaceDeps): HandlerGroup<FaceMethods> {
  const noSession = () => err('no_session', 'no session is open');
  const portraitOf = (serviceId: ServiceId) => {
    const rule = ctx.ruleSet.rules.get(serviceId)?.rule;
    return rule === undefined ? null : portraitMaterial(rule, ctx.config.face.idCardPhoto);
  };
  return {
    async faceConsent({ purpose, choice }) {
      const session = ctx.sessions.current();
      if (session === null) return noSession();
      ctx.face.consent(session, purpose, choice);
      return ok({});
    },
    async verifyFace({ image }) {
      const session = ctx.sessions.current();
      if (session === null) return noSession();
      return withFrame(image.base64, (frame) => ctx.face.verifyFrame(session, frame));
    },
    async photoFrame({ image, cameraScale }) {
      const session = ctx.sessions.current();
      if (session === null) return noSession();
      const material = portraitOf(session.serviceId);
      if (material === null || session.face.consent.photo !== 'camera' || session.face.guideWindow)
        return err('no_portrait', 'this session takes no photo at the kiosk');
      return withFrame(image.base64, (frame) =>
        ctx.face.photoFrame(session, material, frame, cameraScale),
      );
    },
    async capturePortrait({ image }) {
      const session = ctx.sessions.current();
      if (session === null) return noSession();
      const material = portraitOf(session.serviceId);
      if (material === null || session.face.consent.photo !== 'camera' || session.face.guideWindow)
        return err('no_portrait', 'this session takes no photo at the kiosk');
      const taken = await withFrame(image.base64, (frame) =>
        ctx.face.capture(session, material, frame),
      );
      if (!taken.ok) return taken;
      return ok({
        photo: { mediaType: 'image/jpeg' as const, base64: taken.value.jpeg.toString('base64') },
        standard: taken.value.record.standard,
        width: taken.value.record.width,
        height: taken.value.record.height,
        bytes: taken.value.record.bytes,
      });
    },
    async keepPortrait({ keep }) {
      const session = ctx.sessions.current();
      if (session === null) return noSession();
      return ok({ kept: ctx.face.keep(session, keep) });
    },
  };
}
