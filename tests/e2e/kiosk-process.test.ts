import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { ROOT } from './kiosk-process';

/*
 * A bench or test script that fails, or is stopped, takes the web hosts it started with it:
 * none is left holding a port and a CPU for the next run (issue 29's "leaves no web host
 * running behind it").
 */

/** Runs kiosk-then.ts (a kiosk, then `fail` or `wait`); answers the kiosk's pid and how the script ended. */
async function scriptWithKiosk(
  mode: 'fail' | 'wait',
  stop?: 'SIGTERM',
): Promise<{ kioskPid: number; code: number | null }> {
  const script = spawn(
    process.execPath,
    [
      join(ROOT, 'build', 'scripts', 'run-ts.mjs'),
      join(ROOT, 'tests', 'e2e', 'kiosk-then.ts'),
      mode,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const kioskPid = await new Promise<number>((resolvePid, reject) => {
    script.once('exit', () => reject(new Error('the script ended before its kiosk started')));
    createInterface({ input: script.stdout }).on('line', (line) => {
      if (line.startsWith('KIOSK_PID=')) resolvePid(Number(line.slice('KIOSK_PID='.length)));
    });
  });
  if (stop !== undefined) script.kill(stop);
  const code = await new Promise<number | null>((done) => {
    if (script.exitCode !== null) done(script.exitCode);
    else script.once('exit', (exitCode) => done(exitCode));
  });
  return { kioskPid, code };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a script that started a kiosk', () => {
  it('takes the kiosk with it when it fails', async () => {
    const { kioskPid, code } = await scriptWithKiosk('fail');
    expect(code).not.toBe(0);
    await expect.poll(() => alive(kioskPid)).toBe(false);
  });

  it('takes the kiosk with it when it is stopped', async () => {
    const { kioskPid } = await scriptWithKiosk('wait', 'SIGTERM');
    await expect.poll(() => alive(kioskPid)).toBe(false);
  });
});
