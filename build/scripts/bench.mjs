// `npm run bench`: bundles tests/bench/index.ts with esbuild and runs it in this Node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const outfile = join(mkdtempSync(join(tmpdir(), 'kiosk-bench-')), 'bench.cjs');
await build({
  entryPoints: ['tests/bench/index.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  logLevel: 'warning',
  external: ['serialport', '@serialport/*', 'node-hid'],
  // __dirname must point at tests/bench for the benchmarks' file lookups.
  define: { __dirname: JSON.stringify(join(process.cwd(), 'tests', 'bench')) },
});
const run = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
process.exit(run.status ?? 1);
