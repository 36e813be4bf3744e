import {
  closeSync,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Clock } from '../../core/clock';
import type { Logger } from '../shared/log';
import { err, ok, type Result } from '../../core/result';
import { syncFolder } from '../store/atomic-file';
import {
  firstEntryIn,
  makeEntry,
  scrubFields,
  TORN_ACTION,
  verifyLines,
  type AuditActor,
  type AuditEntry,
  type AuditFields,
  type AuditHead,
} from './chain';
import {
  erasePendingEpochKey,
  evolveKey,
  KEY_EPOCH_ACTION,
  macOf,
  newEpochKey,
  openKeyFile,
  pendingEpochKeys,
  readKeyFile,
  savePendingEpochKey,
  keyAfter,
  type EpochKey,
  type KeyFile,
} from './keys';
import type { AuditAction, AuditFieldsOf } from './events';
import { lastEntryOf, SEGMENT_BYTES, sealedName, sealedSegments } from './segments';
import { releaseWriterLock, takeWriterLock } from './writer-lock';

export { verifyAuditFile, verifyAuditLog, verifyAuditTail } from './segments';
export type { AuditHead } from './chain';

/** Who did what, append-only and hash-chained. Never personal data (see chain.ts's scrub). */
export interface AuditLog {
  /** One entry of the catalogue (events.ts), with the fields it lists. */
  record<A extends AuditAction>(actor: AuditActor, action: A, fields: AuditFieldsOf<A>): void;
  /** The newest entry on disk: the anchor the heartbeat gives the back office. */
  head(): AuditHead | null;
  /** Entries kept in memory because the disk refused them (full); written, in order, once it takes them. */
  backlog(): number;
  /** Key epochs whose starting key is still on the kiosk, waiting for the back office (or a technician). */
  pendingKeys(): EpochKey[];
  /** The back office confirmed it holds this epoch's key: the kiosk's copy is erased, and that is audited. */
  keyHandedOver(epoch: number): void;
  close(): void;
}

export interface AuditLogOptions {
  /** The live segment, `<data>/audit/audit.jsonl`; sealed segments are kept beside it. */
  readonly path: string;
  readonly log: Logger;
  readonly clock: Clock;
  /** The live segment is sealed and a new one started once it passes this size. */
  readonly segmentBytes?: number;
}

/**
 * Entries the kiosk holds while the disk is full. Past this, entries are
 * counted, not kept, and an `audit.entries_dropped` entry says how many once
 * the disk takes writes again: the chain stays whole and the gap is on record.
 */
export const AUDIT_BACKLOG_MAX = 1000;

const messageOf = (cause: unknown): string =>
  cause instanceof Error ? cause.message : String(cause);

/** Where the chain continues from, read from the live segment (and the newest sealed one's last line). */
interface Continuation {
  readonly previous: AuditHead | null;
  /** The newest entry carries a MAC: the log was keyed, so a missing key is a loss, not a first start. */
  readonly keyed: boolean;
  readonly firstSeq: number | null;
  readonly torn: number | null;
  readonly problems: readonly { action: AuditAction; fields: AuditFields }[];
}

function continuation(path: string, text: string, log: Logger): Result<Continuation> {
  const lines = text.split('\n');
  const newest = sealedSegments(path).at(-1);
  const link = newest === undefined ? null : lastEntryOf(newest);
  const problems: { action: AuditAction; fields: AuditFields }[] = [];
  if (link !== null && !link.ok) {
    log.warn('audit.previous_segment_unreadable', { segment: basename(newest ?? '') });
    problems.push({
      action: 'audit.previous_segment_unreadable',
      fields: { segment: basename(newest ?? '') },
    });
  }
  const start = link === null ? null : link.ok ? link.value : ('as-found' as const);
  const report = verifyLines(lines, start);
  const firstEntry = firstEntryIn(lines);
  if (report.ok) {
    if (report.head === null && start === 'as-found') {
      // Just rotated, and the segment before cannot be read: there is nothing to chain to.
      return err(
        'audit_unavailable',
        `${newest ?? path}: ${link !== null && !link.ok ? link.error.message : 'unreadable'}; the audit chain cannot be continued`,
      );
    }
    const last = lines[lines.length - 1] ?? '';
    return ok({
      previous: report.head,
      keyed: firstEntryIn(lines.toReversed())?.mac !== undefined,
      firstSeq: firstEntry?.seq ?? null,
      torn: last === '' ? null : Buffer.byteLength(last, 'utf8'),
      problems,
    });
  }
  log.error('audit.chain_broken', { line: report.first.line, problem: report.first.problem });
  // Continue from the last entry that still parses so new entries chain to something; verify keeps reporting the break.
  const lastGood = firstEntryIn(lines.toReversed());
  problems.push({ action: 'audit.chain_broken_found', fields: { line: report.first.line } });
  const last = lines[lines.length - 1] ?? '';
  return ok({
    previous: lastGood === null ? null : { seq: lastGood.seq, hash: lastGood.hash },
    keyed: lastGood?.mac !== undefined,
    firstSeq: firstEntry?.seq ?? null,
    torn: last === '' ? null : Buffer.byteLength(last, 'utf8'),
    problems,
  });
}

