/**
 * What to do when the renderer crashes or hangs: reload in place a few times,
 * then relaunch the whole app with a growing delay, so a kiosk with a broken
 * GPU driver does not spin at 100 % CPU relaunching itself.
 */
export interface RecoveryPolicy {
  readonly windowMs: number;
  readonly maxReloads: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRecoveryPolicy: RecoveryPolicy = {
  windowMs: 5 * 60_000,
  maxReloads: 3,
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
};

export type RecoveryAction =
  | { readonly action: 'reload' }
  | { readonly action: 'relaunch'; readonly delayMs: number; readonly attempt: number };

/**
 * @param recentFailures timestamps (ms) of earlier failures in this process
 * @param relaunchAttempt how many times we already relaunched in a row
 */
export function planRecovery(
  recentFailures: readonly number[],
  now: number,
  relaunchAttempt: number,
  policy: RecoveryPolicy = defaultRecoveryPolicy,
): RecoveryAction {
  const inWindow = recentFailures.filter((t) => now - t <= policy.windowMs).length;
  if (inWindow < policy.maxReloads) return { action: 'reload' };
  const attempt = relaunchAttempt + 1;
  const delayMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return { action: 'relaunch', delayMs, attempt };
}
