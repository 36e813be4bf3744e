import { describe, expect, it } from 'vitest';
import { describeControl, describeState } from '../../../renderer/audio/describe';
import { translate, type MessageKey, type Params } from '../../../renderer/i18n';

const zh = (key: MessageKey, params?: Params) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Params) => translate('en', key, params);
const texts = (spoken: readonly { text: string }[]) => spoken.map((s) => s.text);

describe('what the audio-only mode says of a control', () => {
  it('names a button and says what it is, and when it cannot be used yet', () => {
    expect(texts(describeControl({ role: 'button', name: '下一步', disabled: false }, zh))).toEqual(
      ['下一步', '按钮'],
    );
    expect(texts(describeControl({ role: 'button', name: 'Submit', disabled: true }, en))).toEqual([
      'Submit',
      'button',
      'not available yet',
    ]);
  });

  it('says a choice, whether it is chosen, and where it is among the choices', () => {
    const facts = { role: 'radio', name: '不是', checked: false, index: 1, count: 2 } as const;
    expect(texts(describeControl(facts, zh))).toEqual(['不是', '未选中', '第 1 项，共 2 项']);
    expect(texts(describeState({ ...facts, checked: true }, zh))).toEqual(['已选中', '不是']);
  });

  it('names the group on entering it, so 带来了 is known to be for one material', () => {
    const facts = { role: 'toggle', name: '带来了', pressed: false, disabled: false } as const;
    expect(texts(describeControl(facts, zh, '结婚证'))).toEqual([
      '结婚证',
      '带来了',
      '按钮',
      '未选',
    ]);
    expect(texts(describeControl(facts, zh))).toEqual(['带来了', '按钮', '未选']);
    expect(texts(describeState({ ...facts, pressed: true }, zh))).toEqual(['带来了', '已选']);
  });

  it('marks what a citizen typed as personal, digit by digit, and says an empty field is empty', () => {
    const typed = describeControl({ role: 'textbox', name: '您的手机号码', value: '138' }, zh);
    expect(typed.at(-1)).toEqual({ text: '1 3 8', personal: true });
    expect(typed.slice(0, -1).every((s) => !s.personal)).toBe(true);
    const empty = describeControl({ role: 'textbox', name: '您的手机号码', value: '' }, zh);
    expect(texts(empty)).toEqual(['您的手机号码', '输入框', '空白']);
  });

  it('keeps a passage personal when it shows the citizen’s details', () => {
    expect(describeControl({ role: 'text', name: '姓名 王晓明', personal: true }, zh)).toEqual([
      { text: '姓名 王晓明', personal: true },
    ]);
    expect(describeControl({ role: 'heading', name: '办事指南' }, zh)).toEqual([
      { text: '办事指南', personal: false },
    ]);
  });

  it('has nothing to add after activating a plain button: the next screen speaks', () => {
    expect(describeState({ role: 'button', name: '下一步', disabled: false }, zh)).toEqual([]);
  });
});
