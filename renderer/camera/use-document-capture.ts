import { useEffect, useRef, useState, type RefObject } from 'react';
import { MAX_CAPTURE_BYTES } from '../../core/limits';
import type { Material } from '../../rules/engine/schema';
import { kiosk } from '../api/kiosk';
import type { MessageKey } from '../i18n';
import { useJourney } from '../state/journey';
import { useUi } from '../state/ui';
import { encodeWithinBudget, targetSize } from './jpeg-budget';
import { findPageBounds, type Rect } from './page-bounds';
import { blobToBase64 } from './use-camera';

/** An A4 page stays under this (the 300 KB), well within what the main process accepts. */
const BUDGET_BYTES = Math.min(300 * 1024, MAX_CAPTURE_BYTES);
const ANALYSIS_WIDTH = 200;

export type CapturePhase =
  | { readonly kind: 'starting' }
  | { readonly kind: 'live' }
  | {
      readonly kind: 'review';
      readonly blob: Blob;
      readonly url: string;
      readonly width: number;
      readonly height: number;
      readonly cropped: boolean;
    }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly message: MessageKey };

/** The page's rectangle in the video, found on a small grey copy of the frame; the whole frame when none stands out. */
function pageRect(video: HTMLVideoElement): { rect: Rect; cropped: boolean } {
  const w = ANALYSIS_WIDTH;
  const h = Math.max(1, Math.round((video.videoHeight / video.videoWidth) * w));
  const small = document.createElement('canvas');
  small.width = w;
  small.height = h;
  const ctx = small.getContext('2d', { willReadFrequently: true });
  const full = {
    rect: { x: 0, y: 0, width: video.videoWidth, height: video.videoHeight },
    cropped: false,
  };
  if (ctx === null) return full;
  ctx.drawImage(video, 0, 0, w, h);
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const luma = new Uint8Array(w * h);
  for (let i = 0; i < luma.length; i += 1) {
    luma[i] = Math.round(
      0.299 * (rgba[i * 4] ?? 0) + 0.587 * (rgba[i * 4 + 1] ?? 0) + 0.114 * (rgba[i * 4 + 2] ?? 0),
    );
  }
  small.width = 0;
  const found = findPageBounds(luma, w, h);
  if (found === null) return full;
  const sx = video.videoWidth / w;
  const sy = video.videoHeight / h;
  return {
    rect: { x: found.x * sx, y: found.y * sy, width: found.width * sx, height: found.height * sy },
    cropped: true,
  };
}

const toBlob = (canvas: HTMLCanvasElement, quality: number): Promise<Blob> =>
  new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b === null ? reject(new Error('encode failed')) : resolve(b)),
      'image/jpeg',
      quality,
    ),
  );

/**
 * What the document camera does, apart from how it looks: the stream opened
 * and stopped, the page found and cropped, the photo compressed within its
 * budget (JPEG, ≤ 300 KB for an A4 page, text kept legible), kept or let go,
 * and attached to the material it proves.
 */
export function useDocumentCapture(materialId: string): {
  readonly video: RefObject<HTMLVideoElement | null>;
  readonly phase: CapturePhase;
  readonly material: Material | undefined;
  readonly capture: () => Promise<void>;
  readonly retake: () => void;
  readonly use: () => Promise<void>;
} {
  const go = useUi((s) => s.go);
  const rule = useJourney((s) => s.rule);
  const declare = useJourney((s) => s.declareMaterial);
  const addCapture = useJourney((s) => s.addCapture);
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [phase, setPhase] = useState<CapturePhase>({ kind: 'starting' });
  const material = rule?.materials.find((m) => m.id === materialId);

  useEffect(() => {
    let cancelled = false;
    const element = video.current;
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then(async (media) => {
        if (cancelled) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream.current = media;
        if (element !== null) {
          element.srcObject = media;
          await element.play();
        }
        setPhase({ kind: 'live' });
      })
      .catch(() => setPhase({ kind: 'failed', message: 'camera.unavailable' }));
    return () => {
      cancelled = true;
      stream.current?.getTracks().forEach((track) => track.stop());
      stream.current = null;
      if (element !== null) element.srcObject = null;
    };
  }, []);

  // A photo taken but not used is let go on retake and when the screen closes; a used one belongs to the journey.
  const unusedUrl = useRef<string | null>(null);
  const dropUnused = (): void => {
    if (unusedUrl.current !== null) URL.revokeObjectURL(unusedUrl.current);
    unusedUrl.current = null;
  };
  useEffect(() => dropUnused, []);

  const capture = async (): Promise<void> => {
    const v = video.current;
    if (v === null || v.videoWidth === 0) return;
    const { rect, cropped } = pageRect(v);
    const size = targetSize(rect.width, rect.height);
    const canvas = document.createElement('canvas');
    try {
      const { result, attempt } = await encodeWithinBudget(async ({ quality, scale }) => {
        canvas.width = Math.round(size.width * scale);
        canvas.height = Math.round(size.height * scale);
        const ctx = canvas.getContext('2d');
        ctx?.drawImage(
          v,
          rect.x,
          rect.y,
          rect.width,
          rect.height,
          0,
          0,
          canvas.width,
          canvas.height,
        );
        return toBlob(canvas, quality);
      }, BUDGET_BYTES);
      if (result.size > BUDGET_BYTES) {
        setPhase({ kind: 'failed', message: 'camera.tooBig' });
        return;
      }
      const width = Math.round(size.width * attempt.scale);
      const height = Math.round(size.height * attempt.scale);
      const url = URL.createObjectURL(result);
      unusedUrl.current = url;
      setPhase({ kind: 'review', blob: result, url, width, height, cropped });
    } finally {
      canvas.width = 0;
    }
  };

  const use = async (): Promise<void> => {
    if (phase.kind !== 'review') return;
    const { blob, url } = phase;
    setPhase({ kind: 'saving' });
    const saved = await kiosk.addCapture({
      materialId,
      mediaType: 'image/jpeg',
      dataBase64: await blobToBase64(blob),
    });
    if (!saved.ok) {
      dropUnused();
      setPhase({ kind: 'failed', message: 'camera.saveFailed' });
      return;
    }
    unusedUrl.current = null;
    addCapture({ id: saved.value.captureId, materialId, url, size: saved.value.size });
    declare(materialId, 'captured');
    go({ name: 'materials' });
  };

  const retake = (): void => {
    dropUnused();
    setPhase({ kind: 'live' });
  };
  return { video, phase, material, capture, retake, use };
}
