import type { SpeechLocale } from '../../core/speech-voices';
import manifest from '../../assets/audio/manifest.json';

/**
 * Pre-generated recordings (`npm run audio:generate`, espeak-ng + Opus) for
 * kiosks without a speech voice for the language: the manifest maps each sentence to
 * its file, Vite turns the files into URLs.
 */
const files = import.meta.glob<string>('../../assets/audio/*.ogg', {
  query: '?url',
  import: 'default',
  eager: true,
});

const urlByName = new Map(
  Object.entries(files).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]),
);

type Manifest = {
  readonly texts: Readonly<Partial<Record<SpeechLocale, Readonly<Record<string, string>>>>>;
};

export function recordingFor(text: string, locale: SpeechLocale): string | null {
  const name = (manifest as Manifest).texts[locale]?.[text];
  return name === undefined ? null : (urlByName.get(name) ?? null);
}
