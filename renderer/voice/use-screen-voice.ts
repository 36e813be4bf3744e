import { useEffect } from 'react';
import type { MessageKey } from '../i18n';
import { useAssist } from '../state/assist';
import { useUi } from '../state/ui';
import type { Prompt } from './prompt';
import { say, stopSpeaking } from './speaker';

/**
 * A screen's spoken prompt: said when the screen appears (and again when the
 * visitor turns the voice on or changes language), stopped when it goes.
 * `key` identifies the prompt's content, so a new question speaks anew.
 */
export function useScreenVoice(
  prompt: Prompt | null,
  fallback: MessageKey | null,
  key: string,
): void {
  const voice = useAssist((s) => s.voice);
  const locale = useUi((s) => s.locale);
  useEffect(() => {
    if (prompt !== null) say(prompt, fallback);
    // The prompt object is rebuilt every render; `key` says when its content changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, voice, locale]);
  useEffect(() => stopSpeaking, []);
}
