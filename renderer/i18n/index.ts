import { coreCatalogs, format, pick, type CoreMessageKey, type Params } from '../../core/i18n';
import type { LocalText } from '../../rules/engine/schema';
import { useUi } from '../state/ui';
import en from './en.json';
import zhCN from './zh-CN.json';

import type { Locale } from './locale';

export type { Locale } from './locale';
export type { Params } from '../../core/i18n';
export { pick } from '../../core/i18n';

/** The screen's words, and core's (the slip's lines, time limits) that screens show too. */
export type MessageKey = keyof typeof zhCN | CoreMessageKey;

/** English must have every key Chinese has; the compiler says which one is missing. */
const own: Record<Locale, Record<keyof typeof zhCN, string>> = { 'zh-CN': zhCN, en };
const catalogs: Record<Locale, Record<MessageKey, string>> = {
  'zh-CN': { ...coreCatalogs['zh-CN'], ...own['zh-CN'] },
  en: { ...coreCatalogs.en, ...own.en },
};

/** For keys made from data (e.g. a nation name off a card): is there a message for it? */
export const hasMessage = (key: string): key is MessageKey => Object.hasOwn(catalogs['zh-CN'], key);

export const translate = (locale: Locale, key: MessageKey, params: Params = {}): string =>
  format(locale, catalogs[locale][key], params);

export function useT(): {
  readonly locale: Locale;
  readonly t: (key: MessageKey, params?: Params) => string;
  readonly l: (text: LocalText) => string;
} {
  const locale = useUi((s) => s.locale);
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    l: (text) => pick(locale, text),
  };
}
