/** A part of the renderer fetched on first need rather than before the first screen. */
export interface LazyChunk<T> {
  /** Fetches it once; a fetch that failed (the web host restarting) is tried again by the next call. */
  load(): Promise<T>;
  /** What the last successful load gave; null before. */
  loaded(): T | null;
}

export function lazyChunk<T>(fetch: () => Promise<T>): LazyChunk<T> {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  return {
    load() {
      loading ??= fetch().then(
        (v) => {
          value = v;
          return v;
        },
        (cause: unknown) => {
          loading = null;
          throw cause;
        },
      );
      return loading;
    },
    loaded: () => value,
  };
}
