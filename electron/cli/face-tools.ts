import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { unitLabel, type PhotoMode, type PhotoVerdict } from '../../core/face/checks';
import { PHOTO_STANDARDS, type PhotoStandardId } from '../../core/face/standards';
import { MAX_IMAGE_BYTES } from '../face/codec';
import type { FaceEngine } from '../face/engine';
import type { CliIo } from './io';

/** One image's report from `photo-check`: each check with its value and the standard's range. */
export interface PhotoReport {
  readonly file: string;
  readonly standard: PhotoStandardId;
  readonly source: string;
  /** `as_is`: the file is already of the standard's pixel size and is judged as the finished photo; `crop`: cut from it. */
  readonly mode: PhotoMode | null;
  readonly compliant: boolean;
  /** What the citizen would have been told first (the kiosk's advice code). */
  readonly advice: string | null;
  readonly checks: readonly {
    readonly id: string;
    readonly ok: boolean;
    readonly value: number | null;
    readonly range: { readonly min?: number; readonly max?: number };
    readonly unit: string;
  }[];
  /** The standard photo (cut from the image, or the file itself when judged as is), where it passed. */
  readonly photo: {
    readonly path: string;
    readonly bytes: number;
    /** The JPEG quality it was written at; null for the file itself. */
    readonly quality: number | null;
  } | null;
  readonly error?: { readonly code: string; readonly message: string };
}

const isStandard = (s: string): s is PhotoStandardId => Object.hasOwn(PHOTO_STANDARDS, s);

function checksOf(verdict: PhotoVerdict): PhotoReport['checks'] {
  return verdict.checks.map((c) => ({
    id: c.id,
    ok: c.ok,
    value: c.value,
    range: c.range,
    unit: unitLabel(c.unit),
  }));
}

/** The file's bytes, or why not: a missing file, a folder, one past the engine's size limit. */
function readImage(
  path: string,
): { ok: true; bytes: Buffer } | { ok: false; code: string; message: string } {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { ok: false, code: 'not_a_file', message: `${path} is not a file` };
    if (stat.size > MAX_IMAGE_BYTES)
      return {
        ok: false,
        code: 'image_too_large',
        message: `${stat.size} bytes; at most ${MAX_IMAGE_BYTES}`,
      };
    return { ok: true, bytes: readFileSync(path) };
  } catch (cause) {
    return {
      ok: false,
      code: 'unreadable',
      message: cause instanceof Error ? cause.message : String(cause),
    };
  }
}

/**
 * `photo-check [--standard exit-entry|id-card] [--out DIR] FILE…`: each image
 * judged by the kiosk's own checks (the face thread and core/face/checks.ts),
 * one JSON line per file. A file already of the standard's pixel size is
 * judged as the finished photo (its margins, its bytes); any other is judged as
 * the kiosk judges a camera frame and, when compliant, cut to the standard photo
 * and written as `<name>.<standard>.jpg` (beside the file, or in DIR). Exit 0 when
 * every file is compliant, 1 when one is not or cannot be read, 2 on bad usage.
 */
