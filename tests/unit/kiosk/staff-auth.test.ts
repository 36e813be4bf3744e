import { manualClock } from '../../../core/clock';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../../electron/config/schema';
import { defaultConfig } from '../../../electron/config/default';
import { lockoutFile } from '../../../electron/kiosk/lockout-file';
import type { Logger } from '../../../electron/shared/log';
import {
  createStaffAuth,
  hashPin,
  lockoutMs,
  PIN_SCRYPT,
  weakPinHash,
  staffPolicy,
  verifyPin,
} from '../../../electron/kiosk/staff-auth';

const fast = { N: 1024, r: 8, p: 1 };
const collectingLog = (events: string[]): Logger => ({
  info: (event) => events.push(event),
  warn: (event) => events.push(event),
  error: (event) => events.push(event),
});

describe('staff PINs under attack', () => {
  it('gives 200 attempts sent at once no more guesses than the lockout allows, the right PIN 150th included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockout-'));
    const path = join(dir, 'staff-lockout.json');
    const clock = manualClock(new Date('2026-06-15T02:00:00Z'));
    const auth = createStaffAuth(
      { technician: await hashPin('246810', fast) },
      clock,
      undefined,
      lockoutFile(path, collectingLog([]), 3),
    );
    const pins = Array.from({ length: 200 }, (_, i) =>
      i === 149 ? '246810' : String(100000 + i).padStart(6, '0'),
    );
    const results = await Promise.all(pins.map((pin) => auth.unlock('technician', pin)));
    // Three PINs were checked (two told "wrong", the third locked the door); the rest were refused unchecked.
    expect(results.filter((r) => !r.ok && r.reason === 'wrong_pin')).toHaveLength(2);
    expect(results[2]).toEqual({ ok: false, reason: 'locked_out', retryAfterSeconds: 30 });
    expect(results.slice(3).every((r) => !r.ok && r.reason === 'locked_out')).toBe(true);
    expect(results[149]).toMatchObject({ ok: false, reason: 'locked_out' });
    expect(auth.current()).toBeNull();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ failures: 3 });
  });

  it('counts a guess before checking it: the record says failed while scrypt runs', async () => {
    const saved: number[] = [];
    const auth = createStaffAuth(
      { guide: await hashPin('135790', fast) },
      manualClock(new Date(0)),
      undefined,
      { load: () => ({ failures: 0, lockedUntil: 0 }), save: (s) => saved.push(s.failures) },
    );
    await auth.unlock('guide', '135790');
    // Counted as a failure first (a kill now would keep it), cleared once the PIN proved right.
    expect(saved).toEqual([1, 0]);
  });

  it('refuses a PIN shorter than six digits before any check, and hashes new PINs at N = 2^17', async () => {
    const auth = createStaffAuth(
      { guide: await hashPin('135790', fast) },
      manualClock(new Date(0)),
    );
    expect(await auth.unlock('guide', '1357')).toMatchObject({ ok: false, reason: 'wrong_pin' });
    expect(PIN_SCRYPT.N).toBe(2 ** 17);
    expect(weakPinHash(await hashPin('135790', fast))).toBe(true);
    expect(weakPinHash(String(defaultConfig.staff.guidePinHash))).toBe(false);
  });
});

