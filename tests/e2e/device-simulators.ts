import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ROOT } from './harness';

/** A receipt the simulated printer cut: its text as a person reads it, and its pictures. */
export interface PrintedReceipt {
  readonly receipt: string;
  readonly pictures: readonly { width: number; height: number; bits: string }[];
}

export interface DeviceSimulators {
  /** A command to the simulators: `{place: 'adult'}`, `{fault: 'paperOut', on: true}` … */
  say(command: object): void;
  /** Every receipt printed so far, in order. */
  readonly printed: readonly PrintedReceipt[];
  stop(): Promise<void>;
}

/**
 * The wire-level simulators (electron/devices/sim/sim-cli.ts) in their own
 * process, on the device ends of PTY pairs: resolves once they are listening.
 * Receipts go to `printed`, which a test keeps across a restart (a device
 * unplugged and plugged back in).
 */
export async function startDeviceSimulators(
  ends: { readonly idcard?: string; readonly printer?: string; readonly scanner?: string },
  printed: PrintedReceipt[] = [],
): Promise<DeviceSimulators> {
  const args = Object.entries(ends).flatMap(([kind, path]) => [`--${kind}`, path]);
  const sim = spawn(
    process.execPath,
    [`${ROOT}/build/scripts/run-ts.mjs`, `${ROOT}/electron/devices/sim/sim-cli.ts`, ...args],
    { stdio: ['pipe', 'pipe', 'inherit'], cwd: ROOT },
  );
  await new Promise<void>((resolve) => {
    createInterface({ input: sim.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as { ready?: boolean } & Partial<PrintedReceipt>;
      if (message.ready === true) resolve();
      if (message.receipt !== undefined)
        printed.push({ receipt: message.receipt, pictures: message.pictures ?? [] });
    });
  });
  return {
    say: (command) => void sim.stdin.write(`${JSON.stringify(command)}\n`),
    printed,
    stop: () =>
      new Promise((resolve) => {
        if (sim.exitCode !== null || sim.signalCode !== null) return resolve();
        sim.once('exit', () => resolve());
        sim.kill();
      }),
  };
}
