import { serviceId } from '../../service-id';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { ApplicationNo } from '../../../core/ids';
import { samplePayload } from '../../fixtures/sample-application';
import { createApplicationStore, type ApplicationMeta } from '../../../electron/store/applications';
import { migrate, openDatabase, schemaVersion } from '../../../electron/store/database';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { createOutbox } from '../../../electron/store/outbox';
import { seal, unseal } from '../../../electron/store/crypto';

const key = Buffer.alloc(32, 9);
const dir = () => mkdtempSync(join(tmpdir(), 'kiosk-outbox-'));
const open = (path: string): DatabaseSync => {
  const db = openDatabase(path);
  if (!db.ok) throw new Error(db.error.message);
  return db.value;
};

const meta = (n: number): ApplicationMeta => ({
  id: `id-${n}`,
  applicationNo: `20261127-00000${n}-A` as ApplicationNo,
  idempotencyKey: `key-${n}`,
  serviceId: serviceId('passport-first'),
  ruleVersion: '1',
  ruleHash: 'h',
  status: 'pending_review',
  createdAt: `2026-11-27T0${n}:00:00.000Z`,
  dueDate: '2026-12-10',
  feeFen: 12000,
});

const attachment = (id: string) => {
  const bytes = randomBytes(64);
  return { id, materialId: 'photo', mediaType: 'image/jpeg', bytes, sha256: 'x'.repeat(64) };
};

