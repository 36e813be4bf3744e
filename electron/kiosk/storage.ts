import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Clock } from '../../core/clock';
import { ok, type Result } from '../../core/result';
import { openAuditLog, type AuditLog } from '../audit/audit-log';
import { LIVE_SEGMENT } from '../audit/segments';
import type { Logger } from '../shared/log';
import { createApplicationStore, type ApplicationStore } from '../store/applications';
import { loadDataKey, type DataKeySource } from '../store/data-key';
import { checkDatabaseFile, openCheckedDatabase } from '../store/database';
import {
  adoptIntegrity,
  everStored as everStoredIn,
  inspectDatabase,
  judgeIntegrity,
  keyFingerprint,
  readIntegrityRecord,
  writeIntegrityRecord,
} from '../store/integrity';
import { describeFsProblem, tightenModes } from '../store/fs-problem';
import { createEvaluationStore, type EvaluationStore } from '../store/evaluations';
import { createOutbox, type Outbox } from '../store/outbox';
import { startFailure, type StartFailure } from './start-failure';

export interface StorageOptions {
  readonly dataDir: string;
  readonly log: Logger;
  readonly clock: Clock;
  /** Electron passes safeStorage; the web host and tests use the 0600 key file. */
  readonly dataKey?: DataKeySource;
}

/** Everything that lives in the data folder, opened in order; any failure stops the start with a clear message. */
export interface Storage {
  readonly db: DatabaseSync;
  readonly store: ApplicationStore;
  readonly outbox: Outbox;
  /** 好差评 waiting for the back office. */
  readonly evaluations: EvaluationStore;
  readonly audit: AuditLog;
  readonly keyProtection: string;
}

export async function openStorage(options: StorageOptions): Promise<Result<Storage, StartFailure>> {
  const { dataDir, log, clock } = options;
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (cause) {
    const problem = describeFsProblem(cause, dataDir);
    return startFailure('database', {
      code: problem.code === 'io_error' ? 'database_unavailable' : problem.code,
      message: problem.message,
    });
  }
  const tightened = tightenModes(dataDir);
  if (tightened > 0) log.warn('storage.modes_tightened', { entries: tightened });
  // Audit first, so a refusal below is on record.
  const audit = openAuditLog({ path: join(dataDir, 'audit', LIVE_SEGMENT), log, clock });
  if (!audit.ok) return startFailure('audit', audit.error);
  const opened = await openCheckedStorage(options, audit.value);
  if (!opened.ok) {
    if (opened.error.stage === 'integrity')
      audit.value.record('system', 'integrity.refused', { code: opened.error.code });
    audit.value.close();
  }
  return opened;
}

/**
 * Looks at the database, the key and the integrity record before writing a
 * byte (integrity.ts), then opens them. A key is made only on a kiosk that
 * never sealed anything; any fault at rest stops here, leaving every file as
 * it was for the technician to restore.
 */
async function openCheckedStorage(
  options: StorageOptions,
  audit: AuditLog,
): Promise<Result<Storage, StartFailure>> {
  const { dataDir, log, clock } = options;
  const dbPath = join(dataDir, 'kiosk.sqlite');
  const record = readIntegrityRecord(dataDir);
  if (!record.ok) return startFailure('integrity', record.error);
  const checked = checkDatabaseFile(dbPath);
  if (!checked.ok) return startFailure('database', checked.error);
  const facts = inspectDatabase(dbPath);
  if (!facts.ok) return startFailure('database', facts.error);
  const neverSealed =
    record.value === null && facts.value.keyFingerprint === null && facts.value.everStored === 0;
  const key = await loadDataKey(join(dataDir, 'keys'), options.dataKey ?? { kind: 'key-file' }, {
    create: neverSealed,
  });
  if (!key.ok && key.error.code !== 'key_missing') return startFailure('data_key', key.error);
  const fingerprint = key.ok ? keyFingerprint(key.value.key) : null;
  const verdict = judgeIntegrity(record.value, facts.value, fingerprint);
  if (!verdict.ok) return startFailure('integrity', verdict);
  // judgeIntegrity refuses a missing key wherever anything was sealed; a fresh kiosk's key was just made.
  if (!key.ok) return startFailure('data_key', key.error);
  const sealingKey = key.value;

  const db = openCheckedDatabase(dbPath, checked.value.exists);
  if (!db.ok) return startFailure('database', db.error);
  const since = record.value?.since ?? clock.now().toISOString();
  const writeRecord = (everStored: number, lastApplicationNo: string | null): void => {
    const written = writeIntegrityRecord(dataDir, {
      version: 1,
      everStored,
      keyFingerprint: keyFingerprint(sealingKey.key),
      lastApplicationNo,
      since,
    });
    if (!written) log.warn('integrity.record_not_written', { everStored });
  };
  // The record file first: the database only starts expecting one once it exists.
  const stored = everStoredIn(db.value);
  if (record.value?.everStored !== stored || verdict.action !== 'continue')
    writeRecord(stored, record.value?.lastApplicationNo ?? null);
  const onDisk = readIntegrityRecord(dataDir);
  if (onDisk.ok && onDisk.value !== null)
    adoptIntegrity(db.value, keyFingerprint(sealingKey.key), since);
  if (verdict.action === 'adopt')
    audit.record('system', 'integrity.adopted', { everStored: stored });
  return ok({
    db: db.value,
    store: createApplicationStore(db.value, sealingKey.key, { onStored: writeRecord }),
    outbox: createOutbox(db.value, sealingKey.key),
    evaluations: createEvaluationStore(db.value, sealingKey.key),
    audit,
    keyProtection: sealingKey.protection,
  });
}
