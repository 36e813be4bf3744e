import type { Locale } from './i18n';

export { formatDate, formatDateTime, formatFee, maskName } from '../rules/engine/text-format';

/** An aside in brackets: full-width in Chinese, ASCII with a space in English. */
export function aside(text: string, locale: Locale): string {
  return locale === 'zh-CN' ? `（${text}）` : ` (${text})`;
}
