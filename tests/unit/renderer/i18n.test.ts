import { describe, expect, it } from 'vitest';
import en from '../../../renderer/i18n/en.json';
import zhCN from '../../../renderer/i18n/zh-CN.json';

describe('i18n catalogs', () => {
  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });
  it('have no empty message', () => {
    for (const [key, value] of [...Object.entries(zhCN), ...Object.entries(en)])
      expect(value.trim(), key).not.toBe('');
  });
  it('use the same placeholders on both sides', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });
});
