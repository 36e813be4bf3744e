import {
  coreCatalogs,
  format,
  pick,
  type CoreMessageKey,
  isFullLocale,
  type FullLocale,
  type Params,
} from '../../core/i18n';
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

type OwnKey = keyof typeof zhCN;
/** English must have every key Chinese has; the compiler says which one is missing. */
const own: Record<FullLocale, Record<OwnKey, string>> = { 'zh-CN': zhCN, en };
/** Until its catalog is loaded, a Uyghur or Tibetan screen would read in Chinese. */
const catalogs: Record<Locale, Record<MessageKey, string>> = {
  'zh-CN': { ...coreCatalogs['zh-CN'], ...own['zh-CN'] },
  en: { ...coreCatalogs.en, ...own.en },
  ug: { ...coreCatalogs.ug, ...own['zh-CN'] },
  bo: { ...coreCatalogs.bo, ...own['zh-CN'] },
};

/** Uyghur and Tibetan may leave keys out (shown in Chinese); a unit test holds them to Chinese's keys. */
const partialCatalogs: Record<
  Exclude<Locale, FullLocale>,
  () => Promise<Partial<Record<OwnKey, string>>>
> = {
  ug: () => import('./ug.json').then((m) => m.default),
  bo: () => import('./bo.json').then((m) => m.default),
};

/** The Uyghur and Tibetan catalogs in so far. */
const loaded = new Set<Locale>();

/**
 * Loads the screen words of the languages a station offers. Uyghur and
 * Tibetan come in their own chunks, so a kiosk offering only Chinese and
 * English never downloads nor parses them at start-up.
 */
export async function loadCatalogs(locales: readonly Locale[]): Promise<void> {
  await Promise.all(
    locales.map(async (locale) => {
      if (isFullLocale(locale) || loaded.has(locale)) return;
      const words = await partialCatalogs[locale]();
      catalogs[locale] = { ...coreCatalogs[locale], ...own['zh-CN'], ...words };
      loaded.add(locale);
    }),
  );
}

/** Whether every language named can be shown in its own words now, without a download. */
export const catalogsLoaded = (locales: readonly Locale[]): boolean =>
  locales.every((locale) => isFullLocale(locale) || loaded.has(locale));

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