export async function photoCheck(
  args: readonly string[],
  engine: FaceEngine,
  io: CliIo,
): Promise<number> {
  let standard: PhotoStandardId = 'exit-entry';
  let outDir: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--standard') {
      const value = args[i + 1] ?? '';
      if (!isStandard(value)) {
        io.err(`--standard is one of ${Object.keys(PHOTO_STANDARDS).join(', ')}`);
        return 2;
      }
      standard = value;
      i += 1;
    } else if (arg === '--out') {
      outDir = resolve(args[i + 1] ?? '.');
      i += 1;
    } else files.push(arg);
  }
  if (files.length === 0) {
    io.err(
      'photo-check takes one or more image files (JPEG, PNG or BMP): photo-check [--standard exit-entry|id-card] [--out DIR] FILE…',
    );
    return 2;
  }
  if (!engine.available) {
    io.err(`The face engine cannot run here: ${engine.problem ?? 'unknown'}`);
    return 1;
  }
  const spec = PHOTO_STANDARDS[standard];
  let allCompliant = true;
  for (const file of files) {
    const base = {
      file,
      standard,
      source: spec.source,
      mode: null,
      compliant: false,
      advice: null,
      checks: [],
      photo: null,
    };
    const read = readImage(file);
    if (!read.ok) {
      allCompliant = false;
      io.out(JSON.stringify({ ...base, error: { code: read.code, message: read.message } }));
      continue;
    }
    const judged = await engine.run({
      kind: 'photo',
      image: read.bytes,
      standard,
      cameraScale: 1,
      mode: 'auto',
      output: true,
    });
    if (!judged.ok) {
      allCompliant = false;
      io.out(JSON.stringify({ ...base, error: judged.error }));
      continue;
    }
    const { verdict, photo, mode } = judged.value;
    let written: PhotoReport['photo'] = null;
    if (verdict.ok && mode === 'as_is')
      written = { path: resolve(file), bytes: read.bytes.length, quality: null };
    else if (verdict.ok && photo !== null) {
      const folder = outDir ?? dirname(resolve(file));
      mkdirSync(folder, { recursive: true });
      const path = join(folder, `${basename(file, extname(file))}.${standard}.jpg`);
      writeFileSync(path, photo.jpeg);
      written = { path, bytes: photo.jpeg.length, quality: photo.quality };
    }
    const report: PhotoReport = {
      ...base,
      mode,
      compliant: verdict.ok && written !== null,
      advice: verdict.advice,
      checks: checksOf(verdict),
      photo: written,
      ...(verdict.ok && mode === 'crop' && photo === null
        ? {
            error: {
              code: 'size_window',
              message: 'no JPEG quality from 40 to 100 fits the standard’s byte window',
            },
          }
        : {}),
    };
    allCompliant &&= report.compliant;
    io.out(JSON.stringify(report));
  }
  return allCompliant ? 0 : 1;
}

/**
 * `face-compare A B`: the similarity of the one face in each image and the
 * decision at the configured threshold (the kiosk's 人证核验, on two files).
 * Exit 0 for the same person, 1 for different people or an image without
 * exactly one face, 2 on bad usage.
 */
export async function faceCompare(
  args: readonly string[],
  engine: FaceEngine,
  threshold: { readonly value: number; readonly from: string },
  io: CliIo,
): Promise<number> {
  if (args.length !== 2) {
    io.err('face-compare takes two image files: face-compare A B');
    return 2;
  }
  if (!engine.available) {
    io.err(`The face engine cannot run here: ${engine.problem ?? 'unknown'}`);
    return 1;
  }
  const described: number[][] = [];
  for (const file of args) {
    const read = readImage(file);
    if (!read.ok) {
      io.out(JSON.stringify({ file, error: { code: read.code, message: read.message } }));
      return 1;
    }
    const looked = await engine.run({ kind: 'look', image: read.bytes, descriptor: true });
    if (!looked.ok) {
      io.out(JSON.stringify({ file, error: looked.error }));
      return 1;
    }
    const { faces, descriptor } = looked.value;
    if (faces.length !== 1 || descriptor === null) {
      io.out(
        JSON.stringify({
          file,
          faces: faces.length,
          error: {
            code: faces.length === 0 ? 'no_face' : 'more_than_one_face',
            message: `${faces.length} faces found; a comparison needs exactly one in each image`,
          },
        }),
      );
      return 1;
    }
    described.push([...descriptor]);
  }
  const [a, b] = described;
  if (a === undefined || b === undefined) return 1;
  const compared = await engine.run({ kind: 'similarity', a, b });
  if (!compared.ok) {
    io.out(JSON.stringify({ error: compared.error }));
    return 1;
  }
  const score = Math.round(compared.value.score * 1000) / 1000;
  const same = compared.value.score >= threshold.value;
  io.out(
    JSON.stringify({
      a: args[0],
      b: args[1],
      score,
      threshold: threshold.value,
      thresholdFrom: threshold.from,
      decision: same ? 'same_person' : 'different_people',
      model: engine.version(),
    }),
  );
  return same ? 0 : 1;
}
