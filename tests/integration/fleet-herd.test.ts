import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../electron/config/schema';
import { defaultConfig } from '../../electron/config/default';
import { createKioskGroup } from '../fleet/kiosk-group';
import { bins, formatHerd, runHerd, type HerdPlan } from '../fleet/herd';
import { testSeed } from '../seeded-random';
import { TEST_NOW } from '../test-clock';

/**
 * A small city through the fleet simulation (`npm run bench:fleet` runs 2,000
 * kiosks): the kiosks' real sync code, stores and mTLS client against the
 * test back office, an outage on the manual clock, and the return. Time is
 * moved, not waited for: twenty minutes of outage take a few seconds.
 */
const dir = mkdtempSync(join(tmpdir(), 'fleet-herd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plan = (seed: number, over: Partial<HerdPlan> = {}): HerdPlan => ({
  kiosks: 40,
  groups: 2,
  seed,
  // Busy kiosks, so an outage leaves a real backlog: about five applications each after 15 minutes.
  workload: { meanArrivalSeconds: 180, scans: 1, scanBytes: 1024 },
  sync: kioskConfigSchema.parse(defaultConfig).sync,
  steadyMinutes: 3,
  outageMinutes: 15,
  maxTailMinutes: 30,
  stepSeconds: 2,
  binSeconds: 10,
  capacity: null,
  startMs: Date.parse(TEST_NOW),
  ...over,
});

const inProcess = (spec: Parameters<typeof createKioskGroup>[0]) =>
  Promise.resolve(createKioskGroup(spec));

describe('a fleet after an outage of its back office', () => {
  it(
    'sends everything queued exactly once, spread over the return instead of all at once',
    {
      timeout: 180_000,
    },
    async () => {
      const seed = testSeed('fleet herd');
      const result = await runHerd(plan(seed), join(dir, 'spread'), inProcess, join(dir, 'pki'));
      console.log(formatHerd(result));
      expect(result.created).toBeGreaterThan(150);
      expect(result.lost).toBe(0);
      expect(result.stillQueued).toBe(0);
      expect(result.duplicated).toBe(0);
      expect(result.accepted).toBe(result.created);
      expect(result.drainSeconds).not.toBeNull();
      // Every kiosk sees the back office back within one heartbeat (60 s). Without the spread, the
      // backlog would all go then; with it, each kiosk waits a random part of min(outage, 5 min).
      const after = result.series.filter((p) => p.t > result.outage.to);
      const sent = (points: typeof after): number => points.reduce((n, p) => n + p.arrivals, 0);
      const firstMinute = sent(after.filter((p) => p.t <= result.outage.to + 60));
      expect(firstMinute / sent(after)).toBeLessThan(0.5);
      // Half a heartbeat after the return, the fleet view names the kiosks not heard from since the outage.
      expect(result.fleetAtReturn?.summary.silent).toBeGreaterThan(0);
      expect(result.fleetAtReturn?.summary.unsettledApplications).toBeGreaterThan(0);
      expect(result.fleet.summary).toMatchObject({
        kiosks: 40,
        silent: 0,
        unsettledApplications: 0,
        anchorsUnverified: 0,
      });
    },
  );

  it(
    'obeys a back office over its capacity: 503 with Retry-After, and still nothing lost',
    { timeout: 180_000 },
    async () => {
      const seed = testSeed('fleet herd at capacity');
      const result = await runHerd(
        plan(seed, {
          kiosks: 20,
          groups: 1,
          capacity: { perSecond: 2, retryAfterSeconds: [20, 60] },
        }),
        join(dir, 'capacity'),
        inProcess,
        join(dir, 'pki'),
      );
      console.log(formatHerd(result));
      expect(result.overloaded).toBeGreaterThan(0);
      expect(result.lost).toBe(0);
      expect(result.duplicated).toBe(0);
      // Turned away again and again while citizens keep coming, the fleet may never be empty all
      // at one moment before they stop; once they do, everything arrives.
      expect(result.accepted).toBe(result.created);
      expect(result.stillQueued).toBe(0);
    },
  );
});

describe('the rate series', () => {
  it('folds steps into bins of per-second rates, each bin named by its end, the last one cut short', () => {
    expect(
      bins(
        [
          { t: 1, arrivals: 4, attempts: 5 },
          { t: 2, arrivals: 6, attempts: 6 },
          { t: 3, arrivals: 10, attempts: 30 },
        ],
        2,
      ),
    ).toEqual([
      { t: 2, arrivals: 5, attempts: 5.5 },
      { t: 4, arrivals: 10, attempts: 30 },
    ]);
  });
});
