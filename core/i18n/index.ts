import { IntlMessageFormat } from 'intl-messageformat';
import type { LocalText } from '../../rules/engine/schema';
import en from './en.json';
import zhCN from './zh-CN.json';

/** The kiosk's languages: Chinese first, English beside it. */
export type Locale = 'zh-CN' | 'en';

/** Keys of the words core/ writes itself (the slip's lines); the renderer's catalog includes them. */
export type CoreMessageKey = keyof typeof zhCN;
export type Params = Readonly<Record<string, string | number>>;

/** English must have every key Chinese has; the compiler says which one is missing. */
export const coreCatalogs: Record<Locale, Record<CoreMessageKey, string>> = { 'zh-CN': zhCN, en };

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

/** Picks the language's side of a rule file's text. */
export const pick = (locale: Locale, text: LocalText): string => text[locale];

/** An aside in brackets: full-width in Chinese, ASCII with a space in English. */
export const aside = (text: string, locale: Locale): string =>
  locale === 'zh-CN' ? `（${text}）` : ` (${text})`;

/** A list inside one line: 、 or ； in Chinese, commas or semicolons in English. */
export const joinList = (items: readonly string[], locale: Locale, strong = false): string =>
  items.join(locale === 'zh-CN' ? (strong ? '；' : '、') : strong ? '; ' : ', ');
