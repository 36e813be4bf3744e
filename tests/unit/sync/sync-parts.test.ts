import { serviceId } from '../../service-id';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manualClock, type ManualClock } from '../../../core/clock';
import type { ApplicationNo } from '../../../core/ids';
import { openAuditLog, type AuditLog } from '../../../electron/audit/audit-log';
import { createLogger } from '../../../electron/shared/log';
import { createApplicationStore, type ApplicationMeta } from '../../../electron/store/applications';
import { openDatabase } from '../../../electron/store/database';
import { createOutbox, type Outbox } from '../../../electron/store/outbox';
import type { Outcome } from '../../../electron/sync/classify';
import { createHeartbeatSender } from '../../../electron/sync/heartbeat-sender';
import { createSyncLink, type SyncLink } from '../../../electron/sync/link';
import { createOutboxPump } from '../../../electron/sync/outbox-pump';
import { createRetention } from '../../../electron/sync/retention';
import { samplePayload } from '../../fixtures/sample-application';

/**
 * The sync worker's parts, each alone on a manual clock: time is moved, never
 * waited for. The back office's answers are scripted at the client's edge;
 * the outbox is a real SQLite file (the integration tests run the whole worker
 * against the real test back office over TLS).
 */
const log = createLogger({ quiet: true });
const KEY = Buffer.alloc(32, 7);
const START = new Date('2026-06-15T02:00:00.000Z');
const CAP_MS = 300_000;

interface Bench {
  readonly clock: ManualClock;
  readonly audit: AuditLog;
  readonly auditPath: string;
  readonly link: SyncLink;
  readonly outbox: Outbox;
  readonly insert: (n: number) => void;
}

function bench(random = 0.5): Bench {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-sync-parts-'));
  const clock = manualClock(START);
  const auditPath = join(dir, 'audit', 'audit.jsonl');
  const audit = openAuditLog({ path: auditPath, log, clock });
  if (!audit.ok) throw new Error(audit.error.message);
  const db = openDatabase(join(dir, 'kiosk.sqlite'));
  if (!db.ok) throw new Error(db.error.message);
  const store = createApplicationStore(db.value, KEY);
  const link = createSyncLink({
    clock,
    audit: audit.value,
    log,
    random: () => random,
    policy: { baseMs: 1_000, capMs: CAP_MS },
  });
  const meta = (n: number): ApplicationMeta => ({
    id: `id-${n}`,
    applicationNo: `20260615-00000${n}-A` as ApplicationNo,
    idempotencyKey: `key-${n}`,
    serviceId: serviceId('passport-first'),
    ruleVersion: '1',
    ruleHash: 'h',
    status: 'pending_review',
    createdAt: START.toISOString(),
    dueDate: '2026-06-30',
    feeFen: 12000,
  });
  return {
    clock,
    audit: audit.value,
    auditPath,
    link,
    outbox: createOutbox(db.value, KEY),
    insert: (n) => store.insert(meta(n), samplePayload()),
  };
}

const actions = (b: Bench): string[] =>
  readFileSync(b.auditPath, 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { action: string }).action);

describe('the link to the back office', () => {
  it('pauses the whole queue after a failure, longer after each, and says so in the audit log once', () => {
    const b = bench();
    b.link.contact(true, null);
    b.link.failed(null);
    b.link.contact(false, 'HTTP 503');
    const first = b.link.pausedUntilMs() - b.clock.nowMs();
    b.link.failed(null);
    b.link.contact(false, 'HTTP 503');
    const second = b.link.pausedUntilMs() - b.clock.nowMs();
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(b.link.status(0)).toMatchObject({ reachable: false, lastProblem: 'HTTP 503' });
    expect(actions(b).filter((a) => a.startsWith('sync.back_office'))).toEqual([
      'sync.back_office_reachable',
      'sync.back_office_unreachable',
    ]);
  });

  it('obeys Retry-After, and "sync now" lifts the pause', () => {
    const b = bench();
    b.link.failed(120_000);
    expect(b.link.pausedUntilMs()).toBe(b.clock.nowMs() + 120_000);
    expect(b.link.status(0).pausedUntil).toBe(new Date(b.clock.nowMs() + 120_000).toISOString());
    b.link.resume();
    expect(b.link.pausedUntilMs()).toBe(0);
    expect(b.link.status(0).pausedUntil).toBeNull();
  });

  it('back after an outage, waits a random part of it (capped), and tells who found it back', () => {
    const b = bench(0.5);
    const back: string[] = [];
    b.link.onBack((by) => back.push(by));
    b.link.contact(true, null);
    b.link.contact(false, 'connect ECONNREFUSED');
    b.clock.advance(60_000);
    b.link.contact(true, null, 'heartbeat');
    // Half (the seeded random) of the one-minute outage.
    expect(b.link.pausedUntilMs() - b.clock.nowMs()).toBe(30_000);
    b.link.contact(false, 'connect ECONNREFUSED');
    b.clock.advance(3_600_000);
    b.link.contact(true, null);
    // An hour's outage: half of the cap, not of the hour.
    expect(b.link.pausedUntilMs() - b.clock.nowMs()).toBe(CAP_MS / 2);
    expect(back).toEqual(['heartbeat', 'request']);
  });
});

/** The pump over the bench's outbox and link, its back office scripted. */
const pumpOn = (
  b: Bench,
  client: Parameters<typeof createOutboxPump>[0]['client'],
  concurrency: number,
) =>
  createOutboxPump({
    outbox: b.outbox,
    client,
    link: b.link,
    settings: { concurrency, retryBaseMs: 1_000, retryCapMs: CAP_MS },
    kiosk: { kioskId: 'K-1', stationCode: '110105001' },
    clock: b.clock,
    random: () => 0.5,
    log,
    audit: b.audit,
  });

