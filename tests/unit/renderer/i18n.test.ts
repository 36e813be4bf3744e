import { describe, expect, it } from 'vitest';
import { coreText, format } from '../../../core/i18n';
import { translate } from '../../../renderer/i18n';
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
    // `{n}` and ICU's `{n, plural, …}` name the same value.
    const placeholders = (s: string) =>
      [...new Set([...s.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();
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

describe('messages that count', () => {
  it('say one and many the English way, through the language’s plural rules', () => {
    expect(translate('en', 'materials.copies', { copies: 1 })).toBe('1 copy');
    expect(translate('en', 'materials.copies', { copies: 2 })).toBe('2 copies');
    expect(translate('en', 'staff.wrongPin', { n: 1 })).toBe('Wrong PIN; 1 more try');
    expect(translate('en', 'queue.syncScheduled', { n: 1 })).toBe(
      '1 application will be sent now.',
    );
    expect(coreText('en', 'timeLimit.days', { days: 1 })).toBe('1 working day');
    expect(coreText('en', 'timeLimit.days', { days: 20 })).toBe('20 working days');
  });

  it('leave Chinese as written, where nothing changes with the number', () => {
    expect(translate('zh-CN', 'materials.copies', { copies: 1 })).toBe(
      zhCN['materials.copies'].replace('{copies}', '1'),
    );
  });

  it('show a missing value as its placeholder rather than a blank', () => {
    expect(format('en', '{n, plural, one {# copy} other {# copies}}', {})).toContain('{n');
    expect(format('en', 'Step {current}', {})).toBe('Step {current}');
  });
});
