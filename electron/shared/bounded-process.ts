import { spawn } from 'node:child_process';
import { ok, type Result } from '../../core/result';

const fail = (failure: RunFailure): Result<never, RunFailure> => ({ ok: false, error: failure });

/** Why a helper program gave no answer. */
export type RunFailure =
  | { readonly kind: 'timeout'; readonly ms: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'too_large'; readonly limit: number }
  | { readonly kind: 'exit'; readonly code: number | null }
  | { readonly kind: 'spawn'; readonly message: string };

export interface BoundedRun {
  readonly result: Promise<Result<Buffer, RunFailure>>;
  /** Kills the program and everything it started; the result says `cancelled`. */
  cancel(): void;
  /**
   * Settles once the program and its children have closed their ends of the pipes, i.e. have
   * exited (or could not start): a killed group can take a moment to die after its result.
   */
  readonly ended: Promise<void>;
}

export interface BoundedRunOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly input: Uint8Array;
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
}

/**
 * Runs a helper program (the handwriting recognizer, a card photo decoder) in a
 * process group of its own, with its input on stdin and a bound on time and
 * output. On timeout, cancel or too much output the WHOLE group is killed: a
 * shell's children (`cat | zinnia`) would otherwise outlive it and keep running.
 */
export function runBounded(options: BoundedRunOptions): BoundedRun {
  let settle: (result: Result<Buffer, RunFailure>) => void = () => undefined;
  let markEnded: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  const result = new Promise<Result<Buffer, RunFailure>>((resolve) => (settle = resolve));
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const child = spawn(options.command, [...options.args], {
    stdio: ['pipe', 'pipe', 'ignore'],
    shell: false,
    detached: true,
    windowsHide: true,
  });
  const killGroup = (): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const finish = (outcome: Result<Buffer, RunFailure>): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    if (!outcome.ok) {
      killGroup();
      for (const chunk of chunks) chunk.fill(0);
    }
    settle(outcome);
  };
  // The machine's timer, not the kiosk's clock, on purpose: the helper runs in the machine's time,
  // and a test that moved a clock would not make it answer sooner.
  // eslint-disable-next-line no-restricted-syntax
  const timer = setTimeout(
    () => finish(fail({ kind: 'timeout', ms: options.timeoutMs })),
    options.timeoutMs,
  );
  child.on('error', (cause) => {
    finish(fail({ kind: 'spawn', message: cause.message }));
    markEnded();
  });
  child.stdout.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > options.maxOutputBytes) {
      finish(fail({ kind: 'too_large', limit: options.maxOutputBytes }));
      return;
    }
    chunks.push(chunk);
  });
  child.on('close', (code) => {
    markEnded();
    if (code !== 0) return finish(fail({ kind: 'exit', code }));
    const bytes = Buffer.concat(chunks);
    for (const chunk of chunks) chunk.fill(0);
    finish(ok(bytes));
  });
  // A program that exits without reading its input must not crash the kiosk (EPIPE).
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.input);
  return { result, ended, cancel: () => finish(fail({ kind: 'cancelled' })) };
}

/** How long a cancelled program may take to die before the next starts anyway (a process stuck in the kernel). */
const DYING_WAIT_MS = 1000;

/**
 * One run at a time: a newer request cancels the one still running (its caller
 * gets `cancelled`) and starts only once that one's processes have exited, so a
 * burst of requests never stacks up programs, not even for the moment a killed
 * one takes to die. A request overtaken while it waits never starts.
 */
export function newestWins(): (start: () => BoundedRun) => BoundedRun['result'] {
  let current: BoundedRun | null = null;
  let newest = 0;
  return async (start) => {
    newest += 1;
    const mine = newest;
    const previous = current;
    if (previous !== null) {
      previous.cancel();
      await untilEndedOrBound(previous.ended);
    }
    if (mine !== newest) return fail({ kind: 'cancelled' });
    const run = start();
    current = run;
    void run.ended.then(() => {
      if (current === run) current = null;
    });
    return run.result;
  };
}

function untilEndedOrBound(ended: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    // The machine's time, as the helper's own limit above: the process dies in it.
    // eslint-disable-next-line no-restricted-syntax
    const bound = setTimeout(resolve, DYING_WAIT_MS);
    void ended.then(() => {
      clearTimeout(bound);
      resolve();
    });
  });
}

/** Words for the technician's log (never the program's output: it may be personal). */
export function describeFailure(failure: RunFailure): string {
  switch (failure.kind) {
    case 'timeout':
      return `no answer within ${failure.ms} ms`;
    case 'cancelled':
      return 'cancelled by a newer request';
    case 'too_large':
      return `more than ${failure.limit} bytes of output`;
    case 'exit':
      return `exited with ${failure.code}`;
    case 'spawn':
      return failure.message;
  }
}
