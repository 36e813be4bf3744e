/**
 * Expected failures travel as values, never as exceptions across a boundary
 * (IPC, HTTP, device I/O). Bugs still throw.
 */
export type Result<T, E = KioskError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export interface KioskError<C extends string = string> {
  /** Stable machine code; the renderer maps it to a localized sentence. */
  readonly code: C;
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

export const err = <const C extends string>(
  code: C,
  message: string,
  details?: readonly ErrorDetail[],
): Result<never, KioskError<C>> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
