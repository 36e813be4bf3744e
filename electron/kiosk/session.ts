import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock';
import { noAssistance, type Assistance as CoreAssistance } from '../../core/assistance';
import type { KioskError, Result } from '../../core/result';
import type { ReceiptImage } from '../../core/receipt-image';
import type { PrintOutcome, Slip, SlipDraft } from '../../core/slip';
import type { MethodErrorCode } from '../../core/api/contract';
import type { IdentityCheck } from '../../core/face/identity-check';
import type { Identity } from '../../core/identity';
import { sessionIdSchema, type ServiceId, type SessionId } from '../../core/ids';
import type { CardImage } from '../devices/managed/photo-decoder';
import { newFaceState, wipeFaceState, type FaceState } from './face-state';

/** What submitting gives: the slip, or why not. */
export type SubmitResult = Result<Slip, KioskError<MethodErrorCode<'submitApplication'>>>;

/** What a hall guide did for this session: changed in place by the guide's actions. */
export type Assistance = { -readonly [K in keyof CoreAssistance]: CoreAssistance[K] };

/** The slip of the application submitted in this session; `print` is null while it prints. */
export type SessionSlip = SlipDraft & {
  readonly print: PrintOutcome | null;
  /** Copies printed and attempts made: a slip is reprinted a bounded number of times (printing.ts). */
  readonly copies: number;
  readonly attempts: number;
  /**
   * The picture printed under the Chinese: fixed by the slip's first print (the
   * renderer's drawing of this slip in Uyghur or Tibetan, or none); every reprint
   * uses it, whatever a later call offers. Undefined until the first print.
   */
  readonly translation?: ReceiptImage | null;
};

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
  readonly id: SessionId;
  readonly serviceId: ServiceId;
  readonly startedAt: number;
  identity: Identity | null;
  /** The card's photo, when a decoder is configured: shown to the citizen, never stored. */
  cardImage: CardImage | null;
  /** The slip of the application submitted in this session, for "print again". */
  slip: SessionSlip | null;
  /**
   * The submission in flight or done: one card read makes one application, so a
   * second submit (a double tap, a retry, a script) gets the same answer.
   */
  submission: Promise<SubmitResult> | null;
  assistance: Assistance;
  captures: Capture[];
  /** 人证核验 and the 证件照 (face-state.ts). */
  face: FaceState;
  /** The payment order of this session's application, once one was opened (electron/payment). */
  payment: { readonly orderNo: string } | null;
  /**
   * What the kiosk needs to finish the item itself once paid (再次签注: the answers and
   * 人证核验's verdict), kept from the submission for items with `kioskFinish`; wiped with the session.
   */
  finishing: {
    readonly answers: Readonly<Record<string, string>>;
    readonly identityCheck: IdentityCheck | null;
  } | null;
}

/** How a session ended, for the log and the audit: nothing personal. */
export interface EndedSession {
  readonly id: SessionId;
  readonly serviceId: ServiceId;
  readonly submitted: boolean;
  readonly assisted: boolean;
  /** The order the citizen left behind, if any: cancelled (or reversed) once the session is gone. */
  readonly paymentOrder: string | null;
}

export interface SessionKeeper {
  start(serviceId: ServiceId): Session;
  current(): Session | null;
  end(): EndedSession | null;
  /** Called after a session starts or ends: what belongs to one session (a staff sign-in) ends with it. */
  onChange(listener: () => void): void;
  /** Called with each session that ended, by `end()` or replaced by `start()`. */
  onEnded(listener: (ended: EndedSession) => void): void;
}

/** Overwrites the photos' (and the card photo's) bytes before letting them go: a heap dump after the session shows nothing. */
function wipe(session: Session): void {
  for (const capture of session.captures) capture.bytes.fill(0);
  session.cardImage?.bytes.fill(0);
  wipeFaceState(session.face);
  Object.assign(session, {
    identity: null,
    cardImage: null,
    slip: null,
    submission: null,
    captures: [],
    assistance: noAssistance(),
    face: newFaceState(),
    payment: null,
    finishing: null,
  });
}

const endedOf = (session: Session): EndedSession => ({
  id: session.id,
  serviceId: session.serviceId,
  submitted: session.slip !== null,
  assisted: session.assistance.assisted,
  paymentOrder: session.payment?.orderNo ?? null,
});

export function createSessionKeeper(clock: Clock): SessionKeeper {
  let session: Session | null = null;
  const listeners: (() => void)[] = [];
  const endListeners: ((ended: EndedSession) => void)[] = [];
  const ended = (e: EndedSession): void => {
    for (const listener of endListeners) listener(e);
  };
  const changed = (): void => {
    for (const listener of listeners) listener();
  };
  return {
    start(serviceId) {
      if (session !== null) {
        const replaced = endedOf(session);
        wipe(session);
        ended(replaced);
      }
      session = {
        id: sessionIdSchema.parse(randomUUID()),
        serviceId,
        startedAt: clock.nowMs(),
        identity: null,
        cardImage: null,
        slip: null,
        submission: null,
        assistance: noAssistance(),
        captures: [],
        face: newFaceState(),
        payment: null,
        finishing: null,
      };
      const started = session;
      changed();
      return started;
    },
    current: () => session,
    end() {
      const ending = session;
      session = null;
      if (ending === null) return null;
      const result = endedOf(ending);
      wipe(ending);
      changed();
      ended(result);
      return result;
    },
    onChange(listener) {
      listeners.push(listener);
    },
    onEnded(listener) {
      endListeners.push(listener);
    },
  };
}
