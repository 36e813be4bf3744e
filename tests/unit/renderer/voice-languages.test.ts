import { beforeAll, describe, expect, it } from 'vitest';
import { sentenceLocale, voiceLocaleOf } from '../../../core/speech-voices';
import { loadCatalogs } from '../../../renderer/i18n';
import ug from '../../../renderer/i18n/ug.json';
import zhCN from '../../../renderer/i18n/zh-CN.json';
import manifest from '../../../assets/audio/manifest.json';
import { keyPrompt, promptSentences } from '../../../renderer/voice/prompt';
import { recordingName } from '../../../core/recording-name';

beforeAll(async () => {
  await loadCatalogs(['ug', 'bo']);
});

describe('the language the kiosk speaks in', () => {
  it('speaks Uyghur to a Uyghur screen, and Chinese to a Tibetan one (no offline voice speaks Tibetan)', () => {
    expect(voiceLocaleOf('ug')).toBe('ug');
    expect(voiceLocaleOf('bo')).toBe('zh-CN');
    expect(voiceLocaleOf('en')).toBe('en');
  });

  it('asks a Uyghur citizen for their card in Uyghur, and a Tibetan one in Chinese words', () => {
    expect(promptSentences(keyPrompt('voice.takeCard'), 'ug')).toEqual([
      { text: ug['voice.takeCard'], locale: 'ug' },
    ]);
    expect(promptSentences(keyPrompt('voice.takeCard'), 'bo')).toEqual([
      { text: zhCN['voice.takeCard'], locale: 'zh-CN' },
    ]);
  });

  it('reads Chinese words left on a Uyghur screen (a question not yet translated) in Chinese', () => {
    const label = { 'zh-CN': '您的户口所在地', en: 'Where your hukou is' };
    expect(promptSentences({ kind: 'label', text: label, then: 'app.next' }, 'ug')).toEqual([
      { text: '您的户口所在地', locale: 'zh-CN' },
      { text: ug['app.next'], locale: 'ug' },
    ]);
    expect(sentenceLocale('20261207-Q4WZKR-F', 'ug')).toBe('ug');
    expect(sentenceLocale('«خىزمەتچى چاقىرىش» 呼叫工作人员', 'ug')).toBe('ug');
  });

  it('has every Uyghur voice prompt translated and recorded, so no kiosk needs a system voice for them', () => {
    const voiceKeys = Object.keys(zhCN).filter((k) => k.startsWith('voice.'));
    const ugWords = ug as Record<string, string>;
    const recorded = (manifest.texts as Record<string, Record<string, string>>)['ug'] ?? {};
    for (const key of voiceKeys) {
      const text = ugWords[key];
      expect(text, key).toMatch(/\p{Script=Arabic}/u);
      if (!text?.includes('{')) expect(recorded[text ?? ''], key).toMatch(/\.ogg$/);
    }
  });

  it('finds every recording by the name the screen works out from the sentence (no table in the bundle)', () => {
    const texts = manifest.texts as Record<string, Record<string, string>>;
    const entries = Object.entries(texts).flatMap(([locale, byText]) =>
      Object.entries(byText).map(([text, file]) => ({ locale, text, file })),
    );
    expect(entries.length).toBeGreaterThan(400);
    for (const { locale, text, file } of entries)
      expect(recordingName(locale, text), text).toBe(file);
    // A changed sentence is another file.
    expect(recordingName('ug', ug['voice.takeCard'])).not.toBe(
      recordingName('zh-CN', zhCN['voice.takeCard']),
    );
  });
});
