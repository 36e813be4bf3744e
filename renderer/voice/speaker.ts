import { useEffect, useState } from 'react';
import { create } from 'zustand';
import { translate, type Locale, type MessageKey } from '../i18n';
import { useAssist } from '../state/assist';
import { useUi } from '../state/ui';
import { promptSentences, type Prompt, type Sentence } from './prompt';
import { recordingFor } from './recordings';
import { SPEECH_MAX_CHARS, sentenceLocale, voiceLocaleOf } from '../../core/speech-voices';
import { kiosk } from '../api/kiosk';
import {
  chooseRoute,
  personalRoute,
  type Speakers,
  type VoiceInfo,
  type VoiceRoute,
} from './route';
import type { Spoken } from '../audio/describe';

/** What was said last, for "再听一遍", and how (tests and the voice bar read it). */
interface VoiceState {
  readonly last: { readonly prompt: Prompt; readonly fallback: MessageKey | null } | null;
  readonly spoken: readonly VoiceRoute[];
  /** Counts utterances: the same words said twice (two rows of •••) are two utterances. */
  readonly said: number;
  readonly remember: (prompt: Prompt, fallback: MessageKey | null) => void;
  readonly setSpoken: (spoken: readonly VoiceRoute[]) => void;
  readonly clear: () => void;
}

export const useVoice = create<VoiceState>((set) => ({
  last: null,
  spoken: [],
  said: 0,
  remember: (prompt, fallback) => set({ last: { prompt, fallback } }),
  setSpoken: (spoken) => set((s) => ({ spoken, said: s.said + 1 })),
  clear: () => set({ last: null, spoken: [] }),
}));

const synth = (): SpeechSynthesis | null =>
  typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;

const systemVoices = (): VoiceInfo[] =>
  synth()
    ?.getVoices()
    .map((v) => ({ lang: v.lang, voiceURI: v.voiceURI, localService: v.localService })) ?? [];

/** The system's voices, and the kiosk's own where the main process has it. */
const speakers = (): Speakers => ({
  voices: systemVoices(),
  canSynthesize: synth() !== null,
  engine: useUi.getState().info?.speech ?? [],
});

/** Whether any sentence, including the citizen's own details, can be spoken (a system voice or the kiosk's). */
export function canReadFreeText(locale: Locale): boolean {
  return personalRoute('', voiceLocaleOf(locale), speakers()) !== null;
}

let playing: HTMLAudioElement | null = null;
/** The sound of a synthesized sentence being played: let go of once said or cut off (it may be personal). */
let synthesized: string | null = null;
const release = (): void => {
  if (synthesized !== null) URL.revokeObjectURL(synthesized);
  synthesized = null;
};
let generation = 0;
/** What is being said now; announcements of the audio mode join its end. */
let current: { routes: VoiceRoute[]; shown: VoiceRoute[]; token: number; index: number } | null =
  null;

export function stopSpeaking(): void {
  generation += 1;
  current = null;
  synth()?.cancel();
  if (playing !== null) {
    playing.pause();
    playing.removeAttribute('src');
    playing = null;
  }
  release();
}

