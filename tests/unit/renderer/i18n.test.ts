import { describe, expect, it } from 'vitest';
import coreEn from '../../../core/i18n/en.json';
import coreZh from '../../../core/i18n/zh-CN.json';
import en from '../../../renderer/i18n/en.json';
import zhCN from '../../../renderer/i18n/zh-CN.json';

const catalogs = [
  { name: 'renderer', zh: zhCN as Record<string, string>, en: en as Record<string, string> },
  { name: 'core', zh: coreZh as Record<string, string>, en: coreEn as Record<string, string> },
];

describe.each(catalogs)('i18n catalogs ($name)', ({ zh, en }) => {
  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });
  it('have no empty message', () => {
    for (const [key, value] of [...Object.entries(zh), ...Object.entries(en)])
      expect(value.trim(), key).not.toBe('');
  });
  it('use the same placeholders on both sides', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(zh)) {
      expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(zh[key] ?? ''));
    }
  });
});

describe('one catalog per word', () => {
  it('never defines a key in both the renderer and core', () => {
    const shared = Object.keys(zhCN).filter((key) => Object.hasOwn(coreZh, key));
    expect(shared).toEqual([]);
  });
});
