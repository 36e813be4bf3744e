import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { manualClock } from '../../core/clock';
import type { SyncConfig } from '../../electron/config/schema';
import { fleetClients, makeTestPki } from '../backoffice/certs';
import { formatFleetView, type FleetView } from '../backoffice/fleet-view';
import { startBackOffice, type Capacity, type Route } from '../backoffice/server';
import { seededRandom } from '../seeded-random';
import type { GroupSpec, KioskGroup, KioskReport, Workload } from './kiosk-group';

/** One run of the herd: a fleet in steady service, an outage of the back office, and the return. */
export interface HerdPlan {
  readonly kiosks: number;
  /** Processes (or in-process groups) the kiosks are spread over. */
  readonly groups: number;
  readonly seed: number;
  readonly workload: Workload;
  readonly sync: SyncConfig;
  readonly steadyMinutes: number;
  readonly outageMinutes: number;
  /** Gives up waiting for the queues to empty this long after the back office returned. */
  readonly maxTailMinutes: number;
  /** How far the clocks move per step (each step waits until every request it started is answered). */
  readonly stepSeconds: number;
  /** The width of a bin of the request-rate series. */
  readonly binSeconds: number;
  readonly capacity: Capacity | null;
  readonly startMs: number;
}

export interface RatePoint {
  /** Seconds since the start. */
  readonly t: number;
  /** Requests that reached the back office, per second, over the bin. */
  readonly arrivals: number;
  /** Requests the kiosks made (refused connections included), per second. */
  readonly attempts: number;
}

export interface HerdResult {
  readonly plan: HerdPlan;
  readonly series: readonly RatePoint[];
  readonly outage: { readonly from: number; readonly to: number };
  /** Mean arrivals per second over the steady window (after the first heartbeat interval). */
  readonly steadyRate: number;
  /** The busiest bin of the steady window: the noise a peak is compared against. */
  readonly steadyPeak: number;
  readonly recoveryPeak: number;
  /** Seconds from the back office's return until no kiosk had anything waiting; null if it never happened. */
  readonly drainSeconds: number | null;
  readonly created: number;
  readonly accepted: number;
  /** Still queued on a kiosk when the run ended (not lost: the next start sends them). */
  readonly stillQueued: number;
  /** Neither at the back office nor on its kiosk. */
  readonly lost: number;
  readonly duplicated: number;
  readonly overloaded: number;
  readonly requests: Readonly<Record<Route, number>>;
  /** Half a heartbeat after the return: who has not been heard from yet, and what waits where. */
  readonly fleetAtReturn: FleetView | null;
  /** At the end, the fleet settled. */
  readonly fleet: FleetView;
  readonly wallSeconds: number;
}

const ids = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `FLEET-${String(i + 1).padStart(5, '0')}`);

/**
 * Runs the kiosks' real sync code for a whole fleet against the test back
 * office on loopback, every clock (kiosks' and back office's) moved in
 * lockstep by hand, so an hour's outage takes as long as its requests do.
 */
