// `npm run bench`: figures and ratios. First the Node side (tests/bench/index.ts:
// devices, rules, outbox), then the kiosk in Chromium (tests/e2e/renderer-bench.ts,
// which needs `npm run build` first). BENCH_JOURNEYS sets the journey count (40);
// BENCH_ONLY=drain,renderer runs only the figures named (names in tests/bench/index.ts).
import { spawnSync } from 'node:child_process';

const only = process.env.BENCH_ONLY?.split(',') ?? null;
const entries = [
  ['node', 'tests/bench/index.ts'],
  ['renderer', 'tests/e2e/renderer-bench.ts'],
].filter(([side]) => only === null || side === 'node' || only.includes(side));
const started = performance.now();
for (const [, entry] of entries) {
  const run = spawnSync(process.execPath, ['build/scripts/run-ts.mjs', entry], {
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
const seconds = (performance.now() - started) / 1000;
console.log(`bench: ${seconds.toFixed(0)} s in all (goal ≤ 300 s)`);
