import type { SpeechLocale } from '../../core/speech-voices';

/** What the main process hands the speech thread (worker.ts), and what comes back. */
export interface SpeechWorkerData {
  /** Where `espeak-ng.js` and `espeak-ng.wasm` lie (dist/speech). */
  readonly dir: string;
}

export interface SpeechJob {
  readonly id: number;
  readonly text: string;
  readonly locale: SpeechLocale;
}

export type SpeechJobResult =
  | { readonly id: number; readonly ok: true; readonly wav: Uint8Array }
  | { readonly id: number; readonly ok: false; readonly message: string };

/** The thread's first message: the synthesizer compiled (or why not). */
export type SpeechReady =
  | { readonly ready: true; readonly version: string }
  | { readonly ready: false; readonly message: string };
