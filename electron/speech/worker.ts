/**
 * The speech thread (node:worker_threads, owned by the main process): eSpeak
 * NG compiled to WebAssembly (the `espeak-ng` package, copied to dist/speech
 * by build/scripts/bundle-main.mjs). The binary is compiled once; each
 * sentence runs in a fresh instance of it, which is how this build's command
 * line works (its `main` runs once) and means no sentence outlives its call.
 *
 * The text goes in as a file of the instance's in-memory file system, never as
 * an argument: a sentence that starts with "-" is words, not an option.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { ESPEAK_VOICES, SPEECH_WORDS_PER_MINUTE } from '../../core/speech-voices';
import type { SpeechJob, SpeechJobResult, SpeechReady, SpeechWorkerData } from './protocol';

/** The part of the WebAssembly API used here (the Node typings this project builds with do not declare it). */
type WasmModule = { readonly wasmModule: unique symbol };
type WasmInstance = { readonly wasmInstance: unique symbol };
interface WasmApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  instantiate(module: WasmModule, imports: object): Promise<WasmInstance>;
}
const wasm = (globalThis as unknown as { readonly WebAssembly: WasmApi }).WebAssembly;

interface EspeakInstance {
  readonly FS: { readFile(path: string): Uint8Array; writeFile(path: string, data: string): void };
}
interface EspeakOptions {
  readonly arguments: readonly string[];
  readonly print: (line: string) => void;
  readonly printErr: (line: string) => void;
  readonly quit: () => void;
  readonly preRun: readonly ((module: EspeakInstance) => void)[];
  readonly instantiateWasm: (
    imports: object,
    done: (instance: WasmInstance, module: WasmModule) => void,
  ) => object;
}
type EspeakFactory = (options: EspeakOptions) => Promise<EspeakInstance>;

const { dir } = workerData as SpeechWorkerData;
const port = parentPort;
if (port === null) throw new Error('the speech thread runs as a worker');

interface Engine {
  readonly factory: EspeakFactory;
  readonly binary: WasmModule;
}

async function load(): Promise<Engine> {
  const imported = (await import(pathToFileURL(join(dir, 'espeak-ng.js')).href)) as {
    default: EspeakFactory;
  };
  const binary = await wasm.compile(readFileSync(join(dir, 'espeak-ng.wasm')));
  return { factory: imported.default, binary };
}

/** One run of the program on the compiled binary, with `args`, the text file written first. */
function run(
  engine: Engine,
  args: readonly string[],
  text: string | null,
  print: (line: string) => void = () => undefined,
): Promise<EspeakInstance> {
  return engine.factory({
    arguments: args,
    print,
    // eSpeak's own chatter ("program exited …") is not the kiosk's log, and never holds the text.
    printErr: () => undefined,
    quit: () => undefined,
    preRun: text === null ? [] : [(module) => module.FS.writeFile('/tmp/sentence.txt', text)],
    instantiateWasm: (imports, done) => {
      void wasm.instantiate(engine.binary, imports).then((i) => done(i, engine.binary));
      return {};
    },
  });
}

async function synthesize(engine: Engine, job: SpeechJob): Promise<Uint8Array> {
  const args = [
    ...['-v', ESPEAK_VOICES[job.locale], '-s', String(SPEECH_WORDS_PER_MINUTE)],
    ...['-f', '/tmp/sentence.txt', '-w', '/tmp/sentence.wav'],
  ];
  const instance = await run(engine, args, job.text);
  return instance.FS.readFile('/tmp/sentence.wav');
}

/** `eSpeak NG text-to-speech: 1.52-dev …` from the binary itself: loading it is also its self-test. */
async function versionOf(engine: Engine): Promise<string> {
  let said = '';
  await run(engine, ['--version'], null, (line) => {
    said ||= line;
  });
  const version = /text-to-speech:\s*(\S+)/.exec(said)?.[1];
  if (version === undefined) throw new Error(`the synthesizer did not say its version (${said})`);
  return `espeak-ng ${version}`;
}

const failure = (cause: unknown): string =>
  cause instanceof Error ? cause.message : String(cause);

void load()
  .then(async (engine) => ({ engine, version: await versionOf(engine) }))
  .then(
    ({ engine, version }) => {
      port.postMessage({ ready: true, version } satisfies SpeechReady);
      port.on('message', (job: SpeechJob) => {
        synthesize(engine, job).then(
          (wav) => port.postMessage({ id: job.id, ok: true, wav } satisfies SpeechJobResult),
          (cause: unknown) =>
            port.postMessage({
              id: job.id,
              ok: false,
              message: failure(cause),
            } satisfies SpeechJobResult),
        );
      });
    },
    (cause: unknown) =>
      port.postMessage({ ready: false, message: failure(cause) } satisfies SpeechReady),
  );
