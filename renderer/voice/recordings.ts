import { recordingName } from '../../core/recording-name';
import type { SpeechLocale } from '../../core/speech-voices';

/**
 * Pre-generated recordings (`npm run audio:generate`, espeak-ng + Opus) for
 * kiosks without a speech voice for the language. A sentence's file is named
 * by a hash of its language and text, worked out here as the recorder did:
 * no table of sentences travels in the first download. Vite turns the files
 * into URLs.
 */
const files = import.meta.glob<string>('../../assets/audio/*.ogg', {
  query: '?url',
  import: 'default',
  eager: true,
});

const urlByName = new Map(
  Object.entries(files).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]),
);

export function recordingFor(text: string, locale: SpeechLocale): string | null {
  return urlByName.get(recordingName(locale, text)) ?? null;
}