describe('outbox', () => {
  it('claims due applications as sending and puts them back after a crash', () => {
    const db = open(join(dir(), 'k.sqlite'));
    const store = createApplicationStore(db, key);
    const outbox = createOutbox(db, key);
    store.insert(meta(1), samplePayload());
    store.insert(meta(2), samplePayload());
    const claimed = outbox.claimDue('2026-11-27T10:00:00.000Z', 1);
    expect(claimed.map((r) => r.applicationNo)).toEqual(['20261127-000001-A']);
    expect(outbox.summary(new Date('2026-11-27T10:00:00Z')).counts).toMatchObject({
      queued: 1,
      sending: 1,
    });
    // The process dies here; the next start:
    expect(outbox.recoverInterrupted('2026-11-27T10:01:00.000Z')).toBe(1);
    expect(outbox.summary(new Date('2026-11-27T12:00:00.000Z')).counts).toMatchObject({
      queued: 2,
      sending: 0,
    });
    db.close();
  });

  it('waits for a scheduled retry and counts attempts; "sync now" makes it due at once', () => {
    const db = open(join(dir(), 'k.sqlite'));
    const store = createApplicationStore(db, key);
    const outbox = createOutbox(db, key);
    store.insert(meta(1), samplePayload());
    const [record] = outbox.claimDue('2026-11-27T10:00:00.000Z', 5);
    outbox.scheduleRetry(
      record!.id,
      'queued',
      '2026-11-27T10:05:00.000Z',
      'HTTP 503',
      '2026-11-27T10:00:01.000Z',
    );
    expect(outbox.claimDue('2026-11-27T10:04:59.000Z', 5)).toEqual([]);
    expect(outbox.nextDueAt()).toBe('2026-11-27T10:05:00.000Z');
    expect(store.findById(record!.id)).toMatchObject({ attempts: 1, lastError: 'HTTP 503' });
    expect(outbox.summary(new Date('2026-11-27T12:00:00.000Z')).lastError).toEqual({
      at: '2026-11-27T10:00:01.000Z',
      message: 'HTTP 503',
    });
    expect(outbox.makeAllDue('2026-11-27T10:00:02.000Z')).toBe(1);
    expect(outbox.claimDue('2026-11-27T10:00:02.000Z', 5)).toHaveLength(1);
    db.close();
  });

  it('purges the payload and scans in the same transaction that records the acceptance', () => {
    const path = join(dir(), 'k.sqlite');
    const db = open(path);
    const store = createApplicationStore(db, key);
    const outbox = createOutbox(db, key);
    store.insert(meta(1), samplePayload(), [attachment('att-1')]);
    expect(outbox.readAttachment('att-1').ok).toBe(true);
    outbox.markAccepted('id-1', 'SL0001', '2026-11-27T11:00:00.000Z');
    expect(store.findById('id-1')).toMatchObject({
      outboxState: 'accepted',
      acceptanceNo: 'SL0001',
      purged: true,
    });
    expect(outbox.readPayload('id-1')).toMatchObject({ ok: false, error: { code: 'purged' } });
    expect(outbox.readAttachment('att-1').ok).toBe(false);
    expect(outbox.unpurgedAccepted()).toBe(0);
    db.close();
  });

  /** The database file and its WAL, as someone who copied the data folder would have them. */
  const onDisk = (path: string): Buffer =>
    Buffer.concat(
      [path, `${path}-wal`].map((f) => {
        try {
          return readFileSync(f);
        } catch {
          return Buffer.alloc(0);
        }
      }),
    );
  /** Pieces of each value, from its middle, as someone with the data key would look for them. */
  const piecesOf = (values: readonly Uint8Array[], length = 32): Buffer[] =>
    values.flatMap((v) => {
      const b = Buffer.from(v);
      return [0.25, 0.5, 0.75].map((at) =>
        b.subarray(Math.floor(b.length * at), Math.floor(b.length * at) + length),
      );
    });

  it('purged means gone: the application key is destroyed, so nothing left of its payload or scans opens, even with the data key', () => {
    for (const checkpointedFirst of [false, true]) {
      const path = join(dir(), 'k.sqlite');
      const db = open(path);
      const store = createApplicationStore(db, key);
      const outbox = createOutbox(db, key);
      const scan = { ...attachment('att-1'), bytes: randomBytes(40_000) };
      store.insert(meta(1), samplePayload(), [scan]);
      const wrapped = (
        db.prepare('SELECT wrapped FROM record_keys WHERE application_id = ?').get('id-1') as {
          wrapped: Uint8Array;
        }
      ).wrapped;
      const recordKey = unseal(key, wrapped, 'record-key:id-1');
      if (!recordKey.ok) throw new Error('the record key does not open with the data key');
      // Sealed with the application's own key, never with the data key.
      const sealedScan = (
        db.prepare('SELECT payload FROM attachments').get() as { payload: Uint8Array }
      ).payload;
      expect(unseal(key, sealedScan, 'att-1').ok).toBe(false);
      expect(unseal(recordKey.value, sealedScan, 'att-1').ok).toBe(true);
      if (checkpointedFirst) db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      const keyPieces = [...piecesOf([wrapped], 16), ...piecesOf([recordKey.value], 16)];
      expect(piecesOf([wrapped], 16).every((p) => onDisk(path).includes(p))).toBe(true);

      outbox.markAccepted('id-1', 'SL0001', '2026-11-27T11:00:00.000Z');
      // The sync worker flushes whenever its queue pauses (and every PURGES_PER_SHRED purges).
      outbox.flushPurges();
      // While the kiosk still runs, and after it stops: neither the wrapped key nor the key itself.
      expect(keyPieces.filter((p) => onDisk(path).includes(p))).toHaveLength(0);
      expect(outbox.readAttachment('att-1').ok).toBe(false);
      db.close();
      expect(keyPieces.filter((p) => onDisk(path).includes(p))).toHaveLength(0);
    }
  });

  it('an application stored before record keys (sealed with the data key) is overwritten with zeros when purged', () => {
    const path = join(dir(), 'k.sqlite');
    const db = open(path);
    const store = createApplicationStore(db, key);
    const outbox = createOutbox(db, key);
    store.insert(meta(1), samplePayload());
    // As an older kiosk stored it: no key of its own, payload and scan sealed with the data key.
    db.prepare('DELETE FROM record_keys WHERE application_id = ?').run('id-1');
    const scan = randomBytes(40_000);
    const sealed = [
      seal(key, Buffer.from(JSON.stringify(samplePayload())), 'id-1'),
      seal(key, scan, 'att-1'),
    ];
    db.prepare('UPDATE applications SET payload = ? WHERE id = ?').run(sealed[0] ?? null, 'id-1');
    db.prepare(
      "INSERT INTO attachments (id, application_id, material_id, media_type, size, sha256, payload) VALUES ('att-1', 'id-1', 'photo', 'image/jpeg', ?, ?, ?)",
    ).run(scan.length, 'x'.repeat(64), sealed[1] ?? null);
    expect(outbox.readPayload('id-1').ok).toBe(true);
    expect(outbox.readAttachment('att-1').ok).toBe(true);
    const pieces = piecesOf(sealed);
    expect(pieces.every((p) => onDisk(path).includes(p))).toBe(true);
    outbox.markAccepted('id-1', 'SL0001', '2026-11-27T11:00:00.000Z');
    outbox.flushPurges();
    expect(pieces.filter((p) => onDisk(path).includes(p))).toHaveLength(0);
    db.close();
    expect(pieces.filter((p) => onDisk(path).includes(p))).toHaveLength(0);
  });

  it('claims in queue order without reading every waiting application (the index is used)', () => {
    const db = open(join(dir(), 'k.sqlite'));
    const store = createApplicationStore(db, key);
    const outbox = createOutbox(db, key);
    for (let n = 1; n <= 5; n += 1) store.insert(meta(n), samplePayload());
    outbox.markAccepted('id-1', 'SL1', '2026-11-27T11:00:00.000Z');
    expect(outbox.claimDue('2026-11-27T12:00:00.000Z', 2).map((r) => r.applicationNo)).toEqual([
      '20261127-000002-A',
      '20261127-000003-A',
    ]);
    const plan = (
      db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT id FROM outbox INDEXED BY outbox_waiting WHERE state IN ('queued', 'needs_attention') ORDER BY id",
        )
        .all() as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan.join(' ')).not.toContain('TEMP B-TREE');
    db.close();
  });

  it('deletes finished status records after the retention period, never waiting ones', () => {
    const db = open(join(dir(), 'k.sqlite'));
    const store = createApplicationStore(db, key);
    const outbox = createOutbox(db, key);
    store.insert(meta(1), samplePayload(), [attachment('a1')]);
    store.insert(meta(2), samplePayload());
    outbox.markAccepted('id-1', 'SL1', '2026-08-01T00:00:00.000Z');
    expect(outbox.deleteFinishedBefore('2026-09-01T00:00:00.000Z')).toBe(1);
    expect(store.findById('id-1')).toBeNull();
    expect(store.findById('id-2')).not.toBeNull();
    db.close();
  });

  it('rolls back the whole application when the disk fills mid-write (SQLITE_FULL)', () => {
    const db = open(join(dir(), 'k.sqlite'));
    const store = createApplicationStore(db, key);
    store.insert(meta(1), samplePayload());
    const pages = (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
    // The file may not grow past its current size plus two pages: the big scan cannot fit.
    db.exec(`PRAGMA max_page_count = ${pages + 2}`);
    const big = { ...attachment('big'), bytes: randomBytes(256 * 1024) };
    const result = store.insert(meta(2), samplePayload(), [big]);
    expect(result).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    expect(store.findById('id-2')).toBeNull();
    expect(store.count()).toBe(1);
    expect(createOutbox(db, key).summary(new Date('2026-11-27T12:00:00.000Z')).counts.queued).toBe(
      1,
    );
    db.close();
  });
});

