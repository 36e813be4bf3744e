import { appendFileSync, mkdirSync } from 'node:fs';
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

export function createLogger(
  options: { readonly file?: string; readonly quiet?: boolean; readonly clock?: Clock } = {},
): Logger {
  const clock = options.clock ?? systemClock;
  if (options.file !== undefined) mkdirSync(dirname(options.file), { recursive: true });
  const write = (level: LogLevel, event: string, fields: LogFields = {}): void => {
    const line = JSON.stringify({ t: clock.now().toISOString(), level, event, ...fields });
    if (options.quiet !== true) process.stderr.write(`${line}\n`);
    if (options.file !== undefined) {
      try {
        appendFileSync(options.file, `${line}\n`);
      } catch {
        // A full disk must not take the kiosk down with it; stderr still has the line.
      }
    }
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}