export async function runHerd(
  plan: HerdPlan,
  dir: string,
  startGroup: (spec: GroupSpec) => Promise<KioskGroup>,
  pkiDir = join(dir, 'pki'),
  progress: (line: string) => void = () => undefined,
): Promise<HerdResult> {
  const wallStart = performance.now();
  const pki = makeTestPki(pkiDir);
  const clients = await fleetClients(pki, ids(plan.kiosks));
  progress(`${clients.length} client certificates ready`);
  const clock = manualClock(new Date(plan.startMs));
  const office = await startBackOffice({
    dir: join(dir, 'backoffice'),
    pki,
    clock,
    random: seededRandom(plan.seed),
    keepHeartbeats: false,
    recordExchanges: false,
    keepAliveSeconds: 75,
    ...(plan.capacity === null ? {} : { capacity: plan.capacity }),
  });
  const per = Math.ceil(plan.kiosks / plan.groups);
  const groups = await Promise.all(
    Array.from({ length: plan.groups }, (_, g) => {
      const kiosks = clients.slice(g * per, (g + 1) * per);
      mkdirSync(join(dir, `group-${g}`), { recursive: true });
      return startGroup({
        group: g + 1,
        kiosks,
        url: office.url,
        caFile: pki.caFile,
        startMs: plan.startMs,
        seed: plan.seed,
        workload: plan.workload,
        sync: plan.sync,
        dir: join(dir, `group-${g}`),
      });
    }),
  );
  progress(`${plan.groups} groups of ${per} kiosks started`);

  const warmUp = plan.sync.heartbeatSeconds;
  const outageFrom = warmUp + plan.steadyMinutes * 60;
  const outageTo = outageFrom + plan.outageMinutes * 60;
  const end = outageTo + plan.maxTailMinutes * 60;
  const total = (r: Readonly<Record<Route, number>>): number =>
    Object.values(r).reduce((a, b) => a + b, 0);
  const steps: { t: number; arrivals: number; attempts: number }[] = [];
  let arrived = total(office.requests());
  let drainSeconds: number | null = null;
  let down = false;
  let fleetAtReturn: FleetView | null = null;
  try {
    for (let t = plan.stepSeconds; t <= end; t += plan.stepSeconds) {
      if (!down && t > outageFrom && t <= outageTo) {
        await office.stop();
        down = true;
        progress(`t=${t} s: back office down`);
      }
      if (down && t > outageTo) {
        await office.start();
        down = false;
        progress(`t=${t} s: back office back`);
      }
      clock.advance(plan.startMs + t * 1000 - clock.nowMs());
      const figures = await Promise.all(groups.map((g) => g.advance(plan.startMs + t * 1000)));
      const now = total(office.requests());
      steps.push({
        t,
        arrivals: now - arrived,
        attempts: figures.reduce((n, f) => n + f.attempts, 0),
      });
      arrived = now;
      if (fleetAtReturn === null && t >= outageTo + plan.sync.heartbeatSeconds / 2)
        fleetAtReturn = office.fleet(5);
      const waiting = figures.reduce((n, f) => n + f.waiting, 0);
      if (t > outageTo && waiting === 0 && drainSeconds === null) {
        drainSeconds = t - outageTo;
        progress(`t=${t} s: every queue empty, ${drainSeconds} s after the return`);
      }
      // Two more minutes of steady service after the drain show the fleet settled back.
      if (drainSeconds !== null && t >= outageTo + drainSeconds + 120) break;
      if (t % 600 === 0)
        progress(
          `t=${t} s: ${waiting} waiting (${((performance.now() - wallStart) / 1000).toFixed(0)} s)`,
        );
    }
    // Citizens stop coming; what is still queued drains, so lost and duplicated are counted on a settled fleet.
    for (const g of groups) g.arrivals(false);
    const last = steps.at(-1)?.t ?? 0;
    let emptyAt: number | null = null;
    for (let t = last + plan.stepSeconds; t <= last + 900; t += plan.stepSeconds) {
      clock.advance(plan.startMs + t * 1000 - clock.nowMs());
      const figures = await Promise.all(groups.map((g) => g.advance(plan.startMs + t * 1000)));
      if (emptyAt === null && figures.every((f) => f.waiting === 0)) emptyAt = t;
      // One more heartbeat each, so the fleet view shows the settled queues, not the last beat's.
      if (emptyAt !== null && t > emptyAt + plan.sync.heartbeatSeconds) break;
    }
    const reports: KioskReport[] = (await Promise.all(groups.map((g) => g.report()))).flat();
    const stored = office.stored();
    const times = new Map<string, number>();
    for (const s of stored)
      times.set(s.body.applicationNo, (times.get(s.body.applicationNo) ?? 0) + 1);
    const created = reports.flatMap((r) => r.created);
    const waiting = new Set(reports.flatMap((r) => r.waiting));
    const series = bins(steps, plan.binSeconds, plan.stepSeconds);
    const steadyBins = series.filter((p) => p.t > warmUp && p.t <= outageFrom);
    const recoveryBins = series.filter((p) => p.t > outageTo);
    return {
      plan,
      series,
      outage: { from: outageFrom, to: outageTo },
      steadyRate: mean(steadyBins.map((p) => p.arrivals)),
      steadyPeak: Math.max(0, ...steadyBins.map((p) => p.arrivals)),
      recoveryPeak: Math.max(0, ...recoveryBins.map((p) => p.arrivals)),
      drainSeconds,
      created: created.length,
      accepted: reports.reduce((n, r) => n + r.accepted, 0),
      stillQueued: waiting.size,
      lost: created.filter((no) => !times.has(no) && !waiting.has(no)).length,
      duplicated: [...times.values()].filter((n) => n > 1).length,
      overloaded: office.overloaded(),
      requests: office.requests(),
      fleetAtReturn,
      fleet: office.fleet(5),
      wallSeconds: (performance.now() - wallStart) / 1000,
    };
  } finally {
    await Promise.allSettled(groups.map((g) => g.close()));
    await office.stop();
  }
}