/** The live segment read (where the chain goes on), the writer lock taken, the file open for appending. */
function openLiveSegment(
  path: string,
  log: Logger,
): Result<{
  readonly found: Continuation;
  readonly fd: number;
  readonly size: number;
}> {
  let text: string;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') {
      return err('audit_unavailable', `audit log ${path}: ${messageOf(cause)}`);
    }
    text = '';
  }
  const found = continuation(path, text, log);
  if (!found.ok) return found;
  const lock = takeWriterLock(dirname(path));
  if (!lock.ok)
    return err(
      'audit_busy',
      `audit log ${path} is being written by process ${lock.holder} (a running kiosk): stop it first`,
    );
  try {
    const fd = openSync(path, 'a', 0o600);
    return ok({ found: found.value, fd, size: fstatSync(fd).size });
  } catch (cause) {
    releaseWriterLock(dirname(path));
    return err('audit_unavailable', `audit log ${path}: ${messageOf(cause)}`);
  }
}

/**
 * The MAC key chain's state on open. The key for the next entry to be enqueued, and its epoch. A
 * key file behind the log (a crash between a line and its key) is evolved forward; one ahead of
 * it, damaged or missing from a keyed log starts a new epoch, said in the log itself, whose key
 * must reach the back office before it protects anything.
 */
function epochKeys(dir: string, nextSeq: number, keyed: boolean, log: Logger) {
  /** Null while the file cannot be made (a full disk): the key lives in memory and is written once it can be. */
  let keyFile: KeyFile | null = null;
  const keyFileNow = (): KeyFile | null => {
    if (keyFile !== null) return keyFile;
    try {
      keyFile = openKeyFile(dir);
    } catch (cause) {
      log.error('audit.key_write_failed', { message: messageOf(cause) });
    }
    return keyFile;
  };
  keyFileNow();
  const stored = readKeyFile(dir);
  /** A new epoch's key not yet on disk (a full disk): handed over from memory, saved once it can be. */
  let unsavedEpoch: EpochKey | null = null;
  const saveEpoch = (): void => {
    if (unsavedEpoch === null) return;
    try {
      savePendingEpochKey(dir, unsavedEpoch);
      unsavedEpoch = null;
    } catch (cause) {
      log.error('audit.key_write_failed', { message: messageOf(cause) });
    }
  };
  let epochReason: string | null = null;
  let key: { epoch: number; key: Buffer };
  if (typeof stored === 'object' && stored.seq <= nextSeq) {
    key = { epoch: stored.epoch, key: keyAfter(stored.key, nextSeq - stored.seq) };
    stored.key.fill(0);
  } else {
    epochReason =
      typeof stored === 'object'
        ? 'key_ahead_of_log'
        : stored === 'damaged'
          ? 'key_damaged'
          : keyed
            ? 'key_missing'
            : 'first_start';
    key = { epoch: nextSeq, key: newEpochKey() };
    unsavedEpoch = { epoch: nextSeq, startSeq: nextSeq, key: key.key.toString('base64') };
    saveEpoch();
    if (epochReason !== 'first_start')
      log.error('audit.key_epoch_started', { reason: epochReason, seq: nextSeq });
  }
  return {
    /** Entry `seq` is on disk: its key is gone, only the next one's is kept, in place of it. */
    entryWritten(seq: number, nextKey: Buffer): void {
      try {
        keyFileNow()?.write({ epoch: key.epoch, seq: seq + 1, key: nextKey });
      } catch (cause) {
        log.error('audit.key_write_failed', { message: messageOf(cause) });
      }
      saveEpoch();
    },
    key,
    epochReason,
    keyFile: (): KeyFile | null => keyFile,
    unsaved: (): EpochKey | null => unsavedEpoch,
    forget(epoch: number): void {
      if (unsavedEpoch?.epoch === epoch) unsavedEpoch = null;
    },
  };
}

