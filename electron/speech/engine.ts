import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Clock } from '../../core/clock';
import { err, ok, type KioskError, type Result } from '../../core/result';
import { SPEECH_LOCALES, type SpeechLocale } from '../../core/speech-voices';
import type { Logger } from '../shared/log';
import type { SpeechJobResult, SpeechReady, SpeechWorkerData } from './protocol';

/** `speech_superseded`: a newer sentence was asked for before this one's turn came; it is not made. */
export type SpeechErrorCode = 'speech_unavailable' | 'speech_failed' | 'speech_superseded';

export interface SpeechEngine {
  /** The synthesizer's files are present (readiness says why when not). */
  readonly available: boolean;
  readonly problem: string | null;
  /** The languages it speaks; none when it is not available. */
  readonly locales: readonly SpeechLocale[];
  /**
   * A WAV of `text` said in `locale`. Public sentences (prompts, buttons,
   * service names) are kept, the most recent few hundred, so a control heard
   * twice is synthesized once; `personal` ones (a typed number, a row of the
   * review) are neither kept nor logged. A sentence still waiting when a newer
   * one is asked for is dropped (`speech_superseded`): the citizen has moved on.
   */
  synthesize(
    text: string,
    locale: SpeechLocale,
    personal: boolean,
  ): Promise<Result<Uint8Array, KioskError<SpeechErrorCode>>>;
  /** `espeak-ng 1.52-dev`, once loaded. */
  version(): string | null;
  stop(): Promise<void>;
}

export interface SpeechEngineOptions {
  /** Where `speech-worker.cjs` is: dist/electron in a build and a package (dist/speech beside it). */
  readonly distDir: string;
  /** Per sentence, and for loading: longer, and the thread is ended and started afresh. */
  readonly timeoutMs: number;
  readonly log: Logger;
  readonly clock: Clock;
  /** How many public sentences are kept (default 300, about 30 MB of WAV at most). */
  readonly keep?: number;
}

/** The thread's bundle and the synthesizer's files; in a package unpacked beside app.asar. */
export const speechFiles = (distDir: string) => {
  const dir = distDir.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
  return {
    worker: join(dir, 'speech-worker.cjs'),
    dir: join(dir, '..', 'speech'),
  };
};

/** What keeps the voice from starting here: null when its thread and eSpeak's files are all in place. */
function missingFiles(files: { readonly worker: string; readonly dir: string }): string | null {
  const missing = [
    files.worker,
    join(files.dir, 'espeak-ng.js'),
    join(files.dir, 'espeak-ng.wasm'),
  ].filter((f) => !existsSync(f));
  return missing.length === 0
    ? null
    : `missing ${missing.length} file(s), e.g. ${missing[0] ?? ''}`;
}

/** Resolves with the first of: the thread's answer, its failure, or the time limit (on the clock). */
function withinTime<T>(
  clock: Pick<Clock, 'after'>,
  ms: number,
  begin: (settle: (value: T) => void) => void,
  late: T,
  onLate: () => void,
): Promise<T> {
  return new Promise<T>((resolve) => {
    const cancel = clock.after(ms, () => {
      onLate();
      resolve(late);
    });
    begin((value) => {
      cancel();
      resolve(value);
    });
  });
}

/** The sounds of sentences said before (never personal ones), the most recently used kept. */
function soundCache(keep: number): {
  readonly get: (key: string) => Uint8Array | undefined;
  readonly put: (key: string, sound: Uint8Array) => void;
} {
  const kept = new Map<string, Uint8Array>();
  return {
    get(key) {
      const known = kept.get(key);
      if (known === undefined) return undefined;
      // Most recently used last: the oldest goes first when the store is full.
      kept.delete(key);
      kept.set(key, known);
      return known;
    },
    put(key, sound) {
      kept.set(key, sound);
      for (const oldest of kept.keys()) {
        if (kept.size <= keep) break;
        kept.delete(oldest);
      }
    },
  };
}

/**
 * The kiosk's own voice in a thread of its own, started on first use: the
 * system may have no speech voice (Debian's Chromium has none), and a kiosk
 * that speaks only its recordings cannot say a service a station added or the
 * control a blind citizen reached. One sentence at a time, each with a time
 * limit; an overrun ends the thread and the next sentence starts a fresh one.
 */