const bytesOf = (base64: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** Plays a recording or a synthesized sentence at the visitor's volume and speed, then `next`. */
function play(url: string, next: () => void): void {
  const { volume, rate } = useAssist.getState();
  const audio = new Audio(url);
  audio.volume = volume;
  audio.playbackRate = rate;
  audio.onended = next;
  audio.onerror = next;
  playing = audio;
  // A browser may refuse to play before the first touch; the prompt stays available to repeat.
  audio.play().catch(() => undefined);
}

function playNext(token: number): void {
  if (current === null || current.token !== token) return;
  const route = current.routes[current.index];
  if (route === undefined) {
    current = null;
    return;
  }
  current.index += 1;
  const next = (): void => playNext(token);
  switch (route.kind) {
    case 'synth': {
      const { volume, rate } = useAssist.getState();
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
      utterance.rate = 0.9 * rate;
      utterance.onend = next;
      synth()?.speak(utterance);
      return;
    }
    case 'audio':
      play(route.url, next);
      return;
    case 'engine':
      void kiosk
        .synthesizeSpeech({
          text: route.text.slice(0, SPEECH_MAX_CHARS),
          locale: route.locale,
          personal: route.personal,
        })
        .then((said) => {
          // Cut off meanwhile (another screen, another key): the sound is dropped unplayed.
          if (current === null || current.token !== token) return;
          if (!said.ok) {
            next();
            return;
          }
          synthesized = URL.createObjectURL(
            new Blob([bytesOf(said.value.base64)], { type: said.value.mediaType }),
          );
          play(synthesized, () => {
            release();
            next();
          });
        });
      return;
    case 'none':
      next();
      return;
  }
}

/** Plays routes, after what is being said (`append`) or instead of it. */
function speak(routes: readonly VoiceRoute[], shown: readonly VoiceRoute[], append: boolean): void {
  if (append && current !== null && current.token === generation) {
    current.routes.push(...routes);
    current.shown.push(...shown);
    useVoice.getState().setSpoken([...current.shown]);
    return;
  }
  stopSpeaking();
  current = { routes: [...routes], shown: [...shown], token: generation, index: 0 };
  useVoice.getState().setSpoken([...shown]);
  playNext(generation);
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
  const { voice } = useAssist.getState();
  // A reminder that matters to whoever stands there (a card left behind) is spoken with the voice off too.
  if (!voice && !evenWhenOff) return;
  // Uyghur is spoken in Uyghur; Tibetan, which no offline voice here speaks, in Chinese.
  const { locale } = useUi.getState();
  const can = speakers();
  const fallbackOf = (sentence: Sentence): string | null =>
    fallback === null ? null : translate(sentence.locale, fallback);
  const routes = promptSentences(prompt, locale).map((sentence) =>
    chooseRoute(sentence.text, sentence.locale, can, recordingFor, fallbackOf(sentence)),
  );
  // Never the same fallback twice in a row (two sentences both without a recording).
  const deduped = routes.filter((route, i) => {
    const previous = routes[i - 1];
    return !(route.kind === 'audio' && previous?.kind === 'audio' && previous.url === route.url);
  });
  speak(deduped, deduped, false);
}

/**
 * The citizen's own details, on their tap only, and only through a system
 * voice or the kiosk's own: no recording of personal data exists or is made.
 * Not remembered for "再听一遍" and not shown in the voice bar. False when
 * nothing can say it.
 */
export function sayPersonal(text: string): boolean {
  const route = personalRoute(text, voiceLocaleOf(useUi.getState().locale), speakers());
  if (route === null) return false;
  speak([route], [{ ...route, text: '' }], false);
  return true;
}

/** How personal sentences show where the transcript is drawn: never the words themselves. */
export const HIDDEN_PERSONAL = '•••';

/**
 * The audio-only mode's sentences (a focused control, a new notice): public
 * ones through their recording or the system voice, personal ones (a typed
 * value, a row of the review) through the system voice only, and shown in the
 * transcript as `HIDDEN_PERSONAL`. `append` queues them after the screen's
 * prompt instead of cutting it off.
 */
export function announce(sentences: readonly Spoken[], { append = false } = {}): void {
  if (sentences.length === 0) return;
  const voice = voiceLocaleOf(useUi.getState().locale);
  const can = speakers();
  const routes: VoiceRoute[] = sentences.map((s) =>
    s.personal
      ? (personalRoute(s.text, voice, can) ?? { kind: 'none', text: s.text })
      : chooseRoute(s.text, sentenceLocale(s.text, voice), can, recordingFor, null),
  );
  const shown = routes.map((r, i) =>
    sentences[i]?.personal === true ? { ...r, text: HIDDEN_PERSONAL } : r,
  );
  speak(routes, shown, append);
}

/** Whether this system can read free text (the citizen's details) aloud; follows voices loading late. */
export function useFreeTextVoice(locale: Locale): boolean {
  const [can, setCan] = useState(() => canReadFreeText(locale));
  const engine = useUi((s) => s.info?.speech.length ?? 0);
  useEffect(() => {
    const speech = synth();
    const update = (): void => setCan(canReadFreeText(locale));
    update();
    speech?.addEventListener('voiceschanged', update);
    return () => speech?.removeEventListener('voiceschanged', update);
  }, [locale, engine]);
  return can;
}

export function repeat(): void {
  const last = useVoice.getState().last;
  if (last !== null) say(last.prompt, last.fallback);
}
