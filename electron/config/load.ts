import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { formatPath } from '../../base/format-path';
import { err, ok, type Result } from '../../core/result';
import { kioskConfigSchema, type KioskConfig } from './schema';
import { defaultConfig } from './default';

/** One readable message for a technician: which file, which field, what is wrong. */
export function explainConfigError(source: string, issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.map((issue) => {
    const where = issue.path.length === 0 ? '(top level)' : formatPath(issue.path);
    return `  - ${where}: ${issue.message}`;
  });
  return [`Kiosk config ${source} is not valid (终端配置文件有误):`, ...lines].join('\n');
}

export function parseConfig(source: string, raw: unknown): Result<KioskConfig> {
  const parsed = kioskConfigSchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  return err('config_invalid', explainConfigError(source, parsed.error.issues));
}

/**
 * Reads the config named by `KIOSK_CONFIG`, or the embedded demo default when
 * it is unset. Never throws: the caller prints the message and stops.
 */
export function loadConfig(path: string | undefined): Result<KioskConfig> {
  if (path === undefined || path === '') return parseConfig('(embedded default)', defaultConfig);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return err('config_unreadable', `Kiosk config ${path} cannot be read: ${reason}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return err(
      'config_invalid',
      `Kiosk config ${path} is not valid JSON (终端配置文件有误): ${reason}`,
    );
  }
  return parseConfig(path, raw);
}