export function createSpeechEngine(options: SpeechEngineOptions): SpeechEngine {
  const files = speechFiles(options.distDir);
  const problem = missingFiles(files);
  const kept = soundCache(options.keep ?? 300);
  let worker: Worker | null = null;
  let loaded: Promise<Result<string, KioskError<SpeechErrorCode>>> | null = null;
  let version: string | null = null;
  let nextId = 1;
  const waiting = new Map<number, (result: SpeechJobResult) => void>();
  let queue: Promise<unknown> = Promise.resolve();
  /** The newest sentence asked for: the screen wants only that one (a blind citizen pressing on). */
  let newest = 0;

  const end = (reason: string): void => {
    const ending = worker;
    worker = null;
    loaded = null;
    for (const [id, answer] of waiting) answer({ id, ok: false, message: reason });
    waiting.clear();
    void ending?.terminate();
  };

  const within = <T>(
    begin: (settle: (value: T) => void) => void,
    late: T,
    onLate: () => void,
  ): Promise<T> => withinTime(options.clock, options.timeoutMs, begin, late, onLate);

  const start = (): Promise<Result<string, KioskError<SpeechErrorCode>>> => {
    if (loaded !== null) return loaded;
    const started = options.clock.nowMs();
    const thread = new Worker(files.worker, {
      workerData: { dir: files.dir } satisfies SpeechWorkerData,
    });
    worker = thread;
    const failed = (message: string) => err('speech_failed' as const, message);
    loaded = within<Result<string, KioskError<SpeechErrorCode>>>(
      (settle) => {
        thread.on('message', (message: SpeechReady | SpeechJobResult) => {
          if ('ready' in message) {
            if (message.ready) {
              version = message.version;
              options.log.info('speech.loaded', { ms: options.clock.nowMs() - started });
              settle(ok(message.version));
            } else {
              end(message.message);
              settle(failed(message.message));
            }
          } else {
            waiting.get(message.id)?.(message);
            waiting.delete(message.id);
          }
        });
        thread.on('error', (cause: Error) => {
          options.log.error('speech.thread_failed', { message: cause.message });
          end(cause.message);
          settle(failed(cause.message));
        });
        thread.on('exit', () => {
          if (worker === thread) end('the speech thread stopped');
        });
      },
      failed(`the synthesizer did not load within ${options.timeoutMs} ms`),
      () => end('the synthesizer did not load in time'),
    );
    return loaded;
  };

  const runOne = async (
    text: string,
    locale: SpeechLocale,
  ): Promise<Result<Uint8Array, KioskError<SpeechErrorCode>>> => {
    if (problem !== null) return err('speech_unavailable', problem);
    const ready = await start();
    if (!ready.ok) return ready;
    const thread = worker;
    if (thread === null) return err('speech_failed', 'the speech thread stopped');
    const id = nextId;
    nextId += 1;
    const result = await within<SpeechJobResult | 'late'>(
      (settle) => {
        waiting.set(id, settle);
        thread.postMessage({ id, text, locale });
      },
      'late',
      () => {
        options.log.warn('speech.job_timeout', { ms: options.timeoutMs });
        end('a sentence overran its time limit');
      },
    );
    if (result === 'late') return err('speech_failed', `no sound within ${options.timeoutMs} ms`);
    return result.ok ? ok(result.wav) : err('speech_failed', result.message);
  };

  return {
    available: problem === null,
    problem,
    locales: problem === null ? SPEECH_LOCALES : [],
    async synthesize(text, locale, personal) {
      const key = `${locale}\n${text}`;
      const known = personal ? undefined : kept.get(key);
      if (known !== undefined) return ok(known);
      newest += 1;
      const ticket = newest;
      const result = queue.then(() =>
        ticket === newest
          ? runOne(text, locale)
          : err('speech_superseded' as const, 'a newer sentence was asked for'),
      );
      queue = result.catch(() => undefined);
      const said = await result;
      if (said.ok && !personal) kept.put(key, said.value);
      return said;
    },
    version: () => version,
    async stop() {
      end('the kiosk is stopping');
      await queue.catch(() => undefined);
    },
  };
}
