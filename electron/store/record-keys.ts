import { createSecretKey, randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { ok, type KioskError, type Result } from '../../core/result';
import { seal, unseal } from './crypto';

const RECORD_KEY_BYTES = 32;

/**
 * One key per application (crypto-shredding). Its payload and scans are sealed
 * with it, and it is kept only wrapped by the data key. Purging an application
 * destroys this small row (zeroed by secure_delete); the ciphertext it opened may
 * then be freed without rewriting hundreds of kilobytes of zeros, because nothing,
 * not even the data key, can open it any more. Applications stored before these
 * keys existed have no row and stay sealed with the data key itself.
 */
export interface RecordKeys {
  /** Stores the application's key, wrapped; call inside the transaction that inserts the application. */
  keep(applicationId: string, key: Uint8Array): void;
  /** The key that opens this application's payload and scans. */
  keyFor(
    applicationId: string,
  ): Result<Uint8Array, KioskError<'payload_corrupt' | 'payload_tampered'>>;
  /** Deletes the application's key; true when it had one (its ciphertext is unreadable from now on). */
  destroy(applicationId: string): boolean;
}

/** A fresh application key: 32 random bytes for AES-256-GCM. */
export const newRecordKey = (): Uint8Array => randomBytes(RECORD_KEY_BYTES);

/** The wrapped key names its application, so a key row copied to another application is refused. */
const wrapContext = (applicationId: string): string => `record-key:${applicationId}`;

export function createRecordKeys(db: DatabaseSync, dataKey: Uint8Array): RecordKeys {
  const insert = db.prepare('INSERT INTO record_keys (application_id, wrapped) VALUES (?, ?)');
  const select = db.prepare('SELECT wrapped FROM record_keys WHERE application_id = ?');
  const remove = db.prepare('DELETE FROM record_keys WHERE application_id = ?');
  // Made once: turning raw bytes into a key each time cost ~3% of draining a queue.
  const wrapping = createSecretKey(dataKey);
  return {
    keep(applicationId, key) {
      insert.run(applicationId, seal(wrapping, key, wrapContext(applicationId)));
    },
    keyFor(applicationId) {
      const row = select.get(applicationId) as { wrapped: Uint8Array } | undefined;
      if (row === undefined) return ok(dataKey);
      return unseal(wrapping, row.wrapped, wrapContext(applicationId));
    },
    destroy(applicationId) {
      return Number(remove.run(applicationId).changes) > 0;
    },
  };
}
