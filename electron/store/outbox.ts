import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { err, type Result } from '../../core/result';
import type { ApplicationPayload } from '../../core/application';
import {
  openPayload,
  RECORD_SELECT,
  toRecord,
  type ApplicationRecord,
  type PayloadReadError,
} from './applications';
import type { OutboxState } from '../../core/status';
import { unseal } from './crypto';
import { transaction } from './database';
import { createRecordKeys } from './record-keys';

export interface AttachmentInfo {
  readonly id: string;
  readonly materialId: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploaded: boolean;
}

export interface QueueSummary {
  readonly counts: Readonly<Record<OutboxState, number>>;
  /** Age of the oldest application not yet accepted or rejected, in seconds. */
  readonly oldestWaitingSeconds: number | null;
  /** The most recent sync error, technician-facing, never personal. */
  readonly lastError: { readonly at: string; readonly message: string } | null;
}

/**
 * The outbox as the sync worker sees it: which applications are due, what to
 * send, and the outcome of each attempt. Every state change is one
 * transaction, so a crash leaves each application in a state it can resume.
 */
export interface Outbox {
  /** Applications left "sending" by a crash go back to the queue; the idempotency key makes a resend harmless. */
  recoverInterrupted(now: string): number;
  /** Marks up to `limit` due applications as sending and returns them. */
  claimDue(now: string, limit: number): ApplicationRecord[];
  /** When the next waiting application becomes due, if any. */
  nextDueAt(): string | null;
  readPayload(id: string): Result<ApplicationPayload, PayloadReadError>;
  attachments(applicationId: string): AttachmentInfo[];
  readAttachment(attachmentId: string): Result<Uint8Array>;
  markAttachmentsUploaded(attachmentIds: readonly string[], now: string): void;
  /** Accepted: store the 受理编号 and purge everything personal, in one transaction. */
  markAccepted(id: string, acceptanceNo: string, now: string): void;
  /** Refused by the back office: keep the reason, purge the personal data (it has nowhere to go). */
  markRejected(id: string, reason: string, now: string): void;
  /** Try again at `nextAttemptAt`; `needs_attention` when staff should look (certificates, conflicts). */
  scheduleRetry(
    id: string,
    state: 'queued' | 'needs_attention',
    nextAttemptAt: string,
    error: string,
    now: string,
  ): void;
  /** "Sync now": everything waiting becomes due immediately. */
  makeAllDue(now: string): number;
  summary(now: Date): QueueSummary;
  /** Deletes the status records of finished applications older than `before`; returns how many. */
  deleteFinishedBefore(before: string): number;
  /** Accepted applications that still hold a personal payload (should be none). */
  unpurgedAccepted(): number;
  /**
   * Empties the WAL of the purged payloads' page images now, if a purge since the last
   * time left some there. The sync worker calls it whenever its queue pauses.
   */
  flushPurges(): void;
}

/**
 * Purges between two WAL truncations. A checkpoint per acceptance rewrote the whole WAL
 * and fsynced twice for every application (a third of a drain's time); now the WAL is
 * emptied when the drain pauses, and at least every this many purges while it runs. What
 * waits there meanwhile is ciphertext (AES-256-GCM), as in the database itself.
 */
export const PURGES_PER_SHRED = 200;

/** Counts per state, the oldest waiting, the last error: what staff and the heartbeat see. */
function queueSummary(db: DatabaseSync): (now: Date) => QueueSummary {
  const counts = db.prepare('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state');
  const oldest = db.prepare(
    "SELECT MIN(created_at) AS at FROM outbox WHERE state IN ('queued', 'sending', 'needs_attention')",
  );
  const lastError = db.prepare(
    'SELECT updated_at AS at, last_error AS message FROM outbox WHERE last_error IS NOT NULL ORDER BY updated_at DESC LIMIT 1',
  );
  return (now) => {
    const byState: Record<OutboxState, number> = {
      queued: 0,
      sending: 0,
      accepted: 0,
      rejected: 0,
      needs_attention: 0,
    };
    for (const row of counts.all() as { state: OutboxState; n: number }[])
      byState[row.state] = row.n;
    const oldestAt = (oldest.get() as { at: string | null }).at;
    const last = lastError.get() as { at: string; message: string } | undefined;
    return {
      counts: byState,
      oldestWaitingSeconds:
        oldestAt === null
          ? null
          : Math.max(0, Math.round((now.getTime() - Date.parse(oldestAt)) / 1000)),
      lastError: last === undefined ? null : { at: last.at, message: last.message },
    };
  };
}

