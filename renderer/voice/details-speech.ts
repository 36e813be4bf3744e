import type { Identity } from '../../core/identity';
import { identityRows } from '../components/identity-rows';
import type { Locale, useT } from '../i18n';

/** Digits read one by one ("1 1 0 1 …"), as a person reads out an ID or phone number. */
export const digitByDigit = (value: string): string => [...value].join(' ');

/**
 * What "读出我的信息" says: the card's details, each with its label (the
 * validity left out). Built only when the citizen taps the button; never
 * remembered, never recorded.
 */
export function detailsSpeech(
  identity: Identity,
  t: ReturnType<typeof useT>['t'],
  locale: Locale,
): string {
  return identityRows(identity, t, locale, digitByDigit(identity.idNumber))
    .filter((row) => row.field !== 'validity')
    .map(({ label, value }) =>
      locale === 'zh-CN' ? `${label}：${value}。` : `${label}: ${value}. `,
    )
    .join('');
}
