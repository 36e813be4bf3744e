import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationBody } from '../../core/evaluation';
import { createLogger } from '../../electron/shared/log';
import { createEvaluationStore, type EvaluationStore } from '../../electron/store/evaluations';
import { createEvaluationSender } from '../../electron/sync/evaluations';
import { openApiChecker } from '../backoffice/openapi-check';
import { startBackOffice, type BackOffice } from '../backoffice/server';
import { applicationNoFor } from '../fixtures/sample-application';
import { startKioskSide, testPki, type KioskSide } from './sync-harness';

/**
 * 好差评 from the kiosk's sealed queue to the test back office over mutual TLS:
 * once per application, sealed at rest, emptied once held, and held once
 * however often it is sent.
 */
let office: BackOffice;
let kiosk: KioskSide;
const PHONE = '13911112222';

beforeAll(async () => {
  office = await startBackOffice({
    dir: mkdtempSync(join(tmpdir(), 'evaluation-backoffice-')),
    pki: testPki(),
  });
  kiosk = startKioskSide(office.url);
});
afterAll(async () => {
  await kiosk.close();
  await office.stop();
});

const senderFor = (store: EvaluationStore) =>
  createEvaluationSender({
    store,
    client: kiosk.client,
    clock: kiosk.clock,
    log: createLogger({
      quiet: true,
      file: join(kiosk.dir, 'logs', 'eval.log'),
      clock: kiosk.clock,
    }),
    audit: kiosk.audit,
  });

const body = (n: number): EvaluationBody => ({
  evaluationId: randomUUID(),
  applicationNo: applicationNoFor(70_000 + n),
  serviceId: 'passport-first',
  stationCode: '110105001',
  kioskId: 'KIOSK-T1',
  channel: 'self_service_terminal',
  rating: 'very_dissatisfied',
  reasons: ['guide_unclear', 'materials_excessive'],
  callbackPhone: PHONE,
  ratedAt: '2026-06-15T10:05:00+08:00',
});

describe('好差评 to the back office', () => {
  it('is sealed while it waits, held once, emptied after, and never rated twice', async () => {
    const store = createEvaluationStore(kiosk.db, Buffer.alloc(32, 7));
    const sender = senderFor(store);
    const rating = body(1);
    expect(store.add(rating).ok).toBe(true);
    const again = store.add({ ...rating, evaluationId: randomUUID() });
    expect(again.ok ? null : again.error.code).toBe('already_rated');
    const raw = kiosk.db.prepare('SELECT body FROM evaluations').get() as { body: Uint8Array };
    expect(Buffer.from(raw.body).includes(Buffer.from(PHONE))).toBe(false);

    await office.stop();
    expect(await sender.send()).toBe(0);
    expect(store.counts().waiting).toBe(1);
    await office.start();
    expect(await sender.send()).toBe(1);
    expect(store.counts()).toEqual({ waiting: 0, sent: 1, refused: 0 });
    const left = kiosk.db.prepare('SELECT length(body) AS n FROM evaluations').get() as {
      n: number;
    };
    expect(left.n).toBe(0);

    // Sent again with the same key (an answer that never arrived): held once.
    const resent = await kiosk.client.submitEvaluation(rating);
    expect(resent.kind).toBe('ok');
    expect(office.evaluations().filter((e) => e.applicationNo === rating.applicationNo)).toEqual([
      rating,
    ]);
    expect(
      office
        .exchanges()
        .filter((e) => e.fault === null)
        .flatMap(openApiChecker()),
    ).toEqual([]);
  });

  it('one the back office cannot file is refused for good, said, and not sent again', async () => {
    const store = createEvaluationStore(kiosk.db, Buffer.alloc(32, 7));
    const sender = senderFor(store);
    office.misbehave({ kind: 'reject', reason: '评价渠道未登记' }, { routes: ['evaluations'] });
    expect(store.add(body(2)).ok).toBe(true);
    expect(await sender.send()).toBe(0);
    expect(store.counts()).toMatchObject({ waiting: 0, refused: 1 });
  });
});
