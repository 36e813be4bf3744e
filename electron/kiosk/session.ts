import { randomUUID } from 'node:crypto';
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
      if (session !== null) session.identity = null;
      session = { id: randomUUID(), serviceId, startedAt: now(), identity: null };
      return session;
    },
    current: () => session,
    end() {
      const ended = session;
      if (ended !== null) ended.identity = null;
      session = null;
      return ended;
    },
  };
}
