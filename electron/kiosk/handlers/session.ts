import { ok, err } from '../../../core/result';
import type { DeviceManager } from '../../devices/manager';
import type { HandlerGroup, KioskParts } from '../context';

/** What these handlers use of the kiosk, and nothing else. */
export type SessionDeps = Pick<
  KioskParts,
  'audit' | 'cardOnReader' | 'log' | 'ruleSet' | 'sessions'
> & { readonly devices: Pick<DeviceManager, 'rereadIdCards'> };

type SessionMethods = 'startSession' | 'endSession' | 'getSessionIdentity' | 'getCardPhoto';

/** The citizen at the screen: one session per visit, wiped when it ends. */
export function sessionHandlers(ctx: SessionDeps): HandlerGroup<SessionMethods> {
  return {
    async startSession({ serviceId }) {
      if (!ctx.ruleSet.rules.has(serviceId)) {
        return err('unknown_service', `no service "${serviceId}"`);
      }
      const session = ctx.sessions.start(serviceId);
      ctx.log.info('session.start', { session: session.id, service: serviceId });
      ctx.audit.record('citizen', 'session.start', { session: session.id, service: serviceId });
      // Most people put the card down first: it is read again for this session, not refused.
      const cardOnReader = ctx.cardOnReader();
      if (cardOnReader) ctx.devices.rereadIdCards();
      return ok({ sessionId: session.id, cardOnReader });
    },
    async endSession({ reason }, { role }) {
      const ended = ctx.sessions.end();
      if (ended === null) return ok({ cardOnReader: ctx.cardOnReader() });
      if (reason === 'guide' && role !== 'citizen') {
        ctx.audit.record(role, 'guide.endSession', { session: ended.id });
      }
      ctx.log.info('session.end', { session: ended.id, reason });
      ctx.audit.record('citizen', 'session.end', {
        session: ended.id,
        reason,
        submitted: ended.submitted,
        guideAssisted: ended.assisted,
      });
      return ok({ cardOnReader: ctx.cardOnReader() });
    },
    async getSessionIdentity() {
      return ok({ identity: ctx.sessions.current()?.identity ?? null });
    },
    async getCardPhoto() {
      const image = ctx.sessions.current()?.cardImage ?? null;
      return ok(
        image === null
          ? null
          : { mediaType: image.mediaType, base64: image.bytes.toString('base64') },
      );
    },
  };
}
