import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { err, ok, type KioskError, type Result } from '../../core/result';
import { entrySchema, parseEntry, verifyLines, type AuditHead } from './chain';
import { evolveKey, KEY_EPOCH_ACTION, macOf, type EpochKey } from './keys';

/**
 * The audit log on disk: the live segment `audit.jsonl`, and sealed segments
 * `audit.<first seq, 12 digits>.jsonl` it was rotated into at ~10 MB. The
 * chain runs on across segments (the first entry of each chains to the last
 * of the one before), so start-up reads only the live segment and the last
 * line of the newest sealed one, however long the log has grown.
 */
export const LIVE_SEGMENT = 'audit.jsonl';
export const SEGMENT_BYTES = 10 * 1024 * 1024;
const SEALED = /^audit\.(\d{12})\.jsonl$/;

export const sealedName = (firstSeq: number): string =>
  `audit.${String(firstSeq).padStart(12, '0')}.jsonl`;

/** The sealed segments beside `livePath`, oldest first; [] when the folder cannot be listed. */
export function sealedSegments(livePath: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dirname(livePath));
  } catch {
    return [];
  }
  return names
    .filter((n) => SEALED.test(n))
    .sort()
    .map((n) => join(dirname(livePath), n));
}

/** The last entry of a sealed segment, reading only its tail: the link the live segment continues. */
export function lastEntryOf(path: string): Result<AuditHead, KioskError<'audit_unreadable'>> {
  try {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      const length = Math.min(size, 64 * 1024);
      const tail = Buffer.alloc(length);
      readSync(fd, tail, 0, length, size - length);
      const lines = tail.toString('utf8').trimEnd().split('\n');
      const last = entrySchema.safeParse(JSON.parse(lines[lines.length - 1] ?? ''));
      if (last.success) return ok({ seq: last.data.seq, hash: last.data.hash });
      return err('audit_unreadable', `${path}: its last line is not an audit entry`);
    } finally {
      closeSync(fd);
    }
  } catch (cause) {
    return err(
      'audit_unreadable',
      `${path}: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}

export interface AuditVerified {
  readonly entries: number;
  readonly tornLines: number;
  readonly segments: number;
  readonly head: AuditHead | null;
}

type VerifyError = KioskError<'audit_unreadable' | 'audit_tampered'>;

function verifySegment(
  path: string,
  start: AuditHead | null | 'as-found',
): Result<{ entries: number; tornLines: number; head: AuditHead | null }, VerifyError> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    return err(
      'audit_unreadable',
      `${path}: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
  const report = verifyLines(text.split('\n'), start);
  return report.ok
    ? ok({ entries: report.entries, tornLines: report.tornLines, head: report.head })
    : err(
        'audit_tampered',
        `${basename(path)} line ${report.first.line}: ${report.first.problem} (${report.entries} entries before it verified)`,
      );
}

/**
 * `police-kiosk verify-audit`: every segment, oldest first, each chained to
 * the one before. A removed, reordered or changed segment breaks the chain at
 * its first line; a removed newest segment is caught by the anchor the back
 * office holds (`--anchor`).
 */
export function verifyAuditLog(livePath: string): Result<AuditVerified, VerifyError> {
  let head: AuditHead | null = null;
  let entries = 0;
  let tornLines = 0;
  const segments = [...sealedSegments(livePath), livePath];
  for (const segment of segments) {
    const verified = verifySegment(segment, head);
    if (!verified.ok) {
      // A live segment not yet written to after a rotation is not there: nothing to check.
      if (segment === livePath && verified.error.code === 'audit_unreadable' && entries > 0) break;
      return verified;
    }
    entries += verified.value.entries;
    tornLines += verified.value.tornLines;
    head = verified.value.head;
  }
  return ok({ entries, tornLines, segments: segments.length, head });
}

/**
 * One file on its own (a segment copied off the kiosk): its own chain, from
 * whatever its first entry says came before.
 */
export function verifyAuditFile(path: string): Result<AuditVerified, VerifyError> {
  const verified = verifySegment(path, 'as-found');
  return verified.ok ? ok({ ...verified.value, segments: 1 }) : verified;
}

/**
 * What start-up and readiness check: the live segment, chained to the last
 * line of the newest sealed one. When that one cannot be read the live
 * segment's own chain is still checked, and `linkChecked` says so.
 */
export function verifyAuditTail(
  livePath: string,
): Result<AuditVerified & { readonly linkChecked: boolean }, VerifyError> {
  const newest = sealedSegments(livePath).at(-1);
  const link = newest === undefined ? null : lastEntryOf(newest);
  const start = link === null ? null : link.ok ? link.value : 'as-found';
  const verified = verifySegment(livePath, start);
  if (!verified.ok) return verified;
  return ok({
    ...verified.value,
    head: verified.value.head ?? (link?.ok ? link.value : null),
    segments: 1 + (newest === undefined ? 0 : 1),
    linkChecked: link === null || link.ok,
  });
}

/** The entry with sequence number `seq`, looked up in the one segment that can hold it. */
export function entryAt(livePath: string, seq: number): AuditHead | null {
  const candidates = [...sealedSegments(livePath), livePath];
  const firstSeqOf = (p: string): number => Number(SEALED.exec(basename(p))?.[1] ?? Infinity);
  const segment = candidates.find(
    (p, i) => firstSeqOf(p) <= seq && firstSeqOf(candidates[i + 1] ?? '') > seq,
  );
  for (const p of segment === undefined ? [livePath] : [segment, livePath]) {
    let text: string;
    try {
      text = readFileSync(p, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (!line.includes(`"seq":${seq},`)) continue;
      const entry = parseEntry(line);
      if (entry?.seq === seq) return { seq, hash: entry.hash };
    }
  }
  return null;
}

/** What a keyed check proved: which entries were MAC-checked with a key the verifier brought. */
export interface AuditKeyed {
  /** Entries whose MAC verified, and the newest of them (null: none could be checked). */
  readonly verified: number;
  readonly keyedUpTo: number | null;
  /** Entries after which no key was given: a new epoch (a lost key, or a forged start) the verifier holds no key for. */
  readonly unkeyedEpochs: readonly number[];
  /** Entries written before the log was keyed. */
  readonly beforeKeys: number;
}

/**
 * The keyed check of the whole log: each entry's MAC under its forward-secure
 * key, from the starting key of its epoch (handed to the back office, or
 * exported by a technician). A log rebuilt with recomputed hashes — entries
 * dropped or rewritten — fails here at the first entry it changed, because the
 * keys that made the old MACs were erased as the log was written.
 */
export function verifyAuditKeys(
  livePath: string,
  keys: readonly EpochKey[],
): Result<AuditKeyed, VerifyError> {
  const given = new Map(keys.map((k) => [k.startSeq, Buffer.from(k.key, 'base64')]));
  let key: Buffer | null = null;
  let verified = 0;
  let keyedUpTo: number | null = null;
  let beforeKeys = 0;
  const unkeyedEpochs: number[] = [];
  const found = new Set<number>();
  for (const segment of [...sealedSegments(livePath), livePath]) {
    let text: string;
    try {
      text = readFileSync(segment, 'utf8');
    } catch (cause) {
      if (segment === livePath && verified > 0) break;
      return err('audit_unreadable', `${segment}: ${(cause as Error).message}`);
    }
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i += 1) {
      const entry = parseEntry(lines[i] ?? '');
      if (entry === null) continue;
      if (entry.action === KEY_EPOCH_ACTION) {
        found.add(entry.seq);
        key = given.get(entry.seq) ?? null;
        if (key === null) unkeyedEpochs.push(entry.seq);
      }
      if (entry.mac === undefined) {
        if (key !== null)
          return err(
            'audit_tampered',
            `${basename(segment)} line ${i + 1}: seq ${entry.seq} has no MAC inside a keyed epoch (entries rewritten)`,
          );
        if (unkeyedEpochs.length === 0 && keyedUpTo === null) beforeKeys += 1;
        continue;
      }
      if (key === null) continue;
      if (macOf(key, entry.hash) !== entry.mac)
        return err(
          'audit_tampered',
          `${basename(segment)} line ${i + 1}: seq ${entry.seq}'s MAC does not verify with the key of its epoch: the log was rebuilt or rewritten from here (${verified} entries before it verified)`,
        );
      verified += 1;
      keyedUpTo = entry.seq;
      key = evolveKey(key);
    }
  }
  // A key the verifier holds for an epoch the log no longer starts: the log was rebuilt from before it.
  const lost = keys.find((k) => !found.has(k.startSeq));
  if (lost !== undefined)
    return err(
      'audit_tampered',
      `the epoch starting at seq ${lost.startSeq}, whose key was given, is not in the log: it was rebuilt or cut back`,
    );
  return ok({ verified, keyedUpTo, unkeyedEpochs, beforeKeys });
}
