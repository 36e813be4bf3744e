/**
 * Expected failures travel as values, never as exceptions across a boundary
 * (IPC, HTTP, device I/O). Bugs still throw.
 */
export type Result<T, E = KioskError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export interface KioskError {
  /** Stable machine code; the renderer maps it to a localized sentence. */
  readonly code: string;
  /** Technician-facing detail in English. Never contains personal data. */
  readonly message: string;
  readonly details?: readonly ErrorDetail[];
}

export interface ErrorDetail {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const err = (
  code: string,
  message: string,
  details?: readonly ErrorDetail[],
): Result<never, KioskError> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
