import type { LocalText } from '../../rules/engine/schema';
import { translate, type MessageKey, type Params } from '../i18n';
import type { FullLocale } from '../i18n/locale';

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

/** The sentences of a prompt, in order; each may have its own pre-generated audio. */
export function promptSentences(prompt: Prompt, locale: FullLocale): string[] {
  switch (prompt.kind) {
    case 'key':
      return [translate(locale, prompt.key, prompt.params)];
    case 'label':
      return prompt.then === undefined
        ? [prompt.text[locale]]
        : [prompt.text[locale], translate(locale, prompt.then)];
    case 'personal':
      return [prompt.text];
  }
}
