import { useEffect, useState } from 'react';
import { create } from 'zustand';
import { translate, type Locale, type MessageKey } from '../i18n';
import { useAssist } from '../state/assist';
import { useUi } from '../state/ui';
import { promptSentences, type Prompt } from './prompt';
import { recordingFor } from './recordings';
import { chooseRoute, pickVoice, type VoiceInfo, type VoiceRoute } from './route';

/** What was said last, for "再听一遍", and how (tests and the voice bar read it). */
interface VoiceState {
  readonly last: { readonly prompt: Prompt; readonly fallback: MessageKey | null } | null;
  readonly spoken: readonly VoiceRoute[];
  readonly remember: (prompt: Prompt, fallback: MessageKey | null) => void;
  readonly setSpoken: (spoken: readonly VoiceRoute[]) => void;
  readonly clear: () => void;
}

export const useVoice = create<VoiceState>((set) => ({
  last: null,
  spoken: [],
  remember: (prompt, fallback) => set({ last: { prompt, fallback } }),
  setSpoken: (spoken) => set({ spoken }),
  clear: () => set({ last: null, spoken: [] }),
}));

const synth = (): SpeechSynthesis | null =>
  typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;

const systemVoices = (): VoiceInfo[] =>
  synth()
    ?.getVoices()
    .map((v) => ({ lang: v.lang, voiceURI: v.voiceURI, localService: v.localService })) ?? [];

/** Whether any sentence, including the citizen's own details, can be spoken (needs a system voice). */
export function canReadFreeText(locale: Locale): boolean {
  return pickVoice(systemVoices(), locale) !== null;
}

let playing: HTMLAudioElement | null = null;
let generation = 0;

export function stopSpeaking(): void {
  generation += 1;
  synth()?.cancel();
  if (playing !== null) {
    playing.pause();
    playing.removeAttribute('src');
    playing = null;
  }
}

function play(routes: readonly VoiceRoute[], volume: number, token: number, index = 0): void {
  const route = routes[index];
  if (route === undefined || token !== generation) return;
  const next = (): void => play(routes, volume, token, index + 1);
  switch (route.kind) {
    case 'synth': {
      const utterance = new SpeechSynthesisUtterance(route.text);
      const voice = synth()
        ?.getVoices()
        .find((v) => v.voiceURI === route.voiceURI);
      if (voice !== undefined) {
        utterance.voice = voice;
        utterance.lang = voice.lang;
      }
      utterance.volume = volume;
      // Slower than the default: the kiosk speaks to people who may not hear well.
      utterance.rate = 0.9;
      utterance.onend = next;
      synth()?.speak(utterance);
      return;
    }
    case 'audio': {
      const audio = new Audio(route.url);
      audio.volume = volume;
      audio.onended = next;
      audio.onerror = next;
      playing = audio;
      // A browser may refuse to play before the first touch; the prompt stays available to repeat.
      audio.play().catch(() => undefined);
      return;
    }
    case 'none':
      next();
      return;
  }
}

/**
 * Says a prompt if the visitor has the voice on; remembers it either way, so
 * "再听一遍" works after turning the voice on. `fallback` is the screen's
 * generic prompt, used where a sentence has no recording and no system voice.
 */
export function say(
  prompt: Prompt,
  fallback: MessageKey | null = null,
  { evenWhenOff = false }: { readonly evenWhenOff?: boolean } = {},
): void {
  useVoice.getState().remember(prompt, fallback);
  const { voice, volume } = useAssist.getState();
  // A reminder that matters to whoever stands there (a card left behind) is spoken with the voice off too.
  if (!voice && !evenWhenOff) return;
  stopSpeaking();
  const locale = useUi.getState().locale;
  const voices = systemVoices();
  const canSynthesize = synth() !== null;
  const fallbackText = fallback === null ? null : translate(locale, fallback);
  const routes = promptSentences(prompt, locale).map((text) =>
    chooseRoute(text, locale, voices, recordingFor, fallbackText, canSynthesize),
  );
  // Never the same fallback twice in a row (two sentences both without a recording).
  const deduped = routes.filter((route, i) => {
    const previous = routes[i - 1];
    return !(route.kind === 'audio' && previous?.kind === 'audio' && previous.url === route.url);
  });
  useVoice.getState().setSpoken(deduped);
  play(deduped, volume, generation);
}

/**
 * The citizen's own details, on their tap only, and only through a system
 * voice: no recording of personal data exists or is made. Not remembered for
 * "再听一遍" and not shown in the voice bar. False when there is no voice.
 */
export function sayPersonal(text: string): boolean {
  const locale = useUi.getState().locale;
  const voice = pickVoice(systemVoices(), locale);
  if (voice === null || synth() === null) return false;
  stopSpeaking();
  useVoice.getState().setSpoken([{ kind: 'synth', voiceURI: voice.voiceURI, text: '' }]);
  play(
    [{ kind: 'synth', voiceURI: voice.voiceURI, text }],
    useAssist.getState().volume,
    generation,
  );
  return true;
}

/** Whether this system can read free text (the citizen's details) aloud; follows voices loading late. */
export function useFreeTextVoice(locale: Locale): boolean {
  const [can, setCan] = useState(() => canReadFreeText(locale));
  useEffect(() => {
    const speech = synth();
    const update = (): void => setCan(canReadFreeText(locale));
    update();
    speech?.addEventListener('voiceschanged', update);
    return () => speech?.removeEventListener('voiceschanged', update);
  }, [locale]);
  return can;
}

export function repeat(): void {
  const last = useVoice.getState().last;
  if (last !== null) say(last.prompt, last.fallback);
}
