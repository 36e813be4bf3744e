import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The audit log's wire format, pure: one JSON object per line, each carrying
 * the hash of the line before it. Changing, removing or reordering any line
 * breaks every hash after it.
 */
export const GENESIS = '0'.repeat(64);

export const actorSchema = z.enum(['citizen', 'guide', 'technician', 'system', 'sync']);
export type AuditActor = z.output<typeof actorSchema>;

/** Primitives only, as in the log: an identity object cannot slip in whole. */
export type AuditFields = Readonly<Record<string, string | number | boolean | null>>;

export const entrySchema = z.strictObject({
  seq: z.number().int().nonnegative(),
  t: z.string(),
  actor: actorSchema,
  action: z.string().min(1),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * HMAC of `hash` under the entry's own forward-secure key (keys.ts). Outside the
   * hash: rehashing the chain cannot make it, so a rebuilt log fails a keyed check.
   * Entries written before keys existed have none.
   */
  mac: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type AuditEntry = z.output<typeof entrySchema>;

/** The first line of `lines` that is an entry (torn lines say nothing: the next one does); parses no further. */
export function firstEntryIn(lines: Iterable<string>): AuditEntry | null {
  for (const line of lines) {
    const entry = parseEntry(line);
    if (entry !== null) return entry;
  }
  return null;
}

/** One line of the log as an entry, or null when it is torn or not an entry. */
export function parseEntry(line: string): AuditEntry | null {
  try {
    const parsed = entrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The action written after a line torn by a power cut, so the verifier can tell it from tampering. */
export const TORN_ACTION = 'audit.torn_line_closed';

export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  // Fixed key order: the hash must not depend on how an object happened to be built.
  const canonical = JSON.stringify([
    entry.seq,
    entry.t,
    entry.actor,
    entry.action,
    sortedFields(entry.fields),
    entry.prev,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

function sortedFields(fields: AuditFields): [string, string | number | boolean | null][] {
  return Object.keys(fields)
    .sort()
    .map((k) => [k, fields[k] ?? null]);
}

export function makeEntry(
  previous: AuditHead | null,
  t: string,
  actor: AuditActor,
  action: string,
  fields: AuditFields,
): Omit<AuditEntry, 'mac'> {
  const base = {
    seq: previous === null ? 0 : previous.seq + 1,
    t,
    actor,
    action,
    fields: { ...fields },
    prev: previous?.hash ?? GENESIS,
  };
  return { ...base, hash: hashEntry(base) };
}

/**
 * 18-digit ID numbers, 11-digit mobile numbers: what must never be written.
 * Not inside a longer run of letters and digits (a UUID's last group such as
 * `a13912345678`, a hash): those are ids, and removing them lost session ids.
 */
const PERSONAL = /(?<![0-9A-Za-z])(\d{17}[\dXx]|1[3-9]\d{9})(?![0-9A-Za-z])/;

/** Replaces any value that looks like an ID or phone number; the audit log is read by many people. */
export function scrubFields(fields: AuditFields): { fields: AuditFields; scrubbed: number } {
  let scrubbed = 0;
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string' && PERSONAL.test(v)) {
      out[k] = '[removed]';
      scrubbed += 1;
    } else out[k] = v;
  }
  return { fields: out, scrubbed };
}

/** The newest entry: its sequence number and hash, which every later entry depends on. */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

/** What the first readable entry in `lines` says came before it. */
function predecessorOf(lines: readonly string[]): AuditHead | null {
  const entry = firstEntryIn(lines);
  if (entry === null) return null;
  return entry.seq === 0 ? null : { seq: entry.seq - 1, hash: entry.prev };
}

export type VerifyProblem = { readonly line: number; readonly problem: string };
export type VerifyReport =
  | {
      readonly ok: true;
      readonly entries: number;
      readonly tornLines: number;
      readonly lastHash: string;
      /** The last entry verified (or the start when there was none). */
      readonly head: AuditHead | null;
    }
  | { readonly ok: false; readonly entries: number; readonly first: VerifyProblem };

/**
 * Walks the chain. A line that is not JSON is accepted only when it is torn
 * (the file's very end, or closed by a TORN_ACTION entry recording its length);
 * anything else is tampering and is reported with its line number.
 */
export function verifyLines(
  lines: readonly string[],
  /**
   * What the first line chains to: the last entry of the segment before
   * (null: the very start of the log), or 'as-found' when that segment
   * cannot be read and only this one's own chain is checked.
   */
  start: AuditHead | null | 'as-found' = null,
): VerifyReport {
  let previous: AuditHead | null = start === 'as-found' ? predecessorOf(lines) : start;
  let torn: { line: number; length: number } | null = null;
  let entries = 0;
  let tornLines = 0;
  const fail = (line: number, problem: string): VerifyReport => ({
    ok: false,
    entries,
    first: { line, problem },
  });

  for (let i = 0; i < lines.length; i += 1) {
    const text = lines[i] ?? '';
    const lineNo = i + 1;
    if (text === '' && i === lines.length - 1) break;
    let parsed: AuditEntry;
    try {
      const result = entrySchema.safeParse(JSON.parse(text));
      if (!result.success) return fail(lineNo, 'not an audit entry');
      parsed = result.data;
    } catch {
      if (torn !== null) return fail(lineNo, 'two unreadable lines in a row');
      torn = { line: lineNo, length: Buffer.byteLength(text, 'utf8') };
      continue;
    }
    if (torn !== null) {
      if (parsed.action !== TORN_ACTION || parsed.fields['length'] !== torn.length) {
        return fail(torn.line, 'unreadable line (changed or inserted)');
      }
      tornLines += 1;
      torn = null;
    }
    const expectedSeq: number = previous === null ? 0 : previous.seq + 1;
    if (parsed.seq !== expectedSeq)
      return fail(
        lineNo,
        `sequence ${parsed.seq}, expected ${expectedSeq} (a line was removed or moved)`,
      );
    if (parsed.prev !== (previous?.hash ?? GENESIS))
      return fail(
        lineNo,
        'does not chain to the line before (a line was changed, removed or moved)',
      );
    const { hash, ...rest } = parsed;
    if (hashEntry(rest) !== hash)
      return fail(lineNo, 'its content does not match its hash (the line was changed)');
    previous = { seq: parsed.seq, hash };
    entries += 1;
  }
  // A torn line at the very end is a write cut short; the next start closes it.
  if (torn !== null) tornLines += 1;
  return { ok: true, entries, tornLines, lastHash: previous?.hash ?? GENESIS, head: previous };
}
