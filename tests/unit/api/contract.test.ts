import { describe, expect, it } from 'vitest';
import { events, methods, type KioskHandlers } from '../../../electron/api/contract';
import { createDispatch } from '../../../electron/api/dispatch';
import { EVENT_NAMES, METHOD_NAMES } from '../../../electron/api/names';
import { createLogger } from '../../../electron/shared/log';
import { err, ok } from '../../../core/result';

const quiet = createLogger({ quiet: true });

/** Handlers for every method; each test overrides the one it exercises. */
function handlers(overrides: Partial<KioskHandlers> = {}): KioskHandlers {
  const unexpected = async () => err('not_in_this_test', 'not used');
  const all = Object.fromEntries(
    METHOD_NAMES.map((name) => [name, unexpected]),
  ) as unknown as KioskHandlers;
  return { ...all, ...overrides };
}

describe('the API contract', () => {
  it('declares exactly the names the preload exposes', () => {
    expect(Object.keys(methods).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('rejects extra fields on inputs (strict objects)', () => {
    expect(methods.getService.input.safeParse({ serviceId: 'x' }).success).toBe(true);
    expect(methods.getService.input.safeParse({ serviceId: 'x', admin: true }).success).toBe(false);
  });

  it('bounds answer sizes so a page cannot flood the main process', () => {
    const huge = { serviceId: 'x', answers: { a: 'x'.repeat(2001) } };
    expect(methods.submitApplication.input.safeParse(huge).success).toBe(false);
  });
});

describe('dispatch shared by IPC and the web host', () => {
  it('validates input before the handler sees it, and explains which field', async () => {
    let called = false;
    const dispatch = createDispatch(
      handlers({
        getService: async () => {
          called = true;
          return err('x', 'x');
        },
      }),
      quiet,
    );
    const result = await dispatch('getService', { serviceId: 7 });
    expect(called).toBe(false);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'bad_input', details: [{ path: 'serviceId' }] },
    });
  });

  it('refuses a method the contract does not have', async () => {
    const result = await createDispatch(handlers(), quiet)('__proto__', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('passes expected failures through as values', async () => {
    const dispatch = createDispatch(
      handlers({ demoRemoveCard: async () => err('not_demo', 'no sims') }),
      quiet,
    );
    await expect(dispatch('demoRemoveCard', {})).resolves.toEqual({
      ok: false,
      error: { code: 'not_demo', message: 'no sims' },
    });
  });

  it('turns a thrown bug into an internal error instead of crashing the caller', async () => {
    const dispatch = createDispatch(
      handlers({
        listDevices: async () => {
          throw new Error('boom with secret 110105198806150032');
        },
      }),
      quiet,
    );
    const result = await dispatch('listDevices', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('110105');
  });

  it('refuses handler output that breaks the contract', async () => {
    const dispatch = createDispatch(
      handlers({ listDevices: async () => ok([{ id: 'x' }] as never) }),
      quiet,
    );
    await expect(dispatch('listDevices', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});
