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
  /**
   * What the screen needs to word the error (seconds to wait, what a scanned
   * code was), typed per code in `core/api/error-facts.ts`: never parsed out of `message`.
   */
  readonly facts?: object;
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

/** An error with the facts its code carries (see `core/api/error-facts.ts`). */
export const errFacts = <const C extends string, F extends object>(
  code: C,
  message: string,
  facts: F,
): Result<never, KioskError<C> & { readonly facts: F }> => ({
  ok: false,
  error: { code, message, facts },
});
