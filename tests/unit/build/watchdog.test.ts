import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const WATCHDOG = join(__dirname, '..', '..', '..', 'build', 'linux', 'watchdog.sh');

/**
 * The watchdog script as the timer runs it, with a stand-in `systemctl` on the
 * PATH that answers like systemd and writes down what it is asked to do.
 */
function runWatchdog(options: {
  readonly active: boolean;
  /** Seconds since the service became active. */
  readonly activeFor: number;
  /** Seconds since the heartbeat file was written; null: no file. */
  readonly beatAge: number | null;
}): { calls: string[]; stderr: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'watchdog-'));
  const calls = join(dir, 'calls.txt');
  writeFileSync(
    join(dir, 'systemctl'),
    `#!/bin/sh
echo "$*" >> "${calls}"
case "$1" in
  is-active) ${options.active ? 'exit 0' : 'exit 3'} ;;
  show) date -u -d "@$(( $(date +%s) - ${options.activeFor} ))" '+%a %Y-%m-%d %H:%M:%S UTC' ;;
esac
exit 0
`,
  );
  chmodSync(join(dir, 'systemctl'), 0o755);
  writeFileSync(join(dir, 'logger'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(dir, 'logger'), 0o755);
  const heartbeat = join(dir, 'heartbeat.json');
  if (options.beatAge !== null) {
    writeFileSync(heartbeat, '{}');
    // Relative to the `date` the script will read, in the same environment it runs in.
    const shellNow = Number(
      spawnSync('date', ['+%s'], {
        encoding: 'utf8',
        env: { PATH: '/usr/bin:/bin' },
      }).stdout.trim(),
    );
    const mtime = shellNow - options.beatAge;
    utimesSync(heartbeat, mtime, mtime);
  }
  const result = spawnSync('sh', [WATCHDOG], {
    encoding: 'utf8',
    env: { PATH: `${dir}:/usr/bin:/bin`, KIOSK_HEARTBEAT_FILE: heartbeat },
  });
  const recorded = existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [];
  return { calls: recorded, stderr: result.stderr, status: result.status };
}

const restarted = (calls: readonly string[]) => calls.includes('restart police-kiosk.service');

describe('the kiosk watchdog (build/linux/watchdog.sh)', () => {
  it('restarts a kiosk whose heartbeat stopped two minutes ago', () => {
    const run = runWatchdog({ active: true, activeFor: 3600, beatAge: 120 });
    expect(run.status).toBe(0);
    expect(restarted(run.calls)).toBe(true);
    expect(run.stderr).toMatch(/no heartbeat for 1[12]\d s; restarting police-kiosk\.service/);
  });

  it('restarts a kiosk that never wrote a heartbeat', () => {
    const run = runWatchdog({ active: true, activeFor: 3600, beatAge: null });
    expect(restarted(run.calls)).toBe(true);
    expect(run.stderr).toMatch(/no heartbeat file/);
  });

  it('leaves a kiosk with a fresh heartbeat alone', () => {
    expect(restarted(runWatchdog({ active: true, activeFor: 3600, beatAge: 5 }).calls)).toBe(false);
  });

  it('gives a kiosk that just started time for its first beat', () => {
    expect(restarted(runWatchdog({ active: true, activeFor: 20, beatAge: null }).calls)).toBe(
      false,
    );
  });

  it('does nothing while the kiosk is stopped (a technician stopped it, or its start limit was hit)', () => {
    const run = runWatchdog({ active: false, activeFor: 3600, beatAge: null });
    expect(run.calls).toEqual(['is-active --quiet police-kiosk.service']);
  });
});
