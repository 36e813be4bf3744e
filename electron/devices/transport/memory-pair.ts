import type { ByteTransport } from './byte-transport';

/**
 * Two connected in-process ends: bytes written to one arrive at the other on a
 * later tick, as they would from a real port. Demo mode wires a simulator to
 * one end and the real driver to the other.
 */
export function createMemoryPair(
  description = 'simulated',
): readonly [ByteTransport, ByteTransport] {
  const listeners: [Set<(chunk: Uint8Array) => void>, Set<(chunk: Uint8Array) => void>] = [
    new Set(),
    new Set(),
  ];
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
    close: async () => {
      closed = true;
      listeners[0].clear();
      listeners[1].clear();
    },
  });
  return [end(0), end(1)];
}
