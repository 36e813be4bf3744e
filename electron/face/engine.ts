import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Clock } from '../../core/clock';
import { err, ok, type KioskError, type Result } from '../../core/result';
import type { Logger } from '../shared/log';
import type { FaceJob, FaceJobResult, WorkerData } from './protocol';

/** The model files the engine loads (Human's), and the WASM builds of its backend. */
export const FACE_MODELS = [
  'blazeface.json',
  'blazeface.bin',
  'facemesh.json',
  'facemesh.bin',
  'iris.json',
  'iris.bin',
  'faceres.json',
  'faceres.bin',
] as const;
export const FACE_WASM = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
] as const;

export type FaceErrorCode =
  | 'face_unavailable'
  | 'face_timeout'
  | 'face_engine_failed'
  | 'image_unreadable'
  | 'image_too_large';

type Done<K extends FaceJob['kind']> = Extract<FaceJobResult, { ok: true; kind: K }>;

export interface FaceEngine {
  /** The model files and the thread's bundle are present (readiness says why when not). */
  readonly available: boolean;
  readonly problem: string | null;
  run<J extends FaceJob>(job: J): Promise<Result<Done<J['kind']>, KioskError<FaceErrorCode>>>;
  /** `human 3.3.6`, once loaded: written into each verdict. */
  version(): string | null;
  /** How long the models took to load, the last time they did. */
  loadMs(): number | null;
  stop(): Promise<void>;
}

export interface FaceEngineOptions {
  /** Where `face-worker.cjs` and `face/models`, `face/wasm` are: dist/electron in a build and a package. */
  readonly distDir: string;
  /** Per job, after the models loaded: longer, and the thread is ended and started afresh. */
  readonly timeoutMs: number;
  /** For loading the models (a cold start). */
  readonly loadTimeoutMs: number;
  readonly log: Logger;
  readonly clock: Clock;
}

/**
 * Where the engine's files are, relative to the built main process. In a
 * package they lie unpacked beside app.asar (electron-builder.json's
 * asarUnpack): a worker thread and the WASM runtime load real files.
 */
export const faceFiles = (distDir: string) => {
  const dir = distDir.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
  return {
    worker: join(dir, 'face-worker.cjs'),
    models: join(dir, '..', 'face', 'models'),
    wasm: join(dir, '..', 'face', 'wasm'),
  };
};

/**
 * The face model in a thread of its own, started on first use (never at the
 * kiosk's start), one job at a time, each with a hard time limit: a job that
 * overruns ends the thread, its caller hears `face_timeout`, and the next job
 * starts a fresh one. Where the files are missing the engine says so, and the
 * journeys go on as before (photo and identity at the window).
 */
export function createFaceEngine(options: FaceEngineOptions): FaceEngine {
  const files = faceFiles(options.distDir);
  const missing = [
    files.worker,
    ...FACE_MODELS.map((f) => join(files.models, f)),
    ...FACE_WASM.map((f) => join(files.wasm, f)),
  ].filter((f) => !existsSync(f));
  const problem =
    missing.length === 0 ? null : `missing ${missing.length} file(s), e.g. ${missing[0] ?? ''}`;
  let worker: Worker | null = null;
  let loaded: Promise<Result<string, KioskError<FaceErrorCode>>> | null = null;
  let version: string | null = null;
  let loadMs: number | null = null;
  let nextId = 1;
  const waiting = new Map<number, (result: FaceJobResult) => void>();
  let queue: Promise<unknown> = Promise.resolve();

  const end = (reason: string): void => {
    const ending = worker;
    worker = null;
    loaded = null;
    for (const answer of waiting.values())
      answer({ ok: false, code: 'face_engine_failed', message: reason });
    waiting.clear();
    void ending?.terminate();
  };

  const start = (): Promise<Result<string, KioskError<FaceErrorCode>>> => {
    if (loaded !== null) return loaded;
    const started = options.clock.nowMs();
    const data: WorkerData = { modelDir: files.models, wasmDir: files.wasm };
    const thread = new Worker(files.worker, { workerData: data });
    worker = thread;
    loaded = new Promise((resolve) => {
      // On the clock: a test moves time instead of waiting out a minute's load limit.
      const cancel = options.clock.after(options.loadTimeoutMs, () => {
        end(`the models did not load within ${options.loadTimeoutMs} ms`);
        resolve(err('face_timeout', `the models did not load within ${options.loadTimeoutMs} ms`));
      });
      thread.on(
        'message',
        (message: {
          ready?: boolean;
          version?: string;
          message?: string;
          id?: number;
          result?: FaceJobResult;
        }) => {
          if (message.ready === true) {
            cancel();
            version = message.version ?? null;
            loadMs = options.clock.nowMs() - started;
            options.log.info('face.loaded', { ms: loadMs });
            resolve(ok(version ?? 'human'));
          } else if (message.ready === false) {
            cancel();
            end(message.message ?? 'the models did not load');
            resolve(err('face_engine_failed', message.message ?? 'the models did not load'));
          } else if (message.id !== undefined && message.result !== undefined) {
            waiting.get(message.id)?.(message.result);
            waiting.delete(message.id);
          }
        },
      );
      thread.on('error', (cause: Error) => {
        cancel();
        options.log.error('face.thread_failed', { message: cause.message });
        end(cause.message);
        resolve(err('face_engine_failed', cause.message));
      });
      thread.on('exit', () => {
        if (worker === thread) end('the face thread stopped');
      });
    });
    return loaded;
  };

  const runOne = async (
    job: FaceJob,
  ): Promise<Result<FaceJobResult & { ok: true }, KioskError<FaceErrorCode>>> => {
    if (problem !== null) return err('face_unavailable', problem);
    const ready = await start();
    if (!ready.ok) return ready;
    const thread = worker;
    if (thread === null) return err('face_engine_failed', 'the face thread stopped');
    const id = nextId;
    nextId += 1;
    const result = await new Promise<FaceJobResult | 'timeout'>((resolve) => {
      const cancel = options.clock.after(options.timeoutMs, () => resolve('timeout'));
      waiting.set(id, (answer) => {
        cancel();
        resolve(answer);
      });
      thread.postMessage({ id, job });
    });
    if (result === 'timeout') {
      options.log.warn('face.job_timeout', { kind: job.kind, ms: options.timeoutMs });
      end('a job overran its time limit');
      return err('face_timeout', `no answer within ${options.timeoutMs} ms`);
    }
    return result.ok ? ok(result) : err(result.code, result.message);
  };

  return {
    available: problem === null,
    problem,
    run(job) {
      // One job at a time: a frame waits for the one before it, never beside it.
      const result = queue.then(() => runOne(job));
      queue = result.catch(() => undefined);
      return result as never;
    },
    version: () => version,
    loadMs: () => loadMs,
    async stop() {
      end('the kiosk is stopping');
      await queue.catch(() => undefined);
    },
  };
}
