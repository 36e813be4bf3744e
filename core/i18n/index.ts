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

export const coreText = (locale: Locale, key: CoreMessageKey, params?: Params): string =>
  fill(coreCatalogs[locale][key], params);

/** Picks the language's side of a rule file's text. */
export const pick = (locale: Locale, text: LocalText): string => text[locale];

/** An aside in brackets: full-width in Chinese, ASCII with a space in English. */
export const aside = (text: string, locale: Locale): string =>
  locale === 'zh-CN' ? `（${text}）` : ` (${text})`;

/** A list inside one line: 、 or ； in Chinese, commas or semicolons in English. */
export const joinList = (items: readonly string[], locale: Locale, strong = false): string =>
  items.join(locale === 'zh-CN' ? (strong ? '；' : '、') : strong ? '; ' : ', ');
