import { build } from 'esbuild';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
await build({ bundle: true, platform: 'node', format: 'cjs', target: 'node22', logLevel: 'warning',
  entryPoints: ['electron/face/worker.ts'], outfile: '/tmp/facedist/electron/face-worker.cjs',
  plugins: [{ name: 'h', setup(b) { b.onResolve({ filter: /^@vladmandic\/human$/ }, () => ({ path: join(process.cwd(), 'node_modules/@vladmandic/human/dist/human.node-wasm.js') })); } }] });
for (const n of ['blazeface','facemesh','iris','faceres']) for (const e of ['json','bin']) copyFileSync(`node_modules/@vladmandic/human/models/${n}.${e}`, `/tmp/facedist/face/models/${n}.${e}`);
for (const f of ['tfjs-backend-wasm.wasm','tfjs-backend-wasm-simd.wasm','tfjs-backend-wasm-threaded-simd.wasm']) copyFileSync(`node_modules/@tensorflow/tfjs-backend-wasm/dist/${f}`, `/tmp/facedist/face/wasm/${f}`);
console.log('ok');
