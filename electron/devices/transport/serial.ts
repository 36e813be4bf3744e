import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { systemClock, type Clock } from '../../../core/clock';
import type { ByteTransport } from './byte-transport';

/** How often an open port checks that its device node is still there. */
const PRESENCE_CHECK_MS = 1000;

/** Opens a serial port (8N1) and adapts it to a ByteTransport. Rejects when the port cannot be opened. */
export async function openSerial(
  path: string,
  baudRate: number,
  timers: Pick<Clock, 'every'> = systemClock,
): Promise<ByteTransport> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => {
    port.open((error) => (error ? reject(error) : resolve()));
  });
  const closeListeners = new Set<(reason: string) => void>();
  let closing = false;
  const gone = (reason: string): void => {
    stopPresence();
    for (const listener of closeListeners) listener(reason);
    closeListeners.clear();
  };
  // The kernel's hang-up does not always reach serialport's poller (a PTY's other end killed
  // under load, 1 run in 6 in the printer test): a device node that has vanished (USB adapter
  // unplugged, PTY gone) means the port is gone too, and the link can reconnect.
  const stopPresence = timers.every(
    PRESENCE_CHECK_MS,
    () => {
      if (closing || existsSync(path)) return;
      closing = true;
      gone(`${path} is gone`);
      if (port.isOpen) port.close(() => undefined);
    },
    { background: true },
  );
  // Unplugging a USB adapter (or a PTY's other end going away) closes the port under us.
  port.on('close', (error?: Error & { disconnected?: boolean }) => {
    if (!closing) gone(error?.message ?? 'port closed');
  });
  port.on('error', (error: Error) => {
    if (!closing) gone(error.message);
  });
  return {
    description: `${path} @${baudRate}`,
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        if (!port.isOpen) {
          reject(new Error(`${path} is not open`));
          return;
        }
        port.write(Buffer.from(bytes), (error) =>
          error ? reject(error) : port.drain(() => resolve()),
        );
      }),
    onData: (listener) => {
      const handler = (chunk: Buffer): void => listener(new Uint8Array(chunk));
      port.on('data', handler);
      return () => port.off('data', handler);
    },
    onClose: (listener) => {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        stopPresence();
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
  };
}

export interface SerialPortInfo {
  readonly path: string;
  readonly manufacturer?: string;
  readonly vendorId?: string;
  readonly productId?: string;
  readonly serialNumber?: string;
}

/** Serial ports the system sees, for the technician's diagnostics. */
export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  try {
    // The list's element type comes from a package of serialport's that the linter cannot see.
    const ports = (await SerialPort.list()) as unknown as readonly SerialPortInfo[];
    return ports.map((p) => ({
      path: p.path,
      ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
      ...(p.vendorId ? { vendorId: p.vendorId } : {}),
      ...(p.productId ? { productId: p.productId } : {}),
      ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
    }));
  } catch {
    return [];
  }
}
