import { serviceId } from '../service-id';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchKiosk } from '../../electron/kiosk/launch';
import { createLogger } from '../../electron/shared/log';
import { testClock } from '../test-clock';
import { passportSubmission, PASSPORT_ANSWERS } from '../fixtures/sample-application';
import { eventually } from './pty-pair';
import { CITIZEN, TECHNICIAN } from './callers';

const ROOT = join(__dirname, '..', '..');

/** The kiosk service as the web host runs it (demo devices), driven through its handlers. */
async function kiosk() {
  const started = await launchKiosk({
    config: { kind: 'demo' },
    dataDir: mkdtempSync(join(tmpdir(), 'kiosk-once-')),
    rulesDir: join(ROOT, 'rules'),
    version: 'test',
    log: createLogger({ quiet: true }),
    clock: testClock(),
  });
  if (!started.ok) throw new Error(started.error.message);
  return started.value;
}

/** A session for the passport with the adult sample card read, as a citizen starts one. */
async function sessionWithCard(service: Awaited<ReturnType<typeof kiosk>>): Promise<void> {
  let read = false;
  const off = service.subscribe((event) => {
    if (event === 'cardRead') read = true;
  });
  await service.handlers.startSession({ serviceId: serviceId('passport-first') }, CITIZEN);
  await service.handlers.demoPlaceCard({ cardId: 'adult' }, CITIZEN);
  await eventually('the card read', () => read, 5000);
  off();
}

describe('one card read, one application', () => {
  it('gives three submits at once and a fourth after them the same application, stored once', async () => {
    const service = await kiosk();
    try {
      const { handlers } = service;
      await sessionWithCard(service);
      const submit = () => handlers.submitApplication(passportSubmission(), CITIZEN);
      const first = await Promise.all([submit(), submit(), submit()]);
      const fourth = await submit();
      const numbers = [...first, fourth].map((r) => (r.ok ? r.value.applicationNo : r.error.code));
      expect(new Set(numbers).size).toBe(1);
      expect(numbers[0]).toMatch(/^20260615-/);
      // The store holds one application: the other three got its slip.
      const queue = await handlers.getDiagnostics({}, TECHNICIAN);
      expect(queue).toMatchObject({ ok: true });
      if (queue.ok) expect(queue.value.store.applications).toBe(1);
    } finally {
      await service.stop();
    }
  });

  it('lets a citizen correct a refused application and submit it again', async () => {
    const service = await kiosk();
    try {
      const { handlers } = service;
      await sessionWithCard(service);
      const wrong = await handlers.submitApplication(
        passportSubmission({ ...PASSPORT_ANSWERS, mobile: '123' }),
        CITIZEN,
      );
      expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_application' } });
      const right = await handlers.submitApplication(passportSubmission(), CITIZEN);
      expect(right.ok).toBe(true);
    } finally {
      await service.stop();
    }
  });
});
