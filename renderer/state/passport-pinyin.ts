import { useEffect, useState } from 'react';
import type { NameParts } from '../../rules/engine/pinyin-name';
import { lazyChunk } from './lazy-chunk';

type Romanize = (name: string) => NameParts;

/** How long a failed fetch of the chunk waits before the next try. */
const RETRY_MS = 2000;

const pinyinChunk = lazyChunk(() =>
  import('../../rules/engine/pinyin-name').then((m): Romanize => m.passportPinyin),
);

/**
 * Passport pinyin in its own chunk: pinyin-pro's dictionary is about a third of the
 * renderer's JavaScript and only the pinyin questions need it. Loaded once, after the
 * first screen is up (see App), so it is there long before a journey reaches them.
 */
export function loadPassportPinyin(): Promise<Romanize> {
  return pinyinChunk.load();
}

/** `passportPinyin` once its chunk is here; null for the moment before. */
export function usePassportPinyin(): Romanize | null {
  const [romanize, setRomanize] = useState<Romanize | null>(() => pinyinChunk.loaded());
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (romanize !== null) return;
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    loadPassportPinyin().then(
      (f) => {
        if (current) setRomanize(() => f);
      },
      () => {
        // The question waits on it: try again shortly rather than wait for good.
        if (current) retry = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
      },
    );
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [romanize, attempt]);
  return romanize;
}
