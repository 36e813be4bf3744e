import { create } from 'zustand';

/**
 * How this visitor wants the kiosk: 长辈版 (large, slower, spoken) and voice.
 * Not personal, but it belongs to one visitor: `reset()` runs when a session
 * ends, so the next person starts with the kiosk as it normally is.
 */
interface AssistState {
  readonly elder: boolean;
  readonly voice: boolean;
  /** 0 to 1. */
  readonly volume: number;
  /** Speech speed, 1 the kiosk's usual. */
  readonly rate: number;
  /** 语音导航: every screen and control spoken, driven by keys; see renderer/audio. */
  readonly audioOnly: boolean;
  /** In audio-only mode the screen is dark, so nobody reads over the citizen's shoulder. */
  readonly screenDark: boolean;
  readonly setElder: (on: boolean) => void;
  readonly setVoice: (on: boolean) => void;
  readonly setVolume: (volume: number) => void;
  readonly setRate: (rate: number) => void;
  readonly setAudioOnly: (on: boolean) => void;
  readonly setScreenDark: (dark: boolean) => void;
  readonly reset: () => void;
  /** Puts back a visitor's choices taken with `prefsOf` (their card is still on the reader). */
  readonly restore: (prefs: AssistPrefs) => void;
}

/** The visitor's choices, without the setters. */
export type AssistPrefs = Pick<
  AssistState,
  'elder' | 'voice' | 'volume' | 'rate' | 'audioOnly' | 'screenDark'
>;

const initial = {
  elder: false,
  voice: false,
  volume: 0.8,
  rate: 1,
  audioOnly: false,
  screenDark: false,
} as const satisfies AssistPrefs;

export const prefsOf = (s: AssistPrefs): AssistPrefs => ({
  elder: s.elder,
  voice: s.voice,
  volume: s.volume,
  rate: s.rate,
  audioOnly: s.audioOnly,
  screenDark: s.screenDark,
});

/** Whether nobody has changed anything since the last reset. */
export const untouched = (s: AssistPrefs): boolean =>
  (Object.keys(initial) as (keyof AssistPrefs)[]).every((k) => s[k] === initial[k]);

/** Whether the visitor gets 长辈版's longer idle time: elder mode, or listening to every control. */
export const wantsElderTime = (assist: {
  readonly elder: boolean;
  readonly audioOnly: boolean;
}): boolean => assist.elder || assist.audioOnly;

export const VOLUME_STEP = 0.2;
export const RATE_STEP = 0.25;
export const RATE_MIN = 0.5;
export const RATE_MAX = 2;

export const useAssist = create<AssistState>((set) => ({
  ...initial,
  // Elder mode turns the voice on; the visitor may still turn it off.
  setElder: (elder) => set(elder ? { elder, voice: true } : { elder }),
  setVoice: (voice) => set({ voice }),
  setVolume: (volume) => set({ volume: Math.min(1, Math.max(0, Math.round(volume * 10) / 10)) }),
  setRate: (rate) =>
    set({ rate: Math.min(RATE_MAX, Math.max(RATE_MIN, Math.round(rate * 4) / 4)) }),
  // The voice comes with the mode and the screen goes dark; leaving it lights the screen again.
  setAudioOnly: (audioOnly) =>
    set(
      audioOnly ? { audioOnly, voice: true, screenDark: true } : { audioOnly, screenDark: false },
    ),
  setScreenDark: (screenDark) => set({ screenDark }),
  reset: () => set({ ...initial }),
  restore: (prefs) => set({ ...prefs }),
}));
