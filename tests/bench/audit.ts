import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeEntry, type AuditHead } from '../../electron/audit/chain';
import {
  LIVE_SEGMENT,
  SEGMENT_BYTES,
  sealedName,
  verifyAuditLog,
} from '../../electron/audit/segments';
import { openStorage } from '../../electron/kiosk/storage';
import { createLogger } from '../../electron/shared/log';
import { testClock } from '../test-clock';
import { median } from './stats';

/** The figure: a log of 2 M lines must start within 1 s of an empty one. BENCH_AUDIT_LINES sets it. */
const LINES = Number(process.env['BENCH_AUDIT_LINES'] ?? 2_000_000);

/**
 * Writes `lines` chained entries as the kiosk would have over years, in
 * 10 MB segments, without an fsync per line (that is the kiosk's cost, not
 * this benchmark's).
 */
function writeLog(auditDir: string, lines: number): { segments: number; bytes: number } {
  mkdirSync(auditDir, { recursive: true, mode: 0o700 });
  let previous: AuditHead | null = null;
  let segmentFirst = 0;
  let fd = openSync(join(auditDir, LIVE_SEGMENT), 'w', 0o600);
  let size = 0;
  let bytes = 0;
  let segments = 1;
  let batch: string[] = [];
  const t0 = Date.parse('2024-01-01T00:00:00Z');
  const flush = (): void => {
    const chunk = Buffer.from(batch.join(''), 'utf8');
    writeSync(fd, chunk);
    size += chunk.length;
    bytes += chunk.length;
    batch = [];
  };
  for (let seq = 0; seq < lines; seq += 1) {
    const entry = makeEntry(
      previous,
      new Date(t0 + seq * 30_000).toISOString(),
      seq % 3 === 0 ? 'citizen' : 'system',
      seq % 3 === 0 ? 'session.start' : 'device.state_changed',
      seq % 3 === 0
        ? {
            session: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
            service: 'passport-first',
          }
        : { device: 'printer-1', kind: 'printer', from: 'ready', to: 'offline', error: null },
    );
    previous = { seq: entry.seq, hash: entry.hash };
    batch.push(`${JSON.stringify(entry)}\n`);
    if (batch.length === 1000) flush();
    if (size >= SEGMENT_BYTES) {
      closeSync(fd);
      const sealed = join(auditDir, sealedName(segmentFirst));
      rmSync(sealed, { force: true });
      // The live segment becomes the sealed one, as the kiosk rotates it.
      renameSync(join(auditDir, LIVE_SEGMENT), sealed);
      fd = openSync(join(auditDir, LIVE_SEGMENT), 'w', 0o600);
      size = 0;
      segments += 1;
      segmentFirst = seq + 1;
    }
  }
  flush();
  closeSync(fd);
  return { segments, bytes };
}

/** openStorage as the kiosk starts: audit log, integrity record, database, key. */
async function startTime(dataDir: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    const storage = await openStorage({
      dataDir,
      log: createLogger({ quiet: true }),
      clock: testClock(),
    });
    samples.push(performance.now() - start);
    if (!storage.ok) throw new Error(storage.error.message);
    storage.value.audit.close();
    storage.value.db.close();
  }
  return median(samples);
}

export async function benchAuditStart(): Promise<void> {
  const empty = mkdtempSync(join(tmpdir(), 'bench-audit-empty-'));
  const long = mkdtempSync(join(tmpdir(), 'bench-audit-long-'));
  try {
    const made = performance.now();
    const { segments, bytes } = writeLog(join(long, 'audit'), LINES);
    const madeSeconds = (performance.now() - made) / 1000;
    const emptyMs = await startTime(empty);
    const longMs = await startTime(long);
    const verify = performance.now();
    const verified = verifyAuditLog(join(long, 'audit', LIVE_SEGMENT));
    const verifySeconds = (performance.now() - verify) / 1000;
    if (!verified.ok) throw new Error(verified.error.message);
    console.log(
      `audit log start-up: empty ${emptyMs.toFixed(0)} ms, ${LINES.toLocaleString('en')} lines (${segments} segments, ${(bytes / 1e6).toFixed(0)} MB, written in ${madeSeconds.toFixed(1)} s) ${longMs.toFixed(0)} ms: +${(longMs - emptyMs).toFixed(0)} ms (limit +1000 ms); ` +
        `verify-audit of the whole log ${verifySeconds.toFixed(1)} s; live segment ${(statSync(join(long, 'audit', LIVE_SEGMENT)).size / 1e6).toFixed(1)} MB`,
    );
  } finally {
    rmSync(empty, { recursive: true, force: true });
    rmSync(long, { recursive: true, force: true });
  }
}
