/**
 * The face engine's own thread (node:worker_threads, owned by the main
 * process): the model, the decoding and the checks run here so the kiosk's
 * event loop never waits on them, and a hung inference is ended by
 * terminating this thread. Bundled on its own (build/scripts/bundle-main.mjs)
 * with Human's WASM build; the models and the WASM binaries are files beside it.
 *
 * No network, ever: this thread's `fetch` serves files from the model folder
 * and refuses everything else, so nothing can be fetched at run time.
 */
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { Human, type Config, type FaceResult } from '@vladmandic/human';
import { photoChecks, photoModeFor } from '../../core/face/checks';
import { cropResize, type RgbImage } from '../../core/face/image';
import { faceGeometry, type FoundFace } from '../../core/face/measure';
import { PHOTO_STANDARDS } from '../../core/face/standards';
import { decodeImage, encodeJpegWithin } from './codec';
import type { FaceJob, FaceJobFailure, FaceJobResult, LookedFace, WorkerData } from './protocol';

const { modelDir, wasmDir } = workerData as WorkerData;
const root = resolve(modelDir);

globalThis.fetch = async (input: string | URL | Request) => {
  const url = new URL(
    typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
  );
  const path = url.protocol === 'file:' ? resolve(decodeURIComponent(url.pathname)) : null;
  if (path === null || !path.startsWith(root + sep))
    return new Response(null, { status: 403, statusText: 'the face engine fetches nothing' });
  const type = path.endsWith('.json') ? 'application/json' : 'application/octet-stream';
  return new Response(readFileSync(path), { status: 200, headers: { 'content-type': type } });
};

const RAD = 180 / Math.PI;

/** Every frame judged alone: no result carried over from the frame before (a verdict must be this frame's). */
const config: Partial<Config> = {
  backend: 'wasm',
  wasmPath: `${resolve(wasmDir)}${sep}`,
  modelBasePath: `file://${root}/`,
  debug: false,
  cacheSensitivity: 0,
  filter: { enabled: false },
  face: {
    enabled: true,
    detector: { rotation: true, maxDetected: 3, minConfidence: 0.5, skipFrames: 0, skipTime: 0 },
    mesh: { enabled: true },
    iris: { enabled: true, skipFrames: 0, skipTime: 0 },
    description: { enabled: false, skipFrames: 0, skipTime: 0 },
    emotion: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
  },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  gesture: { enabled: false },
  segmentation: { enabled: false },
};

const human = new Human(config);
const ready = human.load().then(async () => {
  await human.warmup();
});

const found = (face: FaceResult): FoundFace => ({
  box: { x: face.box[0], y: face.box[1], width: face.box[2], height: face.box[3] },
  score: face.score,
  mesh: face.mesh.map(([x, y]) => [x, y] as const),
  rollDeg: (face.rotation?.angle.roll ?? 0) * RAD,
  yawDeg: (face.rotation?.angle.yaw ?? 0) * RAD,
  pitchDeg: (face.rotation?.angle.pitch ?? 0) * RAD,
});

async function detect(image: RgbImage, descriptor: boolean): Promise<FaceResult[]> {
  const tensor = tf.tensor4d(image.data, [1, image.height, image.width, 3], 'int32');
  try {
    const result = await human.detect(tensor, { face: { description: { enabled: descriptor } } });
    return result.face.filter((f) => f.mesh.length >= 468);
  } finally {
    tensor.dispose();
  }
}

function decoded(bytes: Uint8Array): RgbImage | FaceJobFailure {
  const image = decodeImage(Buffer.from(bytes));
  return image.ok
    ? image.value
    : { ok: false, code: image.error.code, message: image.error.message };
}

async function look(image: RgbImage, descriptor: boolean): Promise<FaceJobResult> {
  const faces = await detect(image, descriptor);
  const looked: LookedFace[] = faces.map((face) => {
    const f = found(face);
    const g = faceGeometry(image, f);
    return {
      box: f.box,
      eyeOpenness: g.eyeOpenness,
      mouthOpenness: g.mouthOpenness,
      rollDeg: f.rollDeg,
      yawDeg: f.yawDeg,
      pitchDeg: f.pitchDeg,
    };
  });
  const first = descriptor ? faces[0]?.embedding : undefined;
  return {
    ok: true,
    kind: 'look',
    width: image.width,
    height: image.height,
    faces: looked,
    descriptor: first === undefined ? null : [...first],
  };
}

async function photo(
  image: RgbImage,
  job: Extract<FaceJob, { kind: 'photo' }>,
): Promise<FaceJobResult> {
  const standard = PHOTO_STANDARDS[job.standard];
  const mode = job.mode === 'auto' ? photoModeFor(image, standard) : job.mode;
  const faces = (await detect(image, false)).map(found);
  const verdict = photoChecks(image, faces, standard, {
    cameraScale: job.cameraScale,
    mode,
    bytes: job.image.length,
  });
  // A finished photo that passes is its own output: nothing is cut from it.
  if (!job.output || mode === 'as_is' || !verdict.ok || verdict.crop === null)
    return { ok: true, kind: 'photo', mode, verdict, photo: null };
  const cut = cropResize(image, verdict.crop.rect, standard.width, standard.height);
  const encoded = encodeJpegWithin(cut, standard.jpeg.quality, standard.dpi, standard.jpeg.bytes);
  cut.data.fill(0);
  return {
    ok: true,
    kind: 'photo',
    mode,
    verdict,
    photo: encoded === null ? null : { jpeg: encoded.jpeg, quality: encoded.quality },
  };
}

async function run(job: FaceJob): Promise<FaceJobResult> {
  await ready;
  if (job.kind === 'similarity')
    return { ok: true, kind: 'similarity', score: human.match.similarity([...job.a], [...job.b]) };
  const image = decoded(job.image);
  if ('ok' in image) {
    job.image.fill(0);
    return image;
  }
  try {
    return job.kind === 'look' ? await look(image, job.descriptor) : await photo(image, job);
  } finally {
    // The citizen's pixels go with the job: nothing of them stays in this thread.
    image.data.fill(0);
    job.image.fill(0);
  }
}

parentPort?.on('message', (message: { id: number; job: FaceJob }) => {
  run(message.job).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (cause: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        result: {
          ok: false,
          code: 'face_engine_failed',
          message: cause instanceof Error ? cause.message : String(cause),
        },
      }),
  );
});

ready.then(
  () => parentPort?.postMessage({ ready: true, version: `human ${human.version}` }),
  (cause: unknown) =>
    parentPort?.postMessage({
      ready: false,
      message: cause instanceof Error ? cause.message : String(cause),
    }),
);
