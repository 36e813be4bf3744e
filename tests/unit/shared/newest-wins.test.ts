import { describe, expect, it } from 'vitest';
import { ok } from '../../../core/result';
import { newestWins, type BoundedRun } from '../../../electron/shared/bounded-process';

/** A helper run whose death the test decides: cancel settles its result; `die` ends it. */
function heldRun(log: string[], name: string): BoundedRun & { die(): void } {
  let settle: (value: Awaited<BoundedRun['result']>) => void = () => undefined;
  let die: () => void = () => undefined;
  const result = new Promise<Awaited<BoundedRun['result']>>((resolve) => (settle = resolve));
  const ended = new Promise<void>((resolve) => (die = resolve));
  log.push(`start ${name}`);
  return {
    result,
    ended,
    cancel: () => {
      log.push(`cancel ${name}`);
      settle({ ok: false, error: { kind: 'cancelled' } });
    },
    die: () => {
      log.push(`ended ${name}`);
      settle(ok(Buffer.from(name)));
      die();
    },
  };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('newestWins', () => {
  it('starts a newer run only once the cancelled one has died, and never starts one overtaken while waiting', async () => {
    const log: string[] = [];
    const runs = new Map<string, ReturnType<typeof heldRun>>();
    const start = (name: string) => () => {
      const run = heldRun(log, name);
      runs.set(name, run);
      return run;
    };
    const oneAtATime = newestWins();
    const first = oneAtATime(start('a'));
    await flush();
    const second = oneAtATime(start('b'));
    const third = oneAtATime(start('c'));
    await flush();
    // a is cancelled but still dying: neither b nor c has started.
    expect(log).toEqual(['start a', 'cancel a', 'cancel a']);
    expect(await first).toEqual({ ok: false, error: { kind: 'cancelled' } });
    runs.get('a')!.die();
    expect(await second).toEqual({ ok: false, error: { kind: 'cancelled' } });
    await flush();
    expect(log).toEqual(['start a', 'cancel a', 'cancel a', 'ended a', 'start c']);
    runs.get('c')!.die();
    expect(await third).toEqual(ok(Buffer.from('c')));
    // Nothing running: the next starts at once, with nothing to cancel.
    const fourth = oneAtATime(start('d'));
    await flush();
    expect(log.at(-1)).toBe('start d');
    runs.get('d')!.die();
    expect((await fourth).ok).toBe(true);
  });
});
