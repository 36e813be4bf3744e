import { IntlMessageFormat } from 'intl-messageformat';
import type { LocalText } from '../../rules/engine/schema';
import bo from './bo.json';
import en from './en.json';
import languageNames from './language-names.json';
import ug from './ug.json';
import zhCN from './zh-CN.json';

/**
 * The kiosk's languages: Chinese first, English beside it, and Uyghur and
 * Tibetan for stations that serve citizens who read them (the station's
 * config says which of them its kiosk offers).
 */
export const LOCALES = ['zh-CN', 'en', 'ug', 'bo'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * The languages every catalog and rule file has in full, and the kiosk's
 * voice speaks. Uyghur and Tibetan catalogs may leave a message out: it is
 * shown in Chinese, the language of the window it leads to.
 */
export type FullLocale = 'zh-CN' | 'en';
export const isFullLocale = (locale: Locale): locale is FullLocale =>
  locale === 'zh-CN' || locale === 'en';
/** The full language a partial one falls back to, message by message. */
export const fullLocaleOf = (locale: Locale): FullLocale =>
  isFullLocale(locale) ? locale : 'zh-CN';

/**
 * Each language's name in itself, and "switch to it" in itself: a citizen
 * finds their own language whatever the screen is in.
 */
export const LANGUAGE_NAMES: Record<Locale, { readonly name: string; readonly switchTo: string }> =
  languageNames;

/** Uyghur is written in Arabic script, right to left. */
export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (locale === 'ug' ? 'rtl' : 'ltr');

/** Keys of the words core/ writes itself (the slip's lines); the renderer's catalog includes them. */
export type CoreMessageKey = keyof typeof zhCN;
export type Params = Readonly<Record<string, string | number>>;

/** English must have every key Chinese has; the compiler says which one is missing. */
const fullCoreCatalogs: Record<FullLocale, Record<CoreMessageKey, string>> = { 'zh-CN': zhCN, en };
/** Uyghur and Tibetan may leave keys out (Chinese shows); a unit test holds them to Chinese's keys. */
const partialCoreCatalogs: Record<
  Exclude<Locale, FullLocale>,
  Partial<Record<CoreMessageKey, string>>
> = {
  ug,
  bo,
};
/** Every language's core words, a missing Uyghur or Tibetan message filled in from Chinese. */
export const coreCatalogs: Record<Locale, Record<CoreMessageKey, string>> = {
  ...fullCoreCatalogs,
  ug: { ...zhCN, ...partialCoreCatalogs.ug },
  bo: { ...zhCN, ...partialCoreCatalogs.bo },
};

/** Fills `{name}` placeholders; an unknown placeholder stays as written, so a gap is visible. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** A message that counts or chooses: `{n, plural, one {# copy} other {# copies}}`, `{x, select, …}`. */
const ICU_ARGUMENT = /\{\s*\w+\s*,\s*(plural|selectordinal|select|number)\b/;
const compiled = new Map<string, IntlMessageFormat | null>();

function compile(locale: Locale, template: string): IntlMessageFormat | null {
  const key = `${locale}\u0000${template}`;
  let message = compiled.get(key);
  if (message === undefined) {
    try {
      message = new IntlMessageFormat(template, locale);
    } catch {
      message = null;
    }
    compiled.set(key, message);
  }
  return message;
}

/**
 * A catalog message in a language. Plain `{name}` messages are filled as they
 * are; one with an ICU argument (plural, select, number) goes through
 * FormatJS's MessageFormat with the language's own plural rules (Intl), so
 * English says "1 copy" and "2 copies". A broken message or a missing value
 * falls back to plain filling: the gap shows, the screen does not go blank.
 */
export function format(locale: Locale, template: string, params: Params = {}): string {
  if (!ICU_ARGUMENT.test(template)) return fill(template, params);
  const message = compile(locale, template);
  if (message !== null) {
    try {
      const out = message.format(params);
      if (typeof out === 'string') return out;
    } catch {
      // A value the message needs was not given: fall through to the visible gap.
    }
  }
  return fill(template, params);
}

export const coreText = (locale: Locale, key: CoreMessageKey, params?: Params): string =>
  format(locale, coreCatalogs[locale][key], params);

/** Picks the language's side of a rule file's text; Uyghur or Tibetan a file lacks is shown in Chinese. */
export const pick = (locale: Locale, text: LocalText): string => text[locale] ?? text['zh-CN'];

/** An aside in brackets: full-width in Chinese, ASCII with a space in the others. */
export const aside = (text: string, locale: Locale): string =>
  locale === 'zh-CN' ? `（${text}）` : ` (${text})`;

/** How a list inside one line is joined: weak (、 , ، ) and strong (； ; ؛ ། ). */
const LIST_SEPARATORS: Record<Locale, readonly [weak: string, strong: string]> = {
  'zh-CN': ['、', '；'],
  en: [', ', '; '],
  ug: ['، ', '؛ '],
  bo: ['། ', '། '],
};

export const joinList = (items: readonly string[], locale: Locale, strong = false): string =>
  items.join(LIST_SEPARATORS[locale][strong ? 1 : 0]);
