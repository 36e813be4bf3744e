/** The kiosk's languages: Chinese first, English beside it, Uyghur and Tibetan where a station offers them. */
export type { FullLocale, Locale } from '../../core/i18n';
export { LANGUAGE_NAMES, LOCALES, directionOf, fullLocaleOf, isFullLocale } from '../../core/i18n';
