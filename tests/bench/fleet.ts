/**
 * `npm run bench:fleet`: a city of kiosks. The herd — FLEET_KIOSKS kiosks
 * (2,000) running the real sync code in FLEET_GROUPS processes against the
 * test back office, an hour's outage on the manual clock, the return — then
 * the figures with their goals and the plot (tests/artifacts/fleet-herd.svg).
 * FLEET_SEED replays a run.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { systemClock } from '../../core/clock';
import { defaultConfig } from '../../electron/config/default';
import { kioskConfigSchema } from '../../electron/config/schema';
import { forkGroup, GROUP_FLAG, serveGroup } from '../fleet/group-process';
import { formatHerd, runHerd, type HerdPlan } from '../fleet/herd';
import { herdPlot } from '../fleet/plot';
import { benchWeekOffline } from './week-offline';

const ROOT = join(__dirname, '..', '..');
const env = (name: string, fallback: number): number => {
  const v = process.env[name];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : fallback;
};

async function herd(): Promise<void> {
  const seed = env('FLEET_SEED', Math.floor(Math.random() * 2 ** 31));
  console.log(`fleet: seed ${seed} (replay with FLEET_SEED=${seed})`);
  const plan: HerdPlan = {
    kiosks: env('FLEET_KIOSKS', 2000),
    groups: env('FLEET_GROUPS', 2),
    seed,
    // A busy hall: a citizen every 15 minutes at each kiosk, two scans each.
    workload: { meanArrivalSeconds: 900, scans: 2, scanBytes: 4096 },
    // The shipped defaults: what a station runs.
    sync: kioskConfigSchema.parse(defaultConfig).sync,
    steadyMinutes: env('FLEET_STEADY_MINUTES', 10),
    outageMinutes: env('FLEET_OUTAGE_MINUTES', 60),
    maxTailMinutes: 30,
    stepSeconds: 1,
    binSeconds: 10,
    capacity: null,
    // Now, not the test day: the fleet view's certificate expiry is read against it.
    startMs: Math.floor(systemClock.nowMs() / 1000) * 1000,
  };
  // Thousands of SQLite files and the back office's records: on tmpfs where there is one (the disk is not what is measured).
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = mkdtempSync(join(base, 'kiosk-fleet-'));
  try {
    const result = await runHerd(
      plan,
      dir,
      (spec) => forkGroup(process.argv[1] ?? '', spec),
      join(tmpdir(), 'police-kiosk-fleet-pki'),
      (line) => console.log(`fleet: ${line}`),
    );
    console.log(formatHerd(result));
    const out = join(ROOT, 'tests', 'artifacts');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'fleet-herd.svg'), herdPlot(result));
    writeFileSync(join(out, 'fleet-herd.json'), JSON.stringify(result, null, 1));
    console.log(`fleet: plot in tests/artifacts/fleet-herd.svg, figures in fleet-herd.json`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** FLEET_ONLY=herd or FLEET_ONLY=week runs one of the two. */
async function main(): Promise<void> {
  const started = performance.now();
  const only = process.env['FLEET_ONLY'];
  if (only !== 'week') await herd();
  if (only !== 'herd') {
    if (!existsSync(join(ROOT, 'dist', 'electron', 'web.cjs')))
      throw new Error('the week offline starts the built web host: run `npm run build` first');
    await benchWeekOffline();
  }
  console.log(
    `fleet: ${((performance.now() - started) / 1000).toFixed(0)} s in all (goal ≤ 600 s)`,
  );
}

if (process.argv.includes(GROUP_FLAG)) serveGroup();
else
  main().catch((cause: unknown) => {
    console.error(
      `fleet: failed: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`,
    );
    process.exit(1);
  });
