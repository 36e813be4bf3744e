import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../core/clock';
import { PIN_PATTERN } from '../../core/limits';
import type { StaffRole } from '../../core/status';

/**
 * scrypt's cost for new PIN hashes: N = 2^17, r = 8, p = 1 (OWASP's current
 * guidance; 128 MiB and a few hundred ms per check). A 6-digit PIN has only a
 * million values, so the cost and the lockout together are what protect it.
 */
export const PIN_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

/** `scrypt$N$r$p$salt$hash` (base64): what `police-kiosk hash-pin` prints and the config holds. */
export async function hashPin(
  pin: string,
  params: { readonly N: number; readonly r: number; readonly p: number } = PIN_SCRYPT,
): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(pin, salt, params.N, params.r, params.p);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64'),
    hash.toString('base64'),
  ].join('$');
}

function derive(
  pin: string,
  salt: Buffer,
  N: number,
  r: number,
  p: number,
  length = 32,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; twice that leaves room.
    scrypt(pin.normalize('NFKC'), salt, length, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * The PINs a guesser tries first, so none of them protects a kiosk: one digit
 * repeated, runs up or down (123456, 654321, 012345…), pairs and triples
 * repeated (121212, 123123), and dates of birth, which a guesser tries by year
 * (19xx/20xx as YYMMDD or MMDDYY-like six digits). Says why, or null.
 */
export function guessablePin(pin: string): string | null {
  if (/^(\d)\1+$/.test(pin)) return 'one digit repeated';
  const steps = [...pin].slice(1).map((d, i) => (Number(d) - Number(pin[i]) + 10) % 10);
  if (steps.every((s) => s === 1) || steps.every((s) => s === 9)) return 'digits in a row';
  if (/^(\d{2})\1+$/.test(pin) || /^(\d{3})\1+$/.test(pin)) return 'a short pattern repeated';
  if (pin.length === 6) {
    const mm = Number(pin.slice(2, 4));
    const dd = Number(pin.slice(4, 6));
    if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) return 'a date (YYMMDD)';
  }
  if (pin.length === 8 && /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(pin))
    return 'a date (YYYYMMDD)';
  if (['520520', '131420', '147258', '159357', '147369', '789456', '456123'].includes(pin))
    return 'a keypad pattern or a common word-number';
  return null;
}

/** A stored hash made with less than today's cost: it still works, and readiness asks for a new one. */
export function weakPinHash(stored: string): boolean {
  const [scheme, N, r] = stored.split('$');
  return scheme !== 'scrypt' || Number(N) < PIN_SCRYPT.N || Number(r) < PIN_SCRYPT.r;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(
    pin,
    Buffer.from(salt, 'base64'),
    Number(N),
    Number(r),
    Number(p),
    expected.length,
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface LockoutPolicy {
  /** Wrong PINs allowed before the first lockout. */
  readonly freeAttempts: number;
  readonly firstLockoutMs: number;
  readonly maxLockoutMs: number;
}

export const defaultLockout: LockoutPolicy = {
  freeAttempts: 3,
  firstLockoutMs: 30_000,
  maxLockoutMs: 60 * 60_000,
};

/**
 * How long to refuse PINs after `failures` wrong ones in a row: nothing for
 * the first few, then a lockout that doubles with every further wrong PIN.
 */
export function lockoutMs(failures: number, policy: LockoutPolicy = defaultLockout): number {
  if (failures < policy.freeAttempts) return 0;
  return Math.min(
    policy.maxLockoutMs,
    policy.firstLockoutMs * 2 ** (failures - policy.freeAttempts),
  );
}

export interface StaffSessionPolicy {
  readonly idleMs: Readonly<Record<StaffRole, number>>;
  readonly absoluteMs: number;
}

export const defaultStaffSessionPolicy: StaffSessionPolicy = {
  idleMs: { guide: 15 * 60_000, technician: 10 * 60_000 },
  absoluteMs: 60 * 60_000,
};

/** The lockout and auto-lock a station configured (`staff` in the kiosk config). */
export function staffPolicy(config: {
  readonly freeAttempts: number;
  readonly firstLockoutSeconds: number;
  readonly maxLockoutSeconds: number;
  readonly guideAutoLockSeconds: number;
  readonly technicianAutoLockSeconds: number;
}): { lockout: LockoutPolicy; session: StaffSessionPolicy } {
  return {
    lockout: {
      freeAttempts: config.freeAttempts,
      firstLockoutMs: config.firstLockoutSeconds * 1000,
      maxLockoutMs: Math.max(config.firstLockoutSeconds, config.maxLockoutSeconds) * 1000,
    },
    session: {
      idleMs: {
        guide: config.guideAutoLockSeconds * 1000,
        technician: config.technicianAutoLockSeconds * 1000,
      },
      absoluteMs: defaultStaffSessionPolicy.absoluteMs,
    },
  };
}

export type UnlockResult =
  | { readonly ok: true; readonly role: StaffRole }
  | { readonly ok: false; readonly reason: 'no_pin_configured' }
  | { readonly ok: false; readonly reason: 'wrong_pin'; readonly attemptsBeforeLockout: number }
  | { readonly ok: false; readonly reason: 'locked_out'; readonly retryAfterSeconds: number };

/** Why a staff sign-in ended: signed out, inactive, too long, or the citizen session it belonged to is over. */
export type StaffEndReason = 'locked' | 'idle' | 'limit' | 'session_ended';

export interface StaffAuth {
  unlock(role: StaffRole, pin: string): Promise<UnlockResult>;
  /**
   * The unlocked role, if any. A sign-in belongs to the citizen session it was
   * opened in (or to the staff screens outside one): it ends when that session
   * ends or another begins, after inactivity, or at the absolute limit.
   */
  current(): StaffRole | null;
  touch(): void;
  lock(): void;
  /** Called once when a sign-in ends, whatever the reason. */
  onEnd(listener: (role: StaffRole, reason: StaffEndReason) => void): void;
}

/** Wrong PINs in a row and the end of the lockout (wall-clock ms): what must outlive a restart. */
export interface LockoutState {
  readonly failures: number;
  readonly lockedUntil: number;
}

/** Where the lockout is kept; in memory unless the kiosk gives a file (`lockout-file.ts`). */
export interface LockoutMemory {
  load(): LockoutState;
  save(state: LockoutState): void;
}

export const inMemoryLockout = (): LockoutMemory => {
  let state: LockoutState = { failures: 0, lockedUntil: 0 };
  return {
    load: () => state,
    save: (next) => {
      state = next;
    },
  };
};

/**
 * Staff PIN check with lockout: wrong PINs for either role count together
 * (a person guessing does not get two budgets), and the lockout doubles.
 * The count and the lockout live in `memory`, so pulling the plug does not
 * hand a guesser a fresh budget.
 */
export function createStaffAuth(
  hashes: Readonly<Partial<Record<StaffRole, string>>>,
  clock: Clock,
  policy: { lockout: LockoutPolicy; session: StaffSessionPolicy } = {
    lockout: defaultLockout,
    session: defaultStaffSessionPolicy,
  },
  memory: LockoutMemory = inMemoryLockout(),
  /** The citizen session at the screen (its id), or null when nobody is being served. */
  citizenSession: () => string | null = () => null,
): StaffAuth {
  const now = (): number => clock.nowMs();
  let { failures, lockedUntil } = memory.load();
  let session: { role: StaffRole; since: number; last: number; scope: string | null } | null = null;
  const endListeners: ((role: StaffRole, reason: StaffEndReason) => void)[] = [];
  const end = (reason: StaffEndReason): void => {
    if (session === null) return;
    const { role } = session;
    session = null;
    for (const listener of endListeners) listener(role, reason);
  };

  const current = (): StaffRole | null => {
    if (session === null) return null;
    const t = now();
    if (session.scope !== citizenSession()) end('session_ended');
    else if (t - session.last > policy.session.idleMs[session.role]) end('idle');
    else if (t - session.since > policy.session.absoluteMs) end('limit');
    return session?.role ?? null;
  };

  /**
   * One attempt at a time, counted before it is checked: the attempt is saved
   * as a failure, then scrypt runs, then a right PIN clears it. Two hundred
   * attempts sent at once therefore get at most `freeAttempts` checks before
   * the lockout, and a kill during the check still counts the guess.
   */
  const attempt = async (role: StaffRole, pin: string): Promise<UnlockResult> => {
    const hash = hashes[role];
    if (hash === undefined) return { ok: false, reason: 'no_pin_configured' };
    const t = now();
    if (t < lockedUntil) {
      return {
        ok: false,
        reason: 'locked_out',
        retryAfterSeconds: Math.ceil((lockedUntil - t) / 1000),
      };
    }
    failures += 1;
    const wait = lockoutMs(failures, policy.lockout);
    const lockedBefore = lockedUntil;
    if (wait > 0) lockedUntil = t + wait;
    memory.save({ failures, lockedUntil });
    if (PIN_PATTERN.test(pin) && (await verifyPin(pin, hash))) {
      failures = 0;
      lockedUntil = lockedBefore;
      memory.save({ failures, lockedUntil });
      const at = now();
      end('locked');
      session = { role, since: at, last: at, scope: citizenSession() };
      return { ok: true, role };
    }
    if (wait > 0) {
      return { ok: false, reason: 'locked_out', retryAfterSeconds: Math.ceil(wait / 1000) };
    }
    return {
      ok: false,
      reason: 'wrong_pin',
      attemptsBeforeLockout: policy.lockout.freeAttempts - failures,
    };
  };
  let queue: Promise<unknown> = Promise.resolve();

  return {
    unlock(role, pin) {
      const result = queue.then(() => attempt(role, pin));
      queue = result.catch(() => undefined);
      return result;
    },
    current,
    touch() {
      if (current() !== null && session !== null) session.last = now();
    },
    lock() {
      end('locked');
    },
    onEnd(listener) {
      endListeners.push(listener);
    },
  };
}
