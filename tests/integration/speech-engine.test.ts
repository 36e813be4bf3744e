import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock';
import { createSpeechEngine, speechFiles } from '../../electron/speech/engine';
import { createLogger } from '../../electron/shared/log';
import { ENGINE_DIST, ensureBuilt } from '../fixtures/built-engines';
import { wavFacts } from '../wav-facts';

/**
 * The kiosk's own voice with the real thread and eSpeak NG's WASM build: what
 * it hands the screen is sound of the sentence asked, in the language asked,
 * and what it cannot do it says instead of hanging.
 */
ensureBuilt(speechFiles(ENGINE_DIST).worker);
const logFile = join(mkdtempSync(join(tmpdir(), 'speech-log-')), 'kiosk.log');
const log = createLogger({ quiet: true, file: logFile });
const logged = (): string => readFileSync(logFile, 'utf8');
const engine = createSpeechEngine({
  distDir: ENGINE_DIST,
  timeoutMs: 20_000,
  log,
  clock: systemClock,
});
afterAll(() => engine.stop());

describe("the kiosk's own voice (eSpeak NG in a thread)", () => {
  it('is available from the built files and speaks Chinese, English and Uyghur', () => {
    expect(engine.available, engine.problem ?? '').toBe(true);
    expect(engine.locales).toEqual(['zh-CN', 'en', 'ug']);
  });

  it('says a Chinese sentence as 16-bit mono WAV, audibly and about as long as it takes to say', async () => {
    const said = await engine.synthesize('请把身份证放在读卡区', 'zh-CN', false);
    if (!said.ok) throw new Error(said.error.message);
    const facts = wavFacts(said.value);
    expect(facts).toMatchObject({ riff: 'RIFF', wave: 'WAVE', rate: 22050, bits: 16, channels: 1 });
    expect(facts.seconds).toBeGreaterThan(1.5);
    expect(facts.seconds).toBeLessThan(8);
    expect(facts.rms).toBeGreaterThan(500);
    expect(engine.version()).toMatch(/^espeak-ng 1\.\d+/);
  });

  it('takes longer over a longer sentence, and speaks a Uyghur one in Uyghur', async () => {
    const short = await engine.synthesize('下一步', 'zh-CN', false);
    const long = await engine.synthesize('普通护照首次申请，按钮，第一项，共六项', 'zh-CN', false);
    const uyghur = await engine.synthesize('كىملىك كارتىڭىزنى ئېلىۋېلىڭ', 'ug', false);
    if (!short.ok || !long.ok || !uyghur.ok) throw new Error('a sentence was not said');
    expect(wavFacts(long.value).seconds).toBeGreaterThan(wavFacts(short.value).seconds * 2);
    expect(wavFacts(uyghur.value).seconds).toBeGreaterThan(1);
  });

  it('reads a sentence that starts with "-" as words, not as one of its options', async () => {
    const said = await engine.synthesize('-w /tmp/x.wav 减号', 'zh-CN', false);
    if (!said.ok) throw new Error(said.error.message);
    expect(wavFacts(said.value).seconds).toBeGreaterThan(1);
  });

  it('keeps a public sentence (heard twice, made once) but never a personal one, and logs neither', async () => {
    const first = await engine.synthesize('返回首页', 'zh-CN', false);
    const again = await engine.synthesize('返回首页', 'zh-CN', false);
    if (!first.ok || !again.ok) throw new Error('not said');
    expect(again.value).toBe(first.value);
    const mine = await engine.synthesize('110101199003077777', 'zh-CN', true);
    const mineAgain = await engine.synthesize('110101199003077777', 'zh-CN', true);
    if (!mine.ok || !mineAgain.ok) throw new Error('not said');
    expect(mineAgain.value).not.toBe(mine.value);
    expect(logged()).toContain('speech.loaded');
    expect(logged()).not.toContain('110101199003077777');
    expect(logged()).not.toContain('返回首页');
  });
});

describe("a kiosk without the voice's files", () => {
  it('says what is missing and answers speech_unavailable at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'speech-missing-'));
    const missing = createSpeechEngine({ distDir: dir, timeoutMs: 1000, log, clock: systemClock });
    expect(missing.available).toBe(false);
    expect(missing.locales).toEqual([]);
    expect(missing.problem).toContain('speech-worker.cjs');
    const said = await missing.synthesize('下一步', 'zh-CN', false);
    expect(said.ok ? 'said' : said.error.code).toBe('speech_unavailable');
  });

  it('a damaged synthesizer fails the sentence with a reason, and the next sentence is tried afresh', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'speech-damaged-'));
    mkdirSync(join(dir, 'electron'));
    mkdirSync(join(dir, 'speech'));
    copyFileSync(speechFiles(ENGINE_DIST).worker, join(dir, 'electron', 'speech-worker.cjs'));
    copyFileSync(
      join(speechFiles(ENGINE_DIST).dir, 'espeak-ng.js'),
      join(dir, 'speech', 'espeak-ng.js'),
    );
    writeFileSync(join(dir, 'speech', 'espeak-ng.wasm'), 'not a wasm binary');
    const damaged = createSpeechEngine({
      distDir: join(dir, 'electron'),
      timeoutMs: 10_000,
      log,
      clock: systemClock,
    });
    expect(damaged.available).toBe(true);
    const said = await damaged.synthesize('下一步', 'zh-CN', false);
    expect(said.ok ? 'said' : said.error.code).toBe('speech_failed');
    const again = await damaged.synthesize('下一步', 'zh-CN', false);
    expect(again.ok ? 'said' : again.error.code).toBe('speech_failed');
    await damaged.stop();
  });
});

describe('a citizen pressing on faster than the voice speaks', () => {
  it('makes the sentence in hand and the newest, and drops those in between', async () => {
    const say = (text: string) => engine.synthesize(`${text}，按钮，跳过测试`, 'zh-CN', false);
    const inHand = say('户籍');
    // Its turn has come (the thread is making it) before the citizen presses on.
    await new Promise((resolve) => setImmediate(resolve));
    const asked = [inHand, ...['出入境', '交通管理', '治安管理', '查询办理进度'].map(say)];
    const answers = await Promise.all(asked);
    const codes = answers.map((a) => (a.ok ? 'said' : a.error.code));
    expect(codes[0]).toBe('said');
    expect(codes.at(-1)).toBe('said');
    expect(codes.slice(1, -1)).toEqual([
      'speech_superseded',
      'speech_superseded',
      'speech_superseded',
    ]);
  });
});
