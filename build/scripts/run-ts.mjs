// Runs one TypeScript entry point of ours in this Node: `node build/scripts/run-ts.mjs <file.ts> [args…]`.
// esbuild bundles it to a temporary CommonJS file first (imports without extensions, JSON, zod…).
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (entry === undefined) {
  console.error('usage: node build/scripts/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
// Inside node_modules/.cache so the externals (native addons) resolve from this project.
const cache = join('node_modules', '.cache', 'run-ts');
mkdirSync(cache, { recursive: true });
const outfile = resolve(mkdtempSync(join(cache, 'run-')), 'entry.cjs');
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  logLevel: 'warning',
  external: ['serialport', '@serialport/*', 'node-hid', 'playwright-core', 'dependency-cruiser'],
  // __dirname keeps meaning "the folder of the entry file", as when run from source.
  define: { __dirname: JSON.stringify(dirname(resolve(entry))) },
});
const child = spawn(process.execPath, [outfile, ...args], { stdio: 'inherit' });
// Stopping this wrapper stops the program too (tests stop simulators this way).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  rmSync(dirname(outfile), { recursive: true, force: true });
  process.exit(code ?? (signal === null ? 1 : 128));
});
