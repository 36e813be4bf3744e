// `npm run bench`: figures and ratios. First the Node side (tests/bench/index.ts:
// devices, rules, outbox), then the kiosk in Chromium (tests/e2e/renderer-bench.ts,
// which needs `npm run build` first). BENCH_JOURNEYS sets the journey count (40).
import { spawnSync } from 'node:child_process';

const started = performance.now();
for (const entry of ['tests/bench/index.ts', 'tests/e2e/renderer-bench.ts']) {
  const run = spawnSync(process.execPath, ['build/scripts/run-ts.mjs', entry], {
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
const seconds = (performance.now() - started) / 1000;
console.log(`bench: ${seconds.toFixed(0)} s in all (goal ≤ 300 s)`);
