import { z } from 'zod';
import { PHOTO_ADVICE, PHOTO_CHECK_IDS } from '../face/checks';
import type { KioskError } from '../result';

/**
 * The facts an error code carries to the screen, one schema per code. A
 * handler cannot answer with one of these codes without its facts (the types
 * refuse it) and dispatch checks them against the schema, as it checks outputs.
 */
export const errorFactsSchemas = {
  /** How many more wrong PINs before the lockout. */
  wrong_pin: z.strictObject({ attemptsBeforeLockout: z.number().int().nonnegative() }),
  /** How long the lockout still lasts. */
  locked_out: z.strictObject({ retryAfterSeconds: z.number().int().positive() }),
  /** What the scanned text was instead of a 付款码. */
  payment_code_invalid: z.strictObject({ kind: z.enum(['url', 'id_number', 'not_a_code']) }),
  /** Each check the kept frame failed, and what the citizen should do about it (null: nothing they can). */
  photo_not_compliant: z.strictObject({
    failing: z.array(
      z.strictObject({ check: z.enum(PHOTO_CHECK_IDS), advice: z.enum(PHOTO_ADVICE).nullable() }),
    ),
  }),
} as const;

export type ErrorFacts = {
  readonly [C in keyof typeof errorFactsSchemas]: z.output<(typeof errorFactsSchemas)[C]>;
};

export const hasFacts = (code: string): code is keyof ErrorFacts =>
  Object.hasOwn(errorFactsSchemas, code);

/**
 * An error as the contract carries it: one member per code, each with the facts
 * its code declares, so `switch (error.code)` gives the screen typed facts.
 */
export type ContractError<C extends string> = C extends string
  ? C extends keyof ErrorFacts
    ? KioskError<C> & { readonly facts: ErrorFacts[C] }
    : KioskError<C>
  : never;