/**
 * The live segment's file: lines appended whole or not at all, fsynced in
 * groups (with the key file) rather than one by one.
 */
function segmentWriter(
  first: { readonly fd: number; readonly size: number },
  log: Logger,
  keyFile: () => KeyFile | null,
) {
  let fd = first.fd;
  let size = first.size;
  let syncing = false;
  let unsynced = false;
  /** Bumped when `fd` is closed: a late answer from an fsync of the old descriptor means nothing. */
  let generation = 0;
  const syncSoon = (): void => {
    if (syncing) {
      unsynced = true;
      return;
    }
    syncing = true;
    unsynced = false;
    const started = generation;
    const keys = keyFile();
    if (keys !== null) fsync(keys.fd, () => undefined);
    fsync(fd, (cause) => {
      syncing = false;
      if (cause !== null && started === generation)
        log.error('audit.fsync_failed', { message: messageOf(cause) });
      // Lines written meanwhile (to this descriptor or, after a rotation, to the next one).
      if (unsynced) syncSoon();
    });
  };
  return {
    size: (): number => size,
    /** Appends a line; the disk's refusal as a message, else null. */
    write(bytes: Buffer): string | null {
      try {
        for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
        size += bytes.length;
        syncSoon();
        return null;
      } catch (cause) {
        // Never half a line: what the disk took of this one is cut off again.
        try {
          ftruncateSync(fd, size);
        } catch {
          // The next successful write starts after the fragment; verify reports it as torn.
        }
        return messageOf(cause);
      }
    },
    /** Before `fd` is closed: everything written is on disk, and pending fsyncs are moot. */
    syncNow(): void {
      fsyncSync(fd);
      keyFile()?.sync();
      generation += 1;
      unsynced = false;
    },
    close(): void {
      closeSync(fd);
    },
    /** A new live segment after a rotation. */
    reopen(path: string): void {
      fd = openSync(path, 'a', 0o600);
      size = fstatSync(fd).size;
    },
  };
}

/**
 * Opens the live segment, checks the chain it continues, and appends from
 * there. A broken chain is reported (log + an entry saying so) but never
 * "repaired": the evidence stays as found. Each entry is one whole line,
 * written at once; a write the disk refuses is cut back off the file (never
 * half a line) and kept in order in memory until the disk takes it.
 *
 * fsyncs are grouped: one runs off the event loop while lines go on being
 * written, and the next covers every line written meanwhile. An entry is on
 * disk within about one fsync (a millisecond), a process crash loses nothing
 * written, and a drain of 1,000 acceptances no longer waits for 1,000 fsyncs
 * on the kiosk's only thread (a fifth of its time). Rotation and close sync
 * before they close.
 */
