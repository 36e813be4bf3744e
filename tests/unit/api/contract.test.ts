import { describe, expect, it } from 'vitest';
import { events, methods, type KioskHandlers } from '../../../core/api/contract';
import { createDispatch } from '../../../electron/api/dispatch';
import { EVENT_NAMES, METHOD_NAMES } from '../../../core/api/names';
import { createLogger } from '../../../electron/shared/log';
import { err, errFacts, ok } from '../../../core/result';

const quiet = createLogger({ quiet: true });
/** Nobody signed in: the caller is a citizen. */
const citizen = { role: () => 'citizen' as const, touch: () => undefined };

/** Handlers for every method; each test overrides the one it exercises. */
function handlers(overrides: Partial<KioskHandlers> = {}): KioskHandlers {
  const unexpected = async () => {
    throw new Error('not used in this test');
  };
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

  it('takes only a known screen name with a call for staff, so no free text reaches the audit log', () => {
    expect(methods.callStaff.input.safeParse({ screen: 'review' }).success).toBe(true);
    expect(methods.callStaff.input.safeParse({ screen: '王晓明 110105198806150032' }).success).toBe(
      false,
    );
    expect(methods.answerStaffCall.roles).not.toContain('citizen');
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
          return err('unknown_service', 'x');
        },
      }),
      quiet,
      citizen,
    );
    const result = await dispatch('getService', { serviceId: 7 });
    expect(called).toBe(false);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'bad_input', details: [{ path: 'serviceId' }] },
    });
  });

  it('refuses a method the contract does not have', async () => {
    const result = await createDispatch(handlers(), quiet, citizen)('__proto__', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('passes expected failures through as values', async () => {
    const dispatch = createDispatch(
      handlers({ demoRemoveCard: async () => err('not_demo', 'no sims') }),
      quiet,
      citizen,
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
      citizen,
    );
    const result = await dispatch('listDevices', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('110105');
  });

  it('lets only the roles a method declares call it, and counts staff calls as activity', async () => {
    let role: 'citizen' | 'guide' | 'technician' = 'citizen';
    let touched = 0;
    const access = { role: () => role, touch: () => (touched += 1) };
    const dispatch = createDispatch(
      handlers({
        listRuleProblems: async () => ok([]),
        syncNow: async () => ok({ due: 0 }),
        listServices: async () => ok([]),
      }),
      quiet,
      access,
    );
    await expect(dispatch('listRuleProblems', {})).resolves.toMatchObject({
      error: { code: 'staff_locked' },
    });
    await expect(dispatch('syncNow', {})).resolves.toMatchObject({
      error: { code: 'staff_locked' },
    });
    role = 'guide';
    await expect(dispatch('syncNow', {})).resolves.toEqual({ ok: true, value: { due: 0 } });
    await expect(dispatch('listRuleProblems', {})).resolves.toMatchObject({
      error: { code: 'staff_locked' },
    });
    role = 'technician';
    await expect(dispatch('listRuleProblems', {})).resolves.toEqual({ ok: true, value: [] });
    await expect(dispatch('listServices', {})).resolves.toEqual({ ok: true, value: [] });
    // syncNow and listRuleProblems are staff calls; listServices is anyone's.
    expect(touched).toBe(2);
  });

  it('declares who may call every method, and keeps technicians’ methods from guides', () => {
    for (const name of METHOD_NAMES) expect(methods[name].roles.length, name).toBeGreaterThan(0);
    for (const name of [
      'getDiagnostics',
      'deviceSelfTest',
      'getFrameLog',
      'listRuleProblems',
    ] as const)
      expect(methods[name].roles, name).toEqual(['technician']);
  });

  it('turns an error the method does not declare into an internal error', async () => {
    const dispatch = createDispatch(
      handlers({ getService: async () => err('surprise', 'x') as never }),
      quiet,
      citizen,
    );
    await expect(dispatch('getService', { serviceId: 'x' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('passes an error’s declared facts to the screen, and refuses one that lacks them', async () => {
    const unlock = (answer: unknown) =>
      createDispatch(
        handlers({ staffUnlock: async () => answer as never }),
        quiet,
        citizen,
      )('staffUnlock', { role: 'guide', pin: '123456' });
    await expect(
      unlock(errFacts('locked_out', 'too many', { retryAfterSeconds: 16 })),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'locked_out', facts: { retryAfterSeconds: 16 } },
    });
    // A number in the message is no fact: the screen would have to parse it.
    await expect(unlock(err('locked_out', 'wait 16 s'))).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    await expect(
      unlock(errFacts('wrong_pin', 'wrong', { attemptsBeforeLockout: -1 })),
    ).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses handler output that breaks the contract', async () => {
    const dispatch = createDispatch(
      handlers({ listDevices: async () => ok([{ id: 'x' }] as never) }),
      quiet,
      citizen,
    );
    await expect(dispatch('listDevices', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});
