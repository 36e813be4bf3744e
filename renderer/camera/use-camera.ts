import { useEffect, useRef, useState } from 'react';

export type CameraState = 'starting' | 'live' | 'failed';

/**
 * The camera's live stream on a <video>: opened when the screen mounts (or
 * `on` turns true), every track stopped and the element emptied when it goes —
 * a camera never keeps filming behind another screen.
 */
export function useCamera(
  on: boolean,
  constraints: MediaTrackConstraints = { width: { ideal: 1920 }, height: { ideal: 1080 } },
): { readonly video: React.RefObject<HTMLVideoElement | null>; readonly state: CameraState } {
  const video = useRef<HTMLVideoElement | null>(null);
  const [state, setState] = useState<CameraState>('starting');
  useEffect(() => {
    if (!on) return undefined;
    let cancelled = false;
    let stream: MediaStream | null = null;
    const element = video.current;
    navigator.mediaDevices
      .getUserMedia({ video: constraints, audio: false })
      .then(async (media) => {
        if (cancelled) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = media;
        // A camera unplugged mid-capture ends its track: said, not hung on.
        for (const track of media.getVideoTracks())
          track.addEventListener('ended', () => setState('failed'));
        if (element !== null) {
          element.srcObject = media;
          await element.play();
        }
        setState('live');
      })
      .catch(() => setState('failed'));
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((track) => track.stop());
      if (element !== null) element.srcObject = null;
      // Opened again later (a retake), it starts from "starting", not from the last stream's state.
      setState('starting');
    };
    // The constraints are fixed per screen; what restarts the camera is `on`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [on]);
  return { video, state };
}

/** A frame of the video as a JPEG, at most `maxWidth` wide: its base64 and how many camera pixels one of its pixels stands for. */
export async function grabJpeg(
  video: HTMLVideoElement,
  maxWidth: number,
  quality: number,
): Promise<{ base64: string; scale: number } | null> {
  if (video.videoWidth === 0 || video.videoHeight === 0) return null;
  const scale = Math.max(1, video.videoWidth / maxWidth);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(video.videoWidth / scale);
  canvas.height = Math.round(video.videoHeight / scale);
  try {
    canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', quality),
    );
    return blob === null ? null : { base64: await blobToBase64(blob), scale };
  } finally {
    canvas.width = 0;
  }
}

export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  bytes.fill(0);
  return btoa(binary);
}

/** base64 JPEG bytes as an object URL for an <img>; the caller revokes it. */
export function jpegUrl(base64: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'image/jpeg' }));
}
