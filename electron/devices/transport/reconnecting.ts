import { systemClock, type Cancel, type Clock } from '../../../core/clock';
import type { ByteTransport } from './byte-transport';

export type LinkState = 'open' | 'offline';

export interface ReconnectingTransport extends ByteTransport {
  readonly state: () => LinkState;
  onState(listener: (state: LinkState, reason: string | null) => void): () => void;
}

export interface BackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
}

/**
 * Keeps a device open: opens it, and when it goes away (unplugged, port
 * closed) tries again with a doubling delay until it is back. Drivers keep
 * their one transport; data listeners survive every reconnect.
 */
export function createReconnectingTransport(
  open: () => Promise<ByteTransport>,
  description: string,
  backoff: BackoffOptions = { initialMs: 500, maxMs: 10_000 },
  // On the kiosk's clock: a test moves it through the doubling delays instead of waiting them out.
  timers: Pick<Clock, 'after'> = systemClock,
): ReconnectingTransport {
  const dataListeners = new Set<(chunk: Uint8Array) => void>();
  const stateListeners = new Set<(state: LinkState, reason: string | null) => void>();
  let current: ByteTransport | null = null;
  let state: LinkState = 'offline';
  let delay = backoff.initialMs;
  let timer: Cancel | null = null;
  let stopped = false;
  let detach: (() => void)[] = [];

  const setState = (next: LinkState, reason: string | null): void => {
    state = next;
    for (const listener of stateListeners) listener(next, reason);
  };

  const attempt = async (): Promise<void> => {
    timer = null;
    if (stopped) return;
    try {
      const transport = await open();
      if (stopped) {
        await transport.close();
        return;
      }
      current = transport;
      delay = backoff.initialMs;
      detach = [
        transport.onData((chunk) => {
          for (const listener of dataListeners) listener(chunk);
        }),
        transport.onClose((reason) => {
          for (const off of detach) off();
          detach = [];
          current = null;
          setState('offline', reason);
          schedule();
        }),
      ];
      setState('open', null);
    } catch (cause) {
      if (state !== 'offline' || delay === backoff.initialMs) {
        setState('offline', cause instanceof Error ? cause.message : String(cause));
      }
      schedule();
    }
  };
  const schedule = (): void => {
    if (stopped || timer !== null) return;
    timer = timers.after(delay, () => void attempt());
    delay = Math.min(backoff.maxMs, delay * 2);
  };
  void attempt();

  return {
    description,
    state: () => state,
    async write(bytes) {
      if (current === null) throw new Error(`${description} is offline`);
      await current.write(bytes);
    },
    onData(listener) {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
    onClose(listener) {
      return this.onState((s, reason) => {
        if (s === 'offline') listener(reason ?? 'offline');
      });
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    async close() {
      stopped = true;
      timer?.();
      timer = null;
      for (const off of detach) off();
      await current?.close();
      current = null;
    },
  };
}
