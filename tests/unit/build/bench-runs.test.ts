import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * `npm run bench` is bundled by run-ts and run outside the test runner, where a
 * path that only works from source breaks it unseen (it did, for four days).
 * The cheap figures go through the same entry point, bundle and start-up.
 */
describe('npm run bench', () => {
  it('bundles, starts and prints its cheap Node-side figures', () => {
    const run = spawnSync(process.execPath, ['build/scripts/bench.mjs'], {
      cwd: ROOT,
      env: { ...process.env, BENCH_ONLY: 'deframer,slip,engine,rules-check' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    // Node 22 (which `engines` allows) says node:sqlite is experimental; Node 24 does not. Anything else is ours.
    const ours = run.stderr
      .split('\n')
      .filter(
        (line) =>
          line !== '' &&
          !/ExperimentalWarning: SQLite is an experimental feature/.test(line) &&
          !line.startsWith('(Use `node --trace-warnings'),
      );
    expect(ours).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^deframer: [\d.]+ MB\/s/m);
    expect(run.stdout).toMatch(/^slip ESC\/POS encoding .*: \d+ µs per slip/m);
    expect(run.stdout).toMatch(/^rules engine .*p99 \d+ µs/m);
    expect(run.stdout).toMatch(/^rules check of all \d+ rule files/m);
  }, 150_000);
});
