import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/shared/log';

describe('the technical log on disk', () => {
  it('rotates by size and keeps a bounded number of files, so it cannot fill the disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-log-'));
    const file = join(dir, 'logs', 'kiosk.log');
    const log = createLogger({ file, quiet: true, maxBytes: 2_000, keep: 3 });
    for (let i = 0; i < 500; i += 1) log.info('sync.retry', { attempt: i, reason: 'HTTP 503' });
    const files = readdirSync(join(dir, 'logs')).sort();
    expect(files).toEqual(['kiosk.log', 'kiosk.log.1', 'kiosk.log.2', 'kiosk.log.3']);
    const total = files.reduce((sum, f) => sum + statSync(join(dir, 'logs', f)).size, 0);
    expect(total).toBeLessThanOrEqual(4 * 2_000);
    // The newest lines are in the current file, whole.
    const last = readFileSync(file, 'utf8').trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toMatchObject({ event: 'sync.retry', attempt: 499 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'logs')).mode & 0o777).toBe(0o700);
  });

  it('continues the size count of a file left by the last start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-log-'));
    const file = join(dir, 'kiosk.log');
    const first = createLogger({ file, quiet: true, maxBytes: 1_000, keep: 2 });
    for (let i = 0; i < 8; i += 1) first.info('app.start', { i });
    const second = createLogger({ file, quiet: true, maxBytes: 1_000, keep: 2 });
    for (let i = 0; i < 8; i += 1) second.info('app.start', { i });
    expect(statSync(file).size).toBeLessThanOrEqual(1_000);
    expect(readdirSync(dir).sort()).toEqual(['kiosk.log', 'kiosk.log.1']);
  });
});
