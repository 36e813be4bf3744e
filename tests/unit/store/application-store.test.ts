import { serviceId } from '../../service-id';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { ApplicationNo } from '../../../core/ids';
import { samplePayload } from '../../fixtures/sample-application';
import { createApplicationStore, type ApplicationMeta } from '../../../electron/store/applications';
import { loadOrCreateKeyFile, seal, unseal } from '../../../electron/store/crypto';
import { migrate, openDatabase, schemaVersion } from '../../../electron/store/database';
import { MIGRATIONS } from '../../../electron/store/migrations';

const dir = () => mkdtempSync(join(tmpdir(), 'kiosk-store-'));
const open = (path: string): DatabaseSync => {
  const db = openDatabase(path);
  if (!db.ok) throw new Error(db.error.message);
  return db.value;
};
const key = Buffer.alloc(32, 7);

const meta = (n: number): ApplicationMeta => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  applicationNo: `20261127-ABCDE${n}-0` as ApplicationNo,
  idempotencyKey: `idem-${n}`,
  serviceId: serviceId('passport-first'),
  ruleVersion: '2026.11.1',
  ruleHash: 'a'.repeat(64),
  status: 'pending_review',
  createdAt: '2026-11-27T05:00:00.000Z',
  dueDate: '2026-12-08',
  feeFen: 12000,
});

describe('database file', () => {
  it('opens in WAL mode with synchronous=FULL and the newest schema', () => {
    const db = open(join(dir(), 'kiosk.sqlite'));
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe(
      'wal',
    );
    expect((db.prepare('PRAGMA synchronous').get() as { synchronous: number }).synchronous).toBe(2);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('migrates an empty file step by step and does nothing the second time', () => {
    const db = new DatabaseSync(join(dir(), 'k.sqlite'));
    migrate(db);
    migrate(db);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['applications', 'outbox']));
    db.close();
  });

  it('refuses a database from a newer build rather than damaging it', () => {
    const db = new DatabaseSync(join(dir(), 'k.sqlite'));
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer than this build/);
    db.close();
  });
});

describe('application store', () => {
  it('writes the application and its outbox entry together, payload sealed', () => {
    const path = join(dir(), 'kiosk.sqlite');
    const db = open(path);
    const store = createApplicationStore(db, key);
    const payload = samplePayload({ applicant: { ...samplePayload().applicant, name: '王晓明' } });
    expect(store.insert(meta(1), payload)).toEqual({ ok: true, value: undefined });
    const found = store.findByNumber('20261127-ABCDE1-0');
    expect(found).toMatchObject({
      serviceId: 'passport-first',
      outboxState: 'queued',
      feeFen: 12000,
    });
    expect(store.readPayload(meta(1).id)).toEqual({ ok: true, value: payload });
    db.close();
    const bytes = readFileSync(path);
    expect(bytes.includes(Buffer.from('王晓明'))).toBe(false);
  });

  it('writes nothing when the outbox entry cannot be written (one transaction)', () => {
    const db = open(join(dir(), 'kiosk.sqlite'));
    const store = createApplicationStore(db, key);
    db.exec(
      `CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`,
    );
    const result = store.insert(meta(2), samplePayload());
    expect(result).toMatchObject({ ok: false, error: { code: 'store_failed' } });
    expect(store.count()).toBe(0);
    db.close();
  });

  it('reads a payload stored before payloads had a version (and before record keys) as the current version', () => {
    const db = open(join(dir(), 'kiosk.sqlite'));
    const store = createApplicationStore(db, key);
    store.insert(meta(5), samplePayload());
    const { version: _version, assistance: _assistance, ...unversioned } = samplePayload();
    // As such a kiosk stored it: no key of its own, sealed with the data key.
    db.prepare('DELETE FROM record_keys WHERE application_id = ?').run(meta(5).id);
    db.prepare('UPDATE applications SET payload = ? WHERE id = ?').run(
      seal(key, Buffer.from(JSON.stringify(unversioned)), meta(5).id),
      meta(5).id,
    );
    expect(store.readPayload(meta(5).id)).toEqual({ ok: true, value: samplePayload() });
    db.close();
  });

  it('refuses a decrypted payload that does not match its schema, without casting it', () => {
    const db = open(join(dir(), 'kiosk.sqlite'));
    const store = createApplicationStore(db, key);
    store.insert(meta(6), samplePayload());
    const wrong = { ...samplePayload(), applicant: { name: '王晓明' }, version: 1 };
    db.prepare('DELETE FROM record_keys WHERE application_id = ?').run(meta(6).id);
    db.prepare('UPDATE applications SET payload = ? WHERE id = ?').run(
      seal(key, Buffer.from(JSON.stringify(wrong)), meta(6).id),
      meta(6).id,
    );
    const read = store.readPayload(meta(6).id);
    expect(read).toMatchObject({ ok: false, error: { code: 'payload_invalid' } });
    // Which fields, never their values: the message may reach the technician's log.
    if (!read.ok) expect(read.error.message).not.toContain('王晓明');
    db.close();
  });

  it('refuses to store a payload that does not match its schema', () => {
    const db = open(join(dir(), 'kiosk.sqlite'));
    const store = createApplicationStore(db, key);
    const wrong = { ...samplePayload(), version: 2 } as unknown as ReturnType<typeof samplePayload>;
    expect(() => store.insert(meta(7), wrong)).toThrow();
    expect(store.count()).toBe(0);
    db.close();
  });

  it('reports a reused application number so the caller can draw a new one', () => {
    const db = open(join(dir(), 'kiosk.sqlite'));
    const store = createApplicationStore(db, key);
    store.insert(meta(3), samplePayload());
    const again = store.insert(
      { ...meta(4), applicationNo: meta(3).applicationNo },
      samplePayload(),
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'duplicate_number' } });
    db.close();
  });
});

describe('sealing personal data (AES-256-GCM)', () => {
  it('round-trips, and refuses one flipped byte anywhere', () => {
    const sealed = seal(key, Buffer.from('王晓明 110105198806150032'), 'record-1');
    expect(unseal(key, sealed, 'record-1').ok).toBe(true);
    for (const at of [1, 13, sealed.length - 20, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[at]! ^= 0x01;
      expect(unseal(key, tampered, 'record-1')).toMatchObject({
        ok: false,
        error: { code: 'payload_tampered' },
      });
    }
  });

  it('refuses a payload moved to another record (record id is associated data)', () => {
    const sealed = seal(key, Buffer.from('x'), 'record-1');
    expect(unseal(key, sealed, 'record-2').ok).toBe(false);
  });

  it('uses a fresh nonce every time', () => {
    const a = seal(key, Buffer.from('same'), 'r');
    const b = seal(key, Buffer.from('same'), 'r');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('creates the key file readable by its owner only, and reuses it', () => {
    const path = join(dir(), 'keys', 'data.key');
    const first = loadOrCreateKeyFile(path);
    const second = loadOrCreateKeyFile(path);
    expect(
      first.ok && second.ok && Buffer.from(first.value).equals(Buffer.from(second.value)),
    ).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
