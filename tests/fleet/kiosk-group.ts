import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { manualClock } from '../../core/clock';
import { openAuditLog, type AuditLog } from '../../electron/audit/audit-log';
import type { SyncConfig } from '../../electron/config/schema';
import { createLogger } from '../../electron/shared/log';
import { createApplicationStore, type ApplicationStore } from '../../electron/store/applications';
import { openDatabase } from '../../electron/store/database';
import { createOutbox, type Outbox } from '../../electron/store/outbox';
import { createBackOfficeClient, type BackOfficeClient } from '../../electron/sync/client';
import type { Outcome } from '../../electron/sync/classify';
import { createSyncWorker, type SyncWorker } from '../../electron/sync/worker';
import { applicationNoFor, sampleApplication } from '../fixtures/sample-application';
import { seededRandom } from '../seeded-random';

/** What each simulated kiosk does: citizens arrive at random (a Poisson process), each leaves one application. */
export interface Workload {
  /** Mean time between two applications at one kiosk, in the clock's seconds. */
  readonly meanArrivalSeconds: number;
  readonly scans: number;
  readonly scanBytes: number;
}

export interface GroupSpec {
  /** This group's number: application numbers and seeds differ between groups. */
  readonly group: number;
  readonly kiosks: readonly { kioskId: string; certFile: string; keyFile: string }[];
  readonly url: string;
  readonly caFile: string;
  readonly startMs: number;
  readonly seed: number;
  readonly workload: Workload;
  readonly sync: SyncConfig;
  /** Each kiosk's data folder goes under it. */
  readonly dir: string;
}

/** What the kiosks of a group did during one step of the clock. */
export interface StepFigures {
  /** Requests the kiosks made (a refused connection included). */
  readonly attempts: number;
  /** Of those, ones that never reached a back office (refused, reset, timed out). */
  readonly unreached: number;
  readonly created: number;
  /** Applications on the kiosks not yet accepted or rejected at the end of the step. */
  readonly waiting: number;
}

export interface KioskReport {
  readonly kioskId: string;
  readonly created: readonly string[];
  readonly accepted: number;
  /** Still on the kiosk, not yet accepted or rejected: queued, sending or waiting for a person. */
  readonly waiting: readonly string[];
}

export interface KioskGroup {
  /** Moves the group's clock to `toMs`, firing every timer on the way, and waits until no request is open. */
  advance(toMs: number): Promise<StepFigures>;
  /** Citizens stop (or start) coming: the simulation's tail, until every queue is empty. */
  arrivals(on: boolean): void;
  report(): Promise<readonly KioskReport[]>;
  close(): Promise<void>;
}

interface SimKiosk {
  readonly kioskId: string;
  readonly db: DatabaseSync;
  readonly store: ApplicationStore;
  readonly outbox: Outbox;
  readonly audit: AuditLog;
  readonly worker: SyncWorker;
  readonly created: string[];
}

const KEY = randomBytes(32);

/**
 * Counts what the kiosk's real client does, without changing it: requests
 * made, requests open (to know when a step has settled), and those that
 * never reached a server.
 */
function counted(
  client: BackOfficeClient,
  tally: { attempts: number; unreached: number; open: number; settled: number },
): BackOfficeClient {
  const watch = <T>(promise: Promise<Outcome<T>>): Promise<Outcome<T>> => {
    tally.attempts += 1;
    tally.open += 1;
    return promise.then(
      (outcome) => {
        tally.open -= 1;
        // Network-level failures carry the error code (ECONNREFUSED …), never an HTTP status.
        if (outcome.kind === 'retry' && !outcome.reason.startsWith('HTTP')) tally.unreached += 1;
        return outcome;
      },
      (cause: unknown) => {
        tally.open -= 1;
        throw cause;
      },
    );
  };
  return {
    ...client,
    submit: (body, key) =>
      watch(client.submit(body, key)).then((outcome) => {
        // Accepted or refused for good: no longer waiting on this kiosk.
        if (outcome.kind === 'ok' || outcome.kind === 'rejected') tally.settled += 1;
        return outcome;
      }),
    uploadAttachment: (no, id, bytes, sha, type) =>
      watch(client.uploadAttachment(no, id, bytes, sha, type)),
    heartbeat: (body) => watch(client.heartbeat(body)),
    rules: (after) => watch(client.rules(after)),
    close: () => client.close(),
  };
}

const settled = async (tally: { open: number }): Promise<void> => {
  // Two quiet turns of the event loop: a request's answer starts the next send in the same turn.
  for (let quiet = 0; quiet < 2;) {
    await new Promise((r) => setImmediate(r));
    quiet = tally.open === 0 ? quiet + 1 : 0;
  }
};

