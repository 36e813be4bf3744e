import type { Clock } from '../../core/clock';

/**
 * What a back office can file per second (applications and scans; heartbeats
 * and rule checks are always answered). Over it: 503 with a Retry-After drawn
 * from `retryAfterSeconds`, so the kiosks it turned away come back spread out.
 */
export interface Capacity {
  readonly perSecond: number;
  readonly retryAfterSeconds: readonly [number, number];
}

/**
 * A token bucket on the back office's clock: `perSecond` requests a second,
 * a second's worth of burst. Returns null to admit a request, or the
 * Retry-After (whole seconds) to answer with: drawn evenly from the range,
 * so a crowd turned away in one second does not return in one second.
 */
export function admission(
  capacity: Capacity,
  clock: Clock,
  random: () => number,
): () => number | null {
  const [min, max] = capacity.retryAfterSeconds;
  let tokens = capacity.perSecond;
  let filledAt = clock.nowMs();
  return () => {
    const now = clock.nowMs();
    tokens = Math.min(capacity.perSecond, tokens + ((now - filledAt) / 1000) * capacity.perSecond);
    filledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return null;
    }
    return min + Math.floor(random() * (max - min + 1));
  };
}