describe('staff PINs', () => {
  it('stores a salted scrypt hash and verifies only the right PIN', async () => {
    const hash = await hashPin('246810', fast);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(hash).not.toContain('246810');
    await expect(verifyPin('246810', hash)).resolves.toBe(true);
    await expect(verifyPin('246811', hash)).resolves.toBe(false);
    expect(await hashPin('246810', fast)).not.toBe(hash);
  });

  it('locks out after three wrong PINs, doubling each time, capped at an hour', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => lockoutMs(n))).toEqual([
      0, 0, 30_000, 60_000, 120_000, 240_000,
    ]);
    expect(lockoutMs(40)).toBe(3_600_000);
  });

  it('refuses even the right PIN while locked out, and counts both roles together', async () => {
    const clock = manualClock(new Date(1_000_000));
    const auth = createStaffAuth(
      { technician: await hashPin('246810', fast), guide: await hashPin('135790', fast) },
      clock,
    );
    expect(await auth.unlock('technician', '000000')).toEqual({
      ok: false,
      reason: 'wrong_pin',
      attemptsBeforeLockout: 2,
    });
    expect(await auth.unlock('guide', '000000')).toEqual({
      ok: false,
      reason: 'wrong_pin',
      attemptsBeforeLockout: 1,
    });
    expect(await auth.unlock('technician', '000000')).toEqual({
      ok: false,
      reason: 'locked_out',
      retryAfterSeconds: 30,
    });
    expect(await auth.unlock('technician', '246810')).toMatchObject({
      ok: false,
      reason: 'locked_out',
    });
    clock.advance(30_000);
    expect(await auth.unlock('technician', '000001')).toEqual({
      ok: false,
      reason: 'locked_out',
      retryAfterSeconds: 60,
    });
    clock.advance(60_000);
    expect(await auth.unlock('technician', '246810')).toEqual({ ok: true, role: 'technician' });
    expect(auth.current()).toBe('technician');
  });

  it('ends a technician session after 10 minutes without activity', async () => {
    const clock = manualClock(new Date(0));
    const auth = createStaffAuth({ technician: await hashPin('246810', fast) }, clock);
    await auth.unlock('technician', '246810');
    clock.advance(9 * 60_000);
    auth.touch();
    clock.advance(9 * 60_000);
    expect(auth.current()).toBe('technician');
    clock.advance(11 * 60_000);
    expect(auth.current()).toBeNull();
  });

  it('says so when no PIN is configured for a role', async () => {
    expect(await createStaffAuth({}, manualClock(new Date(0))).unlock('guide', '123456')).toEqual({
      ok: false,
      reason: 'no_pin_configured',
    });
  });

  it('follows the lockout and auto-lock settings', async () => {
    const clock = manualClock(new Date(0));
    const config = kioskConfigSchema.parse({
      ...defaultConfig,
      staff: {
        ...defaultConfig.staff,
        freeAttempts: 1,
        firstLockoutSeconds: 5,
        guideAutoLockSeconds: 60,
      },
    });
    const auth = createStaffAuth(
      { guide: await hashPin('135790', fast) },
      clock,
      staffPolicy(config.staff),
    );
    expect(await auth.unlock('guide', '000000')).toEqual({
      ok: false,
      reason: 'locked_out',
      retryAfterSeconds: 5,
    });
    clock.advance(5_000);
    expect(await auth.unlock('guide', '135790')).toEqual({ ok: true, role: 'guide' });
    clock.advance(61_000);
    expect(auth.current()).toBeNull();
  });

  it('defaults to three free attempts, 30 s doubling to an hour, guide 15 min and technician 10 min', () => {
    const { staff } = kioskConfigSchema.parse(defaultConfig);
    expect(staffPolicy(staff)).toEqual({
      lockout: { freeAttempts: 3, firstLockoutMs: 30_000, maxLockoutMs: 3_600_000 },
      session: { idleMs: { guide: 900_000, technician: 600_000 }, absoluteMs: 3_600_000 },
    });
  });
  it('keeps the lockout across a restart, in a file with no PIN in it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockout-'));
    const path = join(dir, 'staff-lockout.json');
    const log = collectingLog([]);
    const hashes = { technician: await hashPin('246810', fast) };
    const clock = manualClock(new Date(5_000_000));
    const before = createStaffAuth(hashes, clock, undefined, lockoutFile(path, log, 3));
    for (const pin of ['000000', '000001']) await before.unlock('technician', pin);
    expect(await before.unlock('technician', '000002')).toMatchObject({ reason: 'locked_out' });
    expect(readFileSync(path, 'utf8')).not.toContain('246810');
    expect(statSync(path).mode & 0o777).toBe(0o600);

    // The kiosk restarts: the same file, a new process.
    clock.advance(10_000);
    const after = createStaffAuth(hashes, clock, undefined, lockoutFile(path, log, 3));
    expect(await after.unlock('technician', '246810')).toEqual({
      ok: false,
      reason: 'locked_out',
      retryAfterSeconds: 20,
    });
    clock.advance(20_000);
    expect(await after.unlock('technician', '246810')).toEqual({ ok: true, role: 'technician' });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ failures: 0 });
  });

  it('gives no fresh budget when the lockout file is damaged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockout-'));
    const path = join(dir, 'staff-lockout.json');
    writeFileSync(path, '{"failures":');
    const lines: string[] = [];
    const log = collectingLog(lines);
    const hashes = { technician: await hashPin('246810', fast) };
    const auth = createStaffAuth(
      hashes,
      manualClock(new Date(1_000)),
      undefined,
      lockoutFile(path, log, 3),
    );
    expect(await auth.unlock('technician', '000000')).toMatchObject({ reason: 'locked_out' });
    expect(lines.join('')).toContain('staff.lockout_file_damaged');
  });
  it('still signs a technician in when the lockout file cannot be written (a full disk)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockout-'));
    // A directory where the temp file goes (writeFileAtomically's name): every write fails, as
    // on a full or read-only disk.
    const path = join(dir, 'staff-lockout.json');
    mkdirSync(`${path}.tmp-${process.pid}`);
    const events: string[] = [];
    const hashes = { technician: await hashPin('246810', fast) };
    const auth = createStaffAuth(
      hashes,
      manualClock(new Date(1_000)),
      undefined,
      lockoutFile(path, collectingLog(events), 3),
    );
    expect(await auth.unlock('technician', '000000')).toMatchObject({ reason: 'wrong_pin' });
    expect(await auth.unlock('technician', '246810')).toEqual({ ok: true, role: 'technician' });
    expect(events).toContain('staff.lockout_file_unwritable');
  });
});

describe('a staff sign-in belongs to the citizen session it was opened in', () => {
  const signIn = async (citizenSession: () => string | null) => {
    const ended: string[] = [];
    const auth = createStaffAuth(
      { guide: await hashPin('135790', fast) },
      manualClock(new Date(0)),
      undefined,
      undefined,
      citizenSession,
    );
    auth.onEnd((role, reason) => ended.push(`${role}:${reason}`));
    expect(await auth.unlock('guide', '135790')).toEqual({ ok: true, role: 'guide' });
    return { auth, ended };
  };

  it('ends when that session ends, so the next citizen starts without the guide', async () => {
    let session: string | null = 'session-a';
    const { auth, ended } = await signIn(() => session);
    expect(auth.current()).toBe('guide');
    session = null; // citizen A's session ended (idle, finished, cancelled)
    expect(auth.current()).toBeNull();
    session = 'session-b';
    expect(auth.current()).toBeNull();
    expect(ended).toEqual(['guide:session_ended']);
  });

  it('ends when a citizen starts a session after a sign-in on the staff screens, and is announced once', async () => {
    let session: string | null = null;
    const { auth, ended } = await signIn(() => session);
    expect(auth.current()).toBe('guide');
    session = 'session-b';
    expect(auth.current()).toBeNull();
    expect(auth.current()).toBeNull();
    expect(ended).toEqual(['guide:session_ended']);
  });

  it('says why it ended when signed out or inactive', async () => {
    const { auth, ended } = await signIn(() => null);
    auth.lock();
    auth.lock();
    expect(ended).toEqual(['guide:locked']);
  });
});
