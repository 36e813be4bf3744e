import { pollUntil } from '../poll';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openAuditLog, type AuditLog } from '../../electron/audit/audit-log';
import type { SyncConfig } from '../../electron/config/schema';
import { createLogger } from '../../electron/shared/log';
import { createApplicationStore, type ApplicationStore } from '../../electron/store/applications';
import { openDatabase } from '../../electron/store/database';
import { createOutbox, type Outbox } from '../../electron/store/outbox';
import { createBackOfficeClient, type BackOfficeClient } from '../../electron/sync/client';
import { createSyncWorker, type SyncWorker } from '../../electron/sync/worker';
import { testClock } from '../test-clock';
import type { Clock } from '../../core/clock';
import { makeTestPki, type TestPki } from '../backoffice/certs';
import {
  applicationNoFor,
  SAMPLE_APPLICANT,
  sampleApplication,
} from '../fixtures/sample-application';

/** The kiosk side of sync, real all the way down: a SQLite file, the outbox, the audit log, the mTLS client, the worker. */
export interface KioskSide {
  readonly dir: string;
  readonly db: DatabaseSync;
  readonly store: ApplicationStore;
  readonly outbox: Outbox;
  readonly audit: AuditLog;
  readonly worker: SyncWorker;
  /** The mTLS client the worker uses (the payment desk's too). */
  readonly client: BackOfficeClient;
  /** The kiosk side's clock: starts at TEST_NOW. */
  readonly clock: Clock;
  enqueue(
    n: number,
    options?: { attachments?: number; attachmentBytes?: number },
  ): { applicationNo: string; id: string }[];
  close(): Promise<void>;
}

export const FAST_SYNC: SyncConfig = {
  concurrency: 4,
  heartbeatSeconds: 3600,
  retryBaseMs: 20,
  retryCapMs: 400,
  requestTimeoutMs: 2000,
  statusTimeoutMs: 1000,
};

const key = randomBytes(32);
let sequence = 0;

export const applicantName = SAMPLE_APPLICANT.name;

/** One shared PKI per test file: openssl is quick but not free. */
let pki: TestPki | null = null;
export const testPki = (): TestPki => {
  pki ??= makeTestPki(mkdtempSync(join(tmpdir(), 'kiosk-pki-')));
  return pki;
};

export function startKioskSide(
  url: string,
  options: {
    kioskId?: string;
    certKioskId?: string;
    sync?: Partial<SyncConfig>;
    caFile?: string;
    /** The PKI of a back office in another process (the bench's); this file's own by default. */
    pki?: TestPki;
  } = {},
): KioskSide {
  const kioskId = options.kioskId ?? 'KIOSK-T1';
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-sync-'));
  const opened = openDatabase(join(dir, 'kiosk.sqlite'));
  if (!opened.ok) throw new Error(opened.error.message);
  const db = opened.value;
  const clock = testClock();
  const log = createLogger({ quiet: true, file: join(dir, 'logs', 'kiosk.log'), clock });
  const audit = openAuditLog({ path: join(dir, 'audit', 'audit.jsonl'), log, clock });
  if (!audit.ok) throw new Error(audit.error.message);
  const store = createApplicationStore(db, key);
  const outbox = createOutbox(db, key);
  const settings = { ...FAST_SYNC, ...options.sync };
  const pkiInUse = options.pki ?? testPki();
  const client = pkiInUse.client(options.certKioskId ?? kioskId);
  const created = createBackOfficeClient(
    {
      url,
      caFile: options.caFile ?? pkiInUse.caFile,
      certFile: client.certFile,
      keyFile: client.keyFile,
    },
    kioskId,
    { timeoutMs: settings.requestTimeoutMs, maxSockets: settings.concurrency * 2 + 1, clock },
  );
  if (!created.ok) throw new Error(created.error.message);
  const worker = createSyncWorker({
    outbox,
    client: created.value,
    settings,
    kioskId,
    stationCode: '110105001',
    version: 'test',
    statusRetentionDays: 90,
    devices: () => [{ id: 'idcard-1', kind: 'idcard', state: 'ready' }],
    log,
    audit: audit.value,
    clock,
  });
  return {
    dir,
    db,
    store,
    outbox,
    audit: audit.value,
    worker,
    client: created.value,
    clock,
    enqueue(n, o = {}) {
      const made: { applicationNo: string; id: string }[] = [];
      for (let i = 0; i < n; i += 1) {
        sequence += 1;
        const applicationNo = applicationNoFor(sequence);
        const sample = sampleApplication(applicationNo, {
          scans: o.attachments ?? 0,
          scanBytes: o.attachmentBytes ?? 2048,
          createdAt: clock.now(),
        });
        const saved = store.insert(sample.meta, sample.payload, sample.attachments);
        if (!saved.ok) throw new Error(saved.error.message);
        made.push({ applicationNo, id: sample.meta.id });
      }
      return made;
    },
    async close() {
      await worker.stop();
      audit.value.close();
      db.close();
    },
  };
}

/** Polls until `check` holds (or throws after `ms`); a bench whose check costs a query polls less often. */
export const until = (
  check: () => boolean,
  ms = 15_000,
  what = 'condition',
  everyMs = 20,
): Promise<void> =>
  pollUntil(what, check, {
    timeoutMs: ms,
    everyMs,
    why: 'the kiosk under test runs on the machine clock',
  });
