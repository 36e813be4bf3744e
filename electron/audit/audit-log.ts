import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock } from '../../core/clock';
import type { Logger } from '../shared/log';
import { err, ok, type Result } from '../../core/result';
import {
  makeEntry,
  scrubFields,
  TORN_ACTION,
  verifyLines,
  type AuditActor,
  type AuditFields,
} from './chain';

/** Who did what, append-only and hash-chained. Never personal data (see chain.ts's scrub). */
export interface AuditLog {
  record(actor: AuditActor, action: string, fields?: AuditFields): void;
  close(): void;
}

export interface AuditLogOptions {
  readonly path: string;
  readonly log: Logger;
  readonly clock: Clock;
}

/**
 * Opens the audit file, checks the chain it continues, and appends from there.
 * A broken chain is reported (log + an entry saying so) but never "repaired":
 * the evidence stays as found. Each entry is one write of one whole line,
 * followed by fsync, so a kill -9 leaves either the line or nothing.
 */
export function openAuditLog(options: AuditLogOptions): Result<AuditLog> {
  const { path, log } = options;
  const { clock } = options;
  let text: string;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') {
      return err(
        'audit_unavailable',
        `audit log ${path}: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    }
    text = '';
  }
  const lines = text.split('\n');
  const report = verifyLines(lines);
  let fd: number;
  try {
    fd = openSync(path, 'a', 0o600);
  } catch (cause) {
    return err(
      'audit_unavailable',
      `audit log ${path}: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }

  let previous: { seq: number; hash: string } | null = null;
  const pending: { action: string; fields: AuditFields }[] = [];
  if (report.ok) {
    previous = report.entries === 0 ? null : { seq: report.entries - 1, hash: report.lastHash };
    const last = lines[lines.length - 1] ?? '';
    if (last !== '') {
      // A line cut short by a power cut: end it and say so, chained, so verify can tell it from tampering.
      writeSync(fd, '\n');
      pending.push({ action: TORN_ACTION, fields: { length: Buffer.byteLength(last, 'utf8') } });
    }
  } else {
    log.error('audit.chain_broken', { line: report.first.line, problem: report.first.problem });
    // Continue from the last entry that still parses so new entries chain to something; verify keeps reporting the break.
    const lastGood = [...lines].reverse().find((l) => l.startsWith('{'));
    try {
      const parsed = JSON.parse(lastGood ?? '') as { seq: number; hash: string };
      previous = { seq: parsed.seq, hash: parsed.hash };
    } catch {
      previous = null;
    }
    pending.push({ action: 'audit.chain_broken_found', fields: { line: report.first.line } });
  }

  const append = (actor: AuditActor, action: string, fields: AuditFields): void => {
    const scrubbed = scrubFields(fields);
    if (scrubbed.scrubbed > 0)
      log.error('audit.personal_data_refused', { action, fields: scrubbed.scrubbed });
    const entry = makeEntry(previous, clock.now().toISOString(), actor, action, scrubbed.fields);
    try {
      writeSync(fd, `${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
      previous = { seq: entry.seq, hash: entry.hash };
    } catch (cause) {
      // A full disk must not stop the kiosk; the line is missing and the log says why.
      log.error('audit.write_failed', {
        action,
        message: cause instanceof Error ? cause.message : String(cause),
      });
    }
  };
  for (const p of pending) append('system', p.action, p.fields);

  return ok({
    record: (actor, action, fields = {}) => append(actor, action, fields),
    close: () => closeSync(fd),
  });
}

/** `npm run audit:verify`: the whole file checked, with the first problem's line. */
export function verifyAuditFile(path: string): Result<{ entries: number; tornLines: number }> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    return err(
      'audit_unreadable',
      `${path}: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
  const report = verifyLines(text.split('\n'));
  return report.ok
    ? ok({ entries: report.entries, tornLines: report.tornLines })
    : err(
        'audit_tampered',
        `line ${report.first.line}: ${report.first.problem} (${report.entries} entries before it verified)`,
      );
}
