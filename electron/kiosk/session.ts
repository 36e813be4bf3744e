import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock';
import type { Slip } from '../api/contract';
import type { Identity } from '../devices/idcard/identity';
import type { CardImage } from '../devices/managed/photo-decoder';

/** What a hall guide did for this session; shown on the review screen and the slip, and audited. */
export interface Assistance {
  /** A reason id from common.json's guideReasons, or null. */
  greenChannelReason: string | null;
  fillOnBehalf: boolean;
  skipOptional: boolean;
  elderMode: boolean;
  voice: boolean;
  /** Any of the above was ever on in this session. */
  assisted: boolean;
}

/** A photo of a material taken with the document camera, held in memory until submission. */
export interface Capture {
  readonly id: string;
  readonly materialId: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
  readonly sha256: string;
}

/**
 * The citizen at the screen right now. Holds the identity read from the card
 * and the photos taken during this session only; `end()` zeroes the photos and
 * drops every reference so nothing personal outlives the session.
 */
export interface Session {
  readonly id: string;
  readonly serviceId: string;
  readonly startedAt: number;
  identity: Identity | null;
  /** The card's photo, when a decoder is configured: shown to the citizen, never stored. */
  cardImage: CardImage | null;
  /** The slip of the application submitted in this session, for "print again". */
  slip: Slip | null;
  assistance: Assistance;
  captures: Capture[];
}

/** How a session ended, for the log and the audit: nothing personal. */
export interface EndedSession {
  readonly id: string;
  readonly serviceId: string;
  readonly submitted: boolean;
  readonly assisted: boolean;
}

export interface SessionKeeper {
  start(serviceId: string): Session;
  current(): Session | null;
  end(): EndedSession | null;
}

export const noAssistance = (): Assistance => ({
  greenChannelReason: null,
  fillOnBehalf: false,
  skipOptional: false,
  elderMode: false,
  voice: false,
  assisted: false,
});

/** Overwrites the photos' (and the card photo's) bytes before letting them go: a heap dump after the session shows nothing. */
function wipe(session: Session): void {
  for (const capture of session.captures) capture.bytes.fill(0);
  session.cardImage?.bytes.fill(0);
  Object.assign(session, {
    identity: null,
    cardImage: null,
    slip: null,
    captures: [],
    assistance: noAssistance(),
  });
}

export function createSessionKeeper(clock: Clock): SessionKeeper {
  let session: Session | null = null;
  return {
    start(serviceId) {
      if (session !== null) wipe(session);
      session = {
        id: randomUUID(),
        serviceId,
        startedAt: clock.nowMs(),
        identity: null,
        cardImage: null,
        slip: null,
        assistance: noAssistance(),
        captures: [],
      };
      return session;
    },
    current: () => session,
    end() {
      const ending = session;
      session = null;
      if (ending === null) return null;
      const ended = {
        id: ending.id,
        serviceId: ending.serviceId,
        submitted: ending.slip !== null,
        assisted: ending.assistance.assisted,
      };
      wipe(ending);
      return ended;
    },
  };
}
