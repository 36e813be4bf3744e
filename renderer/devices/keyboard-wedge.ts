/**
 * Tells a keyboard-wedge scanner from a person typing: a scanner "types" a
 * whole code in a burst (a few ms between keys) and ends it with Enter; a
 * person is slower and uneven. Pure: feed it key events with their times.
 */
export interface WedgeOptions {
  /** Longest pause between two keys of one scan. */
  readonly maxGapMs: number;
  /** Shortest code worth taking as a scan. */
  readonly minLength: number;
}

export const defaultWedgeOptions: WedgeOptions = { maxGapMs: 35, minLength: 6 };

export interface KeyStroke {
  readonly key: string;
  readonly at: number;
}

export interface WedgeDetector {
  /** Returns the scanned text when this key completes a scan, else null. */
  feed(stroke: KeyStroke): string | null;
}

export function createWedgeDetector(options: WedgeOptions = defaultWedgeOptions): WedgeDetector {
  let buffer = '';
  let last = -Infinity;
  return {
    feed({ key, at }) {
      const gap = at - last;
      last = at;
      if (gap > options.maxGapMs) buffer = '';
      if (key === 'Enter') {
        const text = buffer;
        buffer = '';
        return gap <= options.maxGapMs && text.length >= options.minLength ? text : null;
      }
      if (key.length === 1) buffer += key;
      else buffer = '';
      return null;
    },
  };
}
