import type { DatabaseSync } from 'node:sqlite';
import { err, ok, type Result } from '../shared/result';
import { seal, unseal } from './crypto';
import { transaction } from './database';

export type ApplicationStatus = 'pending_review' | 'pending_completion';
export type OutboxState = 'queued';

/** The clear columns: enough to sync and to answer a status query, nothing personal. */
export interface ApplicationMeta {
  readonly id: string;
  readonly applicationNo: string;
  readonly idempotencyKey: string;
  readonly serviceId: string;
  readonly ruleVersion: string;
  readonly ruleHash: string;
  readonly status: ApplicationStatus;
  readonly createdAt: string;
  readonly dueDate: string;
  readonly feeFen: number;
}

export interface ApplicationWithOutbox extends ApplicationMeta {
  readonly outboxState: OutboxState;
}

export interface ApplicationStore {
  /** Writes the application and its outbox entry in one transaction, then returns. */
  insert(meta: ApplicationMeta, payload: unknown): Result<void>;
  findByNumber(applicationNo: string): ApplicationWithOutbox | null;
  readPayload(id: string): Result<unknown>;
  count(): number;
  /** Applications waiting in the outbox to be sent to the back office. */
  countQueued(): number;
}

interface Row {
  id: string;
  application_no: string;
  idempotency_key: string;
  service_id: string;
  rule_version: string;
  rule_hash: string;
  status: string;
  created_at: string;
  due_date: string;
  fee_fen: number;
  outbox_state: string;
}

export function createApplicationStore(db: DatabaseSync, key: Uint8Array): ApplicationStore {
  const insertApplication = db.prepare(`
    INSERT INTO applications (id, application_no, idempotency_key, service_id, rule_version,
      rule_hash, status, created_at, due_date, fee_fen, payload)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertOutbox = db.prepare(
    `INSERT INTO outbox (application_id, state, created_at) VALUES (?, 'queued', ?)`,
  );
  const selectByNumber = db.prepare(`
    SELECT a.*, o.state AS outbox_state FROM applications a
    JOIN outbox o ON o.application_id = a.id WHERE a.application_no = ?`);
  const selectPayload = db.prepare('SELECT payload FROM applications WHERE id = ?');
  const countRows = db.prepare('SELECT COUNT(*) AS n FROM applications');
  const countQueuedRows = db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state = 'queued'");

  return {
    insert(meta, payload) {
      const sealed = seal(key, Buffer.from(JSON.stringify(payload), 'utf8'), meta.id);
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
            sealed,
          );
          insertOutbox.run(meta.id, meta.createdAt);
        });
        return ok(undefined);
      } catch (cause) {
        const message = cause instanceof Error ? cause.message : String(cause);
        if (/UNIQUE constraint failed: applications.application_no/.test(message)) {
          return err('duplicate_number', 'application number already used');
        }
        if (/SQLITE_FULL|database or disk is full/i.test(message)) return err('disk_full', message);
        return err('store_failed', message);
      }
    },
    findByNumber(applicationNo) {
      const row = selectByNumber.get(applicationNo) as Row | undefined;
      if (row === undefined) return null;
      return {
        id: row.id,
        applicationNo: row.application_no,
        idempotencyKey: row.idempotency_key,
        serviceId: row.service_id,
        ruleVersion: row.rule_version,
        ruleHash: row.rule_hash,
        status: row.status as ApplicationStatus,
        createdAt: row.created_at,
        dueDate: row.due_date,
        feeFen: row.fee_fen,
        outboxState: row.outbox_state as OutboxState,
      };
    },
    readPayload(id) {
      const row = selectPayload.get(id) as { payload: Uint8Array } | undefined;
      if (row === undefined) return err('not_found', 'no such application');
      const opened = unseal(key, row.payload, id);
      if (!opened.ok) return opened;
      return ok(JSON.parse(Buffer.from(opened.value).toString('utf8')) as unknown);
    },
    count() {
      return (countRows.get() as { n: number }).n;
    },
    countQueued() {
      return (countQueuedRows.get() as { n: number }).n;
    },
  };
}