/** Purging the personal data of finished applications, and emptying the WAL of it. */
function purger(
  db: DatabaseSync,
  keys: ReturnType<typeof createRecordKeys>,
): {
  readonly purge: (id: string, acceptanceNo: string | null, now: string) => void;
  readonly purged: () => void;
  readonly flushPurges: () => void;
} {
  const purgeApplication = db.prepare(
    "UPDATE applications SET payload = X'', purged_at = ?, acceptance_no = COALESCE(?, acceptance_no) WHERE id = ?",
  );
  const purgeAttachments = db.prepare(
    "UPDATE attachments SET payload = X'' WHERE application_id = ?",
  );
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)');
  /**
   * Purged means gone. The application's key is deleted (secure_delete zeroes its
   * cell), so its sealed payload and scans can be freed without overwriting them:
   * rewriting 400 KB of zeros per application was most of a drain's time. An
   * application stored before record keys is sealed with the data key itself and is
   * still overwritten. Call inside a transaction.
   */
  const purge = (id: string, acceptanceNo: string | null, now: string): void => {
    const shredded = keys.destroy(id);
    if (shredded) db.exec('PRAGMA secure_delete = FAST');
    try {
      purgeApplication.run(now, acceptanceNo, id);
      purgeAttachments.run(id);
    } finally {
      if (shredded) db.exec('PRAGMA secure_delete = ON');
    }
  };
  /**
   * The checkpoint empties the WAL, which still held the page images of the
   * wrapped key (and of a pre-key payload). Busy (a reader mid-snapshot) is
   * fine: the next purge checkpoints again.
   */
  let purgesSinceShred = 0;
  const shred = (): void => {
    try {
      checkpoint.get();
      purgesSinceShred = 0;
    } catch {
      // A full disk: the purge is committed; the next one retries the checkpoint.
    }
  };
  const purged = (): void => {
    purgesSinceShred += 1;
    if (purgesSinceShred >= PURGES_PER_SHRED) shred();
  };
  return {
    purge,
    purged,
    flushPurges: () => {
      if (purgesSinceShred > 0) shred();
    },
  };
}

const attachmentRowSchema = z.object({
  id: z.string(),
  material_id: z.string(),
  media_type: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploaded_at: z.string().nullable(),
});

/** An application's scans: what they are (parsed at this edge), their sealed bytes, whether the back office has them. */
function attachmentsOf(
  db: DatabaseSync,
  keys: ReturnType<typeof createRecordKeys>,
): {
  readonly list: Outbox['attachments'];
  readonly read: Outbox['readAttachment'];
  readonly markUploaded: Outbox['markAttachmentsUploaded'];
} {
  const attachmentList = db.prepare(
    'SELECT id, material_id, media_type, size, sha256, uploaded_at FROM attachments WHERE application_id = ? ORDER BY id',
  );
  const attachmentPayload = db.prepare(
    'SELECT payload, application_id FROM attachments WHERE id = ?',
  );
  const attachmentUploaded = db.prepare('UPDATE attachments SET uploaded_at = ? WHERE id = ?');
  return {
    list: (applicationId) =>
      z
        .array(attachmentRowSchema)
        .parse(attachmentList.all(applicationId))
        .map((r) => ({
          id: r.id,
          materialId: r.material_id,
          mediaType: r.media_type,
          size: r.size,
          sha256: r.sha256,
          uploaded: r.uploaded_at !== null,
        })),
    read(attachmentId) {
      const row = attachmentPayload.get(attachmentId) as
        { payload: Uint8Array; application_id: string } | undefined;
      if (row === undefined) return err('not_found', 'no such attachment');
      const key = keys.keyFor(row.application_id);
      return key.ok ? unseal(key.value, row.payload, attachmentId) : key;
    },
    markUploaded(attachmentIds, now) {
      transaction(db, () => {
        for (const id of attachmentIds) attachmentUploaded.run(now, id);
      });
    },
  };
}

