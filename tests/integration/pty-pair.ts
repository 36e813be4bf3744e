import { pollUntil } from '../poll';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyPair {
  /** The end the kiosk's driver opens, as it would open /dev/ttyUSB0. */
  readonly kioskEnd: string;
  /** The end the device simulator opens. */
  readonly deviceEnd: string;
  /** Pulls the cable: both ends vanish, as when a USB-serial adapter is unplugged. */
  unplug(): Promise<void>;
  /** Plugs it back in under the same names. */
  replug(): Promise<void>;
  close(): Promise<void>;
}

/** A real pseudo-terminal pair from socat: bytes cross the kernel's tty layer like a serial cable. */
export async function openPtyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-pty-'));
  const kioskEnd = join(dir, 'kiosk');
  const deviceEnd = join(dir, 'device');
  let socat: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    socat = spawn(
      'socat',
      [`pty,raw,echo=0,link=${kioskEnd}`, `pty,raw,echo=0,link=${deviceEnd}`],
      { stdio: 'ignore' },
    );
    await pollUntil(
      'socat to create the PTY pair (is socat installed?)',
      () => existsSync(kioskEnd) && existsSync(deviceEnd),
      { timeoutMs: 2000, why: 'socat creates the PTY links in its own time' },
    );
  };
  const stop = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const proc = socat;
      if (proc === null || proc.exitCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill();
    });
  await start();
  return {
    kioskEnd,
    deviceEnd,
    async unplug() {
      await stop();
      // Gone or not after a second, the line is unplugged: the driver notices either way.
      await pollUntil('socat to remove the PTY link', () => !existsSync(kioskEnd), {
        timeoutMs: 1000,
        why: 'socat removes the PTY links in its own time',
      }).catch(() => undefined);
    },
    replug: start,
    close: stop,
  };
}

/** Polls `check` until it is true or `ms` pass; says what it was waiting for. */
export const eventually = (what: string, check: () => boolean, ms = 5000): Promise<void> =>
  pollUntil(what, check, {
    timeoutMs: ms,
    everyMs: 10,
    why: 'socat and the serial line run in their own time',
  });
