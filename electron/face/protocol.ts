import type { PhotoMode, PhotoVerdict } from '../../core/face/checks';
import type { Rect } from '../../core/face/image';
import type { PhotoStandardId } from '../../core/face/standards';

/** What the main process hands the face thread (worker.ts), and what comes back. */
export interface WorkerData {
  readonly modelDir: string;
  readonly wasmDir: string;
}

export type FaceJob =
  /** Faces in a picture (a camera frame, a card photo): eyes, pose, and the first face's descriptor when asked. */
  | { readonly kind: 'look'; readonly image: Uint8Array; readonly descriptor: boolean }
  /** A picture judged against a photo standard; with `output`, the standard photo cut from it when it passes. */
  | {
      readonly kind: 'photo';
      readonly image: Uint8Array;
      readonly standard: PhotoStandardId;
      readonly cameraScale: number;
      /** `auto`: a picture of the standard's pixel size is judged as a finished photo, anything else cut from. */
      readonly mode: PhotoMode | 'auto';
      readonly output: boolean;
    }
  /** How alike two descriptors are, 0–1 (the model's own normalisation). */
  | { readonly kind: 'similarity'; readonly a: readonly number[]; readonly b: readonly number[] };

export interface LookedFace {
  readonly box: Rect;
  readonly eyeOpenness: number;
  readonly mouthOpenness: number;
  readonly rollDeg: number;
  readonly yawDeg: number;
  readonly pitchDeg: number;
}

export type FaceJobFailure = {
  readonly ok: false;
  readonly code: 'image_unreadable' | 'image_too_large' | 'face_engine_failed';
  readonly message: string;
};

export type FaceJobResult =
  | {
      readonly ok: true;
      readonly kind: 'look';
      readonly width: number;
      readonly height: number;
      readonly faces: readonly LookedFace[];
      readonly descriptor: readonly number[] | null;
    }
  | {
      readonly ok: true;
      readonly kind: 'photo';
      readonly mode: PhotoMode;
      readonly verdict: PhotoVerdict;
      readonly photo: { readonly jpeg: Uint8Array; readonly quality: number } | null;
    }
  | { readonly ok: true; readonly kind: 'similarity'; readonly score: number }
  | FaceJobFailure;
