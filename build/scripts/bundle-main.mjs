// Bundles the Electron main process, its preload and the web host into dist/electron/*.cjs.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  // Native addons and Electron itself load at run time from node_modules.
  external: ['electron', 'serialport', '@serialport/*', 'node-hid', 'bufferutil', 'utf-8-validate'],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/host/web.ts'], outfile: 'dist/electron/web.cjs' }),
  // The technician's commands under plain Node (a package runs them inside Electron: police-kiosk <command>).
  build({ ...common, entryPoints: ['electron/cli/main.ts'], outfile: 'dist/electron/cli.cjs' }),
  // The face engine's thread: Human's WASM build with its TensorFlow.js parts bundled in. Its
  // package.json "exports" names the build without "./", which Node and esbuild refuse: resolved by path.
  build({
    ...common,
    entryPoints: ['electron/face/worker.ts'],
    outfile: 'dist/electron/face-worker.cjs',
    plugins: [
      {
        name: 'human-wasm-build',
        setup(b) {
          b.onResolve({ filter: /^@vladmandic\/human$/ }, () => ({
            path: join(process.cwd(), 'node_modules/@vladmandic/human/dist/human.node-wasm.js'),
          }));
        },
      },
    ],
  }),
  // The kiosk's own voice: eSpeak NG's WASM build runs in this thread (files in dist/speech).
  build({
    ...common,
    entryPoints: ['electron/speech/worker.ts'],
    outfile: 'dist/electron/speech-worker.cjs',
  }),
  // The preload runs sandboxed: it may require only 'electron', so everything else is bundled in.
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    external: ['electron'],
  }),
]);
// The face models and the WASM backend travel beside the thread: never fetched at run time.
const models = ['blazeface', 'facemesh', 'iris', 'faceres'];
mkdirSync('dist/face/models', { recursive: true });
mkdirSync('dist/face/wasm', { recursive: true });
for (const name of models)
  for (const ext of ['json', 'bin'])
    copyFileSync(
      `node_modules/@vladmandic/human/models/${name}.${ext}`,
      `dist/face/models/${name}.${ext}`,
    );
for (const file of [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
]) {
  copyFileSync(`node_modules/@tensorflow/tfjs-backend-wasm/dist/${file}`, `dist/face/wasm/${file}`);
  // The package ships them executable; they are data (and a .deb should say so).
  chmodSync(`dist/face/wasm/${file}`, 0o644);
}
// The synthesizer as its package ships it (an ES module and its WASM, the voices inside it).
mkdirSync('dist/speech', { recursive: true });
for (const file of ['espeak-ng.js', 'espeak-ng.wasm']) {
  copyFileSync(`node_modules/espeak-ng/dist/${file}`, `dist/speech/${file}`);
  chmodSync(`dist/speech/${file}`, 0o644);
}
console.log(
  'built dist/electron/{main,preload,web,cli,face-worker,speech-worker}.cjs, dist/face/{models,wasm} and dist/speech',
);
