import { randomInt } from 'node:crypto';

/** mulberry32: a small, fast PRNG; the same seed gives the same numbers on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The seed of a randomized test: `TEST_SEED` when set (to replay a failure),
 * a fresh one otherwise. Printed either way, so a failing run says how to
 * repeat it.
 */
export function testSeed(test: string): number {
  const given = process.env['TEST_SEED'];
  const seed = given !== undefined && /^\d+$/.test(given) ? Number(given) : randomInt(2 ** 31);
  process.stdout.write(`${test}: seed ${seed} (replay with TEST_SEED=${seed})\n`);
  return seed;
}
