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
  readonly setElder: (on: boolean) => void;
  readonly setVoice: (on: boolean) => void;
  readonly setVolume: (volume: number) => void;
  readonly reset: () => void;
}

const initial = { elder: false, voice: false, volume: 0.8 } as const;

export const VOLUME_STEP = 0.2;

export const useAssist = create<AssistState>((set) => ({
  ...initial,
  // Elder mode turns the voice on; the visitor may still turn it off.
  setElder: (elder) => set(elder ? { elder, voice: true } : { elder }),
  setVoice: (voice) => set({ voice }),
  setVolume: (volume) => set({ volume: Math.min(1, Math.max(0, Math.round(volume * 10) / 10)) }),
  reset: () => set({ ...initial }),
}));
