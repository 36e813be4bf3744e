/** The figures every bench prints: one definition, so a p95 or a median means the same in each line. */

/** The `p`th percentile of samples already sorted ascending (0 for none). */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** The middle sample (the upper of the two for an even count; 0 for none). */
export const median = (samples: readonly number[]): number =>
  [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;
