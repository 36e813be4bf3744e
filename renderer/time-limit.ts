import type { MessageKey, Params } from './i18n';

/** 当场办结 / 7个工作日 / 当场办结至20个工作日. */
export function timeLimitText(
  t: (key: MessageKey, params?: Params) => string,
  min: number,
  max: number,
): string {
  if (min === max) return min === 0 ? t('timeLimit.onSpot') : t('timeLimit.days', { days: min });
  return min === 0
    ? t('timeLimit.rangeFromSpot', { to: max })
    : t('timeLimit.range', { from: min, to: max });
}
