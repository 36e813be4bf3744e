import { useEffect, useState } from 'react';
import type { NameParts } from '../../rules/engine/pinyin-name';

type Romanize = (name: string) => NameParts;

let loaded: Romanize | null = null;
let loading: Promise<Romanize> | null = null;

/**
 * Passport pinyin in its own chunk: pinyin-pro's dictionary is about a third of the
 * renderer's JavaScript and only the pinyin questions need it. Loaded once, after the
 * first screen is up (see App), so it is there long before a journey reaches them.
 */
export function loadPassportPinyin(): Promise<Romanize> {
  loading ??= import('../../rules/engine/pinyin-name').then(
    (m) => {
      loaded = m.passportPinyin;
      return m.passportPinyin;
    },
    (cause: unknown) => {
      // Tried again by the next caller rather than failing for good.
      loading = null;
      throw cause;
    },
  );
  return loading;
}

/** `passportPinyin` once its chunk is here; null for the moment before. */
export function usePassportPinyin(): Romanize | null {
  const [romanize, setRomanize] = useState<Romanize | null>(() => loaded);
  useEffect(() => {
    if (romanize !== null) return;
    let current = true;
    loadPassportPinyin().then(
      (f) => {
        if (current) setRomanize(() => f);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [romanize]);
  return romanize;
}
