import { DatabaseSync } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations';

/**
 * Opens the kiosk database with the durability settings every write relies on:
 * WAL so readers never block the writer, synchronous=FULL so a committed
 * application survives a power cut, and migrations applied in order.
 */
export function openDatabase(path: string): DatabaseSync {
  mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db);
  return db;
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
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** Runs `work` inside BEGIN IMMEDIATE … COMMIT, rolling back on any throw. */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
