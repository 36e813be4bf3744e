import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyPair {
  /** The end the kiosk's driver opens, as it would open /dev/ttyUSB0. */
  readonly kioskEnd: string;
  /** The end the device simulator opens. */
  readonly deviceEnd: string;
  close(): Promise<void>;
}

/** A real pseudo-terminal pair from socat: bytes cross the kernel's tty layer like a serial cable. */
export async function openPtyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-pty-'));
  const kioskEnd = join(dir, 'kiosk');
  const deviceEnd = join(dir, 'device');
  const socat: ChildProcess = spawn(
    'socat',
    [`pty,raw,echo=0,link=${kioskEnd}`, `pty,raw,echo=0,link=${deviceEnd}`],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100 && !(existsSync(kioskEnd) && existsSync(deviceEnd)); i += 1) {
    await new Promise((r) => setTimeout(r, 20));
  }
  if (!existsSync(kioskEnd) || !existsSync(deviceEnd)) {
    socat.kill();
    throw new Error('socat did not create the PTY pair (is socat installed?)');
  }
  return {
    kioskEnd,
    deviceEnd,
    close: () =>
      new Promise<void>((resolve) => {
        if (socat.exitCode !== null) return resolve();
        socat.once('exit', () => resolve());
        socat.kill();
      }),
  };
}
