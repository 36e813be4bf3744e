import { useEffect, useState } from 'react';
import type { Identity } from '../../core/identity';
import { kiosk } from '../api/kiosk';

/**
 * The card's photo as an object URL, when the kiosk has a decoder for it;
 * null otherwise (the placeholder stays). The URL lives as long as the
 * component showing it: revoked on unmount, so it goes with the screen.
 */
export function useCardPhoto(identity: Identity): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!identity.hasPhoto) return undefined;
    let live = true;
    let objectUrl: string | null = null;
    void kiosk.getCardPhoto({}).then((result) => {
      if (!live || !result.ok || result.value === null) return;
      const binary = atob(result.value.base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
      objectUrl = URL.createObjectURL(new Blob([bytes], { type: result.value.mediaType }));
      bytes.fill(0);
      setUrl(objectUrl);
    });
    return () => {
      live = false;
      if (objectUrl !== null) URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [identity]);
  return url;
}
