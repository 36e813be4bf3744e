import type { Locale } from './i18n';

/**
 * The kiosk's own voice: eSpeak NG, the same synthesizer that made the
 * recordings in assets/audio (build/scripts/audio.ts), so a sentence that has
 * no recording sounds like the ones that do. The languages it speaks here, the
 * eSpeak voice for each, and its speed (slower than eSpeak's 175 words a
 * minute: the kiosk speaks to people who may not hear well).
 */
export const SPEECH_LOCALES = ['zh-CN', 'en', 'ug'] as const;
export type SpeechLocale = (typeof SPEECH_LOCALES)[number];

export const ESPEAK_VOICES: Readonly<Record<SpeechLocale, string>> = {
  'zh-CN': 'cmn',
  en: 'en-gb',
  ug: 'ug',
};

export const SPEECH_WORDS_PER_MINUTE = 145;

/** The longest sentence synthesized in one call: a focused control, a notice, one row of the review. */
export const SPEECH_MAX_CHARS = 400;

/**
 * The voice a screen in `locale` speaks with: its own where eSpeak has one;
 * Tibetan, which no offline synthesizer here speaks, is read in Chinese.
 */
export const voiceLocaleOf = (locale: Locale): SpeechLocale => (locale === 'bo' ? 'zh-CN' : locale);

const HAN = /\p{Script=Han}/u;
const ARABIC = /\p{Script=Arabic}/u;

/**
 * The voice one sentence is said in. A Uyghur screen still shows some words in
 * Chinese (a station's own service, a text not yet translated): said by the
 * Uyghur voice they would come out as noise, so they are read in Chinese.
 */
export function sentenceLocale(text: string, locale: SpeechLocale): SpeechLocale {
  if (locale !== 'ug') return locale;
  return HAN.test(text) && !ARABIC.test(text) ? 'zh-CN' : 'ug';
}
