import type { KioskError, Result } from '../../core/result';

/** Where start-up stopped: the first thing a technician needs to know. */
export type StartStage =
  'config' | 'data_key' | 'integrity' | 'database' | 'audit' | 'back_office' | 'unexpected';

export interface StartFailure {
  readonly stage: StartStage;
  readonly code: string;
  /** Technician-facing, with the file or setting to look at; never personal data. */
  readonly message: string;
}

export const startFailure = (
  stage: StartStage,
  error: Pick<KioskError, 'code' | 'message'>,
): Result<never, StartFailure> => ({
  ok: false,
  error: { stage, code: error.code, message: error.message },
});

/** One line for the out-of-service page, the log and the terminal: stage, code, what to do. */
export const describeStartFailure = (failure: StartFailure): string =>
  `[${failure.stage}/${failure.code}] ${failure.message}`;