export function openAuditLog(options: AuditLogOptions): Result<AuditLog> {
  const { path, log, clock } = options;
  const segmentBytes = options.segmentBytes ?? SEGMENT_BYTES;
  const opened = openLiveSegment(path, log);
  if (!opened.ok) return opened;
  const found = opened.value.found;
  /** On disk, and in memory including the backlog. */
  let written = found.previous;
  let chained = found.previous;
  const dir = dirname(path);
  const nextSeq = (written?.seq ?? -1) + 1;
  const keys = epochKeys(dir, nextSeq, found.keyed, log);
  const { key, epochReason } = keys;
  let segmentFirstSeq = found.firstSeq ?? (written === null ? 0 : written.seq + 1);
  /** Each entry with the key for the one after it: written to the key file once the entry is on disk. */
  const backlog: { entry: AuditEntry; nextKey: Buffer }[] = [];
  let dropped = 0;

  const file = segmentWriter(opened.value, log, () => keys.keyFile());
  let refusing = false;
  const writeLine = (bytes: Buffer): boolean => {
    const failure = file.write(bytes);
    if (failure === null) return true;
    if (!refusing) log.error('audit.write_failed', { message: failure });
    refusing = true;
    return false;
  };

  const enqueue = (actor: AuditActor, action: AuditAction, fields: AuditFields): void => {
    if (backlog.length >= AUDIT_BACKLOG_MAX) {
      dropped += 1;
      return;
    }
    const made = makeEntry(chained, clock.now().toISOString(), actor, action, fields);
    const entry: AuditEntry = { ...made, mac: macOf(key.key, made.hash) };
    const nextKey = evolveKey(key.key);
    key.key = nextKey;
    chained = { seq: entry.seq, hash: entry.hash };
    backlog.push({ entry, nextKey });
  };

  const rotate = (): void => {
    const sealed = join(dirname(path), sealedName(segmentFirstSeq));
    try {
      file.syncNow();
      file.close();
      renameSync(path, sealed);
      syncFolder(path);
    } catch (cause) {
      log.error('audit.rotate_failed', { message: messageOf(cause) });
    }
    file.reopen(path);
    segmentFirstSeq = (written?.seq ?? -1) + 1;
    enqueue('system', 'audit.segment_started', { previous: basename(sealed) });
  };

  const flush = (): void => {
    for (let queued = backlog[0]; queued !== undefined; queued = backlog[0]) {
      const next = queued.entry;
      if (!writeLine(Buffer.from(`${JSON.stringify(next)}\n`, 'utf8'))) return;
      backlog.shift();
      written = { seq: next.seq, hash: next.hash };
      keys.entryWritten(next.seq, queued.nextKey);
      if (refusing) {
        refusing = false;
        log.info('audit.write_resumed', { backlog: backlog.length });
      }
      if (dropped > 0 && backlog.length < AUDIT_BACKLOG_MAX) {
        const count = dropped;
        dropped = 0;
        enqueue('system', 'audit.entries_dropped', { count });
      }
      if (file.size() >= segmentBytes) rotate();
    }
  };

  if (epochReason !== null) enqueue('system', KEY_EPOCH_ACTION, { reason: epochReason });
  if (found.torn !== null) {
    // A line cut short by a power cut: end it and say so, chained, so verify can tell it from tampering.
    if (writeLine(Buffer.from('\n'))) enqueue('system', TORN_ACTION, { length: found.torn });
  }
  for (const p of found.problems) enqueue('system', p.action, p.fields);
  flush();

  /**
   * After close the descriptor's number may already belong to another file of
   * this process (another kiosk's log, in tests): a late event (a device timer
   * that fired during shutdown) is said in the technical log, never written.
   */
  let closed = false;
  const record = (actor: AuditActor, action: AuditAction, fields: AuditFields = {}): void => {
    if (closed) {
      log.error('audit.record_after_close', { action });
      return;
    }
    const scrubbed = scrubFields(fields);
    if (scrubbed.scrubbed > 0)
      log.error('audit.personal_data_refused', { action, fields: scrubbed.scrubbed });
    // Older entries first, so this one is not counted as dropped if the disk has room again.
    flush();
    enqueue(actor, action, scrubbed.fields);
    flush();
  };
  return ok({
    record,
    head: () => written,
    backlog: () => backlog.length + dropped,
    pendingKeys: () => {
      const unsaved = keys.unsaved();
      return [...pendingEpochKeys(dir), ...(unsaved === null ? [] : [unsaved])];
    },
    keyHandedOver(epoch) {
      keys.forget(epoch);
      erasePendingEpochKey(dir, epoch);
      record('system', 'audit.key_handed_over', { epoch, to: 'back_office' });
    },
    close() {
      if (closed) return;
      closed = true;
      flush();
      if (backlog.length + dropped > 0)
        log.error('audit.entries_lost', { count: backlog.length + dropped });
      try {
        file.syncNow();
      } catch (cause) {
        log.error('audit.fsync_failed', { message: messageOf(cause) });
      }
      file.close();
      keys.keyFile()?.close();
      key.key.fill(0);
      releaseWriterLock(dir);
    },
  });
}
