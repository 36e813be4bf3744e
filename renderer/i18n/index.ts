import type { LocalText } from '../../rules/engine/schema';
import { useUi } from '../state/ui';
import en from './en.json';
import zhCN from './zh-CN.json';

import type { Locale } from './locale';

export type { Locale } from './locale';
export type MessageKey = keyof typeof zhCN;

/** English must have every key Chinese has; the compiler says which one is missing. */
const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** For keys made from data (e.g. a nation name off a card): is there a message for it? */
export const hasMessage = (key: string): key is MessageKey => Object.hasOwn(zhCN, key);

export type Params = Readonly<Record<string, string | number>>;

export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template = catalogs[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** Picks the current language's side of a rule file's text. */
export const pick = (locale: Locale, text: LocalText): string => text[locale];

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
