import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../core/clock';
import { createSpeechEngine, speechFiles } from '../../electron/speech/engine';
import { createLogger } from '../../electron/shared/log';
import { ENGINE_DIST, ensureBuilt } from '../fixtures/built-engines';
import { projectRoot } from '../project-root';
import { shippedRules } from '../shipped-rules';
import { wavFacts } from '../wav-facts';
import { percentile } from './stats';

/** Every public sentence the shipped rules make the kiosk say: names, questions, their options. */
function ruleSentences(): string[] {
  const texts = new Set<string>();
  for (const rule of shippedRules()) {
    texts.add(rule.name['zh-CN']);
    for (const q of rule.questions) {
      texts.add(q.label['zh-CN']);
      if ('options' in q) for (const o of q.options ?? []) texts.add(o.label['zh-CN']);
    }
  }
  return [...texts];
}

/**
 * The kiosk's own voice (eSpeak NG, WASM, in its thread): the first sentence
 * (loading), each further one from request to WAV, its real-time factor, a
 * kept sentence heard again; and what the other way — recording every rule
 * text when a bundle is applied — would cost, from the same figures.
 */
export async function benchSpeech(): Promise<void> {
  ensureBuilt(speechFiles(ENGINE_DIST).worker);
  const engine = createSpeechEngine({
    distDir: ENGINE_DIST,
    timeoutMs: 30_000,
    log: createLogger({ quiet: true }),
    clock: systemClock,
  });
  try {
    const sentences = ruleSentences();
    let start = performance.now();
    const first = await engine.synthesize('请把身份证平放在读卡器上', 'zh-CN', false);
    const coldMs = performance.now() - start;
    if (!first.ok) throw new Error(first.error.message);
    const made: number[] = [];
    let audioSeconds = 0;
    let wavBytes = 0;
    for (const text of sentences) {
      start = performance.now();
      const said = await engine.synthesize(text, 'zh-CN', false);
      made.push(performance.now() - start);
      if (!said.ok) throw new Error(`${text}: ${said.error.message}`);
      audioSeconds += wavFacts(said.value).seconds;
      wavBytes += said.value.byteLength;
    }
    const kept: number[] = [];
    for (const text of sentences.slice(0, 50)) {
      start = performance.now();
      await engine.synthesize(text, 'zh-CN', false);
      kept.push(performance.now() - start);
    }
    made.sort((a, b) => a - b);
    kept.sort((a, b) => a - b);
    const totalMs = made.reduce((a, b) => a + b, 0);
    const speechDir = speechFiles(ENGINE_DIST).dir;
    const engineMb =
      readdirSync(speechDir).reduce((sum, f) => sum + statSync(join(speechDir, f)).size, 0) /
      1048576;
    const audioDir = join(projectRoot(__dirname), 'assets', 'audio');
    const recordings = readdirSync(audioDir).filter((f) => f.endsWith('.ogg'));
    const recordingsMb =
      recordings.reduce((sum, f) => sum + statSync(join(audioDir, f)).size, 0) / 1048576;
    console.log(
      `speech (eSpeak NG WASM, ${engine.version() ?? '?'}): first sentence ${coldMs.toFixed(0)} ms (thread start and compile); ` +
        `${sentences.length} rule sentences p50 ${percentile(made, 50).toFixed(0)} ms, p95 ${percentile(made, 95).toFixed(0)} ms from request to WAV ` +
        `(real-time factor ${(totalMs / 1000 / audioSeconds).toFixed(3)}: ${audioSeconds.toFixed(0)} s of speech made in ${(totalMs / 1000).toFixed(1)} s); ` +
        `heard again (kept) p50 ${(percentile(kept, 50) * 1000).toFixed(0)} µs; ` +
        `engine ${engineMb.toFixed(1)} MB on disk vs ${recordings.length} recordings ${recordingsMb.toFixed(1)} MB; ` +
        `recording every rule sentence at bundle apply would take ${(totalMs / 1000).toFixed(1)} s and ${(wavBytes / 1048576).toFixed(1)} MB of WAV (before Opus) and still not say the control a blind citizen reached`,
    );
  } finally {
    await engine.stop();
  }
}
