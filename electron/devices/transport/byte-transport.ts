/**
 * A byte pipe to one device. Drivers take this as a parameter, so the same
 * driver runs over a serial port, a HID handle, or an in-process simulator.
 */
export interface ByteTransport {
  /** Shown to technicians: "/dev/ttyUSB0 @115200", "HID 0c2e:0b61", "simulated". */
  readonly description: string;
  /** Rejects when the device is gone; drivers turn that into a Result. */
  write(bytes: Uint8Array): Promise<void>;
  /** Subscribes to incoming bytes (one HID report per chunk on HID); returns the unsubscribe function. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Called once when the device goes away (unplugged, port closed under us). */
  onClose(listener: (reason: string) => void): () => void;
  close(): Promise<void>;
}