describe('the outbox pump', () => {
  const answers = (script: Outcome<{ acceptanceNo: string }>[]) => {
    const sent: string[] = [];
    return {
      sent,
      client: {
        uploadAttachment: async () => ({ kind: 'ok', value: {} }) as const,
        submit: async (_body: unknown, key: string) => {
          sent.push(key);
          return script.shift() ?? { kind: 'ok', value: { acceptanceNo: `A-${key}` } };
        },
      },
    };
  };
  const settled = async (): Promise<void> => {
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
  };

  it('sends each application once with its own key, and a retry only when the clock says so', async () => {
    const b = bench();
    b.insert(1);
    b.insert(2);
    const back = answers([{ kind: 'retry', reason: 'HTTP 503', retryAfterMs: 10_000 }]);
    const pump = pumpOn(b, back.client, 1);
    pump.start();
    await settled();
    // The first answer was 503 with Retry-After: the queue waits, the second is not sent yet.
    expect(back.sent).toEqual(['key-1']);
    expect(b.link.status(pump.sending()).pausedUntil).not.toBeNull();
    b.clock.advance(9_999);
    await settled();
    expect(back.sent).toEqual(['key-1']);
    b.clock.advance(1);
    await settled();
    expect(back.sent).toEqual(['key-1', 'key-1']);
    // Back after the outage: the rest waits a random part of it (the recovery spread), then goes.
    expect(b.link.status(pump.sending()).pausedUntil).not.toBeNull();
    b.clock.advance(CAP_MS);
    await settled();
    expect(back.sent).toEqual(['key-1', 'key-1', 'key-2']);
    expect(b.outbox.summary(b.clock.now()).counts).toMatchObject({ queued: 0, sending: 0 });
    expect(actions(b).filter((a) => a === 'sync.accepted')).toHaveLength(2);
    await pump.stop();
  });

  it('puts an application the back office refuses with "attention" aside for staff, once in the audit log', async () => {
    const b = bench();
    b.insert(1);
    const back = answers([
      { kind: 'attention', reason: 'HTTP 409: conflict' },
      { kind: 'attention', reason: 'HTTP 409: conflict' },
    ]);
    const pump = pumpOn(b, back.client, 2);
    pump.start();
    await settled();
    expect(b.outbox.summary(b.clock.now()).counts.needs_attention).toBe(1);
    // Looked at again at the slow pace, not hammered.
    b.clock.advance(CAP_MS - 1);
    await settled();
    expect(back.sent).toHaveLength(1);
    b.clock.advance(1);
    await settled();
    expect(back.sent).toHaveLength(2);
    expect(actions(b).filter((a) => a === 'sync.needs_attention')).toHaveLength(1);
    await pump.stop();
  });
});

describe('the heartbeat', () => {
  it('beats every interval on the clock, tells its listeners only when answered, and stops', async () => {
    const b = bench();
    const script: Outcome<unknown>[] = [
      { kind: 'ok', value: {} },
      { kind: 'retry', reason: 'timeout', retryAfterMs: null },
      { kind: 'ok', value: {} },
    ];
    const bodies: { queue: { queued: number } }[] = [];
    const sender = createHeartbeatSender({
      client: {
        heartbeat: async (body) => {
          bodies.push(body);
          return script.shift() ?? { kind: 'ok', value: {} };
        },
      },
      link: b.link,
      outbox: b.outbox,
      audit: b.audit,
      clock: b.clock,
      log,
      everyMs: 30_000,
      version: '1.0.0',
      devices: () => [{ id: 'idcard-1', kind: 'idcard', state: 'ready' }],
    });
    let answered = 0;
    sender.onAnswered(() => (answered += 1));
    b.insert(1);
    sender.start();
    await Promise.resolve();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.queue.queued).toBe(1);
    b.clock.advance(29_999);
    expect(bodies).toHaveLength(1);
    b.clock.advance(1);
    await Promise.resolve();
    b.clock.advance(30_000);
    await Promise.resolve();
    expect(bodies).toHaveLength(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(2);
    expect(b.link.status(0).reachable).toBe(true);
    sender.stop();
    b.clock.advance(300_000);
    expect(bodies).toHaveLength(3);
    await expect(sender.beat()).resolves.toBe(false);
  });
});

describe('retention', () => {
  it('deletes finished records older than the limit at start and every hour, with a count in the audit log', () => {
    const b = bench();
    const cutoffs: string[] = [];
    const retention = createRetention({
      outbox: {
        deleteFinishedBefore: (before) => {
          cutoffs.push(before);
          return cutoffs.length === 2 ? 3 : 0;
        },
      },
      days: 90,
      clock: b.clock,
      audit: b.audit,
      storageFailed: () => undefined,
    });
    retention.start();
    expect(cutoffs).toEqual(['2026-03-17T02:00:00.000Z']);
    b.clock.advance(3_600_000);
    expect(cutoffs).toHaveLength(2);
    expect(actions(b)).toContain('sync.status_records_expired');
    retention.stop();
    b.clock.advance(10 * 3_600_000);
    expect(cutoffs).toHaveLength(2);
  });

  it('hands a refused delete (a full disk) to the pump instead of throwing from a timer', () => {
    const b = bench();
    const faults: unknown[] = [];
    const retention = createRetention({
      outbox: {
        deleteFinishedBefore: () => {
          throw new Error('database or disk is full');
        },
      },
      days: 90,
      clock: b.clock,
      audit: b.audit,
      storageFailed: (cause) => faults.push(cause),
    });
    retention.start();
    b.clock.advance(3_600_000);
    expect(faults).toHaveLength(2);
    retention.stop();
  });
});
