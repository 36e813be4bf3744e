import { sleep } from './sleep';

/**
 * The one polling loop of the tests: asks `check` until it holds, and fails
 * saying what it waited for (`what` may be worked out when it fails, to show the state then). Only for what no clock moves and no page shows —
 * a child process, a PTY, a real serial line, a kiosk running on the machine
 * clock (`why` says which). A page is polled with `expect.poll`; a kiosk part
 * on a manual clock is moved, not waited for. `check` may throw to stop early
 * (the child it waits on has exited).
 */
export async function pollUntil(
  what: string | (() => string),
  check: () => boolean | Promise<boolean>,
  { timeoutMs = 5000, everyMs = 20, why }: { timeoutMs?: number; everyMs?: number; why: string },
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline)
      throw new Error(`not within ${timeoutMs} ms: ${typeof what === 'string' ? what : what()}`);
    await sleep(everyMs, why);
  }
}
