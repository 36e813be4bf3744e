import type { LocalText } from '../../rules/engine/schema';
import { pick, translate, type Locale, type MessageKey, type Params } from '../i18n';
import { sentenceLocale, voiceLocaleOf, type SpeechLocale } from '../../core/speech-voices';

/**
 * What the kiosk may say aloud. Screen prompts and rule-file labels are
 * public text; `personal` exists only for the citizen's own "read my details"
 * button, so nothing personal is ever spoken by accident.
 */
export type Prompt =
  | { readonly kind: 'key'; readonly key: MessageKey; readonly params?: Params }
  | { readonly kind: 'label'; readonly text: LocalText; readonly then?: MessageKey }
  | { readonly kind: 'personal'; readonly text: string };

export const keyPrompt = (key: MessageKey, params?: Params): Prompt =>
  params === undefined ? { kind: 'key', key } : { kind: 'key', key, params };

/** One sentence and the voice it is said in. */
export interface Sentence {
  readonly text: string;
  readonly locale: SpeechLocale;
}

/** The sentences of a prompt, in order; each may have its own pre-generated audio. */
export function promptSentences(prompt: Prompt, locale: Locale): Sentence[] {
  // Tibetan is read in Chinese: its Chinese words, not Tibetan letters said by a Chinese voice.
  const shown: Locale = voiceLocaleOf(locale);
  const texts = ((): string[] => {
    switch (prompt.kind) {
      case 'key':
        return [translate(shown, prompt.key, prompt.params)];
      case 'label':
        return prompt.then === undefined
          ? [pick(shown, prompt.text)]
          : [pick(shown, prompt.text), translate(shown, prompt.then)];
      case 'personal':
        return [prompt.text];
    }
  })();
  return texts.map((text) => ({ text, locale: sentenceLocale(text, voiceLocaleOf(shown)) }));
}
