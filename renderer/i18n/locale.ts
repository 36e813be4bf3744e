/** The kiosk's languages: Chinese first, English beside it. */
export type { Locale } from '../../core/i18n';