const mean = (xs: readonly number[]): number =>
  xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Steps of `step` seconds folded into bins of `width` seconds, as rates per
 * second over the time each bin covers (the last may be cut short); `t` is a
 * bin's end.
 */
export function bins(
  steps: readonly { t: number; arrivals: number; attempts: number }[],
  width: number,
  step = 1,
): RatePoint[] {
  const out = new Map<number, { arrivals: number; attempts: number; seconds: number }>();
  for (const s of steps) {
    const end = Math.ceil(s.t / width) * width;
    const bin = out.get(end) ?? { arrivals: 0, attempts: 0, seconds: 0 };
    bin.arrivals += s.arrivals;
    bin.attempts += s.attempts;
    bin.seconds += step;
    out.set(end, bin);
  }
  return [...out.entries()].map(([t, b]) => ({
    t,
    arrivals: b.arrivals / b.seconds,
    attempts: b.attempts / b.seconds,
  }));
}

/** The figures as lines a person can compare between runs, each with its goal. */
export function formatHerd(r: HerdResult): string {
  const ratio = r.steadyRate === 0 ? Infinity : r.recoveryPeak / r.steadyRate;
  const p = r.plan;
  return [
    `herd: ${p.kiosks} kiosks in ${p.groups} processes, seed ${p.seed}; a citizen every ` +
      `${p.workload.meanArrivalSeconds / 60} min per kiosk (${p.workload.scans} scans of ` +
      `${(p.workload.scanBytes / 1024).toFixed(0)} KiB), heartbeat ${p.sync.heartbeatSeconds} s, ` +
      `retry cap ${p.sync.retryCapMs / 1000} s; back office capacity ` +
      (p.capacity === null
        ? 'unlimited'
        : `${p.capacity.perSecond}/s (Retry-After ${p.capacity.retryAfterSeconds.join('–')} s)`),
    `herd: steady ${r.steadyRate.toFixed(1)} requests/s (busiest ${p.binSeconds}-s bin ${r.steadyPeak.toFixed(1)}); ` +
      `outage ${p.outageMinutes} min; peak after return ${r.recoveryPeak.toFixed(1)}/s = ` +
      `${ratio.toFixed(2)}× steady (goal ≤ 3×)`,
    `herd: every queue empty ${r.drainSeconds === null ? 'NEVER' : `${r.drainSeconds} s`} after the return; ` +
      `${r.created} applications made, ${r.accepted} accepted, ${r.stillQueued} still queued; ` +
      `lost ${r.lost}, duplicated ${r.duplicated} ` +
      `(goal 0 / 0); ${r.overloaded} answered 503 (over capacity)`,
    `herd: requests ${Object.entries(r.requests)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}; ${r.wallSeconds.toFixed(0)} s of wall time`,
    ...(r.fleetAtReturn === null ? [] : [formatFleetView(r.fleetAtReturn)]),
    formatFleetView(r.fleet),
  ].join('\n');
}
