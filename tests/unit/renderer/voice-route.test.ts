import { describe, expect, it } from 'vitest';
import { chooseRoute, personalRoute, type Speakers } from '../../../renderer/voice/route';

const recorded = new Map([['请把身份证放在读卡区。', '/assets/a.ogg']]);
const recording = (text: string): string | null => recorded.get(text) ?? null;
const none: Speakers = { voices: [], canSynthesize: true, engine: [] };
const ownVoice: Speakers = { voices: [], canSynthesize: true, engine: ['zh-CN', 'en', 'ug'] };
const systemVoice: Speakers = {
  voices: [{ lang: 'zh-CN', voiceURI: 'sys-zh', localService: true }],
  canSynthesize: true,
  engine: ['zh-CN', 'en', 'ug'],
};

describe('how a sentence is said', () => {
  it("prefers the system voice, then the recording, then the kiosk's own voice, then the screen's recorded prompt", () => {
    expect(chooseRoute('普通护照首次申请', 'zh-CN', systemVoice, recording, null).kind).toBe(
      'synth',
    );
    expect(chooseRoute('请把身份证放在读卡区。', 'zh-CN', ownVoice, recording, null)).toEqual({
      kind: 'audio',
      url: '/assets/a.ogg',
      text: '请把身份证放在读卡区。',
    });
    expect(
      chooseRoute('普通护照首次申请', 'zh-CN', ownVoice, recording, '请把身份证放在读卡区。'),
    ).toEqual({
      kind: 'engine',
      locale: 'zh-CN',
      text: '普通护照首次申请',
      personal: false,
    });
    // Without the kiosk's voice a sentence nobody recorded falls back to the screen's prompt, or silence.
    expect(
      chooseRoute('普通护照首次申请', 'zh-CN', none, recording, '请把身份证放在读卡区。'),
    ).toMatchObject({
      kind: 'audio',
      text: '请把身份证放在读卡区。',
    });
    expect(chooseRoute('普通护照首次申请', 'zh-CN', none, recording, null).kind).toBe('none');
  });

  it("says the citizen's own words with a voice only, never a recording, and marks them personal", () => {
    expect(personalRoute('110105198806150012', 'zh-CN', systemVoice)?.kind).toBe('synth');
    expect(personalRoute('110105198806150012', 'zh-CN', ownVoice)).toEqual({
      kind: 'engine',
      locale: 'zh-CN',
      text: '110105198806150012',
      personal: true,
    });
    expect(personalRoute('110105198806150012', 'zh-CN', none)).toBeNull();
  });

  it('uses the system voice only where the browser can speak', () => {
    const muted: Speakers = { ...systemVoice, canSynthesize: false };
    expect(chooseRoute('普通护照首次申请', 'zh-CN', muted, recording, null).kind).toBe('engine');
    expect(personalRoute('王晓明', 'en', muted)?.kind).toBe('engine');
  });
});