/** A group of simulated kiosks in one process: the kiosk's real store, outbox, audit log, client and sync worker each, on one manual clock. */
export function createKioskGroup(spec: GroupSpec): KioskGroup {
  const clock = manualClock(new Date(spec.startMs));
  const tally = { attempts: 0, unreached: 0, open: 0, settled: 0 };
  let created = 0;
  let arriving = true;
  let sequence = 0;
  const kiosks: SimKiosk[] = spec.kiosks.map((k, index) => {
    const dir = join(spec.dir, k.kioskId);
    mkdirSync(dir, { recursive: true });
    const opened = openDatabase(join(dir, 'kiosk.sqlite'));
    if (!opened.ok) throw new Error(opened.error.message);
    const log = createLogger({ quiet: true, file: join(dir, 'kiosk.log'), clock });
    const audit = openAuditLog({ path: join(dir, 'audit.jsonl'), log, clock });
    if (!audit.ok) throw new Error(audit.error.message);
    const client = createBackOfficeClient(
      { url: spec.url, caFile: spec.caFile, certFile: k.certFile, keyFile: k.keyFile },
      k.kioskId,
      {
        timeoutMs: spec.sync.requestTimeoutMs,
        maxSockets: spec.sync.concurrency * 2 + 1,
        clock,
      },
    );
    if (!client.ok) throw new Error(client.error.message);
    const outbox = createOutbox(opened.value, KEY);
    const kioskClient = counted(client.value, tally);
    let rulesVersion: string | null = null;
    const worker = createSyncWorker({
      outbox,
      client: kioskClient,
      settings: spec.sync,
      kioskId: k.kioskId,
      stationCode: '110105001',
      version: 'fleet-sim',
      statusRetentionDays: 90,
      devices: () => [{ id: 'idcard-1', kind: 'idcard', state: 'ready' }],
      log,
      audit: audit.value,
      clock,
      random: seededRandom(spec.seed + spec.group * 100_003 + index),
      rulesVersion: () => rulesVersion,
    });
    // As the kiosk's rule updater does after every heartbeat the back office answered.
    worker.onHeartbeat(
      () =>
        void worker.fetchRules(rulesVersion).then((o) => {
          if (o.kind === 'ok' && o.value.bundle !== null) rulesVersion = o.value.bundle.version;
        }),
    );
    return {
      kioskId: k.kioskId,
      db: opened.value,
      store: createApplicationStore(opened.value, KEY),
      outbox,
      audit: audit.value,
      worker,
      created: [],
    };
  });

  const arrivalsRandom = seededRandom(spec.seed ^ (0x5bd1e995 + spec.group));
  const nextArrival = (): number =>
    -Math.log(1 - arrivalsRandom()) * spec.workload.meanArrivalSeconds * 1000;

  const arrive = (kiosk: SimKiosk): void => {
    if (arriving) {
      sequence += 1;
      // Unique across groups: the back office would count a repeated number as a duplicate.
      const applicationNo = applicationNoFor(spec.group * 1_000_000 + sequence);
      const sample = sampleApplication(applicationNo, {
        scans: spec.workload.scans,
        scanBytes: spec.workload.scanBytes,
        createdAt: clock.now(),
      });
      const saved = kiosk.store.insert(sample.meta, sample.payload, sample.attachments);
      if (!saved.ok) throw new Error(saved.error.message);
      kiosk.created.push(applicationNo);
      created += 1;
      kiosk.worker.wake();
    }
    clock.after(nextArrival(), () => arrive(kiosk));
  };

  // Kiosks were switched on at different moments: heartbeats fall evenly across the interval.
  const startRandom = seededRandom(spec.seed + 7 * spec.group);
  for (const kiosk of kiosks) {
    clock.after(startRandom() * spec.sync.heartbeatSeconds * 1000, () => kiosk.worker.start());
    clock.after(nextArrival(), () => arrive(kiosk));
  }

  return {
    async advance(toMs) {
      const before = { attempts: tally.attempts, unreached: tally.unreached, created };
      clock.advance(Math.max(0, toMs - clock.nowMs()));
      await settled(tally);
      return {
        attempts: tally.attempts - before.attempts,
        unreached: tally.unreached - before.unreached,
        created: created - before.created,
        waiting: created - tally.settled,
      };
    },
    arrivals(on) {
      arriving = on;
    },
    report: async () =>
      kiosks.map((k) => {
        const c = k.outbox.summary(clock.now()).counts;
        const settledStates = new Set(['accepted', 'rejected']);
        return {
          kioskId: k.kioskId,
          created: k.created,
          accepted: c.accepted,
          waiting: k.created.filter(
            (no) => !settledStates.has(k.store.findByNumber(no)?.outboxState ?? 'accepted'),
          ),
        };
      }),
    async close() {
      for (const k of kiosks) {
        await k.worker.stop();
        k.audit.close();
        k.db.close();
      }
    },
  };
}
