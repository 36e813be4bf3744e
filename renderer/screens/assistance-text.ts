import type { useT } from '../i18n';

/** What a hall guide did, in the words the review screen and the slip use. */
export function assistanceLines(
  t: ReturnType<typeof useT>['t'],
  greenChannelReason: string | null,
  fillOnBehalf: boolean,
  skippedOptional: boolean,
): string[] {
  return [
    ...(greenChannelReason === null
      ? []
      : [t('review.assistGreen', { reason: greenChannelReason })]),
    ...(fillOnBehalf ? [t('review.assistFill')] : []),
    ...(skippedOptional ? [t('review.assistSkip')] : []),
  ];
}
