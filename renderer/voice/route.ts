import type { FullLocale } from '../i18n/locale';

export interface VoiceInfo {
  readonly lang: string;
  readonly voiceURI: string;
  readonly localService: boolean;
}

export type VoiceRoute =
  | { readonly kind: 'synth'; readonly voiceURI: string; readonly text: string }
  | { readonly kind: 'audio'; readonly url: string; readonly text: string }
  | { readonly kind: 'none'; readonly text: string };

const wanted: Record<FullLocale, RegExp> = { 'zh-CN': /^(zh(-CN|-Hans)?|cmn)\b/i, en: /^en\b/i };

/** The system voice for a locale: local voices first (no network on a kiosk), mainland Chinese first. */
export function pickVoice(voices: readonly VoiceInfo[], locale: FullLocale): VoiceInfo | null {
  const matching = voices.filter(
    (v) => wanted[locale].test(v.lang) && !/^zh-(TW|HK)/i.test(v.lang),
  );
  return matching.find((v) => v.localService) ?? matching[0] ?? null;
}

/**
 * How to say one sentence: the system's speech voice when it has one for the
 * language; otherwise the pre-generated recording of that exact sentence; and
 * when there is none (a station edited a rule file since the audio was made),
 * the recording of `fallback`, the screen's generic prompt.
 */
export function chooseRoute(
  text: string,
  locale: FullLocale,
  voices: readonly VoiceInfo[],
  recording: (text: string, locale: FullLocale) => string | null,
  fallback: string | null,
  canSynthesize: boolean,
): VoiceRoute {
  const voice = canSynthesize ? pickVoice(voices, locale) : null;
  if (voice !== null) return { kind: 'synth', voiceURI: voice.voiceURI, text };
  const url = recording(text, locale);
  if (url !== null) return { kind: 'audio', url, text };
  const fallbackUrl = fallback === null ? null : recording(fallback, locale);
  return fallbackUrl === null || fallback === null
    ? { kind: 'none', text }
    : { kind: 'audio', url: fallbackUrl, text: fallback };
}
