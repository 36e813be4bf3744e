import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { systemClock, type Clock } from '../../core/clock';

/**
 * Structured log lines on stderr (and optionally a file). Fields are primitives
 * only, so a whole identity object can never be logged by accident; callers
 * pass codes, ids and counts, never names, ID numbers or addresses.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | null>>;
export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  readonly file?: string;
  readonly quiet?: boolean;
  readonly clock?: Clock;
  /** The file is rotated when it would pass this size: `kiosk.log` → `kiosk.log.1` → … */
  readonly maxBytes?: number;
  /** Rotated files kept besides the current one; the oldest is deleted. */
  readonly keep?: number;
}

/** 10 MB × (1 + 4): a log that can never take more than 50 MB of a kiosk's disk. */
export const LOG_MAX_BYTES = 10 * 1024 * 1024;
export const LOG_KEEP = 4;

export function createLogger(options: LoggerOptions = {}): Logger {
  const clock = options.clock ?? systemClock;
  const { file } = options;
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const keep = options.keep ?? LOG_KEEP;
  let size = 0;
  if (file !== undefined) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    try {
      size = statSync(file).size;
    } catch {
      size = 0;
    }
  }
  const rotate = (path: string): void => {
    rmSync(`${path}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n -= 1) {
      try {
        renameSync(`${path}.${n}`, `${path}.${n + 1}`);
      } catch {
        // That generation does not exist yet.
      }
    }
    renameSync(path, `${path}.1`);
    size = 0;
  };
  const write = (level: LogLevel, event: string, fields: LogFields = {}): void => {
    const line = `${JSON.stringify({ t: clock.now().toISOString(), level, event, ...fields })}\n`;
    if (options.quiet !== true) process.stderr.write(line);
    if (file === undefined) return;
    const bytes = Buffer.byteLength(line, 'utf8');
    try {
      if (size > 0 && size + bytes > maxBytes) rotate(file);
      appendFileSync(file, line, { mode: 0o600 });
      size += bytes;
    } catch {
      // A full disk must not take the kiosk down with it; stderr (the journal) still has the line.
    }
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}
