import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { z } from 'zod';
import { err, ok, type KioskError, type Result } from '../../core/result';
import { writeFileAtomically } from './atomic-file';
import { readOnlyDatabase, type DatabaseError } from './database';
import { describeFsProblem } from './fs-problem';

/**
 * What the kiosk must hold, kept apart from what it holds. The database
 * counts every application it ever stored (`ever_stored`, in the same
 * transaction as the application); this small file, written after each
 * commit, says the same thing from outside the database, with the data key's
 * fingerprint. At start-up the two are compared before anything is written:
 * a lost WAL, an emptied or replaced database, a deleted or replaced key —
 * each leaves them disagreeing, and the kiosk refuses to serve rather than
 * carry on as if nothing happened (or seal new applications with a new key).
 */
export const INTEGRITY_FILE = 'integrity.json';

const recordSchema = z.strictObject({
  version: z.literal(1),
  everStored: z.number().int().nonnegative(),
  keyFingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  lastApplicationNo: z.string().nullable(),
  since: z.string(),
});
export type IntegrityRecord = z.output<typeof recordSchema>;

/** What identifies a data key without revealing it. */
export const keyFingerprint = (key: Uint8Array): string =>
  createHash('sha256').update('police-kiosk data key v1\0').update(key).digest('hex').slice(0, 16);

export function readIntegrityRecord(
  dataDir: string,
): Result<IntegrityRecord | null, KioskError<'integrity_record_damaged'>> {
  const path = join(dataDir, INTEGRITY_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return ok(null);
    return err('integrity_record_damaged', describeFsProblem(cause, path).message);
  }
  try {
    const parsed = recordSchema.safeParse(JSON.parse(text));
    if (parsed.success) return ok(parsed.data);
  } catch {
    // Not JSON: said below.
  }
  return err(
    'integrity_record_damaged',
    `${path} is damaged: restore it from a copy of the data folder (the kiosk wrote nothing since).`,
  );
}

/** Whole or not at all (atomic-file.ts). Never throws: false when the disk refused. */
export function writeIntegrityRecord(dataDir: string, record: IntegrityRecord): boolean {
  try {
    writeFileAtomically(join(dataDir, INTEGRITY_FILE), `${JSON.stringify(record)}\n`);
    return true;
  } catch {
    // A full disk: the database still counts; the next start sees it ahead of the record, which is no loss.
    return false;
  }
}

/** The database's own account, read without writing a byte (the WAL may be restored afterwards). */
export interface DatabaseFacts {
  readonly exists: boolean;
  readonly everStored: number;
  readonly keyFingerprint: string | null;
  /** When the database started keeping the integrity record; null before this version. */
  readonly integritySince: string | null;
}

export function inspectDatabase(path: string): Result<DatabaseFacts, DatabaseError> {
  const none = { exists: false, everStored: 0, keyFingerprint: null, integritySince: null };
  if (!existsSync(path)) return ok(none);
  try {
    return ok(readOnlyDatabase(path, (db) => factsOf(db)));
  } catch (cause) {
    const problem = describeFsProblem(cause, path);
    return err(
      problem.code === 'io_error' ? 'database_unavailable' : problem.code,
      problem.message,
    );
  }
}

