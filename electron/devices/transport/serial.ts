import { SerialPort } from 'serialport';
import type { ByteTransport } from './byte-transport';

/** Opens a serial port (8N1) and adapts it to a ByteTransport. Rejects when the port cannot be opened. */
export async function openSerial(path: string, baudRate: number): Promise<ByteTransport> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => {
    port.open((error) => (error ? reject(error) : resolve()));
  });
  return {
    description: `${path} @${baudRate}`,
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        port.write(Buffer.from(bytes), (error) =>
          error ? reject(error) : port.drain(() => resolve()),
        );
      }),
    onData: (listener) => {
      const handler = (chunk: Buffer): void => listener(new Uint8Array(chunk));
      port.on('data', handler);
      return () => port.off('data', handler);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
  };
}
