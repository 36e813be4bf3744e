import type { ByteTransport } from './byte-transport';

/** The parts of node-hid's `HIDAsync` this transport uses; tests pass a fake with the same shape. */
export interface HidHandle {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  write(values: number[] | Buffer): Promise<number>;
  close(): Promise<void>;
}

export interface HidOptions {
  /** Output report size in bytes, without the report id byte. */
  readonly reportSize: number;
  /** Report id to put in front of every output report: 0x00 for devices without numbered reports. */
  readonly outputReportId: number;
  /** Strip this leading byte from input reports (hidraw keeps numbered report ids; HIDAPI on Windows too). */
  readonly inputReportId?: number;
}

export const defaultHidOptions: HidOptions = { reportSize: 64, outputReportId: 0 };

/**
 * A HID device as a ByteTransport: writes are split into fixed-size output
 * reports with node-hid's leading report-id byte; each input report arrives
 * as one chunk.
 */
export function hidTransport(
  handle: HidHandle,
  description: string,
  options: HidOptions = defaultHidOptions,
): ByteTransport {
  const dataListeners = new Set<(chunk: Uint8Array) => void>();
  const closeListeners = new Set<(reason: string) => void>();
  let closed = false;
  handle.on('data', (data: Buffer) => {
    const bytes = new Uint8Array(data);
    const report =
      options.inputReportId !== undefined && bytes[0] === options.inputReportId
        ? bytes.subarray(1)
        : bytes;
    for (const listener of dataListeners) listener(report);
  });
  handle.on('error', (error: Error) => {
    if (closed) return;
    closed = true;
    for (const listener of closeListeners) listener(error.message);
    closeListeners.clear();
  });
  return {
    description,
    async write(bytes) {
      if (closed) throw new Error(`${description} is gone`);
      for (let at = 0; at === 0 || at < bytes.length; at += options.reportSize) {
        const report = Buffer.alloc(options.reportSize + 1);
        report[0] = options.outputReportId;
        Buffer.from(bytes.subarray(at, at + options.reportSize)).copy(report, 1);
        await handle.write(report);
      }
    },
    onData(listener) {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    async close() {
      closed = true;
      await handle.close();
    },
  };
}

/** Opens the first HID device matching vendor, product and (when given) usage page, with node-hid. */
export async function openHid(
  vendorId: number,
  productId: number,
  usagePage: number | undefined,
): Promise<HidHandle & { path: string }> {
  const HID = await import('node-hid');
  const devices = await HID.devicesAsync(vendorId, productId);
  const match = devices.find((d) => usagePage === undefined || d.usagePage === usagePage);
  if (match?.path === undefined) {
    const hex = (n: number) => n.toString(16).padStart(4, '0');
    throw new Error(
      `no HID device ${hex(vendorId)}:${hex(productId)}${usagePage === undefined ? '' : ` usage page 0x${usagePage.toString(16)}`}`,
    );
  }
  const handle = await HID.HIDAsync.open(match.path);
  return Object.assign(handle, { path: match.path });
}
