import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';

const ROOT = resolve(__dirname, '..', '..');
export const RULES = join(ROOT, 'rules');

/** Bundles kiosk-child.ts once; native bindings stay in node_modules (found through NODE_PATH). */
export async function buildKioskChild(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-child-'));
  chmodSync(dir, 0o755);
  const file = join(dir, 'child.cjs');
  await build({
    entryPoints: [resolve(__dirname, 'kiosk-child.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'warning',
    external: ['serialport', 'node-hid', '@serialport/*'],
  });
  return file;
}

export interface KioskChild {
  readonly child: ChildProcess;
  /** The next line starting with one of `prefixes` (lines before it are kept for later calls). */
  next(prefixes: readonly string[], timeoutMs?: number): Promise<string>;
  send(command: string): void;
  readonly exited: Promise<number | null>;
  stderr(): string;
}

/**
 * Starts kiosk-child.ts (see its usage) — through `wrap` when given, e.g.
 * `unshare -m sh -c …` for a small disk of its own, or `setpriv` without the
 * capabilities that let root ignore file permissions.
 */
export function spawnKioskChild(
  childFile: string,
  args: readonly string[],
  wrap: readonly string[] = [],
): KioskChild {
  const [command = process.execPath, ...rest] =
    wrap.length > 0
      ? [...wrap, process.execPath, childFile, ...args]
      : [process.execPath, childFile, ...args];
  const child = spawn(command, rest, {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const lines: string[] = [];
  const waiting: (() => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const wake of waiting.splice(0)) wake();
  });
  let ended = false;
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      ended = true;
      for (const wake of waiting.splice(0)) wake();
      done(code);
    }),
  );
  return {
    child,
    async next(prefixes, timeoutMs = 30_000) {
      // eslint-disable-next-line no-restricted-syntax -- woken by each line the child writes: a wait on events, not a poll
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const at = lines.findIndex((l) => prefixes.some((p) => l.startsWith(p)));
        if (at !== -1) return lines.splice(0, at + 1).at(-1) ?? '';
        if (ended) throw new Error(`kiosk child exited before "${prefixes.join('|')}": ${stderr}`);
        if (performance.now() > deadline)
          throw new Error(`no "${prefixes.join('|')}" within ${timeoutMs} ms: ${stderr}`);
        await new Promise<void>((wake) => {
          waiting.push(wake);
          // eslint-disable-next-line no-restricted-syntax -- woken by the child's next line; 200 ms only bounds a missed wake
          setTimeout(wake, 200);
        });
      }
    },
    send(command) {
      child.stdin?.write(`${command}\n`);
    },
    exited,
    stderr: () => stderr,
  };
}