describe('database file', () => {
  it('migrates a version-1 file with applications in it to the newest schema, keeping them', () => {
    const path = join(dir(), 'k.sqlite');
    const v1 = new DatabaseSync(path);
    v1.exec('BEGIN');
    v1.exec(MIGRATIONS[0]!);
    v1.exec('PRAGMA user_version = 1');
    v1.exec('COMMIT');
    v1.prepare(
      `INSERT INTO applications (id, application_no, idempotency_key, service_id, rule_version, rule_hash, status, created_at, due_date, fee_fen, payload)
       VALUES ('old', '20261101-AAAAAA-A', 'k-old', 'passport-first', '1', 'h', 'pending_review', '2026-11-01T00:00:00.000Z', '2026-11-10', 0, X'00')`,
    ).run();
    v1.prepare(
      `INSERT INTO outbox (application_id, state, created_at) VALUES ('old', 'queued', '2026-11-01T00:00:00.000Z')`,
    ).run();
    v1.close();

    const db = open(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const store = createApplicationStore(db, key);
    expect(store.findByNumber('20261101-AAAAAA-A')).toMatchObject({
      outboxState: 'queued',
      updatedAt: '2026-11-01T00:00:00.000Z',
      acceptanceNo: null,
      purged: false,
      attempts: 0,
    });
    db.close();
  });

  it('applies each migration in its own transaction: a failing one leaves the previous version', () => {
    const db = new DatabaseSync(join(dir(), 'k.sqlite'));
    db.exec('BEGIN');
    db.exec(MIGRATIONS[0]!);
    db.exec('PRAGMA user_version = 1');
    db.exec('COMMIT');
    // Sabotage migration 2: the table it creates already exists.
    db.exec('CREATE TABLE attachments (x)');
    expect(() => migrate(db)).toThrow();
    expect(schemaVersion(db)).toBe(1);
    db.close();
  });

  it('refuses a damaged file with a technician message and leaves its bytes untouched', () => {
    const path = join(dir(), 'k.sqlite');
    const good = open(path);
    createApplicationStore(good, key).insert(meta(1), samplePayload());
    good.close();
    const bytes = readFileSync(path);
    // Scribble over the middle of page 2 (the applications table).
    const damaged = Buffer.from(bytes);
    damaged.fill(0xa5, 4096 + 8, 4096 + 400);
    writeFileSync(path, damaged);
    const result = openDatabase(path);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('database_corrupt');
      expect(result.error.message).toMatch(/damaged.*kept as it is/s);
    }
    expect(readFileSync(path).equals(damaged)).toBe(true);
  });

  it('refuses a file that is not a database at all', () => {
    const path = join(dir(), 'k.sqlite');
    writeFileSync(path, 'this is not sqlite'.repeat(100));
    expect(openDatabase(path)).toMatchObject({ ok: false, error: { code: 'database_corrupt' } });
    expect(readFileSync(path, 'utf8').startsWith('this is not sqlite')).toBe(true);
  });
});
