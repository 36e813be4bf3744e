import { describe, expect, it } from 'vitest';
import { heartbeatChecks } from '../../../electron/cli/readiness';

const NOW = new Date('2026-06-15T02:00:00.000Z');
const beat = (payments: { open: number; refundAtWindow: number } | undefined): string =>
  JSON.stringify({
    status: 'serving',
    at: NOW.toISOString(),
    pid: 4242,
    version: '0.1.0',
    kioskId: 'KIOSK-01',
    devices: [],
    queue: { waiting: 0, needsAttention: 0 },
    ...(payments === undefined ? {} : { payments }),
    storage: { freeMb: 5000, ok: true },
    keyProtection: 'safeStorage (gnome_libsecret)',
  });

const paymentsLine = (text: string) =>
  heartbeatChecks('/run/kiosk/heartbeat.json', NOW, () => text).checks.find(
    (c) => c.name === 'payments',
  );

describe('readiness: payments', () => {
  it('says when no order is open', () => {
    expect(paymentsLine(beat({ open: 0, refundAtWindow: 0 }))).toMatchObject({
      level: 'ok',
      detail: 'no payment order is open',
    });
    // A heartbeat of a kiosk from before payments: nothing open.
    expect(paymentsLine(beat(undefined))?.level).toBe('ok');
  });
  it('warns about open orders and fails on a paid order a person must refund', () => {
    expect(paymentsLine(beat({ open: 2, refundAtWindow: 0 }))).toMatchObject({ level: 'warn' });
    const refund = paymentsLine(beat({ open: 0, refundAtWindow: 1 }));
    expect(refund?.level).toBe('fail');
    expect(refund?.detail).toContain('refund at the window');
  });
});
