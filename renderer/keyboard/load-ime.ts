import { useEffect, useState } from 'react';
import { lazyChunk } from '../state/lazy-chunk';
import { createIme, type Ime, type RareDictionary } from './pinyin-ime';

const imeChunk = lazyChunk(() =>
  import('./pinyin-dictionary.json').then((module) => createIme(module.default)),
);

/**
 * The pinyin dictionary is half a megabyte: it is a chunk of its own, fetched
 * once the home screen is up (App calls this when idle) rather than before the
 * first screen can be drawn.
 */
export function loadIme(): Promise<Ime> {
  return imeChunk.load();
}

/** The input method once its dictionary is in (at once after the first time). */
export function useIme(): Ime | null {
  const [ime, setIme] = useState<Ime | null>(imeChunk.loaded());
  useEffect(() => {
    if (ime === null) loadIme().then(setIme, () => undefined);
  }, [ime]);
  return ime;
}

let rareLoading: Promise<RareDictionary> | null = null;
let rareLoaded: RareDictionary | null = null;

/** 生僻字 data (180 KB): fetched only when a citizen opens that page, once. */
export function useRareDictionary(wanted: boolean): RareDictionary | null {
  const [rare, setRare] = useState<RareDictionary | null>(rareLoaded);
  useEffect(() => {
    if (!wanted || rare !== null) return;
    rareLoading ??= import('./rare-dictionary.json').then((module) => {
      rareLoaded = module.default;
      return rareLoaded;
    });
    void rareLoading.then(setRare);
  }, [wanted, rare]);
  return rare;
}
