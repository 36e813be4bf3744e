import { sleep } from '../sleep';
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
    for (let i = 0; i < 100 && !(existsSync(kioskEnd) && existsSync(deviceEnd)); i += 1) {
      await sleep(20, 'socat creates the PTY links in its own time');
    }
    if (!existsSync(kioskEnd) || !existsSync(deviceEnd))
      throw new Error('socat did not create the PTY pair (is socat installed?)');
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
      for (let i = 0; i < 50 && existsSync(kioskEnd); i += 1)
        await sleep(20, 'socat creates the PTY links in its own time');
    },
    replug: start,
    close: stop,
  };
}

/** Polls `check` until it is true or `ms` pass; says what it was waiting for. */
export async function eventually(what: string, check: () => boolean, ms = 5000): Promise<void> {
  const until = performance.now() + ms;
  while (!check()) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10, 'socat creates the PTY links in its own time');
  }
}
