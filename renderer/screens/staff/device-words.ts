import { hasMessage, type MessageKey } from '../../i18n';

/**
 * The technician's screen in the kiosk's language: a driver reports facts,
 * faults and transports as identifiers (`paperNearEnd`, `serial`); those the
 * catalog knows are worded (`diag.fact.*`, `diag.value.*`, …), anything new a
 * driver reports is shown as it came rather than hidden.
 */
export function deviceWord(
  t: (key: MessageKey) => string,
  group: 'fact' | 'value' | 'fault' | 'transport',
  raw: string,
): string {
  const key = `diag.${group}.${raw}`;
  return hasMessage(key) ? t(key) : raw;
}
