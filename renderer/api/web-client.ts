import type { Result } from '../../core/result';
import type { EventName, EventPayload, KioskApi } from '../../core/api/contract';

type Listener = (payload: unknown) => void;

/**
 * The same `KioskApi` as Electron's `window.kiosk`, over the web host's HTTP
 * and WebSocket. The token travels in an HttpOnly cookie the host set when the
 * page was first opened, so this code never sees it.
 */
export function createWebClient(): KioskApi {
  const listeners = new Map<EventName, Set<Listener>>();
  let retryMs = 500;

  const connect = (): void => {
    const socket = new WebSocket(
      `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/events`,
    );
    socket.onopen = () => {
      retryMs = 500;
    };
    socket.onmessage = (message: MessageEvent<string>) => {
      const { event, payload } = JSON.parse(message.data) as { event: EventName; payload: unknown };
      for (const listener of listeners.get(event) ?? []) listener(payload);
    };
    socket.onclose = () => {
      // The host restarted or the network blipped: reconnect with a capped backoff.
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    };
  };
  connect();

  const call = async (method: string, input: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
      if (!response.ok) {
        return { ok: false, error: { code: 'transport', message: `HTTP ${response.status}` } };
      }
      return (await response.json()) as Result<unknown>;
    } catch {
      return {
        ok: false,
        error: { code: 'transport', message: 'the kiosk service is not reachable' },
      };
    }
  };

  const on = <E extends EventName>(
    event: E,
    listener: (payload: EventPayload<E>) => void,
  ): (() => void) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  };
  // Every other property is a method of the contract; the host answers unknown_method for a name it lacks.
  // A proxy keeps the contract's values (and zod) out of the renderer's bundle: it imports only types.
  return new Proxy({} as KioskApi, {
    get: (_target, name) => {
      if (name === 'on') return on;
      // Not a thenable: `await kiosk` must not call a method named "then".
      if (typeof name !== 'string' || name === 'then') return undefined;
      return (input: unknown) => call(name, input);
    },
  });
}
