import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { err, ok, type KioskError, type Result } from '../../core/result';
import { seal, unseal } from './crypto';
import { isDiskFull } from './fs-problem';
import { transaction } from './database';
import { createRecordKeys, newRecordKey, type RecordKeys } from './record-keys';

import {
  applicationPayloadSchema,
  decodeApplicationPayload,
  type ApplicationMeta,
  type ApplicationPayload,
} from '../../core/application';
import { applicationNoSchema, serviceIdSchema } from '../../core/ids';
import { applicationStatusSchema, outboxStateSchema, type OutboxState } from '../../core/status';

export type { ApplicationMeta } from '../../core/application';

export interface ApplicationRecord extends ApplicationMeta {
  readonly outboxState: OutboxState;
  readonly acceptanceNo: string | null;
  readonly rejectedReason: string | null;
  readonly lastError: string | null;
  readonly attempts: number;
  readonly updatedAt: string;
  readonly purged: boolean;
}

/** A scan or photo that proves a material; sealed like the rest of the payload. */
export interface NewAttachment {
  readonly id: string;
  readonly materialId: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

export interface ApplicationStore {
  /** Writes the application, its attachments and its outbox entry in one transaction. */
  insert(
    meta: ApplicationMeta,
    payload: ApplicationPayload,
    attachments?: readonly NewAttachment[],
  ): Result<void, KioskError<'duplicate_number' | 'disk_full' | 'store_failed'>>;
  findByNumber(applicationNo: string): ApplicationRecord | null;
  findById(id: string): ApplicationRecord | null;
  readPayload(id: string): Result<ApplicationPayload, PayloadReadError>;
  count(): number;
  /** Applications waiting in the outbox to be sent to the back office (queued, sending, needs attention). */
  countQueued(): number;
}

/** A stored application's clear columns as SQLite gives them: parsed here, at the store's edge, never cast. */
const applicationRowSchema = z.object({
  id: z.string(),
  application_no: applicationNoSchema,
  idempotency_key: z.string(),
  service_id: serviceIdSchema,
  rule_version: z.string(),
  rule_hash: z.string(),
  status: applicationStatusSchema,
  created_at: z.string(),
  due_date: z.string(),
  fee_fen: z.number(),
  acceptance_no: z.string().nullable(),
  purged_at: z.string().nullable(),
  outbox_state: outboxStateSchema,
  rejected_reason: z.string().nullable(),
  last_error: z.string().nullable(),
  attempts: z.number(),
  updated_at: z.string(),
});

export function toRecord(raw: unknown): ApplicationRecord {
  const row = applicationRowSchema.parse(raw);
  return {
    id: row.id,
    applicationNo: row.application_no,
    idempotencyKey: row.idempotency_key,
    serviceId: row.service_id,
    ruleVersion: row.rule_version,
    ruleHash: row.rule_hash,
    status: row.status,
    createdAt: row.created_at,
    dueDate: row.due_date,
    feeFen: row.fee_fen,
    outboxState: row.outbox_state,
    acceptanceNo: row.acceptance_no,
    rejectedReason: row.rejected_reason,
    lastError: row.last_error,
    attempts: row.attempts,
    updatedAt: row.updated_at,
    purged: row.purged_at !== null,
  };
}

export const RECORD_SELECT = `
  SELECT a.*, o.state AS outbox_state, o.rejected_reason, o.last_error, o.attempts, o.updated_at
  FROM applications a JOIN outbox o ON o.application_id = a.id`;

export type PayloadReadError = KioskError<
  'not_found' | 'purged' | 'payload_tampered' | 'payload_corrupt' | 'payload_invalid'
>;

/**
 * Decrypts a stored payload and checks it against the payload schema: a row
 * copied from another application, a changed key or a payload of an unknown
 * shape each give their own error, never a cast value.
 */
export function openPayload(
  keys: RecordKeys,
  id: string,
  row: { readonly payload: Uint8Array; readonly purged_at: string | null } | undefined,
): Result<ApplicationPayload, PayloadReadError> {
  if (row === undefined) return err('not_found', 'no such application');
  if (row.purged_at !== null) {
    return err('purged', 'the personal payload was purged after the back office answered');
  }
  const key = keys.keyFor(id);
  if (!key.ok) return key;
  const opened = unseal(key.value, row.payload, id);
  if (!opened.ok) return opened;
  return decodeApplicationPayload(Buffer.from(opened.value).toString('utf8'));
}

export interface ApplicationStoreOptions {
  /**
   * Called after each commit with the database's count of every application
   * it ever stored, for the integrity record outside the database (integrity.ts).
   */
  readonly onStored?: (everStored: number, applicationNo: string) => void;
}

export function createApplicationStore(
  db: DatabaseSync,
  dataKey: Uint8Array,
  options: ApplicationStoreOptions = {},
): ApplicationStore {
  const keys = createRecordKeys(db, dataKey);
  const countStored = db.prepare(`
    INSERT INTO kiosk_meta (key, value) VALUES ('ever_stored', '1')
    ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)
    RETURNING value`);
  const insertApplication = db.prepare(`
    INSERT INTO applications (id, application_no, idempotency_key, service_id, rule_version,
      rule_hash, status, created_at, due_date, fee_fen, payload)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertAttachment = db.prepare(`
    INSERT INTO attachments (id, application_id, material_id, media_type, size, sha256, payload)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertOutbox = db.prepare(
    `INSERT INTO outbox (application_id, state, created_at, updated_at) VALUES (?, 'queued', ?, ?)`,
  );
  const selectByNumber = db.prepare(`${RECORD_SELECT} WHERE a.application_no = ?`);
  const selectById = db.prepare(`${RECORD_SELECT} WHERE a.id = ?`);
  const selectPayload = db.prepare('SELECT payload, purged_at FROM applications WHERE id = ?');
  const countRows = db.prepare('SELECT COUNT(*) AS n FROM applications');
  const countQueuedRows = db.prepare(
    "SELECT COUNT(*) AS n FROM outbox WHERE state IN ('queued', 'sending', 'needs_attention')",
  );

  return {
    insert(meta, payload, attachments = []) {
      // Checked again here: whatever reaches the disk is a valid payload of the current version.
      const checked = applicationPayloadSchema.parse(payload);
      const key = newRecordKey();
      let everStored = 0;
      try {
        transaction(db, () => {
          insertApplication.run(
            meta.id,
            meta.applicationNo,
            meta.idempotencyKey,
            meta.serviceId,
            meta.ruleVersion,
            meta.ruleHash,
            meta.status,
            meta.createdAt,
            meta.dueDate,
            meta.feeFen,
            seal(key, Buffer.from(JSON.stringify(checked), 'utf8'), meta.id),
          );
          keys.keep(meta.id, key);
          for (const a of attachments) {
            insertAttachment.run(
              a.id,
              meta.id,
              a.materialId,
              a.mediaType,
              a.bytes.length,
              a.sha256,
              seal(key, a.bytes, a.id),
            );
          }
          insertOutbox.run(meta.id, meta.createdAt, meta.createdAt);
          everStored = Number((countStored.get() as { value: string }).value);
        });
      } catch (cause) {
        const message = cause instanceof Error ? cause.message : String(cause);
        if (/UNIQUE constraint failed: applications.application_no/.test(message)) {
          return err('duplicate_number', 'application number already used');
        }
        if (isDiskFull(cause)) return err('disk_full', message);
        return err('store_failed', message);
      } finally {
        // Only its wrapped copy in the database remains.
        key.fill(0);
      }
      // Committed: from here on the application is stored whatever the hook does.
      options.onStored?.(everStored, meta.applicationNo);
      return ok(undefined);
    },
    findByNumber(applicationNo) {
      const row = selectByNumber.get(applicationNo);
      return row === undefined ? null : toRecord(row);
    },
    findById(id) {
      const row = selectById.get(id);
      return row === undefined ? null : toRecord(row);
    },
    readPayload(id) {
      return openPayload(
        keys,
        id,
        selectPayload.get(id) as { payload: Uint8Array; purged_at: string | null } | undefined,
      );
    },
    count() {
      return (countRows.get() as { n: number }).n;
    },
    countQueued() {
      return (countQueuedRows.get() as { n: number }).n;
    },
  };
}
