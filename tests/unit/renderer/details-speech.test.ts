import { describe, expect, it } from 'vitest';
import type { Identity } from '../../../core/identity';
import { translate, type MessageKey, type Params } from '../../../renderer/i18n';
import { detailsSpeech, digitByDigit } from '../../../renderer/voice/details-speech';

const t = (key: MessageKey, params?: Params) => translate('zh-CN', key, params);

describe('"读出我的信息"', () => {
  it('reads an ID number digit by digit, X included', () => {
    expect(digitByDigit('11010519491231002X')).toBe('1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 X');
  });

  it('says each detail with its label, and the number digit by digit', () => {
    const identity = {
      kind: 'resident',
      name: '李秀英',
      sex: 'female',
      nation: '汉',
      birthDate: '1950-03-02',
      address: '北京市西城区示例胡同12号',
      idNumber: '110102195003020020',
      validFrom: '2010-04-15',
      validTo: '长期',
    } as unknown as Identity;
    const said = detailsSpeech(identity, t, 'zh-CN');
    expect(said).toContain('姓名：李秀英。');
    expect(said).toContain('性别：女。');
    expect(said).toContain('出生日期：1950年3月2日。');
    expect(said).toContain('住址：北京市西城区示例胡同12号。');
    expect(said).toContain('1 1 0 1 0 2 1 9 5 0 0 3 0 2 0 0 2 0');
    expect(said).not.toContain('110102195003020020');
  });
});
