// `npm run bench`: figures and ratios from tests/bench/index.ts.
import { spawnSync } from 'node:child_process';

const run = spawnSync(process.execPath, ['build/scripts/run-ts.mjs', 'tests/bench/index.ts'], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
