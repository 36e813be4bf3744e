import { formatDateTime } from '../base/text-format';
import { coreText, pick, type Locale } from './i18n';
import { contactRows } from './slip-lines';
import type { LocalText } from '../rules/engine/schema';
import type { Station } from './slip';

/** What the rules refused, as the kiosk evaluated it again: never words the screen sent. */
export interface Refusal {
  readonly serviceName: LocalText;
  readonly question: LocalText;
  readonly reason: LocalText;
  readonly basis: LocalText;
  readonly desk: LocalText;
  readonly station: Station;
  readonly at: string;
  readonly ruleVersion: string;
}

/**
 * 一次性告知单 for a citizen the rules stop at a question: what cannot be done here, why, the
 * article that says so, and where to ask or complain. It carries nothing about the person (no
 * name, no number): a notice left on the tray tells the next visitor nothing.
 */
export interface RefusalNoticeLines {
  readonly heading: string;
  readonly station: string;
  readonly rows: readonly { readonly label: string; readonly value: string }[];
  readonly reasonTitle: string;
  readonly reason: string;
  readonly basisTitle: string;
  readonly basis: string;
  readonly footer: string;
}

export function refusalNoticeLines(locale: Locale, refusal: Refusal): RefusalNoticeLines {
  const text = (key: Parameters<typeof coreText>[1], params?: Record<string, string>): string =>
    coreText(locale, key, params);
  const l = (value: LocalText): string => pick(locale, value);
  const { station } = refusal;
  return {
    heading: text('refusal.heading'),
    station: station.name,
    rows: [
      { label: text('slip.service'), value: l(refusal.serviceName) },
      { label: text('refusal.question'), value: l(refusal.question) },
      { label: text('refusal.at'), value: formatDateTime(refusal.at, locale) },
      { label: text('slip.desk'), value: l(refusal.desk) },
      ...contactRows(locale, station),
    ],
    reasonTitle: text('refusal.reason'),
    reason: l(refusal.reason),
    basisTitle: text('refusal.basis'),
    basis: l(refusal.basis),
    footer: text('slip.ruleVersion', { version: refusal.ruleVersion }),
  };
}
