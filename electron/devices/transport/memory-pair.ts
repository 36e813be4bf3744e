import type { ByteTransport } from './byte-transport';

/**
 * Two connected in-process ends: bytes written to one arrive at the other on a
 * later tick, as they would from a real port. Demo mode wires a simulator to
 * one end and the real driver to the other.
 */
export function createMemoryPair(
  description = 'simulated',
): readonly [ByteTransport, ByteTransport] {
  type Listener = (chunk: Uint8Array) => void;
  const listeners: [Set<Listener>, Set<Listener>] = [new Set(), new Set()];
  const closeListeners = new Set<(reason: string) => void>();
  let closed = false;
  const end = (self: 0 | 1): ByteTransport => ({
    description,
    write: async (bytes) => {
      if (closed) throw new Error(`${description}: transport is closed`);
      const copy = bytes.slice();
      setImmediate(() => {
        for (const listener of listeners[self === 0 ? 1 : 0]) listener(copy);
      });
    },
    onData: (listener) => {
      listeners[self].add(listener);
      return () => listeners[self].delete(listener);
    },
    onClose: (listener) => {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      listeners[0].clear();
      listeners[1].clear();
      for (const listener of closeListeners) listener('closed');
      closeListeners.clear();
    },
  });
  return [end(0), end(1)];
}
