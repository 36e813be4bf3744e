/**
 * A byte pipe to one device. Drivers take this as a parameter, so the same
 * driver runs over a serial port, a HID handle, or an in-process simulator.
 */
export interface ByteTransport {
  /** Shown to technicians: "/dev/ttyUSB0 @115200", "HID 0483:572b", "simulated". */
  readonly description: string;
  write(bytes: Uint8Array): Promise<void>;
  /** Subscribes to incoming bytes; returns the unsubscribe function. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  close(): Promise<void>;
}