export function createOutbox(db: DatabaseSync, dataKey: Uint8Array): Outbox {
  const keys = createRecordKeys(db, dataKey);
  const { purge, purged, flushPurges } = purger(db, keys);
  const attachments = attachmentsOf(db, keys);
  // Named, because without statistics SQLite picks outbox_state and sorts every waiting row per claim.
  const due =
    db.prepare(`${RECORD_SELECT.replace('JOIN outbox o', 'JOIN outbox o INDEXED BY outbox_waiting')}
    WHERE o.state IN ('queued', 'needs_attention') AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)
    ORDER BY o.id LIMIT ?`);
  const setState = db.prepare(
    'UPDATE outbox SET state = ?, updated_at = ? WHERE application_id = ?',
  );
  const nextDue = db.prepare(
    "SELECT MIN(COALESCE(next_attempt_at, created_at)) AS at FROM outbox WHERE state IN ('queued', 'needs_attention')",
  );
  const payload = db.prepare('SELECT payload, purged_at FROM applications WHERE id = ?');
  const accept = db.prepare(
    "UPDATE outbox SET state = 'accepted', last_error = NULL, next_attempt_at = NULL, updated_at = ? WHERE application_id = ?",
  );
  const reject = db.prepare(
    "UPDATE outbox SET state = 'rejected', rejected_reason = ?, next_attempt_at = NULL, updated_at = ? WHERE application_id = ?",
  );
  const retry = db.prepare(
    'UPDATE outbox SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE application_id = ?',
  );
  const allDue = db.prepare(
    "UPDATE outbox SET next_attempt_at = NULL, updated_at = ? WHERE state IN ('queued', 'needs_attention')",
  );
  const recover = db.prepare(
    "UPDATE outbox SET state = 'queued', updated_at = ? WHERE state = 'sending'",
  );
  const finished = db.prepare(
    "SELECT application_id AS id FROM outbox WHERE state IN ('accepted', 'rejected') AND updated_at < ?",
  );
  const deleteAttachments = db.prepare('DELETE FROM attachments WHERE application_id = ?');
  const deleteOutbox = db.prepare('DELETE FROM outbox WHERE application_id = ?');
  const deleteApplication = db.prepare('DELETE FROM applications WHERE id = ?');
  const unpurged = db.prepare(
    "SELECT COUNT(*) AS n FROM applications a JOIN outbox o ON o.application_id = a.id WHERE o.state = 'accepted' AND (a.purged_at IS NULL OR length(a.payload) > 0)",
  );

  return {
    recoverInterrupted(now) {
      return Number(recover.run(now).changes);
    },
    claimDue(now, limit) {
      return transaction(
        db,
        () => {
          const rows = due.all(now, limit).map(toRecord);
          for (const row of rows) setState.run('sending', now, row.id);
          return rows;
        },
        'recoverable',
      );
    },
    nextDueAt() {
      return (nextDue.get() as { at: string | null }).at;
    },
    readPayload(id) {
      return openPayload(
        keys,
        id,
        payload.get(id) as { payload: Uint8Array; purged_at: string | null } | undefined,
      );
    },
    attachments: attachments.list,
    readAttachment: attachments.read,
    markAttachmentsUploaded: attachments.markUploaded,
    markAccepted(id, acceptanceNo, now) {
      transaction(
        db,
        () => {
          accept.run(now, id);
          purge(id, acceptanceNo, now);
        },
        'recoverable',
      );
      purged();
    },
    markRejected(id, reason, now) {
      transaction(
        db,
        () => {
          reject.run(reason, now, id);
          purge(id, null, now);
        },
        'recoverable',
      );
      purged();
    },
    flushPurges,
    scheduleRetry(id, state, nextAttemptAt, error, now) {
      retry.run(state, nextAttemptAt, error, now, id);
    },
    makeAllDue(now) {
      return Number(allDue.run(now).changes);
    },
    summary: queueSummary(db),
    deleteFinishedBefore(before) {
      return transaction(db, () => {
        const ids = (finished.all(before) as { id: string }[]).map((r) => r.id);
        for (const id of ids) {
          keys.destroy(id);
          deleteAttachments.run(id);
          deleteOutbox.run(id);
          deleteApplication.run(id);
        }
        return ids.length;
      });
    },
    unpurgedAccepted() {
      return (unpurged.get() as { n: number }).n;
    },
  };
}
