import type { SpeechLocale } from '../../core/speech-voices';

export interface VoiceInfo {
  readonly lang: string;
  readonly voiceURI: string;
  readonly localService: boolean;
}

export type VoiceRoute =
  | { readonly kind: 'synth'; readonly voiceURI: string; readonly text: string }
  /** The kiosk's own voice (eSpeak NG in the main process), for a system without one. */
  | {
      readonly kind: 'engine';
      readonly locale: SpeechLocale;
      readonly text: string;
      readonly personal: boolean;
    }
  | { readonly kind: 'audio'; readonly url: string; readonly text: string }
  | { readonly kind: 'none'; readonly text: string };

const wanted: Record<SpeechLocale, RegExp> = {
  'zh-CN': /^(zh(-CN|-Hans)?|cmn)\b/i,
  en: /^en\b/i,
  ug: /^ug\b/i,
};

/** The system voice for a locale: local voices first (no network on a kiosk), mainland Chinese first. */
export function pickVoice(voices: readonly VoiceInfo[], locale: SpeechLocale): VoiceInfo | null {
  const matching = voices.filter(
    (v) => wanted[locale].test(v.lang) && !/^zh-(TW|HK)/i.test(v.lang),
  );
  return matching.find((v) => v.localService) ?? matching[0] ?? null;
}

/** What can speak on this kiosk now, besides the recordings. */
export interface Speakers {
  /** The system's speech voices; empty where the browser has no speechSynthesis. */
  readonly voices: readonly VoiceInfo[];
  readonly canSynthesize: boolean;
  /** The languages the kiosk's own voice speaks (kiosk info `speech`). */
  readonly engine: readonly string[];
}

/**
 * How to say one sentence: the system's speech voice when it has one for the
 * language; otherwise the pre-generated recording of that exact sentence
 * (the same eSpeak voice, made ahead); otherwise the kiosk's own voice, which
 * says any sentence (a service a station added, the control the audio mode
 * reached); and where even that is missing, the recording of `fallback`, the
 * screen's generic prompt.
 */
export function chooseRoute(
  text: string,
  locale: SpeechLocale,
  speakers: Speakers,
  recording: (text: string, locale: SpeechLocale) => string | null,
  fallback: string | null,
): VoiceRoute {
  const voice = speakers.canSynthesize ? pickVoice(speakers.voices, locale) : null;
  if (voice !== null) return { kind: 'synth', voiceURI: voice.voiceURI, text };
  const url = recording(text, locale);
  if (url !== null) return { kind: 'audio', url, text };
  if (speakers.engine.includes(locale)) return { kind: 'engine', locale, text, personal: false };
  const fallbackUrl = fallback === null ? null : recording(fallback, locale);
  return fallbackUrl === null || fallback === null
    ? { kind: 'none', text }
    : { kind: 'audio', url: fallbackUrl, text: fallback };
}

/**
 * The citizen's own words (a typed number, their details on their tap): a
 * system voice or the kiosk's own, never a recording. Null when neither speaks
 * the language.
 */
export function personalRoute(
  text: string,
  locale: SpeechLocale,
  speakers: Speakers,
): VoiceRoute | null {
  const voice = speakers.canSynthesize ? pickVoice(speakers.voices, locale) : null;
  if (voice !== null) return { kind: 'synth', voiceURI: voice.voiceURI, text };
  if (speakers.engine.includes(locale)) return { kind: 'engine', locale, text, personal: true };
  return null;
}
