import { DatabaseSync } from 'node:sqlite';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { err, ok, type KioskError, type Result } from '../../core/result';
import { accessProblem, describeFsProblem } from './fs-problem';
import { MIGRATIONS } from './migrations';

export type DatabaseError = KioskError<
  'database_corrupt' | 'disk_full' | 'permission_denied' | 'database_unavailable'
>;

const messageOf = (cause: unknown): string =>
  cause instanceof Error ? cause.message : String(cause);

/**
 * Runs `read` on a read-only connection and leaves the folder as it was:
 * SQLite makes an empty -wal and a -shm to read a WAL database even
 * read-only; those it made are removed again (a refusal writes nothing).
 */
export function readOnlyDatabase<T>(path: string, read: (db: DatabaseSync) => T): T {
  const made = [`${path}-wal`, `${path}-shm`].filter((f) => !existsSync(f));
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(path, { readOnly: true });
    return read(db);
  } finally {
    db?.close();
    for (const f of made) {
      if (existsSync(f) && (f.endsWith('-shm') || statSync(f).size === 0)) rmSync(f);
    }
  }
}

/**
 * Checks an existing database file read-only before anything writes to it, so
 * a damaged file is left exactly as it was for recovery.
 */
function checkIntegrity(path: string): Result<void, DatabaseError> {
  try {
    const rows = readOnlyDatabase(
      path,
      (db) => db.prepare('PRAGMA quick_check').all() as { quick_check: string }[],
    );
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return problems.length === 0
      ? ok(undefined)
      : err('database_corrupt', problems.slice(0, 3).join('; '));
  } catch (cause) {
    // A full disk or a permission is not damage: the file is fine, the technician fixes the machine.
    const problem = describeFsProblem(cause, path);
    return problem.code === 'io_error'
      ? err('database_corrupt', messageOf(cause))
      : err(problem.code, problem.message);
  }
}

/**
 * Everything that can be said about the database file before it is opened
 * for writing: the folder and file are the kiosk's to write, and an existing
 * file passes SQLite's quick_check (read-only). A damaged file is refused
 * with a message for the technician and left untouched.
 */
export function checkDatabaseFile(
  path: string,
): Result<{ readonly exists: boolean }, DatabaseError> {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  } catch (cause) {
    const problem = describeFsProblem(cause, dirname(path));
    return err(
      problem.code === 'io_error' ? 'database_unavailable' : problem.code,
      problem.message,
    );
  }
  const exists = existsSync(path);
  const blocked = accessProblem(path, exists);
  if (blocked !== null) return err('permission_denied', `permission denied: ${blocked}`);
  if (!exists) return ok({ exists });
  const integrity = checkIntegrity(path);
  if (!integrity.ok && integrity.error.code !== 'database_corrupt') return integrity;
  if (!integrity.ok) {
    return err(
      'database_corrupt',
      `the kiosk database ${path} is damaged (${integrity.error.message}). ` +
        'The kiosk will not start, so nothing more is written to it; the file is kept as it is. ' +
        'Technician: copy the whole data folder before anything else, then follow "Recovering a damaged database" in the README.',
    );
  }
  return ok({ exists });
}

/**
 * Opens the kiosk database with the durability settings every write relies on:
 * WAL so readers never block the writer, synchronous=FULL so a committed
 * application survives a power cut, and migrations applied in order.
 */
export function openDatabase(path: string): Result<DatabaseSync, DatabaseError> {
  const checked = checkDatabaseFile(path);
  return checked.ok ? openCheckedDatabase(path, checked.value.exists) : checked;
}

/** The second half of `openDatabase`, for a start-up that looks at the file in between. */
export function openCheckedDatabase(
  path: string,
  exists: boolean,
): Result<DatabaseSync, DatabaseError> {
  let db: DatabaseSync | null = null;
  try {
    // Created 0600 before SQLite opens it: its -wal and -shm take the same mode.
    if (!exists) closeSync(openSync(path, 'a', 0o600));
    else if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    db = new DatabaseSync(path);
    // First: a reader that holds the file a moment (a technician's sqlite3, a backup) is waited
    // for, not taken for a damaged database — switching to WAL below needs a lock too.
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    // A purged payload is overwritten with zeros, not just unlinked: even its ciphertext leaves the file.
    db.exec('PRAGMA secure_delete = ON');
    // After a checkpoint the WAL shrinks back, so old page images do not linger in it for long.
    db.exec('PRAGMA journal_size_limit = 8388608');
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db);
    return ok(db);
  } catch (cause) {
    db?.close();
    const problem = describeFsProblem(cause, path);
    return problem.code === 'io_error'
      ? err(
          'database_unavailable',
          `the kiosk database ${path} cannot be opened: ${messageOf(cause)}`,
        )
      : err(problem.code, problem.message);
  }
}

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}

/** Applies every migration newer than the file's `user_version`, each in its own transaction. */
export function migrate(db: DatabaseSync): void {
  const current = schemaVersion(db);
  const newest = MIGRATIONS.length;
  if (current > newest) {
    throw new Error(
      `database schema ${current} is newer than this build knows (${newest}); refusing to touch it`,
    );
  }
  for (let version = current + 1; version <= newest; version += 1) {
    const sql = MIGRATIONS[version - 1];
    if (sql === undefined) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(sql);
      db.exec(`PRAGMA user_version = ${version}`);
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
}

/**
 * How a commit must survive a power cut. `durable` (synchronous=FULL) for what only
 * the kiosk knows: a citizen's application. `recoverable` (synchronous=NORMAL: no
 * fsync at commit; the next durable commit or checkpoint carries it to disk) for
 * what can be learnt again if it is lost: that an application is being sent, or the
 * back office's answer, which a resend with the same idempotency key gets again.
 * Either way the database stays consistent (WAL).
 */
export type Durability = 'durable' | 'recoverable';

/** Runs `work` inside BEGIN IMMEDIATE … COMMIT, rolling back on any throw. */
export function transaction<T>(
  db: DatabaseSync,
  work: () => T,
  durability: Durability = 'durable',
): T {
  if (durability === 'recoverable') db.exec('PRAGMA synchronous = NORMAL');
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    // SQLite may already have rolled back (SQLITE_FULL does); a second ROLLBACK would hide the real error.
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    if (durability === 'recoverable') db.exec('PRAGMA synchronous = FULL');
  }
}
