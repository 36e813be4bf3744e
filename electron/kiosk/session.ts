import { randomUUID } from 'node:crypto';
import type { Slip } from '../api/contract';
import type { Identity } from '../devices/idcard/identity';

/**
 * The citizen at the screen right now. Holds the identity read from the card
 * during this session only; `end()` drops every reference so nothing personal
 * outlives the session in the main process.
 */
export interface Session {
  readonly id: string;
  readonly serviceId: string;
  readonly startedAt: number;
  identity: Identity | null;
  /** The slip of the application submitted in this session, for "print again". */
  slip: Slip | null;
}

export interface SessionKeeper {
  start(serviceId: string): Session;
  current(): Session | null;
  end(): Session | null;
}

export function createSessionKeeper(now: () => number = Date.now): SessionKeeper {
  let session: Session | null = null;
  return {
    start(serviceId) {
      if (session !== null) Object.assign(session, { identity: null, slip: null });
      session = { id: randomUUID(), serviceId, startedAt: now(), identity: null, slip: null };
      return session;
    },
    current: () => session,
    end() {
      const ended = session;
      if (ended !== null) Object.assign(ended, { identity: null, slip: null });
      session = null;
      return ended;
    },
  };
}