function factsOf(db: DatabaseSync): DatabaseFacts {
  const table = (name: string): boolean =>
    db.prepare("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
    undefined;
  if (!table('applications'))
    return { exists: true, everStored: 0, keyFingerprint: null, integritySince: null };
  const meta = new Map<string, string>(
    table('kiosk_meta')
      ? (
          db.prepare('SELECT key, value FROM kiosk_meta').all() as { key: string; value: string }[]
        ).map((r) => [r.key, r.value])
      : [],
  );
  const counted = (db.prepare('SELECT COUNT(*) AS n FROM applications').get() as { n: number }).n;
  return {
    exists: true,
    everStored: meta.has('ever_stored') ? Number(meta.get('ever_stored')) : counted,
    keyFingerprint: meta.get('key_fingerprint') ?? null,
    integritySince: meta.get('integrity_since') ?? null,
  };
}

export type IntegrityFault =
  | 'applications_missing'
  | 'key_mismatch'
  | 'key_missing'
  | 'integrity_record_missing'
  | 'integrity_record_damaged';

export type Verdict =
  /** Carry on; `adopt` starts the record for a database from before it existed. */
  | { readonly ok: true; readonly action: 'fresh' | 'continue' | 'adopt' }
  | { readonly ok: false; readonly code: IntegrityFault; readonly message: string };

/** What the technician does whenever the kiosk refuses: nothing has been written since. */
const RESTORE =
  'The kiosk has written nothing to the database or the key since. Restore the missing or changed file from a copy of the data folder and restart';
const KEY_RESTORE = `${RESTORE}; without a copy, call the vendor: a new key cannot open what the old one sealed.`;
const LOSS_RESTORE = `${RESTORE}; without a copy, \`police-kiosk accept-loss --confirm\` gives up what is missing (it is audited) and the kiosk serves again.`;

/**
 * Compares the record with the database and the key it was given. Pure: each
 * fault at rest is one case here, unit-tested.
 */
export function judgeIntegrity(
  record: IntegrityRecord | null,
  db: DatabaseFacts,
  key: string | null,
): Verdict {
  const expectedKey = record?.keyFingerprint ?? db.keyFingerprint;
  const stored = Math.max(record?.everStored ?? 0, db.everStored);
  if (key === null && (expectedKey !== null || stored > 0)) {
    return {
      ok: false,
      code: 'key_missing',
      message: `The data key (keys/) is missing, but ${stored} application(s) on this kiosk were sealed with it; the kiosk will not make a new key over sealed records. ${KEY_RESTORE}`,
    };
  }
  if (expectedKey !== null && key !== expectedKey) {
    return {
      ok: false,
      code: 'key_mismatch',
      message: `The data key (keys/) is not the one this kiosk's applications were sealed with (fingerprint ${key ?? 'none'}, expected ${expectedKey}). ${KEY_RESTORE}`,
    };
  }
  if (
    record !== null &&
    db.keyFingerprint !== null &&
    db.keyFingerprint !== record.keyFingerprint
  ) {
    return {
      ok: false,
      code: 'key_mismatch',
      message: `kiosk.sqlite was sealed with another key (fingerprint ${db.keyFingerprint}, this kiosk's is ${record.keyFingerprint}): it is another kiosk's database. ${KEY_RESTORE}`,
    };
  }
  if (record !== null && db.everStored < record.everStored) {
    const missing = record.everStored - db.everStored;
    return {
      ok: false,
      code: 'applications_missing',
      message: `kiosk.sqlite holds ${db.everStored} application(s) but ${record.everStored} were stored on this kiosk (the last: ${record.lastApplicationNo ?? 'unknown'}): ${missing} missing. The write-ahead log (kiosk.sqlite-wal) was deleted or cut, or kiosk.sqlite was emptied or replaced. ${LOSS_RESTORE}`,
    };
  }
  if (record === null && db.integritySince !== null) {
    return {
      ok: false,
      code: 'integrity_record_missing',
      message: `${INTEGRITY_FILE} is missing, though the database has kept it since ${db.integritySince}. ${LOSS_RESTORE}`,
    };
  }
  if (record !== null) return { ok: true, action: 'continue' };
  return { ok: true, action: db.everStored > 0 ? 'adopt' : 'fresh' };
}

/**
 * Starts (or continues) the record inside the database once the verdict is
 * good: the key's fingerprint and since when. Returns the count to write to
 * the record file.
 */
export function adoptIntegrity(db: DatabaseSync, fingerprint: string, now: string): number {
  const upsert = db.prepare(
    'INSERT INTO kiosk_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING',
  );
  upsert.run('key_fingerprint', fingerprint);
  upsert.run('integrity_since', now);
  return everStored(db);
}

/** The database's count of every application it ever stored. */
export const everStored = (db: DatabaseSync): number =>
  Number(
    (
      db.prepare("SELECT value FROM kiosk_meta WHERE key = 'ever_stored'").get() as
        { value: string } | undefined
    )?.value ?? 0,
  );

export interface AcceptedLoss {
  readonly fault: 'applications_missing' | 'integrity_record_missing' | 'integrity_record_damaged';
  /** How many applications the record counted that the database no longer holds. */
  readonly missing: number;
  readonly everStored: number;
}

/**
 * The technician's way back when no copy of the data folder exists: the
 * record is rewritten to match the database as it now is, so the kiosk
 * starts again, and the caller audits what was given up. Key faults are not
 * accepted here: a new key cannot open what the old one sealed.
 */
export function acceptLoss(
  dataDir: string,
  now: Date,
): Result<
  AcceptedLoss,
  KioskError<'nothing_to_accept' | 'not_acceptable' | 'write_failed'> | DatabaseError
> {
  const read = readIntegrityRecord(dataDir);
  const record = read.ok ? read.value : null;
  const facts = inspectDatabase(join(dataDir, 'kiosk.sqlite'));
  if (!facts.ok) return facts;
  const fingerprint = record?.keyFingerprint ?? facts.value.keyFingerprint;
  if (fingerprint === null) {
    return err('nothing_to_accept', 'this kiosk has no integrity record to accept a loss against');
  }
  const verdict = judgeIntegrity(record, facts.value, fingerprint);
  let fault: AcceptedLoss['fault'];
  if (!read.ok) fault = 'integrity_record_damaged';
  else if (verdict.ok) {
    return err(
      'nothing_to_accept',
      'the database and the integrity record agree: nothing is missing',
    );
  } else if (
    verdict.code === 'applications_missing' ||
    verdict.code === 'integrity_record_missing'
  ) {
    fault = verdict.code;
  } else {
    return err('not_acceptable', `${verdict.message} (a key fault cannot be accepted)`);
  }
  const everStored = facts.value.everStored;
  const written = writeIntegrityRecord(dataDir, {
    version: 1,
    everStored,
    keyFingerprint: fingerprint,
    lastApplicationNo: null,
    since: now.toISOString(),
  });
  if (!written) return err('write_failed', `${join(dataDir, INTEGRITY_FILE)} could not be written`);
  return ok({
    fault,
    missing: Math.max(0, (record?.everStored ?? everStored) - everStored),
    everStored,
  });
}

/**
 * For `police-kiosk readiness`, beside a running kiosk: do the record and the
 * database agree? Read-only; the key is not opened (safeStorage needs the
 * session), so key faults show at the kiosk's own start.
 */
export function integrityStatus(dataDir: string): {
  readonly ok: boolean;
  readonly detail: string;
} {
  const record = readIntegrityRecord(dataDir);
  if (!record.ok) return { ok: false, detail: record.error.message };
  const facts = inspectDatabase(join(dataDir, 'kiosk.sqlite'));
  if (!facts.ok) return { ok: false, detail: facts.error.message };
  const verdict = judgeIntegrity(
    record.value,
    facts.value,
    record.value?.keyFingerprint ?? facts.value.keyFingerprint,
  );
  if (!verdict.ok) return { ok: false, detail: `${verdict.code}: ${verdict.message}` };
  return {
    ok: true,
    detail:
      record.value === null
        ? `no record yet (${facts.value.everStored} application(s) stored); the kiosk starts one`
        : `${facts.value.everStored} application(s) stored since ${record.value.since}; ${INTEGRITY_FILE} and the database agree`,
  };
}
