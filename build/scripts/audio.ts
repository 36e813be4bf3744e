/**
 * Spoken prompts for kiosks without a Chinese speech voice.
 *   npm run audio:generate  — records every missing sentence (needs espeak-ng and opus-tools:
 *                             `apt-get install espeak-ng opus-tools`), removes recordings nobody uses
 *   npm run audio:check     — fails when a sentence has no recording (run in CI; needs nothing)
 * Sentences: the `voice.*` prompts of renderer/i18n, the camera's spoken guidance
 * (`face.advice.*`, `face.verify.*`, `face.photo.ready`) and every question label of the rule files.
 * Recordings are named by a hash of language and text (core/recording-name.ts, which the screen
 * works out too), so a changed sentence gets a new file. manifest.json lists them for this check.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ESPEAK_VOICES,
  SPEECH_LOCALES,
  SPEECH_WORDS_PER_MINUTE,
  type SpeechLocale,
} from '../../core/speech-voices';
import { recordingName } from '../../core/recording-name';

type Locale = SpeechLocale;
const LOCALES: readonly Locale[] = SPEECH_LOCALES;
const ROOT = join(__dirname, '..', '..');
const AUDIO = join(ROOT, 'assets', 'audio');
const MANIFEST = join(AUDIO, 'manifest.json');

/** Catalog keys the kiosk says aloud (a sentence with a {placeholder} goes through the system voice). */
const SPOKEN = /^(voice\.|face\.advice\.|face\.verify\.|face\.photo\.ready$)/;

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8')) as unknown;

function ruleLabels(value: unknown, out: Map<Locale, Set<string>>): void {
  if (Array.isArray(value)) {
    for (const item of value) ruleLabels(item, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  const questions = record['questions'];
  if (Array.isArray(questions)) {
    for (const q of questions as { label?: Record<Locale, string> }[]) {
      for (const locale of LOCALES) {
        const text = q.label?.[locale];
        if (typeof text === 'string') out.get(locale)?.add(text);
      }
    }
  }
  for (const child of Object.values(record)) ruleLabels(child, out);
}

export function sentences(): Map<Locale, Set<string>> {
  const out = new Map<Locale, Set<string>>(LOCALES.map((l) => [l, new Set<string>()]));
  for (const locale of LOCALES) {
    const catalog = readJson(join(ROOT, 'renderer', 'i18n', `${locale}.json`)) as Record<
      string,
      string
    >;
    for (const [key, text] of Object.entries(catalog))
      if (SPOKEN.test(key) && !text.includes('{')) out.get(locale)?.add(text);
  }
  const rulesDir = join(ROOT, 'rules');
  ruleLabels(readJson(join(rulesDir, 'common.json')), out);
  for (const file of readdirSync(join(rulesDir, 'services')).filter((f) => f.endsWith('.json'))) {
    ruleLabels(readJson(join(rulesDir, 'services', file)), out);
  }
  return out;
}

const fileFor = (locale: Locale, text: string): string => recordingName(locale, text);

function manifestFor(all: Map<Locale, Set<string>>): {
  texts: Record<Locale, Record<string, string>>;
} {
  const texts = Object.fromEntries(LOCALES.map((l) => [l, {}])) as Record<
    Locale,
    Record<string, string>
  >;
  for (const locale of LOCALES) {
    for (const text of [...(all.get(locale) ?? [])].sort())
      texts[locale][text] = fileFor(locale, text);
  }
  return { texts };
}

function check(): number {
  const expected = manifestFor(sentences());
  const problems: string[] = [];
  const current = existsSync(MANIFEST)
    ? (readJson(MANIFEST) as typeof expected)
    : { texts: {} as Partial<typeof expected.texts> };
  for (const locale of LOCALES) {
    for (const [text, file] of Object.entries(expected.texts[locale])) {
      if (current.texts[locale]?.[text] !== file || !existsSync(join(AUDIO, file)))
        problems.push(`${locale}: no recording of "${text}"`);
    }
  }
  if (problems.length > 0) {
    process.stderr.write(
      `${problems.join('\n')}\naudio:check: ${problems.length} sentence(s) without a recording — run \`npm run audio:generate\`\n`,
    );
    return 1;
  }
  const count = LOCALES.reduce((n, l) => n + Object.keys(expected.texts[l]).length, 0);
  process.stdout.write(`audio:check: ${count} sentences, all recorded\n`);
  return 0;
}

function generate(): number {
  const manifest = manifestFor(sentences());
  let made = 0;
  for (const locale of LOCALES) {
    for (const [text, file] of Object.entries(manifest.texts[locale])) {
      const target = join(AUDIO, file);
      if (existsSync(target)) continue;
      // A long prompt (the audio mode's key list) is several MB of WAV: more than the default 1 MB buffer.
      const wav = execFileSync(
        'espeak-ng',
        ['-v', ESPEAK_VOICES[locale], '-s', String(SPEECH_WORDS_PER_MINUTE), '--stdout', text],
        { maxBuffer: 64 * 1024 * 1024 },
      );
      execFileSync('opusenc', ['--quiet', '--speech', '--bitrate', '16', '-', target], {
        input: wav,
      });
      made += 1;
    }
  }
  const used = new Set(LOCALES.flatMap((l) => Object.values(manifest.texts[l])));
  let removed = 0;
  for (const file of readdirSync(AUDIO).filter((f) => f.endsWith('.ogg'))) {
    if (!used.has(file)) {
      rmSync(join(AUDIO, file));
      removed += 1;
    }
  }
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(
    `audio:generate: ${made} recorded, ${removed} removed, ${used.size} in use\n`,
  );
  return 0;
}

process.exitCode = process.argv[2] === 'generate' ? generate() : check();
