/** What the printer says about itself (DLE EOT replies, docs/DEVICES.md §5). */
export interface PrinterStatus {
  readonly offline: boolean;
  readonly coverOpen: boolean;
  readonly paperOut: boolean;
  readonly paperNearEnd: boolean;
  readonly error: boolean;
}

export type PrinterProblem = 'paper_out' | 'cover_open' | 'offline' | 'error';

/**
 * Decodes the replies to DLE EOT 1, 2 and 4. Each reply must carry the fixed
 * bits (bit 1 set, bit 4 set, bit 0 and bit 7 clear): anything else is not a
 * status byte and is reported as null.
 */
export function decodeStatus(
  printer: number,
  offlineCause: number,
  paper: number,
): PrinterStatus | null {
  const shaped = (b: number) => (b & 0x93) === 0x12;
  if (![printer, offlineCause, paper].every(shaped)) return null;
  return {
    offline: (printer & 0x08) !== 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperOut: (offlineCause & 0x20) !== 0 || (paper & 0x60) === 0x60,
    paperNearEnd: (paper & 0x0c) === 0x0c,
    error: (offlineCause & 0x40) !== 0,
  };
}

/** The reason not to print, most specific first; null when the printer can print. */
export function problemOf(status: PrinterStatus): PrinterProblem | null {
  if (status.paperOut) return 'paper_out';
  if (status.coverOpen) return 'cover_open';
  if (status.error) return 'error';
  if (status.offline) return 'offline';
  return null;
}
